"""The interchange document's JSON Schema at a stable, public address."""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from lsip.interchange.schema import area_schema as schema


@require_safe
def area_schema(request):
    response = JsonResponse(schema(), json_dumps_params={"indent": 1, "sort_keys": True})
    response["Content-Type"] = "application/schema+json"
    return response
