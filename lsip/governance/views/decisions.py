"""The board's decisions with every vote: at a meeting (with members excluded for a declared
interest) or by written procedure, under `voting`. Those who read the area's work read them;
the ERB's secretariat (EDIT_AREA) records them."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.core.forms import add_rule_errors
from lsip.governance import voting
from lsip.governance.meeting_forms import DecisionForm, WrittenDecisionForm
from lsip.governance.models import Attendance, Decision, Person, Vote
from lsip.governance.views.common import BoardMixin, MeetingMixin, decision_url


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


urlpatterns = [
    path("<uuid:pk>/decisions/", DecisionList.as_view(), name="decision-list"),
    path("meetings/<uuid:pk>/decisions/new/", DecisionCreate.as_view(), name="decision-create"),
    path(
        "<uuid:pk>/decisions/written/",
        WrittenDecisionCreate.as_view(),
        name="decision-written",
    ),
    path("decisions/<uuid:pk>/", DecisionDetail.as_view(), name="decision"),
]
