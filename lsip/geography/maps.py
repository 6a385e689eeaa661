"""Vega-Lite map specs of an area's districts, built with Altair, ready for charts/chart.html.

A spec is self-contained (`lsip.core.charts.spec_of`): the boundaries travel inline as the
data `values` (no URLs), so a page, an export or a test can render it as it is.
"""

import math

import altair as alt

from lsip.core.charts import spec_of, titled
from lsip.geography.models import Boundary

NO_DATA = "No data"
NO_DATA_GREY = "#b1b4b6"  # GOV.UK mid-grey
OUTLINE = "#0b0c0c"
WIDTH, HEIGHT = 560, 480


def district_map(
    area, values: dict[str, float | None], *, title: str, legend: str, source: str
) -> dict:
    """A Vega-Lite spec of `area`'s districts shaded by `values` (keyed by GSS code).

    Districts with no value (missing or None) are drawn grey with "No data" in the tooltip;
    the tooltip gives the district and its value; `source` is the subtitle. Mercator,
    fitted to the districts. With `values` empty every district is "No data": pass
    `outline_map` instead for a plain outline.
    """
    features = _district_features(area, values)
    chart = (
        alt.Chart(alt.InlineData(values=features), title=_title(title, source))
        .mark_geoshape(stroke="#ffffff", strokeWidth=1)
        .encode(
            color=alt.condition(
                "isValid(datum.properties.value)",
                alt.Color(
                    "properties.value:Q",
                    title=legend,
                    scale=alt.Scale(scheme="blues"),
                    legend=alt.Legend(orient="bottom"),
                ),
                alt.value(NO_DATA_GREY),
            ),
            tooltip=[
                alt.Tooltip("properties.name:N", title="District"),
                alt.Tooltip("properties.label:N", title=legend),
            ],
        )
    )
    return _spec(chart)


def outline_map(area, *, title: str, source: str) -> dict:
    """A Vega-Lite spec of `area`'s district outlines, with the district name as tooltip."""
    features = _district_features(area, {})
    chart = (
        alt.Chart(alt.InlineData(values=features), title=_title(title, source))
        .mark_geoshape(fill="#d2e2f1", stroke=OUTLINE, strokeWidth=0.8)
        .encode(tooltip=[alt.Tooltip("properties.name:N", title="District")])
    )
    return _spec(chart)


def _district_features(area, values: dict[str, float | None]) -> list[dict]:
    districts = {la.gss_code: la for la in area.local_authorities.all() if la.gss_code}
    boundaries = Boundary.objects.filter(
        kind=Boundary.Kind.LOCAL_AUTHORITY, code__in=list(districts)
    ).order_by("name")
    features = []
    for boundary in boundaries:
        value = values.get(boundary.code)
        if value is not None and (not isinstance(value, int | float) or math.isnan(value)):
            value = None
        features.append(
            {
                "type": "Feature",
                "geometry": for_vega(boundary.geometry),
                "properties": {
                    "code": boundary.code,
                    "name": districts[boundary.code].name,
                    "value": value,
                    "label": NO_DATA if value is None else _format(value),
                },
            }
        )
    return features


def _format(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _title(title: str, source: str) -> alt.TitleParams:
    return titled(title, source)


def _spec(chart: alt.Chart) -> dict:
    return spec_of(chart.project(type="mercator").properties(width=WIDTH, height=HEIGHT))


def for_vega(geometry: dict) -> dict:
    """A stored (RFC 7946) geometry with its rings wound the other way, as d3-geo and so
    Vega expect (exterior clockwise): otherwise each shape would fill the rest of the globe."""

    def polygon(rings):
        return [list(reversed(ring)) for ring in rings]

    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": polygon(geometry["coordinates"])}
    return {"type": "MultiPolygon", "coordinates": [polygon(p) for p in geometry["coordinates"]]}
