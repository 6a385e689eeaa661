"""Outcomes and metrics (SG 7): the plan's outcomes under the four outcome areas, each
with its metric, baseline, target and annual milestones."""

from django.urls import path

from lsip.plans import annex_forms
from lsip.plans.models import Outcome, OutcomeArea
from lsip.plans.views.parts import ItemDeleteView, ItemFormView, ItemListView


class OutcomePart:
    model = Outcome
    list_name = "outcome-list"
    noun = "outcome"


#: What each of the four outcome areas of SG 7 might measure, for an empty group.
OUTCOME_HINTS = {
    OutcomeArea.SKILLS: "For example, the share of employers reporting skills gaps in the "
    "priority occupations.",
    OutcomeArea.EMPLOYERS: "For example, employers meaningfully engaged: co-designing "
    "provision, offering industry placements or taking up learning.",
    OutcomeArea.PROVISION: "For example, changes in the curriculum offer or take-up of "
    "priority provision, entry level to level 8, with progression pathways.",
    OutcomeArea.FUNDING: "For example, how funding is used to support the plan's priorities.",
}


class OutcomeList(OutcomePart, ItemListView):
    """The plan's outcomes under the four outcome areas of SG 7, each with its metric,
    baseline, target and annual milestones."""

    template_name = "plans/outcome_list.html"

    def get_context_data(self, **kwargs):
        outcomes = list(self.plan.outcomes.prefetch_related("priorities"))
        groups = [
            {
                "value": value,
                "label": label,
                "hint": OUTCOME_HINTS[value],
                "outcomes": [o for o in outcomes if o.area_of_outcome == value],
            }
            for value, label in OutcomeArea.choices
        ]
        return super().get_context_data(groups=groups, **kwargs)


class OutcomeFormView(OutcomePart, ItemFormView):
    form_class = annex_forms.OutcomeForm
    links = ("priorities",)
    intro = (
        "An outcome the plan expects over its three years and how progress is measured: one "
        "metric with its baseline, target and annual milestones (SG 7)."
    )

    def get_initial(self):
        area = self.request.GET.get("area", "")
        return {"area_of_outcome": area} if area in OutcomeArea.values else {}


class OutcomeCreate(OutcomeFormView):
    pass


class OutcomeUpdate(OutcomeFormView):
    item_in_url = True


class OutcomeDelete(OutcomePart, ItemDeleteView):
    pass


urlpatterns = [
    path("<uuid:pk>/outcomes/", OutcomeList.as_view(), name="outcome-list"),
    path("<uuid:pk>/outcomes/new/", OutcomeCreate.as_view(), name="outcome-create"),
    path("outcomes/<uuid:pk>/edit/", OutcomeUpdate.as_view(), name="outcome-update"),
    path("outcomes/<uuid:pk>/delete/", OutcomeDelete.as_view(), name="outcome-delete"),
]
