"""Altair charts as self-contained Vega-Lite specs: the same dict is drawn on the page by
charts.js and turned into SVG for PDF and DOCX reports."""

import altair as alt

#: GOV.UK Frontend colours, used in this order for the series of a chart.
PALETTE = ["#1d70b8", "#b1b4b6", "#f47738", "#00703c", "#4c2c92", "#d4351c"]
FONT = "arial, sans-serif"


def titled(text: str, source: str) -> alt.TitleParams:
    """A chart title with its source line as the subtitle: every chart says where its
    figures come from."""
    return alt.TitleParams(text=text, subtitle=[source] if source else [], anchor="start")


def spec_of(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite spec with every dataset inline (no URLs, no named datasets)."""
    chart = chart.configure(font=FONT).configure_range(category=PALETTE)
    with alt.data_transformers.disable_max_rows():
        spec = chart.to_dict()
    datasets = spec.pop("datasets", {})
    _inline(spec, datasets)
    return spec


def _inline(node, datasets):
    if isinstance(node, dict):
        data = node.get("data")
        if isinstance(data, dict) and data.get("name") in datasets:
            node["data"] = {"values": datasets[data["name"]]}
        for value in node.values():
            _inline(value, datasets)
    elif isinstance(node, list):
        for value in node:
            _inline(value, datasets)
