"""Two gates every request of a signed-in user passes: the session's lifetime and the second factor."""

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils import timezone

from . import sessions

# The session's second-factor state: set at sign-in, "done" once a code is given.
SECOND_FACTOR_KEY = "courtadmin_second_factor"
VERIFY, ENROL, OPTIONAL, DONE = "verify", "enrol", "optional", "done"

# What a user may open between his password and his second factor.
OPEN_BEFORE_SECOND_FACTOR = {
    "accounts:second-factor-verify",
    "accounts:second-factor-enrol",
    "accounts:logout",
    "core:set-language",
    "core:health",
}


def second_factor_state(user) -> str:
    """What the user owes right after his password: a code, an enrolment, or nothing."""
    from .selectors import authenticator_of, second_factor_required

    if authenticator_of(user) is not None:
        return VERIFY
    return ENROL if second_factor_required(user) else OPTIONAL


class SessionLifetimeMiddleware:
    """Idle timeout and absolute limit, checked by the server itself (ASVS 7.3.1, 7.3.2).

    The cookie's age (SESSION_COOKIE_AGE, renewed with the session) already ends an idle
    session in the browser; checking here too means a copied cookie replayed later is refused.
    "Last seen" is written at most once every SESSION_LAST_SEEN_EVERY: a request within the
    minute changes nothing, so the session is not saved again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = timezone.now().timestamp()
            started = request.session.setdefault(sessions.STARTED_KEY, now)
            last_seen = request.session.get(sessions.LAST_SEEN_KEY, now)
            if (
                now - started > settings.SESSION_ABSOLUTE_LIFETIME.total_seconds()
                or now - last_seen > settings.SESSION_IDLE_TIMEOUT.total_seconds()
            ):
                logout(request)
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= settings.SESSION_LAST_SEEN_EVERY.total_seconds() or (
                sessions.LAST_SEEN_KEY not in request.session
            ):
                request.session[sessions.LAST_SEEN_KEY] = now
        return self.get_response(request)


class SecondFactorMiddleware:
    """After the password, nothing opens but the second-factor pages until the code is given
    (or, for a role that must have a factor, until one is enrolled). One gate for every view,
    so no page can forget to ask."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        state = request.session.get(SECOND_FACTOR_KEY)
        if state is None:  # a session that predates the gate: decide now, failing closed
            state = request.session[SECOND_FACTOR_KEY] = second_factor_state(request.user)
        if state not in (VERIFY, ENROL) or request.resolver_match.view_name in OPEN_BEFORE_SECOND_FACTOR:
            return None
        target = "accounts:second-factor-verify" if state == VERIFY else "accounts:second-factor-enrol"
        return redirect_to_login(request.get_full_path(), target)
