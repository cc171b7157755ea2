from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternationalConfig(AppConfig):
    name = "international"
    verbose_name = _("International Relations")

    def ready(self):
        from courtadmin.core.navigation import register_department_entry
        from courtadmin.org.models import Department

        register_department_entry(Department.IR, _("International Relations"), "international:home")
