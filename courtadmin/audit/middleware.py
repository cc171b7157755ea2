"""The address of the request being served, for every audit event it causes (ASVS 16.2.1)."""

from contextvars import ContextVar

_client_address: ContextVar[str | None] = ContextVar("courtadmin_client_address", default=None)


def current_client_address() -> str | None:
    """The client address of the request being served, or None outside a request (a task)."""
    return _client_address.get()


def client_address(request) -> str | None:
    # The proxy in front of the portal (docs/deployment.md) sets REMOTE_ADDR for gunicorn.
    return request.META.get("REMOTE_ADDR") or None


class ClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _client_address.set(client_address(request))
        try:
            return self.get_response(request)
        finally:
            _client_address.reset(token)
