"""The board's meetings and what it decides (the Marches terms of reference, SG 3.3): the
schedule, agenda items and papers, attendance, declarations on items, minutes and
recordings, the action log, decisions with every vote (at a meeting or by written
procedure), LSIF bid endorsements and the ERB's grant.

Everyone who may read the area's work reads these pages; the ERB's secretariat (EDIT_AREA)
changes them. Every record is looked up within the area named in the URL."""

from datetime import date
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView, View

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.audit.context import acting_as
from lsip.core.forms import add_rule_errors
from lsip.governance import frequency, funding, membership, voting
from lsip.governance import meetings as meeting_rules
from lsip.governance.meeting_forms import (
    ActionForm,
    AgendaItemForm,
    AttendanceForm,
    ChooseMeetingForm,
    ClaimForm,
    DecisionForm,
    DeclarationForm,
    GrantCapForm,
    LsifBidForm,
    MeetingForm,
    PaperForm,
    ScheduleForm,
    WrittenDecisionForm,
)
from lsip.governance.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Board,
    Decision,
    Declaration,
    Grant,
    GrantClaim,
    LsifBid,
    Meeting,
    Paper,
    Person,
    Vote,
)

# --- helpers -------------------------------------------------------------------------------


def meeting_url(meeting):
    return reverse(
        "governance:meeting", kwargs={"area_slug": meeting.board.area.slug, "pk": meeting.pk}
    )


def board_url(name, board):
    return reverse(f"governance:{name}", kwargs={"area_slug": board.area.slug, "pk": board.pk})


def meeting_voters(meeting) -> list[tuple[Person, Person]]:
    """(voter, member) for each seat held at the meeting (`voting.seats`), then any stand-in
    attending beside their member (listed so the record shows why their vote is refused)."""
    probe = Decision(board=meeting.board, method=Decision.Method.MEETING, meeting=meeting)
    held = voting.seats(probe)
    members = {p.pk: p for p in Person.objects.filter(pk__in=held)}
    voters = [(held[pk], members[pk]) for pk in held]
    holders = {voter.pk for voter, _ in voters}
    extra = (
        Attendance.objects.filter(
            meeting=meeting,
            person__kind=Person.Kind.STAND_IN,
            status__in=[Attendance.Status.PRESENT, Attendance.Status.STAND_IN],
        )
        .exclude(person__in=holders)
        .select_related("person__stands_in_for")
    )
    voters += [(a.person, a.person.stands_in_for) for a in extra]
    return sorted(voters, key=lambda pair: (pair[1].name, pair[0] != pair[1]))


class Loaded:
    """Placed after AreaPermissionMixin: records are loaded (within `self.area`) only once
    the person is known to hold the capability, so an anonymous visitor is asked to sign in
    and a refused one sees 403 whatever the id."""

    def dispatch(self, request, *args, **kwargs):
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs):
        pass


class BoardMixin(AreaPermissionMixin, Loaded):
    """A page of one board of the area (`pk` in the URL)."""

    def load(self, pk, **kwargs):
        self.board = self.load_board(self.area, pk)

    @staticmethod
    def load_board(area, pk) -> Board:
        return get_object_or_404(Board.objects.select_related("area", "cycle"), area=area, pk=pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=self.board, **kwargs)


class MeetingMixin(AreaPermissionMixin, Loaded):
    """A page of one meeting (`pk` in the URL) of a board of the area."""

    def load(self, pk, **kwargs):
        self.meeting = get_object_or_404(
            Meeting.objects.select_related("board__area", "board__cycle"),
            board__area=self.area,
            pk=pk,
        )
        self.board = self.meeting.board

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=self.board, meeting=self.meeting, **kwargs)


class ItemMixin(AreaPermissionMixin, Loaded):
    """A page of one agenda item (`pk` in the URL)."""

    def load(self, pk, **kwargs):
        self.item = get_object_or_404(
            AgendaItem.objects.select_related("meeting__board__area"),
            meeting__board__area=self.area,
            pk=pk,
        )
        self.meeting = self.item.meeting
        self.board = self.meeting.board

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            board=self.board, meeting=self.meeting, item=self.item, **kwargs
        )


# --- meetings ------------------------------------------------------------------------------


class MeetingList(BoardMixin, TemplateView):
    template_name = "governance/meeting_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = date.today()
        all_meetings = self.board.meetings.all()
        context.update(
            upcoming=all_meetings.filter(date__gte=today),
            past=all_meetings.filter(date__lt=today).order_by("-date"),
            overdue=meeting_rules.overdue_actions(self.board, today).select_related("meeting"),
            recordings=meeting_rules.recordings_to_destroy(self.board),
            gaps=frequency.board_gaps(self.board),
            frequencies=self.board.frequencies.select_related("reduced_by"),
            today=today,
        )
        return context


class ScheduleView(BoardMixin, FormView):
    """Generate meetings every N weeks or months; preview the dates, then create them."""

    capability = Capability.EDIT_AREA
    template_name = "governance/schedule_form.html"
    form_class = ScheduleForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            dates = frequency.dates_every(data["first"], data["until"], **form.interval())
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        if not dates:
            form.add_error("until", "No meeting falls between these dates")
            return self.form_invalid(form)
        existing = set(self.board.meetings.values_list("date", flat=True))
        if "create" not in self.request.POST:
            return self.render_to_response(
                self.get_context_data(form=form, preview=dates, existing=existing)
            )
        try:
            made = meeting_rules.schedule(
                self.board,
                dates,
                actor=self.request.user,
                agreed_by=data.get("agreed_by"),
                title=data["title"],
            )
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{len(made)} meetings scheduled")
        return redirect(board_url("meeting-list", self.board))


class MeetingDetail(MeetingMixin, TemplateView):
    template_name = "governance/meeting_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agenda = self.meeting.agenda.prefetch_related(
            "papers",
            Prefetch("declarations", queryset=Declaration.objects.select_related("person")),
        )
        attendance = self.meeting.attendance.select_related(
            "person", "person__stands_in_for"
        ).order_by("person__kind", "person__name")
        context.update(
            agenda=agenda,
            attendance=attendance,
            decisions=self.meeting.decisions.prefetch_related(
                Prefetch(
                    "votes",
                    queryset=Vote.objects.select_related("voter", "on_behalf_of", "candidate"),
                )
            ).select_related("elected"),
            actions=self.meeting.actions.all(),
            chair_on_the_day=membership.chair_on(self.board, self.meeting.date),
            today=date.today(),
        )
        return context


class MeetingUpdate(MeetingMixin, FormView):
    capability = Capability.EDIT_AREA
    template_name = "governance/meeting_form.html"
    form_class = MeetingForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.meeting}

    def form_valid(self, form):
        with transaction.atomic(), acting_as(self.request.user):
            meeting = form.save()
        messages.success(self.request, f"{meeting} saved")
        return redirect(meeting_url(meeting))


class AgendaCreate(MeetingMixin, FormView):
    capability = Capability.EDIT_AREA
    template_name = "governance/agenda_form.html"
    form_class = AgendaItemForm

    def get_initial(self):
        return {"position": self.meeting.agenda.count() + 1}

    def form_valid(self, form):
        item = form.save(commit=False)
        item.meeting = self.meeting
        with transaction.atomic(), acting_as(self.request.user):
            item.full_clean()
            item.save()
        messages.success(self.request, f"“{item}” added to the agenda")
        return redirect(meeting_url(self.meeting))


class PaperUpload(ItemMixin, FormView):
    capability = Capability.EDIT_AREA
    template_name = "governance/agenda_paper_form.html"
    form_class = PaperForm

    def form_valid(self, form):
        paper = form.save(commit=False)
        paper.item = self.item
        with transaction.atomic(), acting_as(self.request.user):
            paper.save()
        messages.success(self.request, f"Paper “{paper}” uploaded")
        return redirect(meeting_url(self.meeting))


class PaperDownload(AreaPermissionMixin, View):
    """Streams a board paper to those who may read the area (never a public media URL)."""

    def get(self, request, *args, **kwargs):
        paper = get_object_or_404(Paper, item__meeting__board__area=self.area, pk=kwargs["pk"])
        try:
            handle = paper.file.open("rb")
        except FileNotFoundError:
            raise Http404("The paper's file is missing") from None
        return FileResponse(handle, as_attachment=True, filename=Path(paper.file.name).name)


class AttendanceView(MeetingMixin, FormView):
    capability = Capability.EDIT_AREA
    template_name = "governance/meeting_attendance.html"
    form_class = AttendanceForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def form_valid(self, form):
        try:
            meeting_rules.record_attendance(self.meeting, form.statuses(), actor=self.request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, "Attendance saved")
        return redirect(meeting_url(self.meeting))


class DeclarationCreate(ItemMixin, FormView):
    capability = Capability.EDIT_AREA
    template_name = "governance/agenda_declaration_form.html"
    form_class = DeclarationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_valid(self, form):
        with transaction.atomic(), acting_as(self.request.user):
            declaration = Declaration(item=self.item, **form.cleaned_data)
            declaration.full_clean()
            declaration.save()
        messages.success(self.request, f"{declaration.person}'s declaration recorded")
        return redirect(meeting_url(self.meeting))


class ActionCreate(MeetingMixin, FormView):
    capability = Capability.EDIT_AREA
    template_name = "governance/action_form.html"
    form_class = ActionForm

    def form_valid(self, form):
        action = form.save(commit=False)
        action.meeting = self.meeting
        with transaction.atomic(), acting_as(self.request.user):
            action.full_clean()
            action.save()
        messages.success(self.request, "Action added to the log")
        return redirect(meeting_url(self.meeting))


class ActionUpdate(AreaPermissionMixin, Loaded, FormView):
    capability = Capability.EDIT_AREA
    template_name = "governance/action_form.html"
    form_class = ActionForm

    def load(self, pk, **kwargs):
        self.action = get_object_or_404(
            ActionItem.objects.select_related("meeting__board"),
            meeting__board__area=self.area,
            pk=pk,
        )
        self.meeting = self.action.meeting

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.action}

    def get_initial(self):
        return {} if self.action.done_on else {"done_on": date.today()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            board=self.meeting.board, meeting=self.meeting, action=self.action, **kwargs
        )

    def form_valid(self, form):
        with transaction.atomic(), acting_as(self.request.user):
            form.save()
        messages.success(self.request, "Action saved")
        return redirect(meeting_url(self.meeting))


# --- decisions -----------------------------------------------------------------------------


def decisions_with_votes(queryset):
    return queryset.select_related("meeting", "elected", "lsif_bid", "item").prefetch_related(
        "excluded",
        Prefetch(
            "votes",
            queryset=Vote.objects.select_related("voter", "on_behalf_of", "candidate").order_by(
                "on_behalf_of__name"
            ),
        ),
    )


class DecisionList(BoardMixin, TemplateView):
    template_name = "governance/decision_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["decisions"] = decisions_with_votes(self.board.decisions.all())
        return context


class DecisionDetail(AreaPermissionMixin, TemplateView):
    template_name = "governance/decision_detail.html"

    def get_context_data(self, **kwargs):
        decision = get_object_or_404(
            decisions_with_votes(Decision.objects.filter(board__area=self.area)),
            pk=self.kwargs["pk"],
        )
        return super().get_context_data(
            decision=decision, board=decision.board, votes=decision.votes.all(), **kwargs
        )


class MeetingDecisionMixin:
    """The decision form at a meeting: a vote field per seat held there."""

    def meeting_form_kwargs(self, meeting, **extra):
        return {"meeting": meeting, "voters": meeting_voters(meeting), **extra}

    def record_decision(self, form, meeting, **extra) -> Decision | None:
        data = form.cleaned_data
        kind = data.get("kind", Decision.Kind.MOTION)
        ballots = form.ballots(kind)
        if form.errors:
            return None
        options = {
            "board": meeting.board,
            "method": Decision.Method.MEETING,
            "meeting": meeting,
            "item": data.get("item"),
            "question": data["question"],
            "decided_on": data["decided_on"],
            "ballots": ballots,
            "actor": self.request.user,
            "excluded": list(data.get("excluded") or []),
            "casting": data.get("casting") or "",
            **extra,
        }
        try:
            if "lsif_bid" in extra:
                bid = options.pop("lsif_bid")
                return voting.endorse_bid(bid, **options)
            return voting.record(
                kind=kind, casting_candidate=data.get("casting_candidate"), **options
            )
        except ValidationError as error:
            add_rule_errors(form, error)
            return None


class DecisionCreate(MeetingDecisionMixin, MeetingMixin, FormView):
    capability = Capability.EDIT_AREA
    template_name = "governance/decision_form.html"
    form_class = DecisionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), **self.meeting_form_kwargs(self.meeting)}

    def get_initial(self):
        initial = {"decided_on": self.meeting.date}
        item = self.meeting.agenda.filter(pk=self.request.GET.get("item") or None).first()
        if item is not None:
            initial["item"] = item
            initial["question"] = item.title[:300]
            initial["excluded"] = list(
                Person.objects.filter(
                    declarations__item=item,
                    declarations__withdrawn_on__isnull=True,
                    kind=Person.Kind.MEMBER,
                ).distinct()
            )
        return initial

    def form_valid(self, form):
        decision = self.record_decision(form, self.meeting)
        if decision is None:
            return self.form_invalid(form)
        messages.success(self.request, f"Decision recorded: {decision.get_outcome_display()}")
        return redirect(decision_url(decision))


def decision_url(decision):
    return reverse(
        "governance:decision", kwargs={"area_slug": decision.board.area.slug, "pk": decision.pk}
    )


class WrittenDecisionCreate(BoardMixin, FormView):
    capability = Capability.EDIT_AREA
    template_name = "governance/decision_written_form.html"
    form_class = WrittenDecisionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def get_initial(self):
        return {"decided_on": date.today()}

    def form_valid(self, form):
        data = form.cleaned_data
        ballots = form.ballots(Decision.Kind.MOTION)
        if form.errors:
            return self.form_invalid(form)
        try:
            decision = voting.record(
                self.board,
                method=Decision.Method.WRITTEN,
                question=data["question"],
                decided_on=data["decided_on"],
                ballots=ballots,
                actor=self.request.user,
                chair_agreed=data["chair_agreed"],
                casting=data.get("casting") or "",
                excluded=list(data.get("excluded") or []),
            )
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Decision recorded: {decision.get_outcome_display()}")
        return redirect(decision_url(decision))


# --- LSIF bids -----------------------------------------------------------------------------


class LsifList(BoardMixin, TemplateView):
    template_name = "governance/lsif_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bids"] = LsifBid.objects.filter(
            area=self.area, cycle=self.board.cycle
        ).select_related("provider")
        return context


class LsifCreate(BoardMixin, FormView):
    capability = Capability.EDIT_AREA
    template_name = "governance/lsif_form.html"
    form_class = LsifBidForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "area": self.area}

    def get_initial(self):
        return {"proposed_on": date.today()}

    def form_valid(self, form):
        bid = form.save(commit=False)
        bid.area, bid.cycle = self.area, self.board.cycle
        with transaction.atomic(), acting_as(self.request.user):
            bid.full_clean()
            bid.save()
        messages.success(self.request, f"LSIF bid “{bid}” recorded")
        return redirect(board_url("lsif-list", self.board))


class LsifEndorse(MeetingDecisionMixin, AreaPermissionMixin, Loaded, FormView):
    """The board's decision on endorsing a bid, at a meeting chosen first (`?meeting=`)."""

    capability = Capability.EDIT_AREA
    template_name = "governance/lsif_endorse.html"
    form_class = DecisionForm

    def load(self, pk, **kwargs):
        self.bid = get_object_or_404(
            LsifBid.objects.select_related("provider", "cycle"), area=self.area, pk=pk
        )
        self.board = get_object_or_404(Board, area=self.area, cycle=self.bid.cycle)
        self.meeting = None
        chosen = self.request.GET.get("meeting")
        if chosen:
            try:
                self.meeting = self.board.meetings.get(pk=chosen)
            except (Meeting.DoesNotExist, ValidationError):
                raise Http404("No such meeting of this board") from None
        self.joint_bids = None

    def get(self, request, *args, **kwargs):
        if self.meeting is None:
            return self.render_to_response(self.get_context_data(form=None))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.meeting is None:
            raise Http404("Choose the meeting first")
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            **self.meeting_form_kwargs(self.meeting, kinds=False),
        }

    def get_initial(self):
        return {
            "question": f"Endorse {self.bid.provider}'s LSIF application: {self.bid.title}"[:300],
            "decided_on": self.meeting.date,
        }

    def form_valid(self, form):
        if self.bid.status in (LsifBid.Status.ENDORSED, LsifBid.Status.NOT_ENDORSED):
            form.add_error(None, f"The board has already decided: {self.bid.get_status_display()}")
            return self.form_invalid(form)
        decision = self.record_decision(form, self.meeting, lsif_bid=self.bid)
        if decision is None:
            self.bid.refresh_from_db()
            if self.bid.status == LsifBid.Status.JOINT_BID_ASKED:
                self.joint_bids = LsifBid.objects.filter(
                    area=self.bid.area, cycle=self.bid.cycle, status=LsifBid.Status.JOINT_BID_ASKED
                ).select_related("provider")
            return self.form_invalid(form)
        messages.success(self.request, f"Endorsement decided: {decision.get_outcome_display()}")
        return redirect(board_url("lsif-list", self.board))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            bid=self.bid,
            board=self.board,
            meeting=self.meeting,
            joint_bids=self.joint_bids,
            choose=ChooseMeetingForm(board=self.board) if self.meeting is None else None,
        )
        return context


# --- the grant -----------------------------------------------------------------------------


class GrantView(BoardMixin, FormView):
    """The cycle's grant: claims by stage against the cap (Stage 2 guidance 1)."""

    template_name = "governance/grant.html"
    form_class = ClaimForm

    def may_edit(self):
        return Capability.EDIT_AREA in self.capabilities

    def grant(self):
        grant = Grant.objects.filter(area=self.area, cycle=self.board.cycle).first()
        if grant is None and self.may_edit():
            grant = funding.open_grant(self.area, self.board.cycle, actor=self.request.user)
        return grant

    def get_initial(self):
        return {"claimed_on": date.today()}

    def post(self, request, *args, **kwargs):
        if not self.may_edit():
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        grant = self.grant()
        try:
            funding.add_claim(grant, actor=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Claim recorded")
        return redirect(board_url("grant", self.board))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        grant = self.grant()
        cap = grant.cap if grant else None
        claims = list(grant.claims.all()) if grant else []
        total = funding.claimed(grant) if grant else 0
        stages = [
            {
                "label": label,
                "claims": [c for c in claims if c.stage == value],
                "total": sum((c.amount for c in claims if c.stage == value and not c.withdrawn), 0),
            }
            for value, label in GrantClaim.Stage.choices
        ]
        context.update(
            grant=grant,
            cap=cap,
            total=total,
            remaining=None if cap is None else cap - total,
            stages=stages,
            may_edit=self.may_edit(),
            cap_form=GrantCapForm(initial={"cap": cap}) if grant and self.may_edit() else None,
        )
        if not self.may_edit():
            context["form"] = None
        return context


class GrantCapUpdate(GrantView):
    """Set the grant's cap: the figure its terms give, or none (`funding.set_cap`); errors
    are shown on the grant page."""

    capability = Capability.EDIT_AREA
    form_class = GrantCapForm

    def get_initial(self):
        grant = self.grant()
        return {"cap": grant.cap if grant else None}

    def form_valid(self, form):
        try:
            funding.set_cap(self.grant(), form.cleaned_data["cap"], actor=self.request.user)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Cap saved")
        return redirect(board_url("grant", self.board))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cap_form"] = context["form"]
        context["form"] = ClaimForm(initial={"claimed_on": date.today()})
        return context


urlpatterns = [
    path("<uuid:pk>/meetings/", MeetingList.as_view(), name="meeting-list"),
    path("<uuid:pk>/meetings/schedule/", ScheduleView.as_view(), name="schedule"),
    path("meetings/<uuid:pk>/", MeetingDetail.as_view(), name="meeting"),
    path("meetings/<uuid:pk>/edit/", MeetingUpdate.as_view(), name="meeting-update"),
    path("meetings/<uuid:pk>/agenda/new/", AgendaCreate.as_view(), name="agenda-create"),
    path("agenda/<uuid:pk>/papers/new/", PaperUpload.as_view(), name="paper-upload"),
    path("papers/<uuid:pk>/", PaperDownload.as_view(), name="paper-download"),
    path("meetings/<uuid:pk>/attendance/", AttendanceView.as_view(), name="attendance"),
    path(
        "agenda/<uuid:pk>/declarations/new/",
        DeclarationCreate.as_view(),
        name="declaration-create",
    ),
    path("meetings/<uuid:pk>/actions/new/", ActionCreate.as_view(), name="action-create"),
    path("actions/<uuid:pk>/edit/", ActionUpdate.as_view(), name="action-update"),
    path("<uuid:pk>/decisions/", DecisionList.as_view(), name="decision-list"),
    path("meetings/<uuid:pk>/decisions/new/", DecisionCreate.as_view(), name="decision-create"),
    path(
        "<uuid:pk>/decisions/written/",
        WrittenDecisionCreate.as_view(),
        name="decision-written",
    ),
    path("decisions/<uuid:pk>/", DecisionDetail.as_view(), name="decision"),
    path("<uuid:pk>/lsif/", LsifList.as_view(), name="lsif-list"),
    path("<uuid:pk>/lsif/new/", LsifCreate.as_view(), name="lsif-create"),
    path("lsif/<uuid:pk>/endorse/", LsifEndorse.as_view(), name="lsif-endorse"),
    path("<uuid:pk>/grant/", GrantView.as_view(), name="grant"),
    path("<uuid:pk>/grant/cap/", GrantCapUpdate.as_view(), name="grant-cap"),
]
