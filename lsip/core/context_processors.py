"""Template context shared by every page."""

from django.conf import settings


def product(request):
    """The product name and, inside an area, the area the page belongs to."""
    match = getattr(request, "resolver_match", None)
    return {
        "product_name": "lsip",
        "debug": settings.DEBUG,
        "current_url_name": f"{match.namespace}:{match.url_name}" if match else "",
    }
