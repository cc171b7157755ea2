from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="document-list"),
    path("new/", views.document_edit, name="document-create"),
    path("<int:pk>/", views.document_detail, name="document-detail"),
    path("<int:pk>/edit/", views.document_edit, name="document-update"),
    path("<int:pk>/route/", views.document_route, name="document-route"),
    path("<int:pk>/move/<slug:move>/", views.document_act, name="document-act"),
    path("<int:pk>/sign/", views.document_sign, name="document-sign"),
    path("<int:pk>/sign/national/prepare/", views.document_sign_prepare, name="document-sign-prepare"),
    path("<int:pk>/sign/national/complete/", views.document_sign_complete, name="document-sign-complete"),
    path("<int:pk>/pdf/", views.document_pdf, name="document-pdf"),
    path("<int:pk>/pdf/status/", views.document_pdf_status, name="document-pdf-status"),
    path("<int:pk>/pdf/retry/", views.document_pdf_retry, name="document-pdf-retry"),
    path("<int:pk>/attachments/", views.document_attachment_add, name="document-attachment-add"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.document_attachment, name="document-attachment"),
    path("<int:pk>/correction/", views.document_correction, name="document-correction"),
    path("journal/<str:department>/", views.journal, name="journal"),
]
