from django.urls import path

from .views import cases, home, investigations, signals
from .views import complaints as views

app_name = "internal_security"

urlpatterns = [
    path("", home.home, name="home"),
    path("complaints/", views.complaint_list, name="complaint-list"),
    path("complaints/new/", views.complaint_create, name="complaint-create"),
    path("complaints/export/", views.complaint_export, name="complaint-export"),
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
    path("figures/", views.figures, name="figures"),
    path("signals/", signals.signal_list, name="signal-list"),
    path("on-record/", signals.on_record, name="on-record"),
    path("cases/", cases.case_list, name="case-list"),
    path("cases/new/", cases.case_edit, name="case-create"),
    path("cases/export/", cases.case_export, name="case-export"),
    path("cases/<int:pk>/", cases.case_detail, name="case-detail"),
    path("cases/<int:pk>/edit/", cases.case_edit, name="case-update"),
    path("investigations/", investigations.investigation_list, name="investigation-list"),
    path("investigations/new/", investigations.investigation_create, name="investigation-create"),
    path("investigations/export/", investigations.investigation_export, name="investigation-export"),
    path("investigations/<int:pk>/", investigations.investigation_detail, name="investigation-detail"),
    path("investigations/<int:pk>/team/", investigations.investigation_team, name="investigation-team"),
    path("investigations/<int:pk>/explanations/", investigations.explanation_add, name="explanation-add"),
    path(
        "investigations/<int:pk>/explanations/<int:explanation_pk>/",
        investigations.explanation_download,
        name="explanation-download",
    ),
    path("investigations/<int:pk>/interviews/", investigations.interview_add, name="interview-add"),
    path("investigations/<int:pk>/files/", investigations.file_request_add, name="file-request-add"),
    path(
        "investigations/<int:pk>/files/<int:request_pk>/grant/",
        investigations.file_request_grant,
        name="file-request-grant",
    ),
    path("investigations/<int:pk>/conclusion/", investigations.conclusion_prepare, name="conclusion-prepare"),
    path("investigations/<int:pk>/conclude/", investigations.investigation_close, name="investigation-conclude"),
]
