"""The navigation each role sees: only what it may open (ISD 7 decides the ISD entry)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from courtadmin.audit.selectors import may_view_security_events, read_log_departments
from courtadmin.org import departments
from courtadmin.org.authority import departments_visible_to, person_of


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    key: str


def navigation_for(user) -> list[NavItem]:
    if not user.is_authenticated:
        return []
    from courtadmin.correspondence.selectors import opens_correspondence
    from courtadmin.dashboard.selectors import boards_open_to
    from courtadmin.datarequests.selectors import has_inbox as requests_inbox
    from courtadmin.datarequests.selectors import register_departments as requests_register
    from courtadmin.instructions.selectors import departments_of_instructions as instructions_reached

    items = [NavItem(_("My work"), reverse("core:home"), "home")]
    if boards_open_to(user):
        items.append(NavItem(_("Dashboard"), reverse("dashboard:home"), "dashboard"))
    visible = departments_visible_to(user)
    for code in visible:  # each department's entry, as it registered it
        rules = departments.department(code)
        items.append(NavItem(rules.nav_label, reverse(rules.home_url), code.lower()))
    if visible:
        items.append(NavItem(_("Documents"), reverse("documents:document-list"), "documents"))
    if opens_correspondence(user):
        items.append(NavItem(_("Correspondence"), reverse("correspondence:letter-list"), "correspondence"))
    if instructions_reached(user):
        items.append(NavItem(_("Instructions"), reverse("instructions:instruction-list"), "instructions"))
    # Requests (IR 5.1, ISD 5.6): the register for a department's people; the inbox for a
    # unit one may address, though it reach no department (a court, another subdivision).
    if requests_register(user):
        items.append(NavItem(_("Requests"), reverse("datarequests:request-list"), "datarequests"))
    elif requests_inbox(user):
        items.append(NavItem(_("Requests to us"), reverse("datarequests:request-inbox"), "datarequests"))
    if person_of(user) is not None or user.is_superuser:
        items.append(NavItem(_("Absences and substitutions"), reverse("org:absence-list"), "org"))
    if may_view_security_events(user):
        items.append(NavItem(_("Security log"), reverse("audit:security-events"), "security"))
    if read_departments := read_log_departments(user):
        items.append(NavItem(_("Read log"), reverse("audit:reads", args=[read_departments[0]]), "reads"))
    if user.is_superuser:
        items.append(NavItem(_("Administration"), reverse("admin:index"), "admin"))
    return items


def section_of(path: str, items: list[NavItem], home_url: str) -> NavItem | None:
    """The navigation's entry a page lies under (the breadcrumbs' second step): the longest
    entry whose address begins the page's, other than the page itself and my work."""
    under = [item for item in items if item.url != home_url and path.startswith(item.url) and path != item.url]
    return max(under, key=lambda item: len(item.url), default=None)
