from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "courtadmin.org"
    verbose_name = _("Organisation")

    def ready(self):
        from courtadmin.core.search import register_search_source

        from . import search

        for source in search.SOURCES:
            register_search_source(source)
