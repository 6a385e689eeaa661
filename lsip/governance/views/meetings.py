"""The board's meetings (the Marches terms of reference, SG 3.3): the schedule, agenda
items and papers, attendance, declarations on items, minutes and recordings, and the action
log. Everyone who may read the area's work reads these pages; the ERB's secretariat
(EDIT_AREA) changes them. Every record is looked up within the area named in the URL."""

from datetime import date
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.views.generic import FormView, TemplateView, View

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.audit.context import save_as
from lsip.core.forms import add_rule_errors
from lsip.governance import frequency, membership
from lsip.governance import meetings as meeting_rules
from lsip.governance.meeting_forms import (
    ActionForm,
    AgendaItemForm,
    AttendanceForm,
    DeclarationForm,
    MeetingForm,
    PaperForm,
    ScheduleForm,
)
from lsip.governance.models import ActionItem, Declaration, Paper, Vote
from lsip.governance.views.common import (
    BoardMixin,
    ItemMixin,
    Loaded,
    MeetingMixin,
    board_url,
    meeting_url,
)


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
        meeting = meeting_rules.save_meeting(form.instance, actor=self.request.user)
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
        save_as(self.request.user, item)
        messages.success(self.request, f"“{item}” added to the agenda")
        return redirect(meeting_url(self.meeting))


class PaperUpload(ItemMixin, FormView):
    capability = Capability.EDIT_AREA
    template_name = "governance/agenda_paper_form.html"
    form_class = PaperForm

    def form_valid(self, form):
        data = form.cleaned_data
        paper = meeting_rules.add_paper(
            self.item, title=data["title"], file=data["file"], actor=self.request.user
        )
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
        declaration = Declaration(item=self.item, **form.cleaned_data)
        try:
            save_as(self.request.user, declaration)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{declaration.person}'s declaration recorded")
        return redirect(meeting_url(self.meeting))


class ActionCreate(MeetingMixin, FormView):
    capability = Capability.EDIT_AREA
    template_name = "governance/action_form.html"
    form_class = ActionForm

    def form_valid(self, form):
        action = form.save(commit=False)
        action.meeting = self.meeting
        save_as(self.request.user, action)
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
        save_as(self.request.user, form.instance)
        messages.success(self.request, "Action saved")
        return redirect(meeting_url(self.meeting))


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
]
