from django.shortcuts import get_object_or_404

from .models import EmailChoice, Notification


def notifications_of(user):
    return Notification.objects.filter(user=user)


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def get_notification_for_user(user, pk) -> Notification:
    return get_object_or_404(Notification, user=user, pk=pk)


def email_choice_of(user) -> EmailChoice:
    return EmailChoice.objects.filter(user=user).first() or EmailChoice(user=user)
