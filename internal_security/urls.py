from django.urls import path

from . import views

app_name = "internal_security"

urlpatterns = [
    path("", views.home, name="home"),
    path("complaints/", views.complaint_list, name="complaint-list"),
    path("complaints/new/", views.complaint_create, name="complaint-create"),
    path("complaints/<int:pk>/", views.complaint_detail, name="complaint-detail"),
    path("complaints/<int:pk>/move/<slug:move>/", views.complaint_act, name="complaint-act"),
    path("complaints/<int:pk>/assign/", views.complaint_assign, name="complaint-assign"),
    path("complaints/<int:pk>/conflict/", views.complaint_conflict, name="complaint-conflict"),
    path("complaints/<int:pk>/extend/", views.complaint_extend, name="complaint-extend"),
    path("complaints/<int:pk>/answer/", views.complaint_answer, name="complaint-answer"),
    path("complaints/<int:pk>/attachments/", views.complaint_attachment_add, name="complaint-attachment-add"),
    path(
        "complaints/<int:pk>/attachments/<int:attachment_pk>/",
        views.complaint_attachment_download,
        name="complaint-attachment-download",
    ),
]
