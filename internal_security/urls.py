from django.urls import path

from . import views

app_name = "internal_security"

urlpatterns = [
    path("", views.home, name="home"),
    path("complaints/", views.complaint_list, name="complaint-list"),
    path("complaints/<int:pk>/", views.complaint_detail, name="complaint-detail"),
    path("complaints/<int:pk>/attachments/", views.complaint_attachment_add, name="complaint-attachment-add"),
    path(
        "complaints/<int:pk>/attachments/<int:attachment_pk>/",
        views.complaint_attachment_download,
        name="complaint-attachment-download",
    ),
]
