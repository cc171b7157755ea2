"""Partners of cooperation (issue 22, item 1; IR 4.1, 7.1, 7.4): foreign courts, organisations
and associations with their contacts and areas, and the history of the cooperation."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from international.models import Area, Country, Partner
from international.selectors import partners as selectors
from international.services import partners as services
from tests.conftest import page_queries, refusal_codes

from .factories import event, workbook_rows

pytestmark = pytest.mark.time_machine(date(2026, 12, 7))

CONTACT = {
    "full_name": "Ayşe Demir",
    "position": "Head of the International Relations Office",
    "email": "a@example.org",
}


def partner(officer, name="Türkiye Cumhuriyeti Yargıtay", **fields) -> Partner:
    record = Partner(
        kind=fields.pop("kind", Partner.Kind.FOREIGN_COURT),
        name=name,
        country=fields.pop("country", Country.objects.get(code="TR")),
        areas=fields.pop("areas", [Area.TRAINING, Area.DIGITAL]),
        **fields,
    )
    return services.partner_save(actor=officer, partner=record, contacts=[CONTACT])


def test_a_partner_keeps_its_contacts_and_the_events_held_with_it_ir_7_1_ir_7_4(users, client_for):
    officer = users["ir_officer"]
    court = partner(officer)
    assert [contact.full_name for contact in court.contacts.all()] == ["Ayşe Demir"]
    seminar = event(officer, title="Сот төрелігін цифрландыру семинары")
    seminar.partners.add(court)
    client = client_for("ir_officer")
    page = client.get(court.get_absolute_url())
    assert page.status_code == 200
    assert list(page.context["events"]) == [seminar]
    # A correction replaces the contacts; a contact with no position is refused beside its field.
    response = client.post(
        reverse("international:partner-update", args=[court.pk]),
        {
            "kind": court.kind,
            "name": court.name,
            "country": court.country_id,
            "areas": ["training"],
            "contacts-TOTAL_FORMS": "2",
            "contacts-INITIAL_FORMS": "0",
            "contacts-0-full_name": "Mehmet Kaya",
            "contacts-0-position": "",
            "contacts-1-full_name": "",
        },
    )
    assert response.status_code == 200 and "position" in response.context["contacts"].forms[0].errors
    assert [contact.full_name for contact in court.contacts.all()] == ["Ayşe Demir"]


def test_the_register_filters_by_area_and_kind_and_exports(users, client_for):
    officer = users["ir_officer"]
    court = partner(officer)
    undp = partner(
        officer, name="UNDP Kazakhstan", kind=Partner.Kind.ORGANISATION, country=None, areas=[Area.ANTI_CORRUPTION]
    )
    assert list(selectors.partner_register(users["ir_head"], selectors.PartnerFilter(area="digital"))) == [court]
    assert list(selectors.partner_register(users["ir_head"], selectors.PartnerFilter(kind="organisation"))) == [undp]
    rows = workbook_rows(client_for("ir_head").get(reverse("international:partner-export") + "?area=anti_corruption"))
    assert [row[0] for row in rows[1:]] == ["UNDP Kazakhstan"]
    assert refusal_codes(
        services.partner_save, actor=officer, partner=Partner(kind="foreign_court", name="X", areas=["nothing"])
    ) == {"unknown"}


def test_partners_are_the_irs_and_the_leaderships_only(users, client_for):
    court = partner(users["ir_officer"])
    assert client_for("chairman").get(court.get_absolute_url()).status_code == 200
    for username in ("legal_officer", "isd_head", "court_almaty", "sysadmin"):
        client = client_for(username)
        assert client.get(court.get_absolute_url()).status_code == 404, username
        assert client.get(reverse("international:partner-list")).status_code == 404, username
    assert client_for("chairman").get(reverse("international:partner-update", args=[court.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        services.partner_save(actor=users["chairman"], partner=court)


def test_the_pages_cost_the_same_for_one_partner_and_for_thirty(users, client_for):
    officer = users["ir_officer"]
    court = partner(officer)
    client = client_for("ir_officer")
    urls = [reverse("international:partner-list"), court.get_absolute_url()]
    few = [page_queries(client, url) for url in urls]
    for n in range(29):
        partner(officer, name=f"Partner {n}")
        event(officer, title=f"Семинар {n}").partners.add(court)
    assert [page_queries(client, url) for url in urls] == few
