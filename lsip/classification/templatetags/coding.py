"""Template filters for coder results: `{{ value|confidence }}`, `{{ value|confidence:"sic" }}`
(lsip.classification.confidence)."""

from django import template

from lsip.classification.confidence import describe

register = template.Library()


@register.filter
def confidence(value, kind="soc"):
    """The confidence in words, like "Low confidence (0.17): more likely wrong than right;
    check this code"; empty for no figure."""
    described = describe(value, kind)
    return str(described) if described else ""
