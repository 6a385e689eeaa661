"""The cross-cutting duties the plan must consider (Skills and Post-16 Education Act
2022 s1(6): net zero, adaptation to climate change, other environmental goals; SG 2.2:
equality of opportunity), each recorded once."""

from django.urls import path

from lsip.plans import annex_forms
from lsip.plans.models import Duty
from lsip.plans.views.parts import ItemDeleteView, ItemFormView, ItemListView

#: SG 2.2 and the Skills and Post-16 Education Act 2022 s1(6): where each duty comes from.
DUTY_SOURCES = {
    Duty.Kind.NET_ZERO: "Skills and Post-16 Education Act 2022, section 1(6)",
    Duty.Kind.ADAPTATION: "Skills and Post-16 Education Act 2022, section 1(6)",
    Duty.Kind.ENVIRONMENT: "Skills and Post-16 Education Act 2022, section 1(6)",
    Duty.Kind.EQUALITY: "statutory guidance, section 2.2",
}


class DutyPart:
    model = Duty
    list_name = "duty-list"
    noun = "duty"


class DutyList(DutyPart, ItemListView):
    """The four duties the plan must consider, each recorded once, those not yet recorded
    shown as a warning."""

    template_name = "plans/duty_list.html"

    def get_context_data(self, **kwargs):
        recorded = {
            duty.kind: duty for duty in self.plan.duties.prefetch_related("priorities", "actions")
        }
        rows = [
            {
                "kind": value,
                "label": label,
                "source": DUTY_SOURCES[value],
                "duty": recorded.get(value),
            }
            for value, label in Duty.Kind.choices
        ]
        missing = [row["label"].lower() for row in rows if row["duty"] is None]
        return super().get_context_data(rows=rows, missing=missing, **kwargs)


class DutyFormView(DutyPart, ItemFormView):
    form_class = annex_forms.DutyForm
    links = ("priorities", "actions")
    intro = (
        "The plan must consider the skills that contribute to net zero, adaptation to "
        "climate change and other environmental goals (Skills and Post-16 Education Act 2022, "
        "section 1(6)), and equality of opportunity (SG 2.2)."
    )

    def get_initial(self):
        kind = self.request.GET.get("kind", "")
        return {"kind": kind} if kind in Duty.Kind.values else {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.item is None:
            context["title"] = "Record how the plan considered a duty"
        return context


class DutyCreate(DutyFormView):
    pass


class DutyUpdate(DutyFormView):
    item_in_url = True


class DutyDelete(DutyPart, ItemDeleteView):
    pass


urlpatterns = [
    path("<uuid:pk>/duties/", DutyList.as_view(), name="duty-list"),
    path("<uuid:pk>/duties/new/", DutyCreate.as_view(), name="duty-create"),
    path("duties/<uuid:pk>/edit/", DutyUpdate.as_view(), name="duty-update"),
    path("duties/<uuid:pk>/delete/", DutyDelete.as_view(), name="duty-delete"),
]
