"""A guard in front of the API's token checks, which refuses an address that has sent too many
wrong tokens in a while (the rate `token_failures` in REST_FRAMEWORK, from
LSIP_API_TOKEN_FAILURE_RATE): without it a script could try tokens as fast as the server
answers. It is first among DEFAULT_AUTHENTICATION_CLASSES and runs the token classes after it
(personal tokens, DRF tokens), counting each refusal."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import (
    BaseAuthentication,
    SessionAuthentication,
    get_authorization_header,
)
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

#: The schemes whose header carries a token to check.
TOKEN_KEYWORDS = (b"token", b"bearer")


class WrongTokens(SimpleRateThrottle):
    """Counts wrong tokens per address; unlike DRF's throttles it counts only failures."""

    scope = "token_failures"

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def get_cache_key(self, request, view=None):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def seconds_to_wait(self, request) -> float | None:
        """None while the address may try again, else how long until it may."""
        self.key = self.get_cache_key(request)
        self.now = self.timer()
        self.history = [t for t in self.cache.get(self.key, []) if t > self.now - self.duration]
        if len(self.history) >= self.num_requests:
            return self.wait()
        return None

    def record(self) -> None:
        self.history.insert(0, self.now)
        self.cache.set(self.key, self.history, self.duration)


class WrongTokenGuard(BaseAuthentication):
    """For a request carrying `Authorization: Token …` or `Bearer …`: 429 (with Retry-After)
    while its address is over the rate of wrong tokens, even when this token is right; else the
    token classes after this one are asked in turn, and a refusal is counted."""

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if not header or header[0].lower() not in TOKEN_KEYWORDS:
            return None
        guard = WrongTokens()
        wait = guard.seconds_to_wait(request)
        if wait is not None:
            raise exceptions.Throttled(
                wait, detail="Too many wrong API tokens from this address; try again later."
            )
        later = request.authenticators[request.authenticators.index(self) + 1 :]
        for authenticator in later:
            if isinstance(authenticator, SessionAuthentication):
                continue
            try:
                found = authenticator.authenticate(request)
            except exceptions.AuthenticationFailed:
                guard.record()
                raise
            if found is not None:
                return found
        return None

    def authenticate_header(self, request):
        """What a 401 asks for (DRF takes it from the first class): a token."""
        return "Token"


class WrongTokenGuardScheme(OpenApiAuthenticationExtension):
    """The guard adds no way of signing in, so nothing to the API schema."""

    target_class = WrongTokenGuard
    name = []

    def get_security_definition(self, auto_schema):
        return []

    def get_security_requirement(self, auto_schema):
        return None
