from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataRequestsConfig(AppConfig):
    name = "courtadmin.datarequests"
    verbose_name = _("Requests for documents")

    def ready(self):
        from courtadmin.core.demo import register_demo_loader
        from courtadmin.core.load import register_load_kind
        from courtadmin.core.search import register_search_source
        from courtadmin.core.work import register_work_panel

        from . import search, work, workflow  # noqa: F401  (the workflow registers itself for its moves' news)
        from .demo import load_demo_requests
        from .load import LOAD_KIND

        register_demo_loader(load_demo_requests)
        register_load_kind(LOAD_KIND)
        for panel in work.PANELS:
            register_work_panel(panel)
        for source in search.SOURCES:
            register_search_source(source)
