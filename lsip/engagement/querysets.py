"""The one way to read an area's engagements and skills needs: pages, API and exports."""

import uuid

from django.db.models import Count

from lsip.core.sorting import Column, sorted_by
from lsip.engagement.models import Engagement, SkillsNeed


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


#: The engagement list's columns: sorted by date, or by how many skills needs each raised.
LIST_COLUMNS = [
    Column("date", "Engagement"),
    Column("organisations", "Organisations", sortable=False),
    Column("needs", "Skills needs", "needs_count", numeric=True),
]


def listed(engagements, sort: str):
    """`engagements` in the order `sort` names (`date`, `-needs`...), newest first otherwise.
    Sorting by skills needs counts them for every engagement; otherwise `needs_counted`
    counts them for the page shown only."""
    if sort.removeprefix("-") == "needs":
        engagements = engagements.annotate(needs_count=Count("needs", distinct=True))
    return sorted_by(engagements, LIST_COLUMNS, sort, "-date", "-created_on")


def needs_counted(page) -> None:
    """Give each engagement of a page its `needs_count`, in one query (unless it has it)."""
    missing = [e for e in page if not hasattr(e, "needs_count")]
    counts = dict(
        SkillsNeed.objects.filter(engagement__in=[e.pk for e in missing])
        .values("engagement")
        .annotate(n=Count("id"))
        .values_list("engagement", "n")
    )
    for engagement in missing:
        engagement.needs_count = counts.get(engagement.pk, 0)


def engagements_of(area, *, type="", date_from=None, date_to=None, organisation="", cycle=None):
    """The area's engagements, newest first. `organisation` is an id or part of a name."""
    engagements = Engagement.objects.filter(area=area).select_related("cycle")
    if type:
        engagements = engagements.filter(type=type)
    if date_from:
        engagements = engagements.filter(date__gte=date_from)
    if date_to:
        engagements = engagements.filter(date__lte=date_to)
    if cycle:
        engagements = engagements.filter(cycle=cycle)
    if organisation:
        pk = _uuid(organisation)
        if pk:
            engagements = engagements.filter(organisations__id=pk)
        else:
            ids = Engagement.organisations.through.objects.filter(
                engagement__area=area, organisation__name__icontains=organisation
            ).values("engagement_id")
            engagements = engagements.filter(pk__in=ids)
    return engagements.prefetch_related("organisations")


def needs_of(area, *, engagement=None, organisation=None, need_type="", cycle=None):
    """The area's skills needs with what the evidence needs to say about each."""
    needs = SkillsNeed.objects.filter(area=area).select_related(
        "engagement", "organisation", "organisation__local_authority", "soc_confirmed_by"
    )
    if engagement is not None:
        needs = needs.filter(engagement=engagement)
    if organisation is not None:
        needs = needs.filter(organisation=organisation)
    if need_type:
        needs = needs.filter(need_type=need_type)
    if cycle:
        needs = needs.filter(engagement__cycle=cycle)
    return needs.order_by("engagement__date", "created_on")


def with_soc_titles(needs):
    """Attach `soc_title` and `theme_labels` to each need (one query for the lot), and how
    its code stands (`engagement.coding.with_coding_status`)."""
    from lsip.classification.models import SocGroup
    from lsip.engagement.coding import with_coding_status

    needs = list(needs)
    codes = {n.soc_code for n in needs if n.soc_code}
    titles = dict(SocGroup.objects.filter(code__in=codes).values_list("code", "title"))
    themes = dict(SkillsNeed.Theme.choices)
    for need in needs:
        need.soc_title = titles.get(need.soc_code, "")
        need.theme_labels = [str(themes.get(t, t)) for t in need.themes]
    return with_coding_status(needs)
