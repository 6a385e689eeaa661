"""The area profile's charts: each takes an `Indicator` and returns a Vega-Lite spec whose
subtitle is the indicator's source line, so the figures never travel without it."""

import altair as alt

from lsip.core.charts import spec_of, titled
from lsip.economy.indicators import ENGLAND_NAME, Indicator

WIDTH = 560


def _source(indicator: Indicator) -> str:
    return " ".join(indicator.sources)


def shares(indicator: Indicator, place: str, *, title: str) -> dict:
    """Horizontal bars: each breakdown's share in `place` beside England's."""
    values = []
    for row in indicator.rows:
        if row["place"] in (place, ENGLAND_NAME) and row["share"] is not None:
            values.append(
                {
                    "place": row["place"],
                    "what": row["label"],
                    "share": round(row["share"], 4),
                    "flag": row["flag"],
                }
            )
    chart = (
        alt.Chart(alt.InlineData(values=values), title=titled(title, _source(indicator)))
        .mark_bar()
        .encode(
            y=alt.Y("what:N", title=None, sort=None),
            yOffset=alt.YOffset("place:N", sort=[place, ENGLAND_NAME]),
            x=alt.X("share:Q", title=f"Share, {indicator.period}", axis=alt.Axis(format="%")),
            color=alt.Color(
                "place:N", title=None, sort=[place, ENGLAND_NAME], legend=alt.Legend(orient="top")
            ),
            tooltip=[
                alt.Tooltip("place:N", title="Place"),
                alt.Tooltip("what:N", title="Breakdown"),
                alt.Tooltip("share:Q", title="Share", format=".1%"),
                alt.Tooltip("flag:N", title="Flags"),
            ],
        )
        .properties(width=WIDTH)
    )
    return spec_of(chart)


def over_time(indicator: Indicator, place: str, *, title: str, percent: bool = False) -> dict:
    """Lines of `place` and England over the periods; for counts, each indexed to its first
    period = 100 so that an area and England can share one axis."""
    values = []
    for name in (place, ENGLAND_NAME):
        rows = [r for r in indicator.rows if r["place"] == name and r["value"] is not None]
        base = rows[0]["value"] if rows else None
        for row in rows:
            value = row["value"] if percent else 100 * row["value"] / base if base else None
            values.append({"place": name, "period": row["period"], "value": value})
    axis = "Rate" if percent else "Index (first period = 100)"
    chart = (
        alt.Chart(alt.InlineData(values=values), title=titled(title, _source(indicator)))
        .mark_line(point=True)
        .encode(
            x=alt.X("period:N", title=None, sort=None),
            y=alt.Y(
                "value:Q",
                title=axis,
                scale=alt.Scale(zero=False),
                axis=alt.Axis(format="%" if percent else "d"),
            ),
            color=alt.Color(
                "place:N", title=None, sort=[place, ENGLAND_NAME], legend=alt.Legend(orient="top")
            ),
            tooltip=[
                alt.Tooltip("place:N", title="Place"),
                alt.Tooltip("period:N", title="Period"),
                alt.Tooltip("value:Q", title=axis, format=".1%" if percent else ".1f"),
            ],
        )
        .properties(width=WIDTH)
    )
    return spec_of(chart)
