from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "courtadmin.dashboard"
    label = "dashboard"
    verbose_name = _("Dashboards")

    def ready(self):
        from courtadmin.core.jobs import Duty, JobKind, register_duty, register_job_kind

        from . import services

        register_job_kind(
            JobKind(
                services.PDF_JOB,
                handler=services.export_job,
                queue="documents",
                on_failure=lambda payload, error: services.export_failed(export_id=payload["export_id"], error=error),
            )
        )
        # Issue 8.5: on Mondays from 07:30 the leadership's dashboard of the week before; a
        # Monday the broker was down, the first sweep after it.
        register_duty(Duty("weekly-leadership-report", services.weekly_report_due, services.weekly_reports_queue))
