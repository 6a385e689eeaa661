"""The board of an area and its register of interests (SG 3.3, SG Annex C).

Anyone may read a board (its members, stand-ins and other attendees) and its register of
interests, as a page and as CSV: neither ever shows an email address or a telephone number.
The ERB's secretariat (EDIT_AREA) sets boards up, changes them, adds and changes people and
records declarations, each through `lsip.governance.membership`, which applies the member
cap, the stand-in and chair rules. Those who read the area's work (VIEW_AREA) read the
history of the register from the audit trail.
"""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.audit.context import acting_as
from lsip.audit.models import AuditEntry
from lsip.core.forms import add_rule_errors
from lsip.governance import designation, membership, terms
from lsip.governance.forms import (
    BoardCreateForm,
    BoardForm,
    DeclarationForm,
    PersonForm,
    interests_text,
)
from lsip.governance.models import Board, Interest, Person, RegisterEntry

KINDS = {kind.value: kind for kind in Person.Kind}


class BoardMixin:
    """Finds the board of the URL within the URL's area (another area's board is a 404)."""

    def dispatch(self, request, *args, **kwargs):
        self.board = get_object_or_404(
            Board.objects.select_related("cycle", "area"),
            area__slug=kwargs["area_slug"],
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=self.board, **kwargs)


class PersonMixin:
    """Finds the person of the URL within the URL's area."""

    def dispatch(self, request, *args, **kwargs):
        self.person = get_object_or_404(
            Person.objects.select_related("board", "board__cycle", "stands_in_for"),
            board__area__slug=kwargs["area_slug"],
            pk=kwargs["pk"],
        )
        self.board = self.person.board
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=self.board, person=self.person, **kwargs)


def people_of(board: Board, *, current: bool = True):
    people = board.people.select_related("organisation", "stands_in_for", "register")
    people = people.filter(left_on__isnull=current)
    return people.prefetch_related("register__interests").order_by("name")


class BoardList(AreaPermissionMixin, TemplateView):
    """The area's boards, one a cycle, newest first."""

    capability = Capability.VIEW_PUBLIC
    template_name = "governance/board_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        boards = {b.cycle_id: b for b in Board.objects.filter(area=self.area)}
        rows = []
        for cycle in self.area.cycles.order_by("-start_year"):
            board = boards.get(cycle.pk)
            members = membership.active(board, Person.Kind.MEMBER).count() if board else 0
            rows.append({"cycle": cycle, "board": board, "members": members})
        context["rows"] = rows
        return context


class BoardCreate(AreaPermissionMixin, FormView):
    capability = Capability.EDIT_AREA
    form_class = BoardCreateForm
    template_name = "governance/board_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "area": self.area}

    def get_initial(self):
        initial = {"name": f"{self.area.name} LSIP Board"}
        cycle = self.request.GET.get("cycle")
        if cycle:
            initial["cycle"] = cycle
        return initial

    def form_valid(self, form):
        board = form.instance
        board.area = self.area
        try:
            terms.set_up_board(board, actor=self.request.user)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{board.name} set up for {board.cycle.label}")
        return redirect(board.get_absolute_url())


class BoardDetail(BoardMixin, AreaPermissionMixin, TemplateView):
    """The board as published: who sits on it, for whom stand-ins stand in, who else attends.
    No contact details."""

    capability = Capability.VIEW_PUBLIC
    template_name = "governance/board_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people = list(people_of(self.board))
        context["members"] = [p for p in people if p.kind == Person.Kind.MEMBER]
        context["stand_ins"] = [p for p in people if p.kind == Person.Kind.STAND_IN]
        context["attendees"] = [p for p in people if p.kind == Person.Kind.ATTENDEE]
        context["former"] = list(people_of(self.board, current=False))
        context["chair"] = next((p for p in context["members"] if p.is_chair), None)
        context["categories"] = membership.category_statuses(self.board)
        context["unfilled"] = [s for s in context["categories"] if s.state == "unfilled"]
        context["designation"] = designation.current(self.area)
        return context


class BoardUpdate(BoardMixin, AreaPermissionMixin, FormView):
    """The board's name, its member cap (through `membership.set_cap`) and its terms of
    reference."""

    capability = Capability.EDIT_AREA
    form_class = BoardForm
    template_name = "governance/board_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Board.objects.get(pk=self.board.pk)}

    def form_valid(self, form):
        board = form.instance
        try:
            membership.set_cap(board, form.cleaned_data["member_cap"], actor=self.request.user)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{board.name} saved")
        return redirect(board.get_absolute_url())


class PersonFormView(AreaPermissionMixin, FormView):
    capability = Capability.EDIT_AREA
    form_class = PersonForm
    template_name = "governance/person_form.html"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": self.get_person(),
            "board": self.board,
            "personal_data": Capability.VIEW_PERSONAL_DATA in self.capabilities,
        }

    def form_valid(self, form):
        person = form.instance
        try:
            membership.save_person(person, actor=self.request.user)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        verb = "left the board" if person.left_on else "saved"
        messages.success(self.request, f"{person.name} {verb}")
        return redirect(self.board.get_absolute_url())


class PersonCreate(BoardMixin, PersonFormView):
    """Add a member, a stand-in or another attendee (`?kind=`)."""

    def dispatch(self, request, *args, **kwargs):
        kind = request.GET.get("kind") or request.POST.get("kind") or Person.Kind.MEMBER
        if kind not in KINDS:
            raise Http404("No such kind of person")
        self.kind = KINDS[kind]
        return super().dispatch(request, *args, **kwargs)

    def get_person(self):
        if not hasattr(self, "_person"):
            self._person = Person(board=self.board, kind=self.kind)
        return self._person

    def get_context_data(self, **kwargs):
        members = membership.active(self.board, Person.Kind.MEMBER).count()
        return super().get_context_data(kind=self.kind, person=None, member_count=members, **kwargs)


class PersonUpdate(PersonMixin, PersonFormView):
    """Change someone's details, or end their place on the board ("left on")."""

    def get_person(self):
        if not hasattr(self, "_person"):
            self._person = Person.objects.get(pk=self.person.pk)
        return self._person

    def get_context_data(self, **kwargs):
        return super().get_context_data(kind=self.person.kind, **kwargs)


def as_at(board: Board, people) -> date | None:
    """The date of the register: its latest declaration, request or departure."""
    dates = []
    for person in people:
        entry = getattr(person, "register", None)
        if entry is not None:
            dates += [entry.requested_on, entry.declared_on]
    dates += board.people.exclude(left_on=None).values_list("left_on", flat=True)
    dates = [d for d in dates if d]
    return max(dates) if dates else None


class Register(BoardMixin, AreaPermissionMixin, TemplateView):
    """The published register of interests (SG Annex C): everyone on the board, with what
    they declared, or that their declaration is awaited and for how long. No contact
    details."""

    capability = Capability.VIEW_PUBLIC
    template_name = "governance/register.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people = list(people_of(self.board))
        waiting = {a.person.pk: a for a in membership.awaited(self.board)}
        for person in people:
            person.awaited = waiting.get(person.pk)
            person.entry = getattr(person, "register", None)
        context["groups"] = [
            ("Members", "members", [p for p in people if p.kind == Person.Kind.MEMBER]),
            ("Stand-ins", "stand-ins", [p for p in people if p.kind == Person.Kind.STAND_IN]),
            (
                "Other attendees",
                "attendees",
                [p for p in people if p.kind == Person.Kind.ATTENDEE],
            ),
        ]
        context["as_at"] = as_at(self.board, people)
        context["awaited"] = list(waiting.values())
        return context


class RegisterCsv(BoardMixin, AreaPermissionMixin, TemplateView):
    """The published register as CSV (`membership.register_csv`: no contact details)."""

    capability = Capability.VIEW_PUBLIC

    def get(self, request, *args, **kwargs):
        response = HttpResponse(
            membership.register_csv(self.board), content_type="text/csv; charset=utf-8"
        )
        filename = f"register-of-interests-{self.area.slug}-{self.board.cycle.label}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class RegisterDeclare(PersonMixin, AreaPermissionMixin, FormView):
    """Record someone's declaration: no interests, or their interests one a line."""

    capability = Capability.EDIT_AREA
    form_class = DeclarationForm
    template_name = "governance/register_declare.html"

    def entry(self) -> RegisterEntry:
        entry = getattr(self.person, "register", None)
        if entry is None:  # someone added before entries were kept: ask for it now
            with acting_as(self.request.user):
                entry = RegisterEntry.objects.create(
                    person=self.person, requested_on=self.person.joined_on or date.today()
                )
        return entry

    def get_initial(self):
        entry = getattr(self.person, "register", None)
        initial = {"declared_on": date.today()}
        if entry is not None and entry.status == RegisterEntry.Status.NONE:
            initial["no_interests"] = True
        elif entry is not None and entry.status == RegisterEntry.Status.DECLARED:
            initial["interests"] = interests_text(entry)
        return initial

    def form_valid(self, form):
        data = form.cleaned_data
        interests = [] if data["no_interests"] else data["parsed"]
        membership.declare(
            self.entry(),
            interests=interests,
            declared_on=data["declared_on"],
            actor=self.request.user,
        )
        messages.success(self.request, f"Declaration of {self.person.name} recorded")
        url = reverse(
            "governance:register", kwargs={"area_slug": self.area.slug, "pk": self.board.pk}
        )
        return redirect(f"{url}#person-{self.person.pk}")


def register_history(board: Board):
    """Every audit entry of the board's register entries and interests, newest first.

    Register entries are found by id. Interests are replaced when a declaration is recorded
    again, so an interest since deleted is found by the entry it belonged to, named in its
    recorded changes ("Register entry of ..."), among the area's entries since the board was
    set up, leaving out interests that belong to another board now."""
    entries = RegisterEntry.objects.filter(person__board=board)
    entry_ids = {str(pk) for pk in entries.values_list("pk", flat=True)}
    names = {str(e) for e in entries.select_related("person")}
    ours = {
        str(pk)
        for pk in Interest.objects.filter(entry__person__board=board).values_list("pk", flat=True)
    }
    theirs = {
        str(pk)
        for pk in Interest.objects.filter(entry__person__board__area=board.area)
        .exclude(entry__person__board=board)
        .values_list("pk", flat=True)
    }
    found = []
    candidates = AuditEntry.objects.filter(
        area=board.area,
        model__in=["governance.RegisterEntry", "governance.Interest"],
        at__gte=board.created_on,
    ).select_related("actor")
    for audit in candidates:
        if audit.model == "governance.RegisterEntry":
            if audit.object_id in entry_ids:
                found.append(audit)
            continue
        if audit.object_id in ours:
            found.append(audit)
        elif audit.object_id not in theirs:
            before, after = (audit.changes.get("entry") or [None, None])[:2]
            if before in names or after in names:
                found.append(audit)
    return found


class RegisterHistory(BoardMixin, AreaPermissionMixin, TemplateView):
    """Every change to the register, from the audit trail, for those who read the area's
    work."""

    capability = Capability.VIEW_AREA
    template_name = "governance/register_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(entries=register_history(self.board), **kwargs)


urlpatterns = [
    path("", BoardList.as_view(), name="board-list"),
    path("new/", BoardCreate.as_view(), name="board-create"),
    path("<uuid:pk>/", BoardDetail.as_view(), name="board"),
    path("<uuid:pk>/edit/", BoardUpdate.as_view(), name="board-update"),
    path("<uuid:pk>/people/new/", PersonCreate.as_view(), name="person-create"),
    path("people/<uuid:pk>/edit/", PersonUpdate.as_view(), name="person-update"),
    path("people/<uuid:pk>/declare/", RegisterDeclare.as_view(), name="register-declare"),
    path("<uuid:pk>/register/", Register.as_view(), name="register"),
    path("<uuid:pk>/register.csv", RegisterCsv.as_view(), name="register-csv"),
    path("<uuid:pk>/register/history/", RegisterHistory.as_view(), name="register-history"),
]
