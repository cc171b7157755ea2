from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "courtadmin.deadlines"
    verbose_name = _("Deadlines")

    def ready(self):
        from . import signals  # noqa: F401
