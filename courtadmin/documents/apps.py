from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "courtadmin.documents"
    verbose_name = _("Documents")

    def ready(self):
        from . import demo  # noqa: F401  (registers the demo loader)
