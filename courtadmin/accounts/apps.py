from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "courtadmin.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from courtadmin.core.jobs import JobKind, register_job_kind

        from . import services, signals  # noqa: F401

        register_job_kind(JobKind(services.RESET_LINK_JOB, handler=services.reset_link_send))
