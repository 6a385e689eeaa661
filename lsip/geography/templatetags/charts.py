"""`{{ spec|vega_spec }}`: a Vega-Lite spec as JSON for the data-spec attribute of
charts/chart.html (Django's autoescaping then makes it safe inside the attribute)."""

import json

from django import template

register = template.Library()


@register.filter
def vega_spec(spec: dict) -> str:
    return json.dumps(spec, separators=(",", ":"), ensure_ascii=False)
