from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "courtadmin.deadlines"
    verbose_name = _("Deadlines")

    def ready(self):
        from courtadmin.core.jobs import Duty, register_duty

        from . import services, signals  # noqa: F401

        # The daily digest from 08:30 (Asia/Almaty); a day the broker was down, the first sweep after.
        register_duty(Duty("daily-digest", services.digest_due, services.digests_send))
