"""The jobs pages of an area: the list (who started what, when, how long, how it ended), one
job's page with its live progress, its status as JSON for that page's script, retry, and the
file a job made."""

from pathlib import Path

from django.contrib import messages
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import DetailView, ListView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.core.sorting import Column, sort_headers, sorted_by
from lsip.jobs import services
from lsip.jobs.models import Job
from lsip.jobs.status import status_of


class AreaJobsMixin(AreaPermissionMixin):
    """Jobs are found within the area only: the ERB's staff (EDIT_AREA) see all of them, and
    anyone who reads the area sees the jobs they started themselves (a large download)."""

    capability = Capability.VIEW_AREA

    def jobs(self):
        jobs = Job.objects.filter(area=self.area).select_related("started_by", "area")
        if Capability.EDIT_AREA in self.capabilities:
            return jobs
        return jobs.filter(started_by=self.request.user.pk)

    def get_object(self, queryset=None):
        return get_object_or_404(self.jobs(), pk=self.kwargs["pk"])


#: The jobs list's columns; newest first unless sorted.
COLUMNS = [
    Column("title", "Job"),
    Column("started_by", "Started by", "started_by__username"),
    Column("queued_at", "Asked for"),
    Column("took", "Took", sortable=False),
    Column("state", "State"),
    Column("result", "Result", sortable=False),
]


class JobList(AreaJobsMixin, ListView):
    capability = Capability.EDIT_AREA
    template_name = "jobs/job_list.html"
    context_object_name = "jobs"
    paginate_by = 50

    def get_queryset(self):
        return sorted_by(self.jobs(), COLUMNS, self.request.GET.get("sort", ""), "-queued_at")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["headers"] = sort_headers(
            self.request.GET, COLUMNS, self.request.GET.get("sort", "")
        )
        return context


class JobDetail(AreaJobsMixin, DetailView):
    template_name = "jobs/job_detail.html"
    context_object_name = "job"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = self.object
        context["may_retry"] = (
            job.state == Job.State.FAILED and job.started_by_id == self.request.user.pk
        )
        context["problems"] = job.problems[:500]
        context["more_problems"] = max(0, len(job.problems) - 500)
        return context


class JobStatus(AreaJobsMixin, View):
    """The job's state and progress as JSON, polled by the job page's script."""

    def get(self, request, *args, **kwargs):
        return JsonResponse(status_of(self.get_object()))


class JobRetry(AreaJobsMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        job = self.get_object()
        try:
            services.retry(job, request.user)
        except services.RetryRefusedError as refused:
            messages.error(request, str(refused))
        return redirect(job)


class JobResultFile(AreaJobsMixin, View):
    """The file a finished job made (a coded spreadsheet, a document)."""

    def get(self, request, *args, **kwargs):
        job = self.get_object()
        path = Path(job.result_file) if job.result_file else None
        if job.state != Job.State.DONE or path is None or not path.is_file():
            raise Http404("This job has no file to download")
        return FileResponse(path.open("rb"), as_attachment=True, filename=path.name)
