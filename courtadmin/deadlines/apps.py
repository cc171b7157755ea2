from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "courtadmin.deadlines"
    verbose_name = _("Deadlines")

    def ready(self):
        from courtadmin.core.jobs import Duty, JobKind, register_duty, register_job_kind
        from courtadmin.core.work import register_work_panel
        from courtadmin.core.workflow import NEWS_JOB

        from . import services, signals, work  # noqa: F401

        # Every workflow's moves are news to the people they concern (core.workflow).
        register_job_kind(JobKind(NEWS_JOB, services.move_news_deliver, queue="notifications"))
        for panel in work.PANELS:
            register_work_panel(panel)

        # The daily digest from 08:30 (Asia/Almaty); a day the broker was down, the first sweep after.
        register_duty(Duty("daily-digest", services.digest_due, services.digests_send))
