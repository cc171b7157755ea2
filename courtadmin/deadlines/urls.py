from django.urls import path

from . import views

app_name = "deadlines"

urlpatterns = [
    path("", views.notification_list, name="notification-list"),
    path("bell/", views.bell, name="bell"),
    path("read/", views.notifications_read, name="notifications-read"),
    path("email/", views.email_choice, name="email-choice"),
    path("<int:pk>/", views.notification_open, name="notification-open"),
]
