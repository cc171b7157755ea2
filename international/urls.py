from django.urls import path

from .views import applications, catalogs, home, requests

app_name = "international"

urlpatterns = [
    path("", home.home, name="home"),
    # Legal-assistance requests (IR 4.2, 7.22, 7.27)
    path("requests/", requests.request_list, name="request-list"),
    path("requests/export/", requests.request_export, name="request-export"),
    path("requests/new/", requests.request_edit, name="request-create"),
    path("requests/figures/", requests.request_figures, name="request-figures"),
    path("requests/figures/export/", requests.request_figures_export, name="request-figures-export"),
    path("requests/<int:pk>/", requests.request_detail, name="request-detail"),
    path("requests/<int:pk>/edit/", requests.request_edit, name="request-update"),
    path("requests/<int:pk>/check/", requests.request_check, name="request-check"),
    path("requests/<int:pk>/move/<slug:move>/", requests.request_move, name="request-move"),
    path("requests/<int:pk>/letter/<slug:move>/", requests.request_letter, name="request-letter"),
    path("requests/<int:pk>/files/", requests.request_file_add, name="request-file-add"),
    path("requests/<int:pk>/files/<int:file_pk>/", requests.request_file_download, name="request-file-download"),
    # Applications of persons about legal assistance (IR 7.25)
    path("applications/", applications.application_list, name="application-list"),
    path("applications/new/", applications.application_create, name="application-create"),
    path("applications/<int:pk>/", applications.application_detail, name="application-detail"),
    path("applications/<int:pk>/answer/", applications.application_answer, name="application-answer"),
    path("applications/<int:pk>/close/", applications.application_close, name="application-close"),
    # Catalogs kept by IR staff
    path("catalogs/", catalogs.catalog_index, name="catalog-index"),
    path("catalogs/<slug:catalog>/", catalogs.catalog_list, name="catalog-list"),
    path("catalogs/<slug:catalog>/new/", catalogs.catalog_edit, name="catalog-create"),
    path("catalogs/<slug:catalog>/<int:pk>/", catalogs.catalog_edit, name="catalog-update"),
    path("catalogs/courts/import/", catalogs.court_import, name="court-import"),
]
