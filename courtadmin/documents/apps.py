from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "courtadmin.documents"
    verbose_name = _("Documents")

    def ready(self):
        from courtadmin.core.jobs import JobKind, register_job_kind
        from courtadmin.core.load import register_load_kind
        from courtadmin.core.search import register_search_source
        from courtadmin.core.work import register_work_panel

        from . import (
            demo,  # noqa: F401  (registers the demo loader)
            search,
            services,
            work,
        )
        from .load import LOAD_KIND

        register_load_kind(LOAD_KIND)

        for panel in work.PANELS:
            register_work_panel(panel)
        for source in search.SOURCES:
            register_search_source(source)

        # Rendering and signing PDFs runs on its own queue, so a burst never delays reminders.
        register_job_kind(
            JobKind(
                services.PDF_JOB,
                handler=lambda payload: services.document_pdf_produce(document_id=payload["document_id"]),
                queue="documents",
                on_failure=lambda payload, error: services.document_pdf_failed(
                    document_id=payload["document_id"], error=error
                ),
            )
        )
