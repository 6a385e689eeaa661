"""Formatting figures on pages: `{{ value|pct }}`, `{{ value|count }}`, `{{ value|ratio }}`.
A missing figure shows as an en dash, never as zero."""

from django import template

register = template.Library()
MISSING = "–"


@register.filter
def pct(value, places=1):
    if value is None:
        return MISSING
    return f"{value:.{int(places)}%}"


@register.filter
def count(value):
    if value is None:
        return MISSING
    return f"{value:,.0f}"


@register.filter
def ratio(value):
    if value is None:
        return MISSING
    return f"{value:.2f}"


@register.filter
def signed_pct(value):
    if value is None:
        return MISSING
    return f"{value:+.1%}"


@register.filter
def rows_for(indicator, place):
    return [row for row in indicator.rows if row["place"] == place]


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
