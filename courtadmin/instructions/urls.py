from django.urls import path

from . import views

app_name = "instructions"

urlpatterns = [
    path("", views.instruction_list, name="instruction-list"),
    path("export/", views.instruction_export, name="instruction-export"),
    path("figures/", views.instruction_figures, name="instruction-figures"),
    path("new/", views.instruction_create, name="instruction-create"),
    path("<int:pk>/", views.instruction_detail, name="instruction-detail"),
    path("<int:pk>/split/", views.instruction_split, name="instruction-split"),
    path("<int:pk>/move/<slug:move>/", views.instruction_move, name="instruction-move"),
    path("<int:pk>/reports/", views.instruction_report_add, name="instruction-report-add"),
    path("<int:pk>/files/<int:file_pk>/", views.instruction_file_download, name="instruction-file-download"),
]
