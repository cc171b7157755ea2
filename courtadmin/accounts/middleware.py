"""Session lifetime: an idle timeout and an absolute limit, checked by the server itself.

The cookie's age (SESSION_COOKIE_AGE, renewed on every request) already ends an idle
session in the browser; checking here too means a copied cookie replayed later is refused.
"""

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils import timezone

SESSION_STARTED_KEY = "courtadmin_started"
SESSION_LAST_SEEN_KEY = "courtadmin_last_seen"


class SessionLifetimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = timezone.now().timestamp()
            started = request.session.setdefault(SESSION_STARTED_KEY, now)
            last_seen = request.session.get(SESSION_LAST_SEEN_KEY, now)
            if (
                now - started > settings.SESSION_ABSOLUTE_LIFETIME.total_seconds()
                or now - last_seen > settings.SESSION_IDLE_TIMEOUT.total_seconds()
            ):
                logout(request)
                return redirect_to_login(request.get_full_path())
            request.session[SESSION_LAST_SEEN_KEY] = now
        return self.get_response(request)
