"""Making the OpenAPI schema true (issue 17, item 8; schemathesis checks it in
tests/test_api_schemathesis.py).

- `AutoSchema`: an endpoint open to the public for reading (`PublicRead`) says so, so that
  its GET needs no credentials in the schema either.
- An endpoint that answers one object at a collection's address (a ViewSet's `list`, such
  as an area's lifecycle position) sets `one_object = True`, so that its schema is that
  object and not an array of them.
- `document_errors` (a drf-spectacular post-processing hook): every operation lists the
  errors it can answer with, as DRF writes them (`{"detail": "..."}`, or the fields with
  their messages for a 400): 400 where a request carries a body or query parameters, 401
  for a wrong or revoked token, 403 where a role or a read-only token does not allow it,
  404 where the path names an area or a record (or a page past the last), 429 when
  throttled, 503 where the reference data an answer needs is not installed.
"""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema

from lsip.accounts.api_permissions import PublicRead
from lsip.accounts.roles import Capability

#: Operations that need the ONS reference files, and answer 503 until they are installed.
NEEDS_REFERENCE_DATA = ("/api/v1/code/", "/priority-sectors/")

ERROR = {
    "type": "object",
    "description": "`detail` says why; a 400 names each field with its messages instead.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}
REASONS = {
    "400": "The request is not valid: each field with its messages.",
    "401": "The token is wrong or revoked.",
    "403": "Your roles in this area, or a read-only token, do not allow this.",
    "404": "No such area or record (or not one of this area).",
    "429": "Too many requests: try again after Retry-After seconds.",
    "503": "The service this needs is not ready (its reference data is not installed).",
}


class AutoSchema(SpectacularAutoSchema):
    def _is_list_view(self, serializer=None):
        if getattr(self.view, "one_object", False):
            return False
        return super()._is_list_view(serializer)

    def get_auth(self):
        auths = super().get_auth()
        if self._public() and {} not in auths:
            auths.append({})
        return auths

    def _public(self) -> bool:
        """Open to everyone: a `PublicRead` endpoint's reads, or an area endpoint whose
        action needs only what the public may do (`Capability.VIEW_PUBLIC`)."""
        if self.method not in ("GET", "HEAD"):
            return False
        if any(isinstance(p, PublicRead) for p in self.view.get_permissions()):
            return True
        needed = getattr(self.view, "capabilities", {}).get(getattr(self.view, "action", None))
        return needed == Capability.VIEW_PUBLIC


def document_errors(result, generator, request, public):
    """Add the error responses each operation can give (see the module's docstring)."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = ERROR
    ref = {"$ref": "#/components/schemas/Error"}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            codes = ["401", "403", "429"]
            query = {
                p.get("name") for p in operation.get("parameters", []) if p.get("in") == "query"
            }
            if "{" in path or "page" in query:
                codes.append("404")
            if method in ("post", "put", "patch") or query:
                codes.append("400")
            if any(part in path for part in NEEDS_REFERENCE_DATA):
                codes.append("503")
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(
                    code,
                    {
                        "description": REASONS[code],
                        "content": {"application/json": {"schema": ref}},
                    },
                )
    return result
