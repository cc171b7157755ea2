from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from courtadmin.audit.services import audit_record
from courtadmin.org import departments


class UserLanguageMiddleware:
    """Kazakh by default; a signed-in user's own language; before sign-in, the chosen cookie.

    The browser's Accept-Language is not consulted: the portal opens in the state
    language until the user chooses otherwise, and remembers the choice on his account.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.known = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        language = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = user.language
        if language not in self.known:
            language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.known:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class PrivateResponseMiddleware:
    """Every page of the portal shows records or leads to them: no cache may keep a copy
    (ASVS 14.3.2), and the browser's powerful features stay off. Static files are served
    before this point, with their own long caching."""

    PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        response.headers.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        return response


class DeniedAccessMiddleware:
    """A view that answers 404 for a record (out of reach, or absent: the two look alike on
    purpose) leaves a security event with the user, the address and what was asked for.
    Events about a department's pages carry its code, so ISD ones reach ISD 7's people only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Http404) or request.resolver_match is None:
            return None
        match = request.resolver_match
        audit_record(
            actor=request.user,
            action="access.denied",
            object_repr=f"{request.method} {request.path}"[:300],
            after={"view": match.view_name, "kwargs": {key: str(value) for key, value in match.kwargs.items()}},
            department=departments.of_namespace(match.namespaces[0] if match.namespaces else ""),
        )
        return None
