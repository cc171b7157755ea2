"""Nobody makes himself someone he is not (the security issue; IR 13, ISD 15, ISD 7): each
attack of the security test, reproduced, and the refusal beside it.

- The administrator keeps accounts working and never becomes their user or a holder of any
  position: the organisation is read-only in the admin, no password is set there, and every
  change of an account's powers is in the audit chain.
- A deputy neither names himself acting head nor records his head as absent.
- A change that gives a signature or a need-to-know department's reach (an acting ISD or IR
  head, a place in the ISD) takes effect once a second person confirms it: the department's
  head or the leadership it reports to, neither the one who proposed it nor the one it empowers.
"""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courtadmin.audit.models import AuditEvent
from courtadmin.documents.models import Document, Signature
from courtadmin.org import services
from courtadmin.org.authority import department_access, is_absent, signers, signing_authority
from courtadmin.org.models import Absence, ActingAppointment, Confirmation, IdentityNumberChange, Person, Position
from tests.conftest import TODAY, iin, mark_second_factor_given, page_queries, refusal_codes

# Its dates are set around the suite's today, which it states (time-machine).
pytestmark = pytest.mark.time_machine(TODAY)


def signed_in(client, user):
    client.force_login(user)
    mark_second_factor_given(client)
    return client


def appointment(people, replaced, acting, **fields):
    today = timezone.localdate()
    return ActingAppointment(
        replaced=people[replaced],
        acting=people[acting],
        start=fields.get("start", today),
        end=fields.get("end", today + timedelta(days=5)),
        order_number=fields.get("order_number", "77-к"),
        order_date=fields.get("order_date", today),
        scope=fields.get("scope", ActingAppointment.ALL_POWERS),
    )


# --- The administrator ------------------------------------------------------------------------


def test_the_administrator_cannot_place_himself_or_anyone_in_a_position_in_the_admin(client, people, users):
    """Finding 2: sysadmin linked his own account to the ISD head's position (a new Person) and
    moved an officer onto the deputy's position. The organisation is read-only in the admin."""
    admin = signed_in(client, users["sysadmin"])
    isd_head_position = people["isd_head"].position
    added = admin.post(
        reverse("admin:org_person_add"),
        {"full_name_kk": "X", "full_name_ru": "X", "user": users["sysadmin"].pk, "position": isd_head_position.pk},
    )
    assert added.status_code == 403
    officer = people["isd_officer"]
    moved = admin.post(
        reverse("admin:org_person_change", args=[officer.pk]),
        {"full_name_kk": officer.full_name, "position": people["isd_deputy"].position.pk},
    )
    assert moved.status_code == 403
    officer.refresh_from_db()
    assert officer.position.code == "isd-officer-1"
    assert not Person.objects.filter(user=users["sysadmin"]).exists()
    assert admin.get(reverse("internal_security:complaint-list")).status_code == 404


def test_the_personnel_office_cannot_place_an_administrators_account(people, users):
    person = Person.objects.create(full_name="Sysadmin", user=users["sysadmin"])
    with pytest.raises(ValidationError):
        services.position_assign(
            actor=users["hr_keeper"],
            person=person,
            position=people["isd_deputy"].position,
            order_number="1",
            order_date=timezone.localdate(),
        )
    assert person.position is None


def test_the_administrator_never_sets_a_password(client, users):
    """Finding 3: sysadmin set isd_head's password in the admin and signed in as him."""
    admin = signed_in(client, users["sysadmin"])
    head = users["isd_head"]
    password_form = reverse("admin:auth_user_password_change", args=[head.pk])
    assert admin.get(password_form).status_code == 403
    assert (
        admin.post(password_form, {"password1": "x-known-pass-99", "password2": "x-known-pass-99"}).status_code == 403
    )
    assert b'name="password"' not in admin.get(reverse("admin:accounts_user_change", args=[head.pk])).content
    head.refresh_from_db()
    assert not head.check_password("x-known-pass-99")


def test_a_reset_sends_the_user_a_one_time_link_that_the_administrator_never_sees(
    client, users, settings, django_capture_on_commit_callbacks, eager
):
    """The old password stops at once, every session of the user ends, the link goes to his
    own address, and it works once; the reset is in the audit chain."""
    settings.PORTAL_URL = "https://portal.court.local"
    head = users["isd_head"]
    admin = signed_in(client, users["sysadmin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("admin:accounts_user_changelist"), {"action": "send_reset_link", "_selected_action": [head.pk]}
        )
    assert response.status_code == 302
    head.refresh_from_db()
    assert not head.has_usable_password()
    (message,) = mail.outbox
    assert message.to == [head.email]
    link = next(line for line in message.body.splitlines() if line.startswith("https://portal.court.local/"))
    assert link not in response.content.decode()
    assert AuditEvent.objects.filter(action="account.reset", object_id=str(head.pk), actor=users["sysadmin"]).exists()

    browser = client.__class__()
    path = link.removeprefix("https://portal.court.local")
    form = browser.get(path, follow=True)
    assert form.context["validlink"]
    done = browser.post(
        form.request["PATH_INFO"],
        {"new_password1": "steppe wind over the river", "new_password2": "steppe wind over the river"},
    )
    assert done.status_code == 302
    head.refresh_from_db()
    assert head.check_password("steppe wind over the river")
    assert not browser.get(path, follow=True).context["validlink"]  # used once


def test_the_administrator_does_not_change_the_address_a_link_goes_to(client, users):
    admin = signed_in(client, users["sysadmin"])
    page = admin.get(reverse("admin:accounts_user_change", args=[users["isd_head"].pk])).content.decode()
    assert 'name="email"' not in page


def test_making_another_user_an_administrator_is_in_the_audit_chain(client, users, django_user_model):
    """Finding 3: making another user superuser was not audited."""
    other = django_user_model.objects.create(username="helpdesk", email="helpdesk@court.local")
    admin = signed_in(client, users["sysadmin"])
    response = admin.post(
        reverse("admin:accounts_user_change", args=[other.pk]),
        {"username": "helpdesk", "language": "kk", "is_active": "on", "is_staff": "on", "is_superuser": "on"},
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="account.powers", object_id=str(other.pk))
    assert event.actor == users["sysadmin"]
    assert event.before["is_superuser"] is False and event.after["is_superuser"] is True


def test_an_account_that_holds_a_position_is_never_made_an_administrator(client, users):
    admin = signed_in(client, users["sysadmin"])
    head = users["isd_head"]
    response = admin.post(
        reverse("admin:accounts_user_change", args=[head.pk]),
        {"username": "isd_head", "language": "kk", "is_active": "on", "is_superuser": "on"},
    )
    assert response.status_code == 200  # the form again, with the reason
    head.refresh_from_db()
    assert not head.is_superuser


def test_the_administrator_names_nobody_acting(people, users, client):
    """Finding 4: sysadmin could name any officer acting ISD head."""
    with pytest.raises(PermissionDenied):
        services.acting_appointment_save(
            actor=users["sysadmin"], appointment=appointment(people, "isd_head", "isd_officer")
        )
    assert signed_in(client, users["sysadmin"]).get(reverse("org:acting-create")).status_code == 404


# --- Deputies ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("deputy", "head"), [("isd_deputy", "isd_head"), ("ir_deputy_protocol", "ir_head")])
def test_a_deputy_does_not_name_himself_acting_head(people, users, client, deputy, head):
    """Finding 4: isd_deputy recorded himself acting head while the head was present and signed
    ISD document 10; ir_deputy_protocol did the same for IR document 2."""
    with pytest.raises(PermissionDenied):
        services.acting_appointment_save(actor=users[deputy], appointment=appointment(people, head, deputy))
    assert signed_in(client, users[deputy]).get(reverse("org:acting-create")).status_code == 404
    department = people[head].position.unit.department
    assert not signing_authority(people[deputy], department)


@pytest.mark.parametrize(("deputy", "head"), [("isd_deputy", "isd_head"), ("ir_deputy_protocol", "ir_head")])
def test_a_deputy_does_not_record_his_head_absent(people, users, client, deputy, head):
    """Finding 4: recording the head absent took the head's own right to sign."""
    with pytest.raises(PermissionDenied):
        services.absence_save(
            actor=users[deputy],
            absence=Absence(person=people[head], kind="leave", start=timezone.localdate(), end=timezone.localdate()),
        )
    response = signed_in(client, users[deputy]).post(
        reverse("org:absence-create"),
        {"person": people[head].pk, "kind": "leave", "start": "2026-11-24", "end": "2026-11-30"},
    )
    assert response.status_code == 200 and response.context["form"].errors["person"]
    assert not is_absent(people[head], timezone.localdate())


def test_nobody_names_himself_acting_even_when_he_keeps_the_records(people, users):
    with pytest.raises(ValidationError):
        services.acting_appointment_save(
            actor=users["ca_head"], appointment=appointment(people, "ca_deputy", "ca_head")
        )


# --- The second person -------------------------------------------------------------------------


def test_an_acting_isd_head_signs_only_once_a_second_person_confirms(people, users):
    """GIVEN the Head of the Court Administration names the ISD deputy acting ISD head
    THEN the deputy signs nothing until the ISD head (or the Chairman) confirms it; the one who
    proposed it and the one it empowers cannot confirm it; once confirmed, he signs."""
    proposed = services.acting_appointment_save(
        actor=users["ca_head"], appointment=appointment(people, "isd_head", "isd_deputy")
    )
    assert proposed.state == Confirmation.AWAITING
    assert not signing_authority(people["isd_deputy"], "ISD")
    assert signing_authority(people["isd_head"], "ISD")  # nothing changed yet
    for who in ("ca_head", "isd_deputy", "ir_head", "isd_officer", "sysadmin"):
        with pytest.raises(ValidationError):
            services.change_decide(actor=users[who], change=proposed, confirm=True)
    services.change_decide(actor=users["isd_head"], change=proposed, confirm=True)
    assert proposed.state == Confirmation.EFFECTIVE
    decision = signing_authority(people["isd_deputy"], "ISD")
    assert decision and decision.appointment == proposed
    events = AuditEvent.objects.filter(object_id=str(proposed.pk), action__startswith="org.acting_appointment")
    assert list(events.order_by("id").values_list("action", flat=True)) == [
        "org.acting_appointment.create",
        "org.acting_appointment.confirm",
    ]
    assert events.get(action="org.acting_appointment.create").after["powers"] == ["sign:ISD"]


def test_an_acting_ir_head_waits_for_the_ir_head_or_the_leadership_and_can_be_refused(people, users):
    proposed = services.acting_appointment_save(
        actor=users["hr_keeper"], appointment=appointment(people, "ir_head", "ir_deputy_protocol")
    )
    assert proposed.state == Confirmation.AWAITING
    with pytest.raises(ValidationError):
        services.change_decide(actor=users["ca_deputy"], change=proposed, confirm=False)  # a reason is needed
    services.change_decide(actor=users["ca_deputy"], change=proposed, confirm=False, reason="No order was given.")
    assert proposed.state == Confirmation.REFUSED
    assert people["ir_deputy_protocol"] not in [decision.person for decision in signers("IR")]


def test_an_appointment_that_gives_no_power_takes_effect_at_once(people, users):
    """The IR head names one officer to act for another: neither signs nor reaches the ISD."""
    ir_officer2 = Person.objects.create(
        full_name="Second officer",
        position=Position.objects.create(
            code="ir-officer-2", title="Specialist", unit=people["ir_officer"].position.unit, kind=Position.Kind.STAFF
        ),
    )
    made = services.acting_appointment_save(
        actor=users["ir_head"],
        appointment=ActingAppointment(
            replaced=people["ir_officer"],
            acting=ir_officer2,
            start=timezone.localdate(),
            end=timezone.localdate(),
            order_number="3",
            order_date=timezone.localdate(),
        ),
    )
    assert made.state == Confirmation.EFFECTIVE


def test_a_place_in_the_isd_gives_its_reach_once_confirmed(people, users):
    """The personnel office moves an IR officer into an ISD post: no ISD record opens to him
    until the ISD head confirms; a place that gives no such power takes effect at once."""
    officer = people["ir_officer"]
    isd_post = Position.objects.create(
        code="isd-officer-3", title="Specialist", unit=people["isd_officer"].position.unit, kind=Position.Kind.STAFF
    )
    assignment = services.position_assign(
        actor=users["hr_keeper"], person=officer, position=isd_post, order_number="9-ж", order_date=timezone.localdate()
    )
    assert assignment.state == Confirmation.AWAITING
    officer.refresh_from_db()
    assert officer.position.code == "ir-officer-1"
    assert not department_access(users["ir_officer"], "ISD")
    with pytest.raises(ValidationError):
        services.change_decide(actor=users["hr_keeper"], change=assignment, confirm=True)  # its proposer
    services.change_decide(actor=users["isd_head"], change=assignment, confirm=True)
    users["ir_officer"].refresh_from_db()
    officer.refresh_from_db()
    assert officer.position == isd_post
    assert AuditEvent.objects.filter(action="org.person.position", object_id=str(officer.pk)).exists()

    back = services.position_assign(
        actor=users["hr_keeper"],
        person=officer,
        position=Position.objects.get(code="ir-officer-1"),
        order_number="10-ж",
        order_date=timezone.localdate(),
    )
    assert back.state == Confirmation.EFFECTIVE  # leaving the ISD gives nothing


def test_only_the_personnel_office_places_people(people, users, client):
    for who in ("sysadmin", "ca_head", "isd_head"):
        with pytest.raises(PermissionDenied):
            services.position_assign(
                actor=users[who],
                person=people["ir_officer"],
                position=people["isd_officer"].position,
                order_number="1",
                order_date=timezone.localdate(),
            )
        assert signed_in(client, users[who]).get(reverse("org:people-list")).status_code == 404


def test_the_second_person_confirms_from_the_page(client, people, users):
    proposed = services.acting_appointment_save(
        actor=users["ca_head"], appointment=appointment(people, "isd_head", "isd_deputy")
    )
    head = signed_in(client, users["isd_head"])
    page = head.get(reverse("org:absence-list"))
    assert [item.change for item in page.context["awaiting"]] == [proposed]
    response = head.post(
        reverse("org:change-decide", args=["acting_appointment", proposed.pk]), {"decision": "confirm"}
    )
    assert response.status_code == 302
    proposed.refresh_from_db()
    assert proposed.state == Confirmation.EFFECTIVE


# --- An appointment a signature used ----------------------------------------------------------


def test_an_appointment_a_signature_used_is_kept_with_a_message_not_a_500(client, people, users):
    """Finding 5: deleting an acting appointment that a signature used answered 500."""
    used = ActingAppointment.objects.create(
        replaced=people["ir_head"],
        acting=people["ir_deputy_legal"],
        start=date(2026, 11, 20),
        end=date(2026, 11, 30),
        order_number="5-к",
        order_date=date(2026, 11, 19),
    )
    document = Document.objects.create(
        kind="ir.outgoing_letter", department="IR", subject="Letter", addressee="MFA", author=users["ir_officer"]
    )
    Signature.objects.create(
        document=document,
        signer=users["ir_deputy_legal"],
        person=people["ir_deputy_legal"],
        capacity="acting_head",
        appointment=used,
        clause="IR 13",
        signer_name_kk="x",
        signer_name_ru="x",
        capacity_kk="x",
        capacity_ru="x",
        signed_at=timezone.now(),
        backend="portal_ca",
    )
    response = signed_in(client, users["ca_head"]).post(reverse("org:acting-delete", args=[used.pk]), follow=True)
    assert response.status_code == 200
    assert ActingAppointment.objects.filter(pk=used.pk).exists()
    assert any(
        "signed under this appointment" in str(message) or message.level_tag == "error"
        for message in response.context["messages"]
    )


# --- The IIN a national EDS is bound to (IR 13, ISD 15) --------------------------------------

HEAD_IIN, ANOTHER_IIN = iin("75010140001"), iin("80020250002")


def test_an_iin_binds_a_national_eds_only_once_a_second_person_confirms(people, users):
    """IR 13: a document signed with a national EDS is the IR head's only if the certificate
    names his IIN. The personnel office proposes it; neither it, nor the head himself, nor the
    head of another department confirms; the leadership does, and it is in the audit chain."""
    head = people["ir_head"]
    change = services.identity_number_propose(
        actor=users["hr_keeper"], person=head, iin=HEAD_IIN, basis="Personnel file No. 12"
    )
    assert change.state == Confirmation.AWAITING
    head.refresh_from_db()
    assert head.iin == ""
    for who in ("hr_keeper", "ir_head", "isd_head"):
        with pytest.raises(ValidationError):
            services.change_decide(actor=users[who], change=change, confirm=True)
    services.change_decide(actor=users["ca_head"], change=change, confirm=True)
    head.refresh_from_db()
    assert head.iin == HEAD_IIN
    event = AuditEvent.objects.get(action="org.person.iin", object_id=str(head.pk))
    assert (event.before, event.after["iin"]) == ({"iin": ""}, HEAD_IIN)

    removal = services.identity_number_propose(actor=users["hr_keeper"], person=head, iin="", basis="Key lost")
    services.change_decide(actor=users["chairman"], change=removal, confirm=True)
    head.refresh_from_db()
    assert head.iin == ""


def test_nobody_records_an_iin_but_the_personnel_office_and_never_its_own(people, users):
    for who in ("sysadmin", "ca_head", "ir_head", "isd_officer"):
        with pytest.raises(PermissionDenied):
            services.identity_number_propose(actor=users[who], person=people["ir_head"], iin=HEAD_IIN, basis="-")
    own = {"actor": users["hr_keeper"], "person": people["hr_keeper"], "iin": HEAD_IIN, "basis": "-"}
    assert refusal_codes(services.identity_number_propose, **own) == {"oneself"}
    assert not IdentityNumberChange.objects.exists()


@pytest.mark.parametrize(
    ("case", "code"),
    [("typo", "iin_checksum"), ("taken", "taken"), ("pending", "pending"), ("no_department", "no_department")],
)
def test_an_iin_that_cannot_be_his_is_refused(people, users, case, code):
    person = people["isd_officer"]
    value = HEAD_IIN
    if case == "typo":
        value = HEAD_IIN[:11] + str((int(HEAD_IIN[11]) + 1) % 10)
    elif case == "taken":
        Person.objects.filter(pk=people["ir_head"].pk).update(iin=HEAD_IIN)
    elif case == "pending":
        services.identity_number_propose(actor=users["hr_keeper"], person=person, iin=ANOTHER_IIN, basis="-")
    else:
        person = Person.objects.create(full_name="Holds no position")
    codes = refusal_codes(
        services.identity_number_propose, actor=users["hr_keeper"], person=person, iin=value, basis="Personnel file"
    )
    assert code in codes
    person.refresh_from_db()
    assert person.iin == ""


def test_the_iin_is_proposed_and_confirmed_from_the_pages(client, people, users):
    keeper = signed_in(client, users["hr_keeper"])
    url = reverse("org:identity-number", args=[people["isd_officer"].pk])
    typo = HEAD_IIN[:11] + str((int(HEAD_IIN[11]) + 1) % 10)
    refused = keeper.post(url, {"iin": typo, "basis": "Personnel file"})
    assert refused.status_code == 200
    assert refused.context["form"].errors["iin"]
    assert refused.context["form"]["iin"].value() == typo  # what was typed stays
    assert keeper.post(url, {"iin": HEAD_IIN, "basis": "Personnel file"}).status_code == 302
    change = IdentityNumberChange.objects.get()
    assert signed_in(client, users["isd_officer"]).get(url).status_code == 404  # not the personnel office

    head = signed_in(client, users["isd_head"])
    awaiting = head.get(reverse("org:absence-list"))
    assert [item.change for item in awaiting.context["awaiting"]] == [change]
    assert HEAD_IIN in awaiting.content.decode()
    head.post(reverse("org:change-decide", args=["identity_number_change", change.pk]), {"decision": "confirm"})
    people["isd_officer"].refresh_from_db()
    assert people["isd_officer"].iin == HEAD_IIN


def test_the_organisation_pages_cost_the_same_however_many_people_and_changes(client, people, users):
    def newcomer(n):
        person = Person.objects.create(full_name=f"Newcomer {n}", position=people["ir_officer"].position)
        services.identity_number_propose(
            actor=users["hr_keeper"], person=person, iin=iin(f"9001013001{n}"), basis="Personnel file"
        )

    newcomer(0)
    keeper, head = signed_in(client, users["hr_keeper"]), Client()
    signed_in(head, users["ca_head"])
    before = (page_queries(keeper, reverse("org:people-list")), page_queries(head, reverse("org:absence-list")))
    for n in range(1, 6):
        newcomer(n)
    after = (page_queries(keeper, reverse("org:people-list")), page_queries(head, reverse("org:absence-list")))
    assert after == before
    assert len(head.get(reverse("org:absence-list")).context["awaiting"]) == 6
