"""The one way to read an area's organisations, shared by pages, API and exports."""

from django.db.models import Case, F, IntegerField, Q, Value, When

from lsip.organisations.models import Organisation, SizeBand

Type = Organisation.Type


def _in_order(field: str, values: list[str]) -> Case:
    """An expression ranking `field` by its place in `values`; a blank ranks as NULL."""
    return Case(
        *(When(**{field: value}, then=Value(i)) for i, value in enumerate(values)),
        default=None,
        output_field=IntegerField(),
    )


#: The columns the directory can be sorted by, and what each sorts on: type by its label,
#: size band from micro to large; ties and blanks (last) by name.
SORTS = {
    "name": F("name"),
    "type": _in_order("type", [value for value, label in sorted(Type.choices, key=lambda c: c[1])]),
    "local_authority": F("local_authority__name"),
    "size_band": _in_order("size_band", SizeBand.values),
}


def sorted_by(organisations, sort: str):
    """`organisations` in the order `sort` names ("type", or "-type" for the reverse); an
    unknown key keeps the order by name."""
    expression = SORTS.get(sort.removeprefix("-"))
    if expression is None:
        return organisations.order_by("name")
    if sort.startswith("-"):
        return organisations.order_by(expression.desc(nulls_last=True), "name")
    return organisations.order_by(expression.asc(nulls_last=True), "name")


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
