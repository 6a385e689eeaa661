"""Who may do what in which area: the one place the role rules are applied.

Every page, API endpoint, export and admin screen asks these functions; querysets of area
records start from `areas_visible_to`.
"""

from django.db.models import QuerySet

from lsip.accounts.roles import ROLE_CAPABILITIES, Capability, Role


def roles_in(user, area) -> set[Role]:
    """The roles `user` holds that apply to `area` (Skills England's apply everywhere)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cache = user.__dict__.setdefault("_lsip_roles", None)
    if cache is None:
        cache = [(a.area_id, Role(a.role)) for a in user.roles.all()]
        user.__dict__["_lsip_roles"] = cache
    area_id = getattr(area, "pk", area)
    return {
        role
        for role_area, role in cache
        if role_area == area_id or role == Role.SKILLS_ENGLAND_REVIEWER
    }


def capabilities(user, area) -> frozenset[Capability]:
    """Everything `user` may do in `area`; a superuser may do everything."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return frozenset(Capability)
    granted = {Capability.VIEW_PUBLIC}
    for role in roles_in(user, area):
        granted |= ROLE_CAPABILITIES[role]
        if role == Role.STRATEGIC_AUTHORITY_PARTNER and _devolved(area):
            granted.add(Capability.EDIT_PLAN)
    return frozenset(granted)


def _devolved(area) -> bool:
    """SG 3: in a devolved area the Strategic Authority develops the plan with the ERB."""
    from lsip.areas.models import Area

    if not isinstance(area, Area):
        area = Area.objects.filter(pk=area).first()
    return bool(area and area.is_devolved)


def can(user, area, capability: Capability) -> bool:
    return capability in capabilities(user, area)


def reads_every_area(user) -> bool:
    """A superuser, or a Skills England reviewer (SG 4), reads every area's work."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return Role.SKILLS_ENGLAND_REVIEWER in roles_in(user, None)


def areas_visible_to(user, capability: Capability = Capability.VIEW_AREA) -> QuerySet:
    """The areas in which `user` holds `capability` (for lists, search and exports)."""
    from lsip.areas.models import Area

    if not getattr(user, "is_authenticated", False):
        return Area.objects.none()
    if user.is_superuser:
        return Area.objects.all()
    roles = {r for r, caps in ROLE_CAPABILITIES.items() if capability in caps}
    if (
        Role.SKILLS_ENGLAND_REVIEWER in roles
        and user.roles.filter(role=Role.SKILLS_ENGLAND_REVIEWER).exists()
    ):
        return Area.objects.all()
    return Area.objects.filter(roles__user=user, roles__role__in=roles).distinct()
