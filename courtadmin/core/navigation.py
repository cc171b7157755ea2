"""The navigation each role sees: only what it may open (ISD 7 decides the ISD entry)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from courtadmin.audit.selectors import may_view_security_events, read_log_departments
from courtadmin.org.authority import departments_visible_to, person_of


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    key: str


# Each department registers its own entry in AppConfig.ready(); the core imports none.
DEPARTMENT_ENTRIES: dict[str, tuple[str, str]] = {}


def register_department_entry(department: str, label, url_name: str) -> None:
    DEPARTMENT_ENTRIES[department] = (label, url_name)


def department_of_namespace(namespace: str) -> str:
    """The department whose pages live under a URL namespace ("internal_security" -> "ISD")."""
    for department, (_label, url_name) in DEPARTMENT_ENTRIES.items():
        if url_name.split(":")[0] == namespace:
            return department
    return ""


def navigation_for(user) -> list[NavItem]:
    if not user.is_authenticated:
        return []
    from courtadmin.dashboard.selectors import boards_open_to

    items = [NavItem(_("My work"), reverse("core:home"), "home")]
    if boards_open_to(user):
        items.append(NavItem(_("Dashboard"), reverse("dashboard:home"), "dashboard"))
    for department in departments_visible_to(user):
        if department in DEPARTMENT_ENTRIES:
            label, url_name = DEPARTMENT_ENTRIES[department]
            items.append(NavItem(label, reverse(url_name), department.lower()))
    if departments_visible_to(user):
        items.append(NavItem(_("Documents"), reverse("documents:document-list"), "documents"))
    if person_of(user) is not None or user.is_superuser:
        items.append(NavItem(_("Absences and substitutions"), reverse("org:absence-list"), "org"))
    if may_view_security_events(user):
        items.append(NavItem(_("Security log"), reverse("audit:security-events"), "security"))
    if read_departments := read_log_departments(user):
        items.append(NavItem(_("Read log"), reverse("audit:reads", args=[read_departments[0]]), "reads"))
    if user.is_superuser:
        items.append(NavItem(_("Administration"), reverse("admin:index"), "admin"))
    return items
