"""Locking out sign-in after repeated wrong passwords (django-axes), per account and per
address, with a page that says how long to wait. Settings: LSIP_SIGNIN_FAILURE_LIMIT,
LSIP_SIGNIN_LOCKOUT_MINUTES, LSIP_PROXY_COUNT (docs/configuration.md, SECURITY.md)."""

import math

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.shortcuts import render


class SignInLockoutBackend(AxesStandaloneBackend):
    """django-axes's check before the password is tried. A call without a request (a script, the
    test client's `login`) has no address to count against and is passed to the next backend;
    every sign-in page and the API's sign-in pass their request."""

    def authenticate(self, request=None, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


def username_of(request, credentials) -> str:
    """The account a sign-in names, as stored (email addresses are kept in lower case), so that
    changing the case does not start a fresh count."""
    name = (credentials or {}).get("username")
    if name is None and request is not None:
        name = request.POST.get("username", "")
    return str(name or "").strip().lower()


def client_ip(request) -> str:
    """The address a request came from: the peer, or behind LSIP_PROXY_COUNT proxies the
    address the outermost one saw (as DRF's throttles count it)."""
    count = settings.LSIP_PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
        if addresses:
            return addresses[-min(count, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")


def lockout_minutes() -> int:
    return max(1, math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60))


def locked_out(request, original_response=None, credentials=None):
    """The page shown instead of signing in while locked out (429 Too Many Requests)."""
    minutes = lockout_minutes()
    response = render(
        request,
        "accounts/locked_out.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
