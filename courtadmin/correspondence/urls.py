from django.urls import path

from . import views

app_name = "correspondence"

urlpatterns = [
    path("letters/", views.letter_list, name="letter-list"),
    path("letters/export/", views.letter_export, name="letter-export"),
    path("letters/new/", views.letter_create, name="letter-create"),
    path("letters/<int:pk>/", views.letter_detail, name="letter-detail"),
    path("letters/<int:pk>/move/<slug:move>/", views.letter_move, name="letter-move"),
    path("letters/<int:pk>/files/", views.letter_file_add, name="letter-file-add"),
    path("letters/<int:pk>/files/<int:file_pk>/", views.letter_file_download, name="letter-file-download"),
]
