from django.urls import path

from .views import letters, outgoing, translations

app_name = "correspondence"

urlpatterns = [
    path("letters/", letters.letter_list, name="letter-list"),
    path("letters/export/", letters.letter_export, name="letter-export"),
    path("letters/new/", letters.letter_create, name="letter-create"),
    path("letters/<int:pk>/", letters.letter_detail, name="letter-detail"),
    path("letters/<int:pk>/move/<slug:move>/", letters.letter_move, name="letter-move"),
    path("letters/<int:pk>/files/", letters.letter_file_add, name="letter-file-add"),
    path("letters/<int:pk>/files/<int:file_pk>/", letters.letter_file_download, name="letter-file-download"),
    path("letters/<int:pk>/answer/", letters.letter_answer_start, name="letter-answer-start"),
    path("letters/<int:pk>/translations/", letters.letter_translation_give, name="letter-translation-give"),
    path("outgoing/", outgoing.outgoing_list, name="outgoing-list"),
    path("outgoing/export/", outgoing.outgoing_export, name="outgoing-export"),
    path("translations/<int:pk>/", translations.translation_detail, name="translation-detail"),
    path("translations/<int:pk>/move/<slug:move>/", translations.translation_move, name="translation-move"),
    path("translations/<int:pk>/files/", translations.translation_file_add, name="translation-file-add"),
    path(
        "translations/<int:pk>/files/<int:file_pk>/",
        translations.translation_file_download,
        name="translation-file-download",
    ),
    path(
        "translations/<int:pk>/original/<int:file_pk>/",
        translations.translation_original_download,
        name="translation-original-download",
    ),
]
