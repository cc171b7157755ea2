from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from courtadmin.accounts.services import user_set_language
from courtadmin.org.selectors import my_work

from .health import health_report
from .search import MIN_LENGTH, search_everything
from .work import my_work_panels


def home(request):
    return render(request, "core/home.html", {**my_work(request.user), "panels": my_work_panels(request.user)})


@require_GET
def search(request):
    """Search across everything the reader may see (core.search)."""
    text = request.GET.get("q", "")
    context = {"text": text, "found": search_everything(request.user, text), "min_length": MIN_LENGTH}
    return render(request, "core/search.html", context)


@login_not_required
@require_GET
def health(request):
    healthy, body = health_report()
    return JsonResponse(body, status=200 if healthy else 503)


@login_not_required
@require_POST
def set_language(request):
    """Switch the interface language; remembered on the account, or in a cookie before sign-in."""
    language = request.POST.get("language", "")
    known = {code for code, _ in settings.LANGUAGES}
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if language in known:
        if request.user.is_authenticated:
            user_set_language(user=request.user, language=language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=True,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response
