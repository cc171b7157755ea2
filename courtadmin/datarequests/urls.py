from django.urls import path

from . import views

app_name = "datarequests"

urlpatterns = [
    path("", views.request_list, name="request-list"),
    path("export/", views.request_export, name="request-export"),
    path("figures/", views.request_figures, name="request-figures"),
    path("to-us/", views.request_inbox, name="request-inbox"),
    path("to-us/export/", views.inbox_export, name="inbox-export"),
    path("new/", views.request_create, name="request-create"),
    path("<int:pk>/", views.request_detail, name="request-detail"),
    path("<int:pk>/move/<slug:move>/", views.request_move, name="request-move"),
    path("<int:pk>/files/<int:file_pk>/", views.request_file_download, name="request-file-download"),
]
