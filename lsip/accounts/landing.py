"""Where a person lands after signing in: the work of their own area, not the national list.

A person with a role in one area lands on that area's overview; a person with roles in
several areas chooses one; a Skills England reviewer (and a superuser), who read every area,
land on the national view of all areas (lsip.national, decision 0080).
"""

from itertools import groupby

from django.urls import reverse

from lsip.accounts.access import reads_every_area
from lsip.accounts.roles import Role


def landing_url(user) -> str:
    """The page `user` sees first after signing in (when no `next` page was asked for)."""
    if reads_every_area(user):
        return reverse("england:overview")
    slugs = list(
        user.roles.filter(area__isnull=False)
        .order_by("area__slug")
        .values_list("area__slug", flat=True)
        .distinct()
    )
    if len(slugs) == 1:
        return reverse("areas:area-detail", kwargs={"area_slug": slugs[0]})
    if slugs:
        return reverse("accounts:choose-area")
    return reverse("core:home")


def roles_by_area(user) -> list[tuple]:
    """(area, role labels) for each area in which `user` holds a role, by area name."""
    assignments = (
        user.roles.filter(area__isnull=False).select_related("area").order_by("area__name", "role")
    )
    return [
        (area, [Role(a.role).label for a in held])
        for area, held in groupby(assignments, key=lambda a: a.area)
    ]
