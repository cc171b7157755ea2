from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("courtadmin.core.urls")),
    path("accounts/", include("courtadmin.accounts.urls")),
    path("org/", include("courtadmin.org.urls")),
    path("audit/", include("courtadmin.audit.urls")),
    path("documents/", include("courtadmin.documents.urls")),
    path("dashboard/", include("courtadmin.dashboard.urls")),
    path("notifications/", include("courtadmin.deadlines.urls")),
    path("verify/", include("courtadmin.documents.verify_urls")),
    path("ir/", include("international.urls")),
    path("isd/", include("internal_security.urls")),
    path("admin/", admin.site.urls),
]
