"""The address of the request being served, for every audit event it causes (ASVS 16.2.1).

Behind TRUSTED_PROXY_COUNT proxies (docs/deployment.md), the client is the address the
outermost trusted proxy saw: the TRUSTED_PROXY_COUNT-th entry of X-Forwarded-For from the
right (each proxy appends the address it received the request from). Entries further left
are the client's own claims and are never believed. With no proxy (0), REMOTE_ADDR.
"""

import ipaddress
from contextvars import ContextVar

from django.conf import settings

_client_address: ContextVar[str | None] = ContextVar("courtadmin_client_address", default=None)


def current_client_address() -> str | None:
    """The client address of the request being served, or None outside a request (a task)."""
    return _client_address.get()


def _address(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_address(request) -> str | None:
    """The client's address (also django-axes' AXES_CLIENT_IP_CALLABLE)."""
    hops = settings.TRUSTED_PROXY_COUNT
    if hops > 0:
        forwarded = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
        if len(forwarded) >= hops:
            return _address(forwarded[-hops])
    return _address(request.META.get("REMOTE_ADDR") or "")


class ClientAddressMiddleware:
    """First of all middleware: the client's address becomes REMOTE_ADDR for everything after
    (sessions, sign-in throttling, the audit log)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        address = client_address(request)
        request.META["REMOTE_ADDR"] = address or ""
        token = _client_address.set(address)
        try:
            return self.get_response(request)
        finally:
            _client_address.reset(token)
