"""The one way to read an area's organisations, shared by pages, API and exports."""

from django.db.models import Case, IntegerField, Q, Value, When

from lsip.core.sorting import Column, sorted_by
from lsip.organisations.models import Organisation, SizeBand

Type = Organisation.Type


def _in_order(field: str, values: list[str]) -> Case:
    """An expression ranking `field` by its place in `values`; a blank ranks as NULL."""
    return Case(
        *(When(**{field: value}, then=Value(i)) for i, value in enumerate(values)),
        default=None,
        output_field=IntegerField(),
    )


#: The directory's columns and what each sorts on: type by its label, size band from micro
#: to large; ties and blanks (last) by name.
COLUMNS = [
    Column("name", "Name"),
    Column(
        "type", "Type", _in_order("type", [v for v, _ in sorted(Type.choices, key=lambda c: c[1])])
    ),
    Column("local_authority", "Local authority", "local_authority__name"),
    Column("size_band", "Size band", _in_order("size_band", SizeBand.values)),
]


def sorted_organisations(organisations, sort: str):
    """`organisations` in the order `sort` names ("type", or "-type" for the reverse); an
    unknown key keeps the order by name."""
    return sorted_by(organisations, COLUMNS, sort, "name")


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
    # The area with each row: its link names the area's slug (one query, not one a row).
    organisations = Organisation.objects.filter(area=area).select_related("local_authority", "area")
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
