"""The delivery pages: partners' updates and the ERB's review of them, rounds and chasing,
metrics, the dashboard, employer feedback, the review of the plan, the progress report and
the monitoring return. Every page checks the role for the area (AreaPermissionMixin) and
reads records through `lsip.delivery.access`, so a partner contributor reaches only the
activities their organisation leads or supports."""

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from lsip.accounts.lockout import client_ip
from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.core.exports import download
from lsip.core.forms import add_rule_errors
from lsip.delivery import access, feedback, metrics, monitoring, report, review, rounds, updates
from lsip.delivery.forms import (
    DiscussionForm,
    FeedbackForm,
    MetricUploadForm,
    MonitoringForm,
    ReportForm,
    ReviewEvidenceForm,
    ReviewForm,
    RoundForm,
    SignOffForm,
    UpdateForm,
)
from lsip.delivery.jobs import start_metrics_import, start_reminders
from lsip.delivery.models import Evidence, ProgressReport, Round, Update
from lsip.delivery.progress import activity_progress
from lsip.delivery.rag import plan_rag
from lsip.jobs.services import store_upload
from lsip.plans.models import Priority


def _url(name, area, **kwargs):
    return reverse(f"delivery:{name}", kwargs={"area_slug": area.slug, **kwargs})


def _job_url(job):
    return reverse("jobs:job-detail", kwargs={"area_slug": job.area.slug, "pk": job.pk})


class PlanMixin(AreaPermissionMixin):
    """The plan being delivered in the area (404 when there is none)."""

    @property
    def plan(self):
        if not hasattr(self, "_plan"):
            self._plan = access.current_plan(self.area)
            if self._plan is None:
                raise Http404("The area has no plan yet")
        return self._plan

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plan"] = self.plan
        context["partner_only"] = access.is_partner_only(self.request.user, self.area)
        return context


class Dashboard(PlanMixin, TemplateView):
    """Progress by priority, action and activity with the RAG roll-up (docs/delivery.md)."""

    template_name = "delivery/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        result = plan_rag(self.plan)
        visible = set(
            access.visible_activities(self.request.user, self.area, self.plan).values_list(
                "pk", flat=True
            )
        )
        if context["partner_only"]:
            result = result.limited_to(visible)
        context["rag"] = result
        context["flag"] = None if context["partner_only"] else review.replacement_flag(self.plan)
        context["waiting"] = (
            access.visible_updates(self.request.user, self.area)
            .filter(state=Update.State.SUBMITTED)
            .count()
        )
        return context


class MyUpdates(PlanMixin, TemplateView):
    """What a partner contributor's organisation owes and has reported."""

    capability = Capability.CONTRIBUTE
    template_name = "delivery/my_updates.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        activities = access.visible_activities(user, self.area, self.plan)
        ids = set(activities.values_list("pk", flat=True))
        organisations = access.organisations_of(user, self.area)
        open_rounds = list(Round.objects.filter(plan=self.plan, closed_on__isnull=True))
        given = set(
            Update.objects.filter(
                round__in=open_rounds, organisation__in=organisations
            ).values_list("round_id", "activity_id")
        )
        rows = []
        for progress in activity_progress(self.plan):
            if progress.activity.pk not in ids:
                continue
            leads = {o.pk for o in progress.activity.leads.all()}
            role = "Lead" if leads & {o.pk for o in organisations} else "Supporting partner"
            due = [
                r
                for r in open_rounds
                if role == "Lead"
                and (r.pk, progress.activity.pk) not in given
                and progress.activity.start <= r.period_end
                and progress.activity.end >= r.period_start
            ]
            rows.append({"progress": progress, "role": role, "due": due})
        context.update(
            rows=rows,
            organisations=organisations,
            open_rounds=open_rounds,
            returned=Update.objects.filter(
                organisation__in=organisations, state=Update.State.RETURNED, answered_by=None
            ).select_related("activity"),
        )
        return context


class ActivityMixin(PlanMixin):
    def get_activity(self):
        activities = access.visible_activities(self.request.user, self.area, self.plan)
        return get_object_or_404(
            activities.select_related("action__priority"), pk=self.kwargs["pk"]
        )


class ActivityDetail(ActivityMixin, TemplateView):
    """One activity: where it stands, and every update with its evidence and values."""

    template_name = "delivery/activity_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activity = self.get_activity()
        [progress] = [p for p in activity_progress(self.plan) if p.activity.pk == activity.pk]
        context.update(
            activity=activity,
            progress=progress,
            updates=Update.objects.filter(activity=activity)
            .select_related("organisation", "submitted_by", "reviewed_by", "answers")
            .prefetch_related("evidence", "metric_values__outcome"),
            may_report=bool(access.may_report_on(self.request.user, activity)),
            may_review=access.may_review(self.request.user, self.area),
            review_form=ReviewForm(),
        )
        return context


class UpdateCreate(ActivityMixin, FormView):
    """A partner submits an update on an activity their organisation leads or supports."""

    capability = Capability.CONTRIBUTE
    template_name = "delivery/update_form.html"
    form_class = UpdateForm

    def get_form_kwargs(self):
        from lsip.organisations.models import Organisation

        self.activity = self.get_activity()
        allowed = access.may_report_on(self.request.user, self.activity)
        if not allowed:
            raise PermissionDenied
        return {
            **super().get_form_kwargs(),
            "organisations": Organisation.objects.filter(pk__in=[o.pk for o in allowed]),
            "metrics": updates.metrics_for(self.activity),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["activity"] = self.activity
        answering = self._answering()
        context["answering"] = answering
        return context

    def _answering(self):
        pk = self.request.GET.get("answers") or self.request.POST.get("answers")
        if not pk:
            return None
        # Only a question put to one of the partner's own organisations is theirs to answer.
        return Update.objects.filter(
            pk=pk,
            activity=self.activity,
            state=Update.State.RETURNED,
            organisation__in=access.may_report_on(self.request.user, self.activity),
        ).first()

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            update = updates.submit_update(
                activity=self.activity,
                organisation=data["organisation"],
                actor=self.request.user,
                as_of=data["as_of"],
                status=data["status"],
                percent_complete=data["percent_complete"],
                narrative=data["narrative"],
                links=data["links"],
                files=data["files"],
                values=[updates.Value(o, on, v) for o, on, v in form.values()],
                answers=self._answering(),
            )
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Update sent to the ERB")
        return redirect(_url("activity", self.area, pk=update.activity_id))


class UpdateReview(AreaPermissionMixin, View):
    """ERB staff (in a devolved area the Strategic Authority too) accept an update or send it
    back with a question."""

    capability = Capability.EDIT_PLAN

    def post(self, request, *args, **kwargs):
        update = get_object_or_404(Update, organisation__area=self.area, pk=kwargs["pk"])
        form = ReviewForm(request.POST)
        target = _url("activity", self.area, pk=update.activity_id)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(target)
        try:
            if form.cleaned_data["decision"] == "accept":
                updates.accept_update(update, actor=request.user)
                messages.success(request, "Update accepted")
            else:
                updates.send_back(
                    update, actor=request.user, question=form.cleaned_data["question"]
                )
                messages.success(request, "Update sent back with your question")
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect(target)


class UpdateList(PlanMixin, TemplateView):
    """Updates waiting for the ERB, and the latest reviewed (a partner: their own)."""

    template_name = "delivery/update_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        visible = access.visible_updates(self.request.user, self.area).select_related(
            "activity", "organisation", "submitted_by"
        )
        context["waiting"] = visible.filter(state=Update.State.SUBMITTED).order_by("created_on")
        context["reviewed"] = visible.exclude(state=Update.State.SUBMITTED).order_by(
            "-reviewed_on"
        )[:50]
        return context


class EvidenceFile(AreaPermissionMixin, View):
    """Streams an evidence file to those who may see its update (never a public URL)."""

    def get(self, request, *args, **kwargs):
        visible = access.visible_updates(request.user, self.area)
        evidence = get_object_or_404(Evidence, update__in=visible, pk=kwargs["pk"], file__gt="")
        try:
            handle = evidence.file.open("rb")
        except FileNotFoundError:
            raise Http404("The evidence file is missing") from None
        return FileResponse(handle, as_attachment=True, filename=Path(evidence.file.name).name)


class RoundList(PlanMixin, FormView):
    """The rounds of updates; an ERB admin opens one (the quarter just ended by default)."""

    capability = Capability.EDIT_AREA
    template_name = "delivery/round_list.html"
    form_class = RoundForm

    def get_initial(self):
        taken = Round.objects.filter(plan=self.plan).values_list("name", flat=True)
        return rounds.default_round(timezone.localdate(), taken)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rounds"] = Round.objects.filter(plan=self.plan)
        context["may_open"] = Capability.MANAGE_AREA in self.capabilities
        context["overdue"] = rounds.overdue_milestones(self.plan)
        context["silent"] = [(r, rounds.silent(r)) for r in context["rounds"] if r.is_open]
        return context

    def form_valid(self, form):
        if Capability.MANAGE_AREA not in self.capabilities:
            raise PermissionDenied
        try:
            made = rounds.open_round(plan=self.plan, actor=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Round {made.name} opened: the emails are being sent")
        return redirect(made.get_absolute_url())


class RoundDetail(PlanMixin, TemplateView):
    """Who owes, who has given, who is silent, and every email sent."""

    capability = Capability.EDIT_AREA
    template_name = "delivery/round_detail.html"

    def get_round(self):
        return get_object_or_404(Round, plan__area=self.area, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        round_ = self.get_round()
        context.update(
            round=round_,
            owed=rounds.owed(round_),
            reminders=round_.reminders.select_related("organisation"),
            may_manage=Capability.MANAGE_AREA in self.capabilities,
        )
        return context

    def post(self, request, *args, **kwargs):
        if Capability.MANAGE_AREA not in self.capabilities:
            raise PermissionDenied
        round_ = self.get_round()
        if request.POST.get("action") == "close":
            rounds.close_round(round_, actor=request.user)
            messages.success(request, f"Round {round_.name} closed")
            return redirect(round_.get_absolute_url())
        job = start_reminders(round_, user=request.user)
        return redirect(
            reverse("jobs:job-detail", kwargs={"area_slug": self.area.slug, "pk": job.pk})
        )


class Metrics(PlanMixin, FormView):
    """Each metric against its baseline, milestones and target; ERB staff upload values."""

    template_name = "delivery/metrics.html"
    form_class = MetricUploadForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        values = access.visible_metric_values(self.request.user, self.area)
        context["metrics"] = [
            {"summary": s, "chart": metrics.chart(s, self.plan), "id": f"values-{n}"}
            for n, s in enumerate(metrics.summaries(self.plan, values))
        ]
        context["may_upload"] = Capability.EDIT_AREA in self.capabilities
        return context

    def form_valid(self, form):
        if Capability.EDIT_AREA not in self.capabilities:
            raise PermissionDenied
        uploaded = form.cleaned_data["file"]
        path = store_upload(uploaded, "metric-values-import")
        job = start_metrics_import(
            area=self.area, path=path, filename=uploaded.name, user=self.request.user
        )
        return redirect(
            reverse("jobs:job-detail", kwargs={"area_slug": self.area.slug, "pk": job.pk})
        )


class FeedbackFormView(FormView):
    """The public form per priority: no account; a honeypot and a rate limit keep spam out."""

    template_name = "delivery/feedback_form.html"
    form_class = FeedbackForm

    def dispatch(self, request, *args, **kwargs):
        self.priority = get_object_or_404(
            Priority.objects.select_related("plan__area"),
            plan__area__slug=kwargs["area_slug"],
            pk=kwargs["pk"],
        )
        self.area = self.priority.plan.area
        if access.current_plan(self.area) != self.priority.plan:
            raise Http404("Feedback is asked on the plan being delivered")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(priority=self.priority, area=self.area, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            feedback.record_feedback(
                priority=self.priority,
                working=data["working"],
                comments=data["comments"],
                employer_name=data["employer_name"],
                contact_email=data["contact_email"],
                address=client_ip(self.request),
                honeypot=data["website"],
            )
        except feedback.SpamError as error:
            form.add_error(None, str(error))
            response = self.form_invalid(form)
            response.status_code = 429 if "hour" in str(error) else 400
            return response
        return redirect(_url("feedback-thanks", self.area, pk=self.priority.pk))


class FeedbackThanks(TemplateView):
    template_name = "delivery/feedback_thanks.html"

    def get_context_data(self, **kwargs):
        priority = get_object_or_404(
            Priority, plan__area__slug=kwargs["area_slug"], pk=kwargs["pk"]
        )
        return super().get_context_data(priority=priority, **kwargs)


class FeedbackSummary(PlanMixin, TemplateView):
    """Feedback per priority; the answers' contact details only to those who may see
    personal data."""

    template_name = "delivery/feedback_summary.html"

    def get_context_data(self, **kwargs):
        from lsip.delivery.models import Feedback

        context = super().get_context_data(**kwargs)
        context["summary"] = feedback.summary(self.plan)
        context["answers"] = Feedback.objects.filter(priority__plan=self.plan).select_related(
            "priority", "organisation"
        )[:100]
        context["personal"] = Capability.VIEW_PERSONAL_DATA in self.capabilities
        return context


class Review(PlanMixin, TemplateView):
    """Evidence since approval, the replacement-LSIP flag and the ERB's discussions."""

    template_name = "delivery/review.html"

    def get_context_data(self, **kwargs):
        from lsip.delivery.models import ReviewEvidence

        context = super().get_context_data(**kwargs)
        flag = review.replacement_flag(self.plan)
        context.update(
            flag=flag,
            evidence=ReviewEvidence.objects.filter(plan=self.plan).select_related("priority"),
            may_edit=Capability.EDIT_AREA in self.capabilities,
            evidence_form=kwargs.get("evidence_form") or ReviewEvidenceForm(plan=self.plan),
            discussion_form=kwargs.get("discussion_form")
            or DiscussionForm(needs=review.unlinked_needs(self.plan)),
        )
        return context

    def post(self, request, *args, **kwargs):
        if Capability.EDIT_AREA not in self.capabilities:
            raise PermissionDenied
        if request.POST.get("form") == "discussion":
            form = DiscussionForm(request.POST, needs=review.unlinked_needs(self.plan))
            if form.is_valid():
                review.record_discussion(plan=self.plan, actor=request.user, **form.cleaned_data)
                messages.success(request, "Discussion recorded")
                return redirect(_url("review", self.area))
            return self.render_to_response(self.get_context_data(discussion_form=form))
        form = ReviewEvidenceForm(request.POST, plan=self.plan)
        if form.is_valid():
            try:
                review.record_evidence(plan=self.plan, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_rule_errors(form, error)
            else:
                messages.success(request, "Evidence recorded")
                return redirect(_url("review", self.area))
        return self.render_to_response(self.get_context_data(evidence_form=form))


class ReportView(PlanMixin, TemplateView):
    """The year's progress report: its content, the ERB's narrative and the sign-off."""

    template_name = "delivery/report.html"

    def year(self):
        return int(self.kwargs["year"])

    def get_report(self):
        return ProgressReport.objects.filter(plan=self.plan, year=self.year()).first()

    def decisions(self):
        from lsip.governance.models import Decision

        return Decision.objects.filter(board__area=self.area, outcome="passed")

    def content(self):
        """The report's content; a partner contributor's holds only their organisation's
        activities and the figures it gave (decision 0074), until it is published."""
        user = self.request.user
        if not access.is_partner_only(user, self.area):
            return report.progress_report_content(self.plan, self.year())
        return report.progress_report_content(
            self.plan,
            self.year(),
            activities=access.visible_activities(user, self.area, self.plan),
            values=access.visible_metric_values(user, self.area),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        existing = self.get_report()
        context.update(
            year=self.year(),
            as_of=report.report_date(self.plan, self.year()),
            report=existing,
            content=self.content(),
            may_edit=Capability.EDIT_AREA in self.capabilities,
            report_form=kwargs.get("report_form")
            or ReportForm(
                initial={
                    f: getattr(existing, f, "")
                    for f in ("achieved", "impact", "still_to_achieve", "new_intelligence")
                }
            ),
            sign_off_form=kwargs.get("sign_off_form")
            or SignOffForm(
                decisions=self.decisions(),
                initial={
                    "decision": getattr(existing, "decision_id", None),
                    "publication_date": getattr(existing, "publication_date", None),
                },
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        from lsip.audit.context import save_as

        if Capability.EDIT_AREA not in self.capabilities:
            raise PermissionDenied
        existing = self.get_report() or ProgressReport(plan=self.plan, year=self.year())
        if request.POST.get("form") == "sign_off":
            form = SignOffForm(request.POST, decisions=self.decisions())
            if form.is_valid():
                if existing._state.adding:
                    save_as(request.user, existing)
                try:
                    report.sign_off(existing, actor=request.user, **form.cleaned_data)
                except ValidationError as error:
                    add_rule_errors(form, error)
                else:
                    messages.success(request, "Sign-off recorded")
                    return redirect(request.path)
            return self.render_to_response(self.get_context_data(sign_off_form=form))
        form = ReportForm(request.POST)
        if form.is_valid():
            for name, value in form.cleaned_data.items():
                setattr(existing, name, value)
            save_as(request.user, existing)
            messages.success(request, "Narrative saved")
            return redirect(request.path)
        return self.render_to_response(self.get_context_data(report_form=form))


class Monitoring(PlanMixin, FormView):
    """The monitoring return for Skills England for a period, as CSV, XLSX or JSON."""

    template_name = "delivery/monitoring.html"
    form_class = MonitoringForm

    def get(self, request, *args, **kwargs):
        if "period" in request.GET:
            form = MonitoringForm(request.GET)
            if form.is_valid():
                try:
                    period = monitoring.parse_period(form.cleaned_data["period"], self.plan)
                except monitoring.PeriodError as error:
                    form.add_error("period", str(error))
                else:
                    fmt = form.cleaned_data["format"]
                    limit = None
                    if access.is_partner_only(request.user, self.area):
                        limit = access.visible_activities(request.user, self.area, self.plan)
                    rows = monitoring.monitoring_rows(self.plan, period, limit)
                    name = f"{self.area.slug}-monitoring-{period.name.replace(' ', '-').lower()}"
                    return download(monitoring.COLUMNS, rows, fmt, name)
            return self.render_to_response(self.get_context_data(form=form))
        return super().get(request, *args, **kwargs)
