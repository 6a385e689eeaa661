"""The approval pages of an area: the timeline (deadlines, where the plan stands, what is
next and overdue, joint confirmation, disagreements, feedback), the readiness checker, each
lifecycle step, and Skills England's table of every area and its calendar of dates.

Every page asks the area's role rules: anyone who reads the area's records sees them; the
ERB's admin takes the ERB's steps and confirms for the ERB; a Strategic Authority partner
confirms for the Strategic Authority; Skills England's reviewer records feedback and approval
(`lifecycle.may_take`, `joint.may_confirm`)."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from lsip.accounts.access import areas_visible_to, can, reads_every_area
from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.approval import disagreements, feedback, joint, lifecycle, national, readiness
from lsip.approval.forms import (
    AnswerForm,
    CalendarForm,
    ConfirmForm,
    DeferForm,
    DisagreementForm,
    FeedbackForm,
    MoveForm,
    StepForm,
)
from lsip.approval.models import Confirmation, CycleCalendar, Disagreement, FeedbackPoint
from lsip.approval.timeline import timeline
from lsip.areas.models import Cycle
from lsip.core.sorting import sort_headers
from lsip.plans.models import Plan


class CycleMixin(AreaPermissionMixin):
    """The area's cycle named by `?cycle=` (by default the current one) and its plan."""

    def get_cycle(self):
        if not hasattr(self, "_cycle"):
            wanted = self.request.GET.get("cycle") or self.request.POST.get("cycle")
            if wanted:
                try:
                    self._cycle = Cycle.objects.get(area=self.area, pk=wanted)
                except (Cycle.DoesNotExist, ValidationError):
                    raise Http404("No such cycle in this area") from None
            else:
                self._cycle = lifecycle.current_cycle(self.area)
        return self._cycle

    def get_plan(self):
        cycle = self.get_cycle()
        return Plan.objects.filter(cycle=cycle).first() if cycle else None

    def timeline_url(self):
        cycle = self.get_cycle()
        url = reverse("approval:timeline", kwargs={"area_slug": self.area.slug})
        return f"{url}?cycle={cycle.pk}" if cycle else url

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cycle"] = self.get_cycle()
        context["plan"] = self.get_plan()
        context["cycles"] = Cycle.objects.filter(area=self.area).order_by("-start_year")
        context["timeline_url"] = self.timeline_url()
        return context


class TimelineView(CycleMixin, TemplateView):
    """The area's timeline: deadlines, where the plan stands, what is next and overdue."""

    template_name = "approval/timeline.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cycle = context["cycle"]
        if cycle is None:
            return context
        user = self.request.user
        found = timeline(self.area, cycle)
        position = found.position
        plan = context["plan"]
        report = readiness.check_plan(plan) if plan else None
        context.update(
            report=report,
            timeline=found,
            position=position,
            steps=lifecycle.history(cycle),
            next_steps=[
                {
                    "kind": kind,
                    "label": lifecycle.Kind(kind).label,
                    "problems": lifecycle.problems(cycle, kind, report),
                    "may": lifecycle.may_take(user, self.area, kind),
                }
                for kind in position.next_kinds
            ],
            joint_needed=joint.needs_joint_confirmation(self.area),
            parties=[
                {"state": s, "may": joint.may_confirm(user, self.area, s.party)}
                for s in joint.state(cycle)
            ]
            if plan
            else [],
            may_defer=not joint.why_no_deferral(cycle)
            and joint.may_confirm(user, self.area, joint.SA),
            deferral=joint.deferral_statement(cycle) if plan else "",
            disagreements=cycle.disagreements.prefetch_related("events__actor"),
            may_edit=can(user, self.area, Capability.EDIT_PLAN),
            feedback=cycle.feedback.select_related("snapshot", "raised_by", "answered_by"),
            may_review=lifecycle.may_take(user, self.area, lifecycle.Kind.FEEDBACK_RECEIVED),
            submitted=lifecycle.submitted_snapshots(cycle),
        )
        submitted = context["submitted"]
        if len(submitted) > 1 and plan is not None:
            first, last = submitted[0].revision.number, submitted[-1].revision.number
            url = reverse(
                "plans:revision-compare", kwargs={"area_slug": self.area.slug, "pk": plan.pk}
            )
            context["compare_url"] = f"{url}?a={first}&b={last}"
        return context


class ReadinessView(CycleMixin, TemplateView):
    """The readiness checker's result for the cycle's plan, check by check."""

    template_name = "approval/readiness.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = context["plan"]
        context["report"] = readiness.check_plan(plan) if plan else None
        return context


class StepView(CycleMixin, FormView):
    """Take one lifecycle step: the page shows what it needs and, for a submission, the
    readiness checker's result, asking for confirmation when a check fails."""

    template_name = "approval/step.html"
    form_class = StepForm

    def dispatch(self, request, *args, **kwargs):
        if kwargs["kind"] not in lifecycle.Kind.values:
            raise Http404("No such step")
        self.kind = kwargs["kind"]
        return super().dispatch(request, *args, **kwargs)

    def report(self):
        if not hasattr(self, "_report"):
            plan = self.get_plan()
            submitting = self.kind in lifecycle.SUBMISSIONS
            self._report = readiness.check_plan(plan) if (plan and submitting) else None
        return self._report

    def get_form_kwargs(self):
        report = self.report()
        return {**super().get_form_kwargs(), "failing": bool(report and report.failures)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cycle = self.get_cycle()
        context.update(
            kind=self.kind,
            label=lifecycle.Kind(self.kind).label,
            problems=lifecycle.problems(cycle, self.kind, self.report()) if cycle else [],
            may=lifecycle.may_take(self.request.user, self.area, self.kind),
            report=self.report(),
        )
        return context

    def form_valid(self, form):
        cycle = self.get_cycle()
        try:
            step = lifecycle.take(
                cycle,
                self.kind,
                actor=self.request.user,
                note=form.cleaned_data["note"],
                confirm_failures=form.cleaned_data.get("confirm_failures", False),
            )
        except lifecycle.StepRefusedError as refused:
            for reason in refused.reasons:
                form.add_error("confirm_failures" if refused.needs_confirmation else None, reason)
            return self.form_invalid(form)
        messages.success(self.request, f"Recorded: {step.get_kind_display()}")
        return redirect(self.timeline_url())


class ConfirmView(CycleMixin, FormView):
    """A party confirms it is content with the plan as it now stands (SG 3.5, 3.6), or the
    Strategic Authority of a DPP area defers its confirmation."""

    template_name = "approval/confirm.html"

    def dispatch(self, request, *args, **kwargs):
        self.party = kwargs["party"]
        self.deferring = kwargs.get("defer", False)
        if self.party not in Confirmation.Party.values:
            raise Http404("No such party")
        return super().dispatch(request, *args, **kwargs)

    def get_form_class(self):
        return DeferForm if self.deferring else ConfirmForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = context["plan"]
        context.update(
            party=Confirmation.Party(self.party).label,
            deferring=self.deferring,
            revision=joint.latest_revision(plan),
            may=joint.may_confirm(self.request.user, self.area, self.party),
        )
        return context

    def form_valid(self, form):
        try:
            joint.confirm(
                self.get_cycle(),
                self.party,
                actor=self.request.user,
                note=form.cleaned_data["note"],
                deferred=self.deferring,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        verb = "deferred" if self.deferring else "confirmed"
        messages.success(
            self.request, f"The {Confirmation.Party(self.party).label}'s confirmation {verb}"
        )
        return redirect(self.timeline_url())


class DisagreementCreate(CycleMixin, FormView):
    """Record a disagreement between the ERB and the Strategic Authority (SG 3.5)."""

    capability = Capability.EDIT_PLAN
    template_name = "approval/form.html"
    form_class = DisagreementForm
    extra_context = {"title": "Record a disagreement", "button": "Record the disagreement"}

    def form_valid(self, form):
        disagreements.raise_disagreement(
            self.get_cycle(), actor=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, "Disagreement recorded")
        return redirect(self.timeline_url() + "#disagreements")


class DisagreementMove(CycleMixin, FormView):
    """Refer a disagreement on (governance, Skills England, the Secretary of State) or
    record its resolution."""

    capability = Capability.EDIT_PLAN
    template_name = "approval/form.html"
    form_class = MoveForm

    def dispatch(self, request, *args, **kwargs):
        self.disagreement = get_object_or_404(
            Disagreement, area__slug=kwargs["area_slug"], pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_cycle(self):
        return self.disagreement.cycle

    def get_form_kwargs(self):
        stages = [
            (s, Disagreement.Stage(s).label) for s in disagreements.next_stages(self.disagreement)
        ]
        return {**super().get_form_kwargs(), "stages": stages}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=f"Move on: {self.disagreement}",
            intro=f"Now: {self.disagreement.get_stage_display()}.",
            button="Record",
            **kwargs,
        )

    def form_valid(self, form):
        try:
            disagreements.move(
                self.disagreement,
                form.cleaned_data["stage"],
                actor=self.request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(
            self.request, f"“{self.disagreement}”: {self.disagreement.get_stage_display()}"
        )
        return redirect(self.timeline_url() + "#disagreements")


class FeedbackCreate(CycleMixin, FormView):
    """Skills England records a point of feedback on the latest submitted snapshot."""

    template_name = "approval/form.html"
    form_class = FeedbackForm
    extra_context = {"title": "Record feedback", "button": "Record the feedback"}

    def check(self):
        if not lifecycle.may_take(self.request.user, self.area, lifecycle.Kind.FEEDBACK_RECEIVED):
            raise PermissionDenied
        submitted = lifecycle.submitted_snapshots(self.get_cycle())
        if not submitted:
            raise Http404("Nothing submitted yet")
        return submitted[-1]

    def get(self, request, *args, **kwargs):
        self.check()
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        snapshot = self.check()
        feedback.add_point(self.get_cycle(), snapshot, actor=self.request.user, **form.cleaned_data)
        messages.success(self.request, "Feedback recorded")
        return redirect(self.timeline_url() + "#feedback")


class FeedbackAnswer(CycleMixin, FormView):
    """The ERB answers a point of Skills England's feedback."""

    capability = Capability.EDIT_PLAN
    template_name = "approval/form.html"
    form_class = AnswerForm

    def dispatch(self, request, *args, **kwargs):
        self.point = get_object_or_404(
            FeedbackPoint, area__slug=kwargs["area_slug"], pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_cycle(self):
        return self.point.cycle

    def get_initial(self):
        return {"answer": self.point.answer}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title="Answer Skills England's feedback",
            intro=self.point.point,
            button="Save",
            **kwargs,
        )

    def form_valid(self, form):
        feedback.answer(self.point, text=form.cleaned_data["answer"], actor=self.request.user)
        messages.success(self.request, "Answer saved")
        return redirect(self.timeline_url() + "#feedback")


# Skills England: every area, and the calendar -----------------------------------------------


class NationalMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if not reads_every_area(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class NationalView(NationalMixin, TemplateView):
    """Every area's lifecycle step and readiness in one table, sortable by any column."""

    template_name = "approval/national.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sort = self.request.GET.get("sort", "area")
        rows = national.rows(areas_visible_to(self.request.user))
        context.update(
            rows=national.sort(rows, sort),
            headers=sort_headers(self.request.GET, national.COLUMNS, sort),
            calendars=CycleCalendar.objects.all(),
            today=date.today(),
            may_edit_calendar=True,
        )
        return context


class CalendarUpdate(NationalMixin, FormView):
    """Skills England changes the dates of a cycle (SG 3.5: "exact dates will be
    confirmed")."""

    template_name = "approval/form.html"
    form_class = CalendarForm

    def dispatch(self, request, *args, **kwargs):
        self.calendar = get_object_or_404(CycleCalendar, start_year=kwargs["year"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.calendar}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=f"Dates of the {self.calendar.start_year}-{self.calendar.start_year + 3} cycle",
            intro="Every area's cycle starting this year uses these dates unless the area's "
            "own cycle sets its own.",
            button="Save the dates",
            **kwargs,
        )

    def form_valid(self, form):
        from lsip.audit.context import save_as

        save_as(self.request.user, form.instance)
        messages.success(self.request, "Dates saved")
        return redirect(reverse("approval_national:table"))
