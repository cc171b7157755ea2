from django.conf import settings
from django.urls import reverse

from courtadmin.accounts.middleware import ENROL, SECOND_FACTOR_KEY, VERIFY
from courtadmin.org.authority import person_of

from .navigation import navigation_for, section_of


def portal(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    # Until the second factor is given, the only way on is that factor: no navigation.
    pending = hasattr(request, "session") and request.session.get(SECOND_FACTOR_KEY) in (VERIFY, ENROL)
    nav_items = [] if pending else navigation_for(user)
    home_url = reverse("core:home")
    return {
        "nav_items": nav_items,
        "home_url": home_url,
        "nav_section": section_of(request.path, nav_items, home_url),
        "current_person": person_of(user),
        "portal_languages": settings.LANGUAGES,
        "demo_mode": settings.DEMO_MODE,
    }
