from django.conf import settings
from django.utils import translation


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
