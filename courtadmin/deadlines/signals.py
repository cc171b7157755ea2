from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .calendar import forget_transfers
from .models import DayTransfer


@receiver([post_save, post_delete], sender=DayTransfer)
def on_transfer_changed(sender, **kwargs):
    forget_transfers()
