from lsip.audit.context import acting_as


class AuditActorMiddleware:
    """Attributes the changes made while serving a request to the signed-in user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(request):
            return self.get_response(request)
