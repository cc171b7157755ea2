from django.contrib import admin
from django.http import Http404
from django.urls import include, path


def _not_here(request, *args, **kwargs):
    raise Http404


urlpatterns = [
    path("", include("courtadmin.core.urls")),
    path("accounts/", include("courtadmin.accounts.urls")),
    path("org/", include("courtadmin.org.urls")),
    path("audit/", include("courtadmin.audit.urls")),
    path("documents/", include("courtadmin.documents.urls")),
    path("correspondence/", include("courtadmin.correspondence.urls")),
    path("instructions/", include("courtadmin.instructions.urls")),
    path("requests/", include("courtadmin.datarequests.urls")),
    path("dashboard/", include("courtadmin.dashboard.urls")),
    path("notifications/", include("courtadmin.deadlines.urls")),
    path("verify/", include("courtadmin.documents.verify_urls")),
    path("ir/", include("international.urls")),
    path("isd/", include("internal_security.urls")),
    # The admin's "view on site" shortcut would tell whoever asks which record ids exist
    # (an ISD complaint's, say) by where it redirects; the portal has no use for it.
    path("admin/r/<path:rest>", _not_here, name="admin-view-on-site"),
    path("admin/", admin.site.urls),
]
