"""The area profile: key figures, indicator tables, charts and a district map (the "sense of
place" a plan opens with, as in the model local skills plan), from one call."""

from dataclasses import dataclass

from lsip.economy import charts, frames, indicators
from lsip.economy.indicators import ENGLAND_NAME, Indicator
from lsip.geography.maps import district_map
from lsip.organisations.models import Organisation

#: The figures a district map can be shaded by: key -> (label, legend).
MAP_CHOICES = {
    "employment_rate": ("Employment rate, aged 16-64", "Employment rate (%)"),
    "nvq4": ("People aged 16-64 qualified to NVQ4 or above", "Share (%)"),
    "enterprises": ("Enterprises", "Enterprises"),
    "job_adverts_change": ("Change in online job adverts since the first year", "Change (%)"),
}
FLAGS = {
    "*": "estimate unreliable: small sample (APS)",
    "!": "not available: sample zero or disclosive (APS); an area's sum leaves that district out",
    "~": "estimate under 500 (APS)",
    "-": "incomplete: a district has no figure",
    "x": "left out by ONS for quality",
}


@dataclass
class KeyFigure:
    label: str
    value: str
    england: str
    period: str
    flag: str
    source: str


def _latest(indicator: Indicator, place: str) -> dict | None:
    rows = [
        r for r in indicator.rows if r["place"] == place and r.get("period") == indicator.period
    ]
    return rows[0] if rows else None


def _row(indicator: Indicator, place: str, breakdown: str) -> dict | None:
    for row in indicator.rows:
        if row["place"] == place and row.get("breakdown") == breakdown:
            return row
    return None


def _pct(value) -> str:
    return "–" if value is None else f"{value:.1%}"


def _count(value) -> str:
    return "–" if value is None else f"{value:,.0f}"


NVQ4 = "people=all-people-aged-16-64;qualification=nvq4-plus"


def key_figures(area, ind: dict[str, Indicator]) -> list[KeyFigure]:
    """The profile's headline figures, the area beside England, each with period and source."""
    figures = []

    def add(label, indicator, here, there, value, show):
        figures.append(
            KeyFigure(
                label,
                show(here and value(here)),
                show(there and value(there)),
                indicator.period,
                here["flag"] if here else "",
                " ".join(indicator.sources),
            )
        )

    rate = ind["employment_rate"]
    if not rate.empty:
        here, there = _latest(rate, area.name), _latest(rate, ENGLAND_NAME)
        add("Employment rate, aged 16-64", rate, here, there, lambda r: r["value"], _pct)
        add("People aged 16-64", rate, here, there, lambda r: r["denominator"], _count)
    qualifications = ind["qualifications"]
    if not qualifications.empty:
        add(
            "Qualified to NVQ4 or above, aged 16-64",
            qualifications,
            _row(qualifications, area.name, NVQ4),
            _row(qualifications, ENGLAND_NAME, NVQ4),
            lambda r: r["share"],
            _pct,
        )
    sizes = ind["business_sizes"]
    if not sizes.empty:
        enterprises = ind["enterprises"]
        add(
            "Enterprises",
            enterprises,
            _latest(enterprises, area.name),
            _latest(enterprises, ENGLAND_NAME),
            lambda r: r["value"],
            _count,
        )
        add(
            "Micro enterprises (0 to 9 employees)",
            sizes,
            _row(sizes, area.name, "size=micro"),
            _row(sizes, ENGLAND_NAME, "size=micro"),
            lambda r: r["share"],
            _pct,
        )
    adverts = ind["job_adverts"]
    if not adverts.empty:
        first = adverts.rows[0]["period"]
        add(
            f"Change in online job adverts since {first}",
            adverts,
            _latest(adverts, area.name),
            _latest(adverts, ENGLAND_NAME),
            lambda r: r["change_since_first"],
            _pct,
        )
    return figures


def map_values(area, ind: dict[str, Indicator], choice: str) -> tuple[dict[str, float | None], str]:
    """GSS code -> the chosen figure (percentages as 0-100) for each district, and its source."""
    codes = dict(area.local_authorities.exclude(gss_code="").values_list("name", "gss_code"))
    values: dict[str, float | None] = {}
    if choice == "employment_rate":
        indicator = ind["employment_rate"]
        for name, code in codes.items():
            row = _latest(indicator, name)
            values[code] = None if not row or row["value"] is None else round(100 * row["value"], 1)
    elif choice == "nvq4":
        indicator = ind["qualifications"]
        for name, code in codes.items():
            row = _row(indicator, name, NVQ4)
            values[code] = None if not row or row["share"] is None else round(100 * row["share"], 1)
    elif choice == "enterprises":
        indicator = ind["enterprises"]
        for name, code in codes.items():
            row = _latest(indicator, name)
            values[code] = None if not row else row["value"]
    else:
        indicator = ind["job_adverts"]
        for name, code in codes.items():
            row = _latest(indicator, name)
            change = row and row["change_since_first"]
            values[code] = None if change is None else round(100 * change, 1)
    return values, " ".join(indicator.sources)


def providers(area):
    """The area's providers from the organisation directory (SG 5.2 names them)."""
    return Organisation.objects.filter(area=area, type__in=Organisation.PROVIDER_TYPES).order_by(
        "type", "name"
    )


def build(area, map_choice: str = "employment_rate") -> dict:
    """Everything the profile page (and its export) shows."""
    ind = indicators.profile(area, frames.places_of(area))
    if map_choice not in MAP_CHOICES:
        map_choice = "employment_rate"
    values, source = map_values(area, ind, map_choice)
    title, legend = MAP_CHOICES[map_choice]
    chart_specs = {}
    if not ind["industry"].empty:
        chart_specs["industry"] = charts.shares(
            ind["industry"], area.name, title="Employment by industry: share of all in employment"
        )
    if not ind["occupation"].empty:
        chart_specs["occupation"] = charts.shares(
            ind["occupation"],
            area.name,
            title="Employment by occupation (SOC 2010 sub-major groups)",
        )
    if not ind["business_sizes"].empty:
        chart_specs["business_sizes"] = charts.shares(
            ind["business_sizes"], area.name, title="Enterprises by size band"
        )
    if not ind["qualifications"].empty:
        chart_specs["qualifications"] = charts.shares(
            ind["qualifications"], area.name, title="Highest qualification, aged 16-64"
        )
    if not ind["employment_rate"].empty:
        chart_specs["employment_rate"] = charts.over_time(
            ind["employment_rate"], area.name, title="Employment rate, aged 16-64", percent=True
        )
    if not ind["job_adverts"].empty:
        chart_specs["job_adverts"] = charts.over_time(
            ind["job_adverts"], area.name, title="Online job adverts in January (index)"
        )
    return {
        "indicators": ind,
        "key_figures": key_figures(area, ind),
        "charts": chart_specs,
        "map_choice": map_choice,
        "map_choices": MAP_CHOICES,
        "map": district_map(area, values, title=title, legend=legend, source=source),
        "map_values": values,
        "providers": providers(area),
        "flags": FLAGS,
    }
