"""The board's standing arrangements beside its people: the membership categories of its
terms of reference with their vacancies (Marches ToR 2), the designation of the area's ERB
(SG Annex C) and the stakeholder communication plan (SG 5.5).

Anyone who may read the area's public pages sees the categories and the designation on the
board's page; the communication plan is the ERB's working record (VIEW_AREA). The ERB's
secretariat (EDIT_AREA) changes them, through `membership.record_vacancy`,
`designation.record` and `audit.context.save_as`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView

from lsip.accounts.mixins import AreaPermissionMixin
from lsip.accounts.roles import Capability
from lsip.audit.context import save_as
from lsip.core.forms import add_rule_errors
from lsip.governance import designation, frequency, membership
from lsip.governance.forms import (
    CategoryForm,
    CommunicationItemForm,
    CommunicationPlanForm,
    DesignationForm,
    FrequencyForm,
)
from lsip.governance.models import (
    BoardCategory,
    CommunicationItem,
    CommunicationPlan,
    MeetingFrequency,
)
from lsip.governance.views.common import BoardMixin, Loaded, board_url


class RecordForm:
    """A form page of one record, saved by `save` (which applies the rules) in form_valid.
    Placed first among the bases, so its capability (EDIT_AREA) is the one checked."""

    capability = Capability.EDIT_AREA
    template_name = "governance/record_form.html"
    heading = submit = ""

    def save(self, form):
        raise NotImplementedError

    def done_url(self) -> str:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.save(form)
        except ValidationError as error:
            add_rule_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{form.instance} saved")
        return redirect(self.done_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.heading, submit=self.submit, cancel_url=self.done_url(), **kwargs
        )


class CategoryUpdate(RecordForm, AreaPermissionMixin, Loaded, FormView):
    """A membership category's seats and, while it is short of members, its vacancy."""

    form_class = CategoryForm
    submit = "Save category"

    def load(self, pk, **kwargs):
        self.category = get_object_or_404(
            BoardCategory.objects.select_related("board__area", "board__cycle"),
            board__area=self.area,
            pk=pk,
        )
        self.board = self.category.board
        self.heading = f"Category {self.category}"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.category}

    def save(self, form):
        membership.record_vacancy(form.instance, actor=self.request.user)

    def done_url(self):
        return self.board.get_absolute_url() + "#categories"

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=self.board, caption=self.board.name, **kwargs)


class FrequencyUpdate(RecordForm, AreaPermissionMixin, Loaded, FormView):
    """One period of how often the board meets (Marches ToR 4), as its terms set it."""

    form_class = FrequencyForm
    submit = "Save period"

    def load(self, pk, **kwargs):
        self.period = get_object_or_404(
            MeetingFrequency.objects.select_related("board__area", "board__cycle"),
            board__area=self.area,
            pk=pk,
        )
        self.board = self.period.board
        self.heading = "How often the board meets"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.period}

    def save(self, form):
        frequency.save_frequency(form.instance, actor=self.request.user)

    def done_url(self):
        return board_url("meeting-list", self.board)

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=self.board, caption=self.board.name, **kwargs)


class DesignationCreate(RecordForm, AreaPermissionMixin, FormView):
    """Record the designation of the area's ERB, as the notice on GOV.UK gives it."""

    form_class = DesignationForm
    heading = "Record the designation of the ERB"
    submit = "Save designation"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "area": self.area}

    def save(self, form):
        form.instance.area = self.area
        designation.record(form.instance, actor=self.request.user)

    def done_url(self):
        return reverse("governance:board-list", kwargs={"area_slug": self.area.slug})

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            caption=self.area.name,
            intro="The Secretary of State designates the ERB that leads the area's LSIP "
            "(statutory guidance, Annex C): the notice names the body, the effective date and "
            "the terms and conditions.",
            **kwargs,
        )


def plan_of(board) -> CommunicationPlan:
    """The board's communication plan as saved, or a new unsaved one."""
    return CommunicationPlan.objects.filter(board=board).first() or CommunicationPlan(board=board)


class CommunicationPlanView(BoardMixin, TemplateView):
    """SG 5.5: the stakeholder communication plan, with its priority groups first."""

    template_name = "governance/communication_plan.html"

    def get_context_data(self, **kwargs):
        plan = plan_of(self.board)
        items = plan.items.all() if plan.pk else []
        return super().get_context_data(plan=plan, items=items, **kwargs)


class CommunicationPlanUpdate(RecordForm, BoardMixin, FormView):
    form_class = CommunicationPlanForm
    heading = "The stakeholder communication plan"
    submit = "Save plan"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": plan_of(self.board)}

    def save(self, form):
        save_as(self.request.user, form.instance)

    def done_url(self):
        return board_url("communication", self.board)

    def get_context_data(self, **kwargs):
        return super().get_context_data(caption=self.board.name, **kwargs)


class CommunicationItemFormView(RecordForm, AreaPermissionMixin, Loaded, FormView):
    """Add a stakeholder to the plan (a board in the URL) or change one (an item)."""

    form_class = CommunicationItemForm
    submit = "Save stakeholder"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.item}

    def save(self, form):
        if form.instance.plan_id is None:
            form.instance.plan = save_as(self.request.user, plan_of(self.board))
        save_as(self.request.user, form.instance)

    def done_url(self):
        return board_url("communication", self.board)

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=self.board, caption=self.board.name, **kwargs)


class CommunicationItemCreate(CommunicationItemFormView):
    heading = "Add a stakeholder to the communication plan"

    def load(self, pk, **kwargs):
        self.board = BoardMixin.load_board(self.area, pk)
        self.item = CommunicationItem()


class CommunicationItemUpdate(CommunicationItemFormView):
    def load(self, pk, **kwargs):
        self.item = get_object_or_404(
            CommunicationItem.objects.select_related("plan__board__area", "plan__board__cycle"),
            plan__board__area=self.area,
            pk=pk,
        )
        self.board = self.item.plan.board
        self.heading = f"Change {self.item}"


urlpatterns = [
    path("categories/<uuid:pk>/edit/", CategoryUpdate.as_view(), name="category-update"),
    path("frequencies/<uuid:pk>/edit/", FrequencyUpdate.as_view(), name="frequency-update"),
    path("designations/new/", DesignationCreate.as_view(), name="designation-create"),
    path("<uuid:pk>/communication/", CommunicationPlanView.as_view(), name="communication"),
    path(
        "<uuid:pk>/communication/edit/",
        CommunicationPlanUpdate.as_view(),
        name="communication-update",
    ),
    path(
        "<uuid:pk>/communication/new/",
        CommunicationItemCreate.as_view(),
        name="communication-item-create",
    ),
    path(
        "communication/<uuid:pk>/edit/",
        CommunicationItemUpdate.as_view(),
        name="communication-item-update",
    ),
]
