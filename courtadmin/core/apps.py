from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "courtadmin.core"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.backends.signals import connection_created

        from .sqlite import fold_case_in_like

        connection_created.connect(fold_case_in_like, dispatch_uid="courtadmin.core.sqlite.like")
