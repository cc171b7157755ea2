from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternationalConfig(AppConfig):
    name = "international"
    verbose_name = _("International Relations")

    def ready(self):
        from courtadmin.core.demo import register_demo_loader
        from courtadmin.core.load import register_load_kind
        from courtadmin.core.search import register_search_source
        from courtadmin.core.work import register_work_panel
        from courtadmin.dashboard.panels import register_panel
        from courtadmin.deadlines.kinds import register_deadline_kind
        from courtadmin.documents.kinds import register_document_kind
        from courtadmin.org.departments import register_department

        from . import dashboard, deadlines, load, search, work
        from .demo import (
            load_demo_applications,
            load_demo_budget,
            load_demo_cepej,
            load_demo_cooperation,
            load_demo_council,
            load_demo_documents,
            load_demo_events,
            load_demo_obligations,
            load_demo_projects,
            load_demo_requests,
            load_demo_trips,
        )
        from .department import RULES
        from .documents import KINDS

        register_department(RULES)
        for kind in KINDS:
            register_document_kind(kind)
        for kind in deadlines.KINDS:
            register_deadline_kind(kind)
        for panel in dashboard.PANELS:
            register_panel(panel)
        for panel in work.PANELS:
            register_work_panel(panel)
        for source in search.SOURCES:
            register_search_source(source)
        for kind in load.LOAD_KINDS:
            register_load_kind(kind)
        register_demo_loader(load_demo_documents)
        register_demo_loader(load_demo_requests)
        register_demo_loader(load_demo_applications)
        register_demo_loader(load_demo_trips)
        register_demo_loader(load_demo_events)
        register_demo_loader(load_demo_budget)
        register_demo_loader(load_demo_obligations)
        register_demo_loader(load_demo_cepej)
        register_demo_loader(load_demo_cooperation)
        register_demo_loader(load_demo_projects)
        register_demo_loader(load_demo_council)
