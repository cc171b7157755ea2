from django.conf import settings

from courtadmin.org.authority import person_of

from .navigation import navigation_for


def portal(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {
        "nav_items": navigation_for(user),
        "current_person": person_of(user),
        "portal_languages": settings.LANGUAGES,
        "demo_mode": settings.DEMO_MODE,
    }
