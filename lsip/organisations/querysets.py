"""The one way to read an area's organisations, shared by pages, API and exports."""

from django.db.models import Q

from lsip.organisations.models import Organisation


def organisations_of(
    area,
    *,
    query: str = "",
    type: str = "",
    include_archived=False,
    size_band: str = "",
    ownership: str = "",
    local_authority=None,
    sector=None,
    erb_member: str = "",
):
    """The area's organisations, filtered. `erb_member` is "yes", "no" or "unknown";
    `local_authority` and `sector` are ids."""
    organisations = Organisation.objects.filter(area=area).select_related("local_authority")
    if not include_archived:
        organisations = organisations.filter(archived_on__isnull=True)
    if query:
        organisations = organisations.filter(
            Q(name__icontains=query) | Q(companies_house_number__iexact=query) | Q(ukprn=query)
        )
    if type:
        organisations = organisations.filter(type=type)
    if size_band:
        organisations = organisations.filter(size_band=size_band)
    if ownership:
        organisations = organisations.filter(ownership=ownership)
    if local_authority:
        organisations = organisations.filter(local_authority_id=local_authority)
    if sector:
        organisations = organisations.filter(sectors__id=sector)
    if erb_member:
        value = {"yes": True, "no": False}.get(erb_member)
        organisations = (
            organisations.filter(erb_member__isnull=True)
            if value is None
            else organisations.filter(erb_member=value)
        )
    return organisations
