from django.urls import path

from . import views

app_name = "org"

urlpatterns = [
    path("absences/", views.absence_list, name="absence-list"),
    path("absences/new/", views.absence_edit, name="absence-create"),
    path("absences/<int:pk>/", views.absence_edit, name="absence-update"),
    path("absences/<int:pk>/delete/", views.absence_delete, name="absence-delete"),
    path("acting/new/", views.acting_appointment_edit, name="acting-create"),
    path("acting/<int:pk>/", views.acting_appointment_edit, name="acting-update"),
    path("acting/<int:pk>/delete/", views.acting_appointment_delete, name="acting-delete"),
    path("changes/<slug:kind>/<int:pk>/", views.change_decide, name="change-decide"),
    path("people/", views.people_list, name="people-list"),
    path("people/<int:pk>/position/", views.position_assign, name="position-assign"),
    path("people/<int:pk>/iin/", views.identity_number, name="identity-number"),
]
