"""The one way to search and read SOC 2020 and SIC 2007, shared by the pages and the API."""

from django.db.models import Count, Q, QuerySet

from lsip.classification.codes import sic_code, soc_ext_code, soc_group_code
from lsip.classification.models import (
    CodingReview,
    SicActivity,
    SicItem,
    SocExtendedGroup,
    SocGroup,
    SocIndexTitle,
)


def soc_groups(*, query: str = "", level: str = "") -> QuerySet[SocGroup]:
    """SOC groups matching a code ("61", "6135", "6135/02"), a title or an index job title.

    A code finds the group and the groups within it; words find groups whose title, or one
    of whose extended groups or coding index titles, contains them.
    """
    groups = SocGroup.objects.all()
    query = " ".join(query.split())
    if level:
        groups = groups.filter(level=level)
    if not query:
        return groups
    if code := soc_group_code(query):
        return groups.filter(code__startswith=code)
    if ext := soc_ext_code(query):
        return groups.filter(code=ext[:4])
    return groups.filter(
        Q(title__icontains=query)
        | Q(code__in=SocIndexTitle.objects.filter(title__icontains=query).values("unit_group"))
        | Q(code__in=SocExtendedGroup.objects.filter(title__icontains=query).values("unit_group"))
    )


def soc_index_titles(*, unit_group: str = "", query: str = "") -> QuerySet:
    """Distinct (title, extended group) pairs of the coding index, by title.

    The installed extract repeats some titles under one code (see `SocIndexTitle`); a
    reader needs each once. Titles ONS does not code alone have no extended group.
    """
    titles = SocIndexTitle.objects.all()
    if unit_group:
        titles = titles.filter(unit_group_id=unit_group)
    if query:
        titles = titles.filter(title__icontains=" ".join(query.split()))
    return (
        titles.values("title", "unit_group_id", "extended_group_id", "extended_group__title")
        .distinct()
        .order_by("title", "extended_group_id")
    )


def soc_extended_groups(unit_group: str) -> QuerySet[SocExtendedGroup]:
    return SocExtendedGroup.objects.filter(unit_group_id=unit_group).annotate(
        titles=Count("index_titles")
    )


def sic_items(*, query: str = "", level: str = "") -> QuerySet[SicItem]:
    """SIC items matching a code in any form ("10.51", "1051", "10511"), a title or an activity.

    A code finds the item and the items within it; words find items whose title, or one of
    whose index activities, contains them.
    """
    items = SicItem.objects.all()
    query = " ".join(query.split())
    if level:
        items = items.filter(level=level)
    if not query:
        return items
    if code := sic_code(query):
        if len(code) == 1:
            return items.filter(code=code)
        return items.filter(code__startswith=code)
    return items.filter(
        Q(title__icontains=query)
        | Q(code__in=SicActivity.objects.filter(activity__icontains=query).values("item"))
    )


def sic_activities(*, item: SicItem | None = None, query: str = "") -> QuerySet[SicActivity]:
    """Index activities, by activity: of a class and its subclasses, or of one subclass."""
    activities = SicActivity.objects.select_related("item")
    if item is not None:
        activities = activities.filter(Q(item_id=item.code) | Q(item__parent_id=item.code))
    if query:
        activities = activities.filter(activity__icontains=" ".join(query.split()))
    return activities.order_by("activity", "item_id")


def sic_item(code: str) -> SicItem | None:
    """The item of a code typed or written in any form, with its ancestors, or None."""
    canonical = sic_code(code)
    if canonical is None:
        return None
    items = SicItem.objects.select_related("parent__parent__parent__parent")
    return items.filter(code=canonical).first()


def soc_group(code: str) -> SocGroup | None:
    """The group of a 1- to 4-digit code, with its ancestors, or None."""
    canonical = soc_group_code(code)
    if canonical is None:
        return None
    return SocGroup.objects.select_related("parent__parent__parent").filter(code=canonical).first()


def pending_reviews(area) -> QuerySet[CodingReview]:
    """The area's job titles waiting for a person to choose their SOC code, oldest first."""
    return CodingReview.objects.filter(area=area, status=CodingReview.Status.PENDING)
