from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("exports/<int:pk>/", views.export_detail, name="export"),
    path("exports/<int:pk>/retry/", views.export_retry, name="export-retry"),
    path("exports/<int:pk>/pdf/", views.export_download, name="export-download"),
    path("<str:board>/", views.board, name="board"),
    path("<str:board>/xlsx/", views.board_xlsx, name="board-xlsx"),
    path("<str:board>/pdf/", views.board_pdf, name="board-pdf"),
]
