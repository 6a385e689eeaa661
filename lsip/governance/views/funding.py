"""The ERB's money and the board's endorsements: LSIF bids (Stage 2 guidance 3.5) and the
cycle's grant with its claims against the grant's cap (Stage 2 guidance 2)."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.audit.context import acting_as
from lsip.core.forms import add_rule_errors
from lsip.governance import funding
from lsip.governance.meeting_forms import (
    ChooseMeetingForm,
    ClaimForm,
    DecisionForm,
    GrantCapForm,
    LsifBidForm,
)
from lsip.governance.models import Board, Grant, GrantClaim, LsifBid, Meeting
from lsip.governance.views.common import BoardMixin, Loaded, board_url
from lsip.governance.views.decisions import MeetingDecisionMixin


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
    path("<uuid:pk>/lsif/", LsifList.as_view(), name="lsif-list"),
    path("<uuid:pk>/lsif/new/", LsifCreate.as_view(), name="lsif-create"),
    path("lsif/<uuid:pk>/endorse/", LsifEndorse.as_view(), name="lsif-endorse"),
    path("<uuid:pk>/grant/", GrantView.as_view(), name="grant"),
    path("<uuid:pk>/grant/cap/", GrantCapUpdate.as_view(), name="grant-cap"),
]
