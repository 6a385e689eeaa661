"""A database busy for a moment answers "busy, try again" (503 with Retry-After), not a 500.

On SQLite one writer holds the database at a time: a page that must write (signing in saves
the session) waits up to the busy time-out (20 s, settings) and then fails with "database is
locked". On PostgreSQL a lock time-out, a deadlock or a serialisation failure says the same.
Nothing was written by the failed request (its transaction rolled back), so the person can
simply send it again. `BusyMiddleware` answers for errors in a view; `server_error`
(handler500) for those in other middleware, such as the session's save.
"""

import sys

from django.db import OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.defaults import server_error as django_server_error

#: Seconds a person (or an API client) is asked to wait before trying again.
RETRY_AFTER = 5
#: PostgreSQL's SQLSTATEs for "try again": lock not available, serialisation failure,
#: deadlock detected.
_RETRYABLE = {"55P03", "40001", "40P01"}


def is_busy(error: BaseException | None) -> bool:
    """Whether `error` says the database was busy, not that something is wrong."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OperationalError) or type(error).__name__ == "OperationalError":
            text = str(error).lower()
            if "database is locked" in text or "database table is locked" in text:
                return True
        if getattr(error, "sqlstate", None) in _RETRYABLE:
            return True
        error = error.__cause__ or error.__context__
    return False


def busy_response(request) -> HttpResponse:
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"detail": f"The service is busy: try again in {RETRY_AFTER} seconds."}, status=503
        )
    else:
        body = loader.render_to_string("503.html", {"retry_after": RETRY_AFTER, "request": request})
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class BusyMiddleware:
    """Turns a busy database in a view into the "busy, try again" answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_busy(exception):
            return busy_response(request)
        return None


def server_error(request, template_name="500.html"):
    """handler500: "busy, try again" when the error was a busy database, else Django's 500."""
    if is_busy(sys.exc_info()[1]):
        return busy_response(request)
    try:
        return django_server_error(request, template_name)
    except Exception:  # the 500 page itself must not fail
        return HttpResponseServerError("Server error")
