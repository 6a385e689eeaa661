"""The Annex A table (SG Annex A, Annex D): the occupations and industries the plan
targets, mapped to SOC 2020 and SIC 2007, with the coder's suggestions, and for a role SOC
2020 does not yet describe, its definition and why it has no code."""

from django.urls import path

from lsip.classification.coder.store import CoderFilesMissingError
from lsip.classification.models import SicItem, SocExtendedGroup, SocGroup
from lsip.plans import annex_forms
from lsip.plans.models import OccupationEntry
from lsip.plans.views.parts import ItemDeleteView, ItemFormView, ItemListView


class OccupationPart:
    model = OccupationEntry
    list_name = "occupation-list"
    noun = "Annex A entry"


def with_titles(entries):
    """Each entry with `.soc` and `.sic`: [(code, title or None)], titles of the installed
    SOC 2020 and SIC 2007 (two or three queries for the whole table)."""
    entries = list(entries)
    soc = {c for e in entries for c in e.soc_codes}
    sic = {c for e in entries for c in e.sic_codes}
    titles = dict(SocGroup.objects.filter(code__in=soc).values_list("code", "title"))
    titles |= dict(SocExtendedGroup.objects.filter(code__in=soc).values_list("code", "title"))
    sic_titles = dict(SicItem.objects.filter(code__in=sic).values_list("code", "title"))
    for entry in entries:
        entry.soc = [(code, titles.get(code)) for code in entry.soc_codes]
        entry.sic = [(code, sic_titles.get(code)) for code in entry.sic_codes]
    return entries


class OccupationList(OccupationPart, ItemListView):
    """The Annex A table: each occupation with its SOC 2020 and SIC 2007 codes and titles,
    the mapping's limitations, and for a role SOC 2020 does not describe, its definition and
    the rationale (SG Annex A, Annex D)."""

    template_name = "plans/annex_a.html"

    def get_context_data(self, **kwargs):
        entries = self.plan.occupations.select_related("sector")
        return super().get_context_data(entries=with_titles(entries), **kwargs)


class OccupationFormView(OccupationPart, ItemFormView):
    form_class = annex_forms.OccupationForm
    template_name = "plans/annex_a_form.html"
    intro = (
        "Define an occupation the plan targets and map it to SOC 2020 and SIC 2007 (SG Annex "
        "D). A role that SOC 2020 does not yet describe needs a clear definition and the "
        "reason it has no code."
    )

    def post(self, request, *args, **kwargs):
        if "suggest" in request.POST:
            return self.suggest()
        return super().post(request, *args, **kwargs)

    def suggest(self):
        """The coder's SOC 2020 candidates for the occupation's name, as the area's coding
        pages give them (the area's learned mappings first); nothing is saved."""
        from lsip.classification import services as coding

        data = self.request.POST
        form_class = self.get_form_class()
        initial = {name: data.get(name, "") for name in form_class.base_fields}
        form = form_class(
            plan=self.plan, instance=self.item or self.model(plan=self.plan), initial=initial
        )
        name = data.get("name", "").strip()
        context = {"form": form, "suggested_for": name}
        if not name:
            context["suggest_error"] = "Enter the occupation's name to get suggestions"
        else:
            try:
                coder = coding.soc_coder()
                result = coder.code(name, None, None, coding.learned_mappings(self.area))
                context["suggestions"] = result.candidates
            except CoderFilesMissingError:
                context["suggest_error"] = (
                    "The SOC 2020 files are not installed, so codes cannot be suggested: "
                    "run lsip refdata install"
                )
        return self.render_to_response(self.get_context_data(**context))


class OccupationCreate(OccupationFormView):
    pass


class OccupationUpdate(OccupationFormView):
    item_in_url = True


class OccupationDelete(OccupationPart, ItemDeleteView):
    pass


urlpatterns = [
    path("<uuid:pk>/annex-a/", OccupationList.as_view(), name="occupation-list"),
    path("<uuid:pk>/annex-a/new/", OccupationCreate.as_view(), name="occupation-create"),
    path("annex-a/<uuid:pk>/edit/", OccupationUpdate.as_view(), name="occupation-update"),
    path("annex-a/<uuid:pk>/delete/", OccupationDelete.as_view(), name="occupation-delete"),
]
