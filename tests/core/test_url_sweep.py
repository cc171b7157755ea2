"""The sweep (issue 3.7): every URL of the portal that takes an object id is requested, by
GET, POST and as an htmx partial, by users who must not reach the object; each answer is 404.

A new URL pattern with an id fails `test_every_url_with_an_id_is_swept` until a case for it
is added below. Each case also proves that the object's rightful user does reach it, so a
case whose fixture is wrong cannot pass by accident.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.contrib import admin
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern
from django.utils import timezone

from courtadmin.accounts.models import PortalSession
from courtadmin.dashboard.models import BoardExport
from courtadmin.deadlines.models import Notification
from courtadmin.documents import services as documents_services
from courtadmin.documents.demo import load_demo_signing
from courtadmin.documents.models import Document
from courtadmin.documents.workflow import SigningConfirmation
from courtadmin.org.models import Absence, ActingAppointment, Person, Region, Unit
from internal_security.models import Complaint
from internal_security.selectors import complaints as isd_selectors
from internal_security.services import complaints as isd_services
from international.models import (
    Agreement,
    Application,
    Councillor,
    Event,
    KazakhCourt,
    Meeting,
    Partner,
    Project,
    Question,
    Questionnaire,
    Recommendation,
    RequestFile,
    Review,
    Secondment,
    Trip,
)
from international.services import agreements as ir_agreements
from international.services import applications as ir_applications
from international.services import cepej as ir_cepej
from international.services import council as ir_council
from international.services import obligations as ir_obligations
from international.services import partners as ir_partners
from international.services import projects as ir_projects
from international.services import secondments as ir_secondments
from international.services import trips as ir_trips
from tests.conftest import DEMO_TEST_PASSWORD, TODAY, mark_second_factor_given
from tests.international import factories as ir_factories

# Its dates are set around the suite's today, which it states (time-machine).
pytestmark = pytest.mark.time_machine(TODAY)


def url_patterns_with_ids(patterns=None, namespaces=()):
    """(URL name, parameter names) of every pattern that takes a parameter, admin aside."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from url_patterns_with_ids(entry.url_patterns, (*namespaces, *filter(None, [entry.namespace])))
        elif isinstance(entry, URLPattern):
            pattern = entry.pattern
            params = list(pattern.converters) if isinstance(pattern, RoutePattern) else list(pattern.regex.groupindex)
            if params:
                yield ":".join((*namespaces, entry.name or "")), params


@dataclass
class Case:
    """How to make an object for a URL, who owns it, and who must not reach it."""

    make: Callable  # (people, users) -> URL kwargs
    owner: str
    outsiders: list[str]


def _absence(people, users):
    absence = Absence.objects.create(
        person=people["ir_officer"], kind=Absence.Kind.LEAVE, start=date(2026, 12, 1), end=date(2026, 12, 5)
    )
    return {"pk": absence.pk}


def _appointment(people, users):
    appointment = ActingAppointment.objects.create(
        replaced=people["ir_head"],
        acting=people["ir_deputy_legal"],
        start=date(2026, 12, 1),
        end=date(2026, 12, 5),
        order_number="12-к",
        order_date=date(2026, 11, 20),
    )
    return {"pk": appointment.pk}


def _awaiting_appointment(people, users):
    """The Head of the Court Administration proposes the ISD deputy as acting ISD head: it
    waits for the ISD head (or the Chairman) to confirm it."""
    from courtadmin.org.services import acting_appointment_save

    appointment = acting_appointment_save(
        actor=users["ca_head"],
        appointment=ActingAppointment(
            replaced=people["isd_head"],
            acting=people["isd_deputy"],
            start=date(2026, 12, 1),
            end=date(2026, 12, 5),
            order_number="14-к",
            order_date=date(2026, 11, 20),
        ),
    )
    return {"kind": "acting_appointment", "pk": appointment.pk}


def _person(people, users):
    return {"pk": people["ir_officer"].pk}


def _complaint(people, users):
    complaint = Complaint.objects.create(
        number="SWEEP-1",
        received_on=date(2026, 11, 2),
        region=Region.objects.exclude(code="ALA").order_by("code").first(),
        court="Court of the sweep",
        summary="A complaint nobody but ISD's leadership may open",
        substance="...",
    )
    return {"pk": complaint.pk}


def _attachment(people, users):
    kwargs = _complaint(people, users)
    complaint = Complaint.objects.get(pk=kwargs["pk"])
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.7\n%%EOF\n")
    attachment = isd_services.complaint_attachment_add(actor=users["isd_head"], complaint=complaint, upload=pdf)
    return {"pk": complaint.pk, "file_pk": attachment.pk}


def _notice(people, users):
    """A decision on an Almaty ISD officer, filed by the personnel office (ISD 13), with one material."""
    from internal_security.models import StaffNotice
    from internal_security.services import notices as isd_notices

    notice = isd_notices.notice_file(
        actor=users["hr_keeper"],
        notice=StaffNotice(
            region=Region.objects.get(code="almaty"),
            person="Б.",
            role="staff",
            measure="disciplinary",
            grounds="...",
            deciding_body="...",
        ),
    )
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.7\n%%EOF\n")
    material = isd_notices.notice_material_add(actor=users["hr_keeper"], notice=notice, upload=pdf)
    return {"pk": notice.pk, "file_pk": material.pk}


def _notice_only(people, users):
    return {"pk": _notice(people, users)["pk"]}


def _notice_move(people, users):
    return {**_notice_only(people, users), "move": "drop"}


def _plan(people, users):
    """Shymkent's work plan, drawn up by the central ISD (ISD 9), with one item: never the
    Almaty unit's to see."""
    from internal_security.models import PlanItem, WorkPlan
    from internal_security.services import plans as isd_plans

    region = Region.objects.exclude(code="almaty").first()
    plan = isd_plans.plan_draw_up(actor=users["isd_officer"], plan=WorkPlan(year=2026, region=region, basis="..."))
    executor = Person.objects.filter(position__unit__kind="territorial_isd", position__unit__region=region).first()
    item = PlanItem.objects.create(
        plan=plan, function="6.18", title="...", executor=executor or people["isd_almaty"], due_on=date(2026, 12, 1)
    )
    return {"pk": plan.pk, "item_pk": item.pk}


def _plan_only(people, users):
    return {"pk": _plan(people, users)["pk"]}


def _plan_move(people, users):
    return {**_plan_only(people, users), "move": "approve"}


def _plan_item_move(people, users):
    return {**_plan(people, users), "move": "report"}


def _inspection(people, users):
    """Shymkent's inspection by the central ISD, held, with one recommendation under control
    (ISD 5.10, 6.18): never the Almaty unit's to see."""
    from internal_security.models import Inspection, Recommendation
    from internal_security.services import inspections as isd_inspections
    from internal_security.workflow import inspection_move

    inspection = isd_inspections.inspection_plan(
        actor=users["isd_officer"],
        inspection=Inspection(
            region=Region.objects.get(code="shymkent"),
            subdivision="...",
            programme="...",
            starts_on=date(2026, 11, 2),
            ends_on=date(2026, 11, 6),
            led_by=people["isd_officer"],
        ),
    )
    inspection_move(inspection=inspection, move="hold", actor=users["isd_officer"], findings="...")
    recommendation = isd_inspections.recommendation_add(
        actor=users["isd_officer"],
        inspection=inspection,
        recommendation=Recommendation(text="...", responsible="...", due_on=date(2026, 12, 20)),
    )
    return {"pk": inspection.pk, "recommendation_pk": recommendation.pk}


def _inspection_only(people, users):
    return {"pk": _inspection(people, users)["pk"]}


def _inspection_move(people, users):
    return {**_inspection_only(people, users), "move": "close"}


def _recommendation_move(people, users):
    return {**_inspection(people, users), "move": "report"}


def _investigation_material(people, users):
    from internal_security.models import Investigation
    from internal_security.services import investigations as isd_investigations

    kwargs = _investigation_only(people, users)
    material = isd_investigations.investigation_material_add(
        actor=users["isd_head"],
        investigation=Investigation.objects.get(pk=kwargs["pk"]),
        upload=SimpleUploadedFile("a.pdf", b"%PDF-1.7\n%%EOF\n"),
        description="...",
    )
    return {**kwargs, "file_pk": material.pk}


def _unit_report(people, users):
    """Shymkent's monthly report, called by the ISD head, with a file (ISD 5.12): never the
    Almaty unit's to see."""
    from internal_security.models import ReportingForm, UnitReport, UnitReportFile

    form = ReportingForm.objects.create(
        code="SWEEP-1", title="...", period="month", days_after=10, created_by=users["isd_head"]
    )
    report = UnitReport.objects.create(
        form=form,
        region=Region.objects.get(code="shymkent"),
        period_start=date(2026, 10, 1),
        period_end=date(2026, 10, 31),
        due_on=date(2026, 11, 10),
        called_by=users["isd_head"],
    )
    stored = UnitReportFile.objects.create(
        report=report,
        uploaded_by=users["isd_head"],
        original_name="a.pdf",
        content_type="application/pdf",
        size=15,
        sha256="0" * 64,
        file=ContentFile(b"%PDF-1.7\n%%EOF\n", name="a.pdf"),
    )
    return {"pk": report.pk, "file_pk": stored.pk}


def _unit_report_only(people, users):
    return {"pk": _unit_report(people, users)["pk"]}


def _unit_report_move(people, users):
    return {**_unit_report_only(people, users), "move": "submit"}


def _evaluation(people, users):
    """The ISD head's evaluation of the Almaty unit's head (ISD 9): not even that unit's to see."""
    from internal_security.models import HeadEvaluation
    from internal_security.services.evaluations import evaluation_record

    evaluation = evaluation_record(
        actor=users["isd_head"],
        evaluation=HeadEvaluation(
            region=Region.objects.get(code="almaty"),
            head="...",
            year=2025,
            heard_on=date(2026, 1, 20),
            report="...",
            assessment="meets",
        ),
    )
    return {"pk": evaluation.pk}


def _meeting(people, users):
    """Methodological help to the Shymkent unit (ISD 5.11), with a file: not the Almaty unit's."""
    from internal_security.models import UnitMeeting
    from internal_security.services import meetings as isd_meetings

    meeting = isd_meetings.meeting_plan(
        actor=users["isd_officer"],
        meeting=UnitMeeting(kind="help", topic="...", held_on=date(2026, 11, 20)),
        regions=[Region.objects.get(code="shymkent")],
    )
    stored = isd_meetings.meeting_file_add(
        actor=users["isd_officer"], meeting=meeting, upload=SimpleUploadedFile("m.pdf", b"%PDF-1.7\n%%EOF\n")
    )
    return {"pk": meeting.pk, "file_pk": stored.pk}


def _meeting_only(people, users):
    return {"pk": _meeting(people, users)["pk"]}


def _meeting_move(people, users):
    return {**_meeting_only(people, users), "move": "cancel"}


def _regulation(people, users):
    """Shymkent's unit regulations, sent by the central ISD (ISD 9): not the Almaty unit's."""
    from internal_security.models import UnitRegulation
    from internal_security.services.regulations import regulation_submit

    regulation = regulation_submit(
        actor=users["isd_officer"],
        regulation=UnitRegulation(region=Region.objects.get(code="shymkent"), title="...", text="..."),
    )
    return {"pk": regulation.pk}


def _regulation_move(people, users):
    return {**_regulation(people, users), "move": "agree"}


def _session(people, users):
    browser = Client()
    browser.post(reverse("accounts:login"), {"username": "isd_officer", "password": DEMO_TEST_PASSWORD})
    return {"session_id": PortalSession.objects.get(session_key=browser.session.session_key).public_id}


def _isd_draft(people, users):
    author = users["isd_officer"]
    document = Document(kind="isd.memo_to_subdivision", subject="Sweep memo", addressee="X", author=author)
    documents_services.document_save(actor=author, document=document, texts={"kk": "мәтін", "ru": "текст"})
    return {"pk": document.pk}


def _isd_draft_move(people, users):
    return {**_isd_draft(people, users), "move": "submit"}


def _isd_document_attachment(people, users):
    kwargs = _isd_draft(people, users)
    document = Document.objects.get(pk=kwargs["pk"])
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.7\n%%EOF\n")
    attachment = documents_services.document_attachment_add(actor=users["isd_officer"], document=document, upload=pdf)
    return {"pk": document.pk, "attachment_pk": attachment.pk}


def _isd_signed(people, users):
    load_demo_signing(people)
    kwargs = _isd_draft(people, users)
    document = Document.objects.get(pk=kwargs["pk"])
    documents_services.route_set(actor=users["isd_officer"], document=document, groups=[])
    documents_services.document_act(document=document, move="submit", actor=users["isd_officer"])
    confirmation = SigningConfirmation(user_id=users["isd_head"].pk, at=timezone.now())
    documents_services.document_sign_confirmed(document=document, actor=users["isd_head"], confirmation=confirmation)
    documents_services.document_pdf_produce(document_id=document.pk)
    return kwargs


def _investigation(people, users):
    """An investigation of the ISD head's, with an explanation and a personal-file request;
    isd_officer is not on its team."""
    from internal_security.models import InvestigatedPerson, Investigation
    from internal_security.services import investigations as isd

    investigation = isd.investigation_open(
        actor=users["isd_head"],
        investigation=Investigation(
            basis="6.21",
            instructed_by=people["chairman"],
            instruction_number="1-т",
            instruction_date=timezone.localdate() - timedelta(days=2),
            region=Region.objects.get(code="karaganda"),
            subject="Sweep",
            due_on=timezone.localdate() + timedelta(days=20),
        ),
        persons=[InvestigatedPerson(name="Судья", role="judge", position="Сот")],
    )
    explanation = isd.explanation_add(
        actor=users["isd_head"],
        investigation=investigation,
        person="Хатшы",
        summoned_on=timezone.localdate(),
        given_on=timezone.localdate(),
        upload=SimpleUploadedFile("e.pdf", b"%PDF-1.7\n", content_type="application/pdf"),
    )
    file_request = isd.personal_file_request(
        actor=users["isd_head"], investigation=investigation, person="Судья", reason="Sweep"
    )
    return {"pk": investigation.pk, "explanation_pk": explanation.pk, "personal_file_pk": file_request.pk}


def _investigation_only(people, users):
    return {"pk": _investigation(people, users)["pk"]}


def _investigation_explanation(people, users):
    kwargs = _investigation(people, users)
    return {"pk": kwargs["pk"], "explanation_pk": kwargs["explanation_pk"]}


def _investigation_file_request(people, users):
    kwargs = _investigation(people, users)
    return {"pk": kwargs["pk"], "personal_file_pk": kwargs["personal_file_pk"]}


def _vetting(people, users):
    """An Astana candidate's vetting assigned to isd_officer2 (ISD 5.4)."""
    from internal_security.models import VettingRequest
    from internal_security.services import vetting as isd_vetting

    vetting = isd_vetting.vetting_register(
        actor=users["isd_head"],
        vetting=VettingRequest(
            candidate="Ә. Б.",
            candidate_iin="900101300126",
            post_kind="judge",
            post="...",
            region=Region.objects.get(code="astana"),
            requested_by="...",
            received_on=date(2026, 11, 20),
            due_on=date(2026, 12, 4),
        ),
        officers=[users["isd_officer2"]],
    )
    return {"pk": vetting.pk}


def _vetting_move(people, users):
    return {**_vetting(people, users), "move": "conclude"}


def _risk(people, users):
    """Shymkent's corruption risk with one measure under control (ISD 6.13, 6.14): never the
    Almaty unit's to see."""
    from internal_security.models import CorruptionRisk, RiskMeasure
    from internal_security.services import risks as isd_risks

    risk = isd_risks.risk_identify(
        actor=users["isd_officer"],
        risk=CorruptionRisk(
            process="procurement",
            subdivision="...",
            region=Region.objects.get(code="shymkent"),
            description="...",
            cause="...",
            likelihood=2,
            impact=2,
            identified_on=date(2026, 11, 2),
        ),
    )
    measure = isd_risks.risk_measure_add(
        actor=users["isd_officer"],
        risk=risk,
        measure=RiskMeasure(text="...", owner="...", due_on=date(2026, 12, 20)),
    )
    return {"pk": risk.pk, "measure_pk": measure.pk}


def _risk_only(people, users):
    return {"pk": _risk(people, users)["pk"]}


def _risk_move(people, users):
    return {**_risk_only(people, users), "move": "remove"}


def _risk_measure_move(people, users):
    return {**_risk(people, users), "move": "report"}


def _programme(people, users):
    """A programme with one item under control (ISD 6.12): the central ISD's, not a unit's."""
    from internal_security.models import Programme, ProgrammeItem
    from internal_security.services import programmes as isd_programmes

    programme = isd_programmes.programme_add(
        actor=users["isd_officer"],
        programme=Programme(title="...", level="state", approved_by="...", first_year=2022, last_year=2026),
    )
    item = isd_programmes.programme_item_add(
        actor=users["isd_officer"],
        programme=programme,
        item=ProgrammeItem(number="1", text="...", executor="...", due_on=date(2026, 12, 20)),
    )
    return {"pk": programme.pk, "item_pk": item.pk}


def _programme_only(people, users):
    return {"pk": _programme(people, users)["pk"]}


def _programme_item_move(people, users):
    return {**_programme(people, users), "move": "report"}


def _control(people, users):
    """Shymkent's procurement control (ISD 6.19): never the Almaty unit's to see."""
    from internal_security.models import ComplianceControl
    from internal_security.services import controls as isd_controls

    control = isd_controls.control_open(
        actor=users["isd_officer"],
        control=ComplianceControl(
            area="procurement",
            subject="...",
            reference="...",
            subdivision="...",
            region=Region.objects.get(code="shymkent"),
            checks=["conflict"],
            started_on=date(2026, 11, 2),
        ),
    )
    return {"pk": control.pk}


def _control_move(people, users):
    return {**_control(people, users), "move": "complete"}


def _practice(people, users):
    from internal_security.models import Practice
    from internal_security.services import practices as isd_practices

    practice = isd_practices.practice_add(
        actor=users["isd_officer"],
        practice=Practice(title="...", origin="foreign", source="...", summary="...", studied_on=date(2026, 11, 2)),
    )
    return {"pk": practice.pk}


def _practice_move(people, users):
    return {**_practice(people, users), "move": "propose"}


def _incident(people, users):
    """A threat to an Astana judge, granted to isd_officer2 (ISD 6.3, ISD 7)."""
    from internal_security.models import SecurityIncident
    from internal_security.services import incidents as isd_incidents

    incident = isd_incidents.incident_register(
        actor=users["isd_head"],
        incident=SecurityIncident(
            kind="threat_judge",
            region=Region.objects.get(code="astana"),
            court="...",
            person="...",
            occurred_on=date(2026, 11, 20),
            description="...",
            reported_by="...",
        ),
    )
    isd_incidents.incident_assign(actor=users["isd_head"], incident=incident, officers=[users["isd_officer2"]])
    return {"pk": incident.pk}


def _incident_move(people, users):
    return {**_incident(people, users), "move": "close"}


def _hearing(people, users):
    """A Shymkent hearing with heightened risk and its bailiff (ISD 6.5): not the Almaty unit's."""
    from datetime import datetime, time

    from courtadmin.deadlines.calendar import ALMATY
    from internal_security.models import Bailiff, HearingSecurity
    from internal_security.services import bailiffs as isd_bailiffs
    from internal_security.services import hearings as isd_hearings

    shymkent = Region.objects.get(code="shymkent")
    bailiff = isd_bailiffs.bailiff_add(
        actor=users["isd_officer"], bailiff=Bailiff(full_name="...", post="...", court="...", region=shymkent)
    )
    hearing = isd_hearings.hearing_plan(
        actor=users["isd_officer"],
        hearing=HearingSecurity(
            region=shymkent,
            court="...",
            case_number="1",
            starts_at=datetime.combine(date(2026, 11, 20), time(10), ALMATY),
            risk="...",
            measures="...",
        ),
        bailiffs=[bailiff],
    )
    return {"pk": hearing.pk}


def _hearing_move(people, users):
    return {**_hearing(people, users), "move": "cancel"}


def _building_all(people, users):
    """A Shymkent building with its passport, a survey and its measure, and a camera under a
    Shymkent contract whose check found a defect (ISD 6.7, 6.8, 6.9): never the Almaty unit's."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from internal_security.models import (
        BuildingInspection,
        BuildingMeasure,
        ContractCheck,
        ContractDefect,
        CourtBuilding,
        SecurityContract,
        SecurityEquipment,
        Supplier,
        TerrorPassport,
    )
    from internal_security.services import buildings as isd_buildings
    from internal_security.services import contracts as isd_contracts

    shymkent, officer = Region.objects.get(code="shymkent"), users["isd_officer"]
    building = isd_buildings.building_add(
        actor=officer,
        building=CourtBuilding(
            court="...", region=shymkent, address="...", floors=3, entrances=2, vulnerable=True, category="3"
        ),
    )
    passport = isd_buildings.passport_file(
        actor=officer,
        building=building,
        passport=TerrorPassport(number="1", approved_on=date(2026, 1, 10), valid_until=date(2027, 1, 10)),
        upload=SimpleUploadedFile("p.pdf", b"%PDF-1.7\n%%EOF\n"),
    )
    inspection = isd_buildings.inspection_add(
        actor=officer,
        building=building,
        inspection=BuildingInspection(
            kind="survey", held_on=date(2026, 11, 2), held_by="...", state="fair", findings="..."
        ),
    )
    measure = isd_buildings.building_measure_add(
        actor=officer,
        inspection=inspection,
        measure=BuildingMeasure(text="...", owner="...", due_on=date(2026, 12, 20)),
    )
    supplier = isd_contracts.supplier_add(actor=officer, supplier=Supplier(name="...", bin="090340001232"))
    contract = isd_contracts.contract_add(
        actor=officer,
        contract=SecurityContract(
            number="1",
            signed_on=date(2026, 3, 1),
            supplier=supplier,
            subject="video",
            region=shymkent,
            courts="...",
            amount=1,
            obligations="...",
            ends_on=date(2027, 3, 1),
        ),
    )
    check = isd_contracts.check_add(
        actor=officer,
        contract=contract,
        check=ContractCheck(checked_on=date(2026, 11, 2), checked_by="...", findings="..."),
        defects=[ContractDefect(description="...", remedy_by=date(2026, 12, 20))],
    )
    camera = isd_buildings.equipment_add(
        actor=officer,
        building=building,
        equipment=SecurityEquipment(kind="video", description="...", installed_on=date(2026, 3, 1), contract=contract),
    )
    return {
        "building": building.pk,
        "passport": passport.pk,
        "measure": measure.pk,
        "equipment": camera.pk,
        "contract": contract.pk,
        "defect": check.defects.get().pk,
        "supplier": supplier.pk,
    }


def _building(people, users):
    return {"pk": _building_all(people, users)["building"]}


def _building_measure_move(people, users):
    made = _building_all(people, users)
    return {"pk": made["building"], "measure_pk": made["measure"], "move": "report"}


def _building_passport(people, users):
    made = _building_all(people, users)
    return {"pk": made["building"], "passport_pk": made["passport"]}


def _building_equipment(people, users):
    made = _building_all(people, users)
    return {"pk": made["building"], "equipment_pk": made["equipment"]}


def _contract(people, users):
    return {"pk": _building_all(people, users)["contract"]}


def _contract_move(people, users):
    return {**_contract(people, users), "move": "terminate"}


def _contract_defect_move(people, users):
    made = _building_all(people, users)
    return {"pk": made["contract"], "defect_pk": made["defect"], "move": "remedy"}


def _supplier(people, users):
    return {"pk": _building_all(people, users)["supplier"]}


def _building_rules(people, users):
    """The rules of the regime of a Shymkent building (ISD 6.6)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from internal_security.models import CourtBuilding, RegimeRules
    from internal_security.services import buildings as isd_buildings

    building = CourtBuilding.objects.get(pk=_building(people, users)["pk"])
    rules = isd_buildings.regime_rules_file(
        actor=users["isd_officer"],
        building=building,
        rules=RegimeRules(number="1", approved_on=date(2026, 1, 10)),
        upload=SimpleUploadedFile("r.pdf", b"%PDF-1.7\n%%EOF\n"),
    )
    return {"pk": building.pk, "rules_pk": rules.pk}


def _pass(people, users):
    """A permanent pass to a Shymkent building (ISD 6.6)."""
    from internal_security.models import AccessPass, CourtBuilding
    from internal_security.services import passes as isd_passes

    building = CourtBuilding.objects.get(pk=_building(people, users)["pk"])
    issued = isd_passes.pass_issue(
        actor=users["isd_officer"],
        access_pass=AccessPass(
            kind="permanent",
            number="1",
            building=building,
            holder="...",
            holder_post="...",
            issued_on=date(2026, 1, 10),
            valid_until=date(2027, 1, 10),
        ),
    )
    return {"pk": issued.pk}


def _pass_move(people, users):
    return {**_pass(people, users), "move": "withdraw"}


def _expense_all(people, users):
    """A Shymkent building's spending proposal with its specification (ISD 6.8)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from internal_security.models import CourtBuilding, SpendingProposal
    from internal_security.services import expenses as isd_expenses

    building = CourtBuilding.objects.get(pk=_building(people, users)["pk"])
    proposal = isd_expenses.expense_add(
        actor=users["isd_officer"],
        proposal=SpendingProposal(year=2027, building=building, item="video", description="...", amount=1),
    )
    stored = isd_expenses.specification_add(
        actor=users["isd_officer"], proposal=proposal, upload=SimpleUploadedFile("t.pdf", b"%PDF-1.7\n%%EOF\n")
    )
    return {"pk": proposal.pk, "file_pk": stored.pk}


def _expense(people, users):
    return {"pk": _expense_all(people, users)["pk"]}


def _expense_move(people, users):
    return {**_expense(people, users), "move": "send"}


def _signal(people, users):
    """An Astana entry of the information on corruption (ISD 6.15)."""
    from internal_security.models import CorruptionSignal
    from internal_security.services import signals as isd_signals

    entry = isd_signals.signal_save(
        actor=users["isd_head"],
        signal=CorruptionSignal(
            source="media",
            received_on=date(2026, 11, 20),
            person="А.",
            region=Region.objects.get(code="astana"),
            substance=".",
        ),
    )
    return {"pk": entry.pk}


def _criminal_case(people, users):
    """An Almaty entry of the registry (ISD 6.16), kept by the Almaty ISD unit."""
    from internal_security.models import CriminalCase
    from internal_security.services import cases as isd

    case = isd.criminal_case_save(
        actor=users["isd_almaty"],
        case=CriminalCase(
            person="К.",
            person_role="staff",
            position="пристав",
            court="Сот",
            article="366",
            investigating_body="АДА",
            opened_on=timezone.localdate() - timedelta(days=10),
        ),
        opening_decision="СДТБ",
    )
    return {"pk": case.pk}


def _criminal_case_move(people, users):
    return {**_criminal_case(people, users), "move": "to_court"}


def _complaint_move(people, users):
    return {**_complaint(people, users), "move": "leave"}


def _ir_application(people, users):
    application = ir_applications.application_register(
        actor=users["ir_officer"],
        application=Application(
            number="SWEEP-IR-1",
            received_at=timezone.now() - timedelta(hours=1),
            applicant_name="Sweep applicant",
            applicant_address="Astana",
            language="ru",
            substance="...",
            officer=users["ir_officer"],
        ),
    )
    return {"pk": application.pk}


def _ir_court(people, users):
    """A court of the IR's catalogs (IR 7.22): read by IR staff and the leadership, kept by IR staff."""
    return {"catalog": "courts", "pk": KazakhCourt.objects.get(code="astana-regional").pk}


def _ir_catalog(people, users):
    return {"catalog": "courts"}


def _ir_request(people, users):
    from tests.international.factories import la_request

    request = la_request(users["ir_officer"], number="SWEEP-LA-1")
    return {"pk": request.pk}


def _ir_request_move(people, users):
    return {**_ir_request(people, users), "move": "refuse"}


def _ir_request_letter(people, users):
    return {**_ir_request(people, users), "move": "forward_to_court"}


def _ir_request_file(people, users):
    kwargs = _ir_request(people, users)
    file = RequestFile.objects.create(
        request_id=kwargs["pk"],
        kind="request",
        language="ru",
        file=SimpleUploadedFile("r.pdf", b"%PDF-1.7\n"),
        original_name="r.pdf",
        content_type="application/pdf",
        size=9,
        sha256="0" * 64,
        uploaded_by=users["ir_officer"],
    )
    return {**kwargs, "file_pk": file.pk}


def _notification(people, users):
    notification = Notification.objects.create(user=users["isd_officer"], title="Срок", url="/")
    return {"pk": notification.pk}


def _isd_journal(people, users):
    return {"department": "ISD"}


def _isd_translation(people, users):
    """A translation of the ISD letter below, given by the ISD head to isd_officer2, with a file
    of the translation and the letter's own scan (IR 7.12; ISD 7: isd_officer reaches neither)."""
    from courtadmin.correspondence.models import IncomingLetter
    from courtadmin.correspondence.services import translation_file_add, translation_task_give

    kwargs = _isd_letter(people, users)
    translation = translation_task_give(
        actor=users["isd_head"],
        letter=IncomingLetter.objects.get(pk=kwargs["pk"]),
        language="kk",
        translator=users["isd_officer2"],
        working_days=3,
    )
    upload = SimpleUploadedFile("t.pdf", b"%PDF-1.7\n%%EOF\n")
    stored = translation_file_add(actor=users["isd_officer2"], translation=translation, upload=upload)
    return {"pk": translation.pk, "file_pk": stored.pk, "original_pk": kwargs["file_pk"]}


def _isd_translation_only(people, users):
    return {"pk": _isd_translation(people, users)["pk"]}


def _isd_translation_file(people, users):
    made = _isd_translation(people, users)
    return {"pk": made["pk"], "file_pk": made["file_pk"]}


def _isd_translation_original(people, users):
    made = _isd_translation(people, users)
    return {"pk": made["pk"], "file_pk": made["original_pk"]}


def _isd_translation_move(people, users):
    return {**_isd_translation_only(people, users), "move": "submit"}


def _isd_letter(people, users):
    """An ISD incoming letter registered by isd_officer2 and given to him by the ISD head:
    isd_officer is not an executor (ISD 7: need-to-know)."""
    from courtadmin.correspondence.models import IncomingLetter
    from courtadmin.correspondence.services import letter_file_add, letter_register
    from courtadmin.correspondence.workflow import letter_move

    officer = users["isd_officer2"]
    letter = letter_register(
        actor=officer,
        letter=IncomingLetter(
            department="ISD",
            received_on=timezone.localdate(),
            channel="post",
            sender_kind="kazakh_body",
            sender_name="Sweep body",
            language="ru",
            subject="A letter nobody but its executor and ISD's leadership may open",
        ),
    )
    letter_move(
        letter=letter,
        move="resolve",
        actor=users["isd_head"],
        text="...",
        executors=[officer],
        lead=officer,
        working_days=5,
    )
    stored = letter_file_add(actor=officer, letter=letter, upload=SimpleUploadedFile("l.pdf", b"%PDF-1.7\n%%EOF\n"))
    return {"pk": letter.pk, "file_pk": stored.pk}


def _isd_letter_only(people, users):
    return {"pk": _isd_letter(people, users)["pk"]}


def _isd_letter_move(people, users):
    return {**_isd_letter_only(people, users), "move": "resolve"}


def _isd_instruction(people, users):
    """The CA head's instruction to the ISD head with isd_officer2, who sent an interim report
    with a file: isd_officer and the Almaty unit execute nothing of it (ISD 7)."""
    from courtadmin.instructions.services import instruction_give, instruction_report_add

    instruction = instruction_give(
        actor=users["ca_head"],
        department="ISD",
        text="An instruction nobody but its executors and ISD's leadership may open",
        executors=[users["isd_head"], users["isd_officer2"]],
        lead=users["isd_head"],
        working_days=10,
        function="6.21",
    )
    upload = SimpleUploadedFile("i.pdf", b"%PDF-1.7\n%%EOF\n")
    report = instruction_report_add(actor=users["isd_officer2"], instruction=instruction, text="...", files=[upload])
    return {"pk": instruction.pk, "file_pk": report.files.get().pk}


def _isd_instruction_only(people, users):
    return {"pk": _isd_instruction(people, users)["pk"]}


def _isd_instruction_move(people, users):
    return {**_isd_instruction_only(people, users), "move": "report"}


# Outsiders of ISD records include the system administrator: a superuser is no exception (ISD 7).
# Other subdivisions and a court's office see only what is addressed to them (issue 20): every
# IR and ISD record below is 404 to them.
SUBDIVISIONS = ["legal_officer", "analyst", "court_almaty"]
ISD_OUTSIDERS = ["ir_head", "sysadmin", "ca_deputy", "isd_officer", "isd_almaty", *SUBDIVISIONS]
# A region's plan and inspections: the central ISD, those it reports to and that region's unit
# alone (ISD 9, ISD 5.10).
PLAN_OUTSIDERS = ["ir_head", "sysadmin", "ca_deputy", "isd_almaty", *SUBDIVISIONS]
EVALUATION_OUTSIDERS = ["ir_head", "sysadmin", "ca_deputy", "isd_officer", "isd_almaty", "hr_keeper", *SUBDIVISIONS]
NOTICE_OUTSIDERS = ["ir_head", "sysadmin", "ca_deputy", "isd_officer", "isd_almaty", *SUBDIVISIONS]
# An ISD document is seen by its author, its route and those who reach every ISD record.
ISD_DOCUMENT_OUTSIDERS = ["ir_head", "sysadmin", "ca_deputy", "isd_officer2", "isd_almaty", *SUBDIVISIONS]
# IR records are for IR staff and the leadership (IR 1-3); writing is for IR staff alone.
IR_OUTSIDERS = ["isd_head", "isd_officer", "isd_almaty", "sysadmin", *SUBDIVISIONS]
IR_WRITE_OUTSIDERS = [*IR_OUTSIDERS, "chairman", "ca_deputy"]
IR_EVENT_OUTSIDERS = [name for name in IR_OUTSIDERS if name != "legal_officer"]
# A gift received above the threshold is the ISD head's to read too (ISD 6.14).
GIFT_OUTSIDERS = [name for name in IR_OUTSIDERS if name != "isd_head"]


def _request_to(unit_code, answerer=None):
    """An ISD request drafted by isd_officer2, serving no case, signed and sent by the ISD head to
    `unit_code`, answered with a file by `answerer` if given: isd_officer reaches none of it (ISD 7)."""
    from courtadmin.datarequests.models import DataRequest
    from courtadmin.datarequests.services import request_draft
    from courtadmin.datarequests.workflow import request_move
    from courtadmin.org.models import Unit

    def make(people, users):
        data_request = request_draft(
            actor=users["isd_officer2"],
            request=DataRequest(
                department="ISD",
                unit=Unit.objects.get(code=unit_code),
                subject="A request nobody but its unit and ISD's leadership may open",
                text="...",
                legal_basis="ISD 5.6",
                working_days=5,
            ),
        )
        request_move(request=data_request, move="send", actor=users["isd_head"])
        if answerer is None:
            return {"pk": data_request.pk}
        upload = SimpleUploadedFile("r.pdf", b"%PDF-1.7\n%%EOF\n")
        request_move(request=data_request, move="answer", actor=users[answerer], answer="...", files=[upload])
        return {"pk": data_request.pk, "file_pk": data_request.files.get().pk}

    return make


def _request_move(people, users):
    return {**_request_to("court-almaty-economic")(people, users), "move": "answer"}


def _ir_trip(people, users):
    return {"pk": ir_factories.trip(users["ir_officer"]).pk}


def _ir_event(people, users):
    """An IR event whose only participant from elsewhere is the Legal Department's officer:
    everyone else outside the IR is refused it."""
    return {"pk": ir_factories.event(users["ir_officer"], participants=[users["legal_officer"]]).pk}


def _ir_event_of_the_chairman(people, users):
    """An event the Chairman attends (its protocol card, IR 7.30), the Legal Department's officer
    among its participants."""
    participants = [users["chairman"], users["legal_officer"]]
    return {"pk": ir_factories.event(users["ir_officer"], participants=participants).pk}


def _ir_event_material(people, users):
    from international.services import events as ir_events

    kwargs = _ir_event(people, users)
    event = Event.objects.get(pk=kwargs["pk"])
    material = ir_events.event_material_add(
        actor=users["ir_officer"],
        event=event,
        title="Анықтама",
        executor=users["ir_officer"],
        due_on=event.starts_on,
    )
    return {"pk": event.pk, "material_pk": material.pk}


def _ir_event_held(people, users):
    from international.services import events as ir_events

    kwargs = _ir_event(people, users)
    event = Event.objects.get(pk=kwargs["pk"])
    Event.objects.filter(pk=event.pk).update(starts_on=event.starts_on - timedelta(days=10))
    ir_events.event_move(event=event, move="hold", actor=users["ir_officer"], outcomes="Келісілді")
    return kwargs


def _ir_event_move(people, users):
    return {**_ir_event(people, users), "move": "confirm"}


def _ir_budget_line(people, users):
    from decimal import Decimal

    from international.models import BudgetLine
    from international.services import budget

    line = budget.budget_line_save(
        actor=users["ir_officer"],
        line=BudgetLine(year=timezone.localdate().year, programme="trips", item="Бап", planned=Decimal(1000)),
    )
    return {"pk": line.pk}


def _ir_budget_spending(people, users):
    from decimal import Decimal

    from international.models import BudgetLine, Spending
    from international.services import budget

    kwargs = _ir_budget_line(people, users)
    spending = budget.spending_post(
        actor=users["ir_officer"],
        line=BudgetLine.objects.get(pk=kwargs["pk"]),
        spending=Spending(amount=Decimal(10), on=timezone.localdate(), description="x"),
    )
    return {**kwargs, "spending_pk": spending.pk}


def _ir_souvenir(people, users):
    from international.models import Souvenir
    from international.services import budget

    return {"pk": budget.souvenir_save(actor=users["ir_officer"], souvenir=Souvenir(name="Қалам")).pk}


def _ir_gift_above_threshold(people, users):
    """A gift received above the threshold: the ISD head reads it (ISD 6.14), no other outsider."""
    from decimal import Decimal

    from international.models import Gift
    from international.services import gifts

    record = Gift(
        direction="received",
        description="Ыдыс",
        value=Decimal(10_000_000),
        on=timezone.localdate(),
        counterpart="Елші",
        person=users["ir_head"],
    )
    return {"pk": gifts.gift_save(actor=users["ir_officer"], gift=record).pk}


def _ir_trip_report(people, users):
    kwargs = _ir_trip(people, users)
    trip = Trip.objects.get(pk=kwargs["pk"])
    report = ir_trips.trip_report_add(
        actor=users["ir_officer"], trip=trip, upload=SimpleUploadedFile("t.pdf", b"%PDF-1.7\n%%EOF\n")
    )
    return {**kwargs, "report_pk": report.pk}


def _ir_trip_reported(people, users):
    return {"pk": _ir_trip_report(people, users)["pk"]}


def _ir_delegation(people, users):
    return {"pk": ir_factories.delegation(users["ir_officer"], arrives_on=timezone.localdate()).pk}


def _ir_delegation_consent(people, users):
    return {**_ir_delegation(people, users), "move": "consent"}


def _isd_board(people, users):
    return {"board": "ISD"}


def _board_export(people, users):
    export = BoardExport.objects.create(
        requested_by=users["chairman"],
        board="leadership",
        period_kind="month",
        start=date(2026, 11, 1),
        end=date(2026, 11, 30),
        language="kk",
        state=BoardExport.State.READY,
    )
    export.file.save("board.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    return {"pk": export.pk}


def _ir_review(people, users):
    review = Review(
        body="ccpr", title="Concluding observations", symbol="CCPR/C/KAZ/CO/3", adopted_on=date(2026, 7, 20)
    )
    review.officer = users["ir_officer"]
    return {"pk": ir_obligations.review_save(actor=users["ir_officer"], review=review).pk}


def _ir_recommendation(people, users):
    """A recommendation assigned to the Legal Department, with a file of evidence: legal_officer's
    subdivision reads it (IR 7.5), the other subdivisions do not."""
    review = Review.objects.get(pk=_ir_review(people, users)["pk"])
    recommendation = Recommendation.objects.create(
        review=review, paragraph="12", theme="Access to justice", text_original="Ensure legal aid."
    )
    ir_obligations.recommendation_move(
        recommendation=recommendation,
        move="assign",
        actor=users["ir_officer"],
        unit=Unit.objects.get(code="legal"),
        due_on=date(2027, 2, 26),
    )
    evidence = ir_obligations.evidence_add(
        actor=users["legal_officer"],
        recommendation=recommendation,
        upload=SimpleUploadedFile("order.pdf", b"%PDF-1.7\n%order\n", content_type="application/pdf"),
        note="Бұйрық",
    )
    return {"pk": recommendation.pk, "file_pk": evidence.pk}


def _ir_recommendation_only(people, users):
    return {"pk": _ir_recommendation(people, users)["pk"]}


def _ir_recommendation_implement(people, users):
    return {**_ir_recommendation_only(people, users), "move": "implement"}


def _ir_questionnaire(people, users):
    questionnaire = Questionnaire(
        title="CEPEJ evaluation, 2024 data", data_year=2024, due_on=date(2026, 3, 1), officer=users["ir_officer"]
    )
    return {"pk": ir_cepej.questionnaire_save(actor=users["ir_officer"], questionnaire=questionnaire).pk}


def _ir_questionnaire_approve(people, users):
    return {**_ir_questionnaire(people, users), "move": "approve"}


def _ir_question(people, users):
    """A CEPEJ question assigned to the Legal Department: legal_officer's subdivision answers it."""
    questionnaire = Questionnaire.objects.get(pk=_ir_questionnaire(people, users)["pk"])
    question = Question.objects.create(
        questionnaire=questionnaire, order=1, code="3.2", text="Legal aid", numeric=False
    )
    ir_cepej.question_move(
        question=question,
        move="assign",
        actor=users["ir_officer"],
        unit=Unit.objects.get(code="legal"),
        due_on=date(2027, 2, 26),
    )
    return {"pk": question.pk}


def _ir_question_answer(people, users):
    return {**_ir_question(people, users), "move": "answer"}


def _ir_partner(people, users):
    partner = Partner(kind="foreign_court", name="Türkiye Cumhuriyeti Yargıtay", areas=["training"])
    return {"pk": ir_partners.partner_save(actor=users["ir_officer"], partner=partner).pk}


def _ir_agreement(people, users):
    """A memorandum with a version, the Legal Department asked for its comments (IR 7.10)."""
    officer = users["ir_officer"]
    agreement = Agreement(kind="memorandum", title="Өзара түсіністік туралы меморандум", officer=officer)
    ir_agreements.agreement_save(actor=officer, agreement=agreement)
    version = ir_agreements.version_add(
        actor=officer,
        agreement=agreement,
        upload=SimpleUploadedFile("draft.pdf", b"%PDF-1.7\n%draft\n", content_type="application/pdf"),
        note="",
    )
    ir_agreements.agreement_move(
        agreement=agreement,
        move="consult",
        actor=officer,
        units=[Unit.objects.get(code="legal")],
        due_on=date(2027, 1, 15),
    )
    return {"pk": agreement.pk, "file_pk": version.pk}


def _ir_agreement_only(people, users):
    return {"pk": _ir_agreement(people, users)["pk"]}


def _ir_agreement_withdraw(people, users):
    return {**_ir_agreement_only(people, users), "move": "withdraw"}


def _ir_comment(people, users):
    agreement = Agreement.objects.get(pk=_ir_agreement(people, users)["pk"])
    return {"pk": agreement.comments.get().pk, "move": "comment"}


def _ir_proposal(people, users):
    """A proposal asked of the Legal Department and sent by it (IR 7.7)."""
    (proposal,) = ir_projects.proposals_ask(
        actor=users["ir_officer"], topic="Жоба", units=[Unit.objects.get(code="legal")], due_on=date(2027, 1, 15)
    )
    return {"pk": proposal.pk}


def _ir_proposal_propose(people, users):
    return {**_ir_proposal(people, users), "move": "propose"}


def _ir_project(people, users):
    officer = users["ir_officer"]
    project = Project(
        title="Жоба", goals="Мақсат", starts_on=date(2027, 1, 1), ends_on=date(2027, 12, 31), officer=officer
    )
    return {"pk": ir_projects.project_save(actor=officer, project=project).pk}


def _ir_project_reject(people, users):
    return {**_ir_project(people, users), "move": "reject"}


def _ir_activity(people, users):
    """An activity of a project being executed, given to the Legal Department (IR 7.9)."""
    officer = users["ir_officer"]
    project = Project.objects.get(pk=_ir_project(people, users)["pk"])
    activity = ir_projects.activity_add(
        actor=officer, project=project, title="Семинар", unit=Unit.objects.get(code="legal"), due_on=date(2027, 3, 31)
    )
    Project.objects.filter(pk=project.pk).update(status=Project.Status.EXECUTION)  # approved (tested in test_projects)
    ir_projects.activity_move(
        activity=activity, move="assign", actor=officer, unit=Unit.objects.get(code="legal"), due_on=date(2027, 3, 31)
    )
    return {"pk": activity.pk}


def _ir_activity_done(people, users):
    return {**_ir_activity(people, users), "move": "done"}


def _ir_secondment(people, users):
    officer = users["ir_officer"]
    secondment = Secondment(
        judge="Судья",
        body="CCJE",
        role="Бақылаушы",
        order_number="1",
        order_date=date(2026, 1, 1),
        starts_on=date(2026, 1, 1),
        ends_on=date(2027, 12, 31),
        officer=officer,
    )
    ir_secondments.secondment_save(actor=officer, secondment=secondment)
    report = ir_secondments.report_add(
        actor=officer,
        secondment=secondment,
        upload=SimpleUploadedFile("report.pdf", b"%PDF-1.7\n%report\n", content_type="application/pdf"),
    )
    return {"pk": secondment.pk, "report_pk": report.pk}


def _ir_secondment_only(people, users):
    return {"pk": _ir_secondment(people, users)["pk"]}


def _ir_meeting(people, users):
    officer = users["ir_officer"]
    meeting = Meeting(on=date(2026, 11, 20), place="Астана", agenda="Күн тәртібі", officer=officer)
    return {"pk": ir_council.meeting_save(actor=officer, meeting=meeting).pk}


def _ir_meeting_hold(people, users):
    return {**_ir_meeting(people, users), "move": "hold"}


def _ir_held_meeting(people, users):
    meeting = Meeting.objects.get(pk=_ir_meeting(people, users)["pk"])
    ir_council.meeting_move(meeting=meeting, move="hold", actor=users["ir_officer"], minutes="Хаттама")
    return {"pk": meeting.pk}


def _ir_councillor(people, users):
    councillor = Councillor(full_name="Jean Dupont", position="Président", since=date(2024, 1, 1))
    return {"pk": ir_council.councillor_save(actor=users["ir_officer"], councillor=councillor).pk}


# The subdivision a recommendation is assigned to reads it; the rest of the IR stays closed to it.
ASSIGNED_OUTSIDERS = [name for name in IR_OUTSIDERS if name != "legal_officer"]


# The ISD's board is for its head and deputy alone; an export is its requester's alone.
ISD_BOARD_OUTSIDERS = ["ca_deputy", "ir_head", "isd_officer", "isd_almaty", "sysadmin", *SUBDIVISIONS]
EXPORT_OUTSIDERS = ["ca_head", "isd_head", "ir_head", "sysadmin"]


CASES = {
    "org:absence-update": Case(_absence, "ir_officer", ["isd_officer", "isd_head"]),
    "org:absence-delete": Case(_absence, "ir_officer", ["isd_officer", "isd_head"]),
    # The IR head's replacement is recorded by those above him, never by himself, the acting
    # person, another head or the administrator (the security issue).
    "org:acting-update": Case(
        _appointment, "ca_head", ["isd_head", "ir_officer", "ir_head", "ir_deputy_legal", "sysadmin"]
    ),
    "org:acting-delete": Case(
        _appointment, "ca_head", ["isd_head", "ir_officer", "ir_head", "ir_deputy_legal", "sysadmin"]
    ),
    # A change awaiting a second person: neither its proposer nor the one it empowers decides it.
    "org:change-decide": Case(
        _awaiting_appointment, "isd_head", ["ca_head", "isd_deputy", "sysadmin", "ir_head", "isd_officer"]
    ),
    "org:position-assign": Case(_person, "hr_keeper", ["sysadmin", "ca_head", "ir_head", "isd_head", "ir_officer"]),
    "org:identity-number": Case(_person, "hr_keeper", ["sysadmin", "ca_head", "ir_head", "isd_head", "ir_officer"]),
    "internal_security:complaint-detail": Case(_complaint, "isd_head", ISD_OUTSIDERS),
    "internal_security:complaint-receipt": Case(_complaint, "isd_head", ISD_OUTSIDERS),
    "internal_security:complaint-file-add": Case(_complaint, "isd_head", ISD_OUTSIDERS),
    "internal_security:case-detail": Case(_criminal_case, "isd_almaty", ["ir_head", "sysadmin", "ca_deputy"]),
    # Kept by the region's unit and the central ISD (ISD 6.16); read, not kept, by the leadership.
    "internal_security:case-update": Case(
        _criminal_case, "isd_almaty", ["ir_head", "sysadmin", "ca_deputy", "chairman"]
    ),
    "internal_security:case-move": Case(
        _criminal_case_move, "isd_almaty", ["ir_head", "sysadmin", "ca_deputy", "chairman"]
    ),
    # A threat to a judge: the ISD's managers, the leadership, the officers granted it and the
    # region's unit (ISD 6.3, ISD 7); not another officer, not another region's unit.
    "internal_security:incident-detail": Case(_incident, "isd_officer2", ISD_OUTSIDERS),
    "internal_security:incident-measure-add": Case(_incident, "isd_officer2", ISD_OUTSIDERS),
    "internal_security:incident-move": Case(_incident_move, "isd_officer2", ISD_OUTSIDERS),
    "internal_security:incident-assign": Case(_incident, "isd_head", [*ISD_OUTSIDERS, "isd_officer2"]),
    # Another region's hearing is 404 to the Almaty unit (ISD 6.5).
    "internal_security:hearing-detail": Case(_hearing, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:hearing-move": Case(_hearing_move, "isd_officer", PLAN_OUTSIDERS),
    # Another region's building and contract are 404 to the Almaty unit (ISD 6.7, 6.8, 6.9).
    "internal_security:building-detail": Case(_building, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:building-inspection-add": Case(_building, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:building-measure-add": Case(_building, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:building-measure-move": Case(_building_measure_move, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:building-passport-add": Case(_building, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:building-passport-download": Case(_building_passport, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:building-equipment-add": Case(_building, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:building-equipment-state": Case(_building_equipment, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:contract-detail": Case(_contract, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:contract-check-add": Case(_contract, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:contract-move": Case(_contract_move, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:contract-defect-move": Case(_contract_defect_move, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:building-rules-add": Case(_building, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:building-rules-download": Case(_building_rules, "isd_officer", PLAN_OUTSIDERS),
    # Another region's pass and spending proposal are 404 to the Almaty unit (ISD 6.6, 6.8).
    "internal_security:pass-detail": Case(_pass, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:pass-move": Case(_pass_move, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:expense-detail": Case(_expense, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:expense-move": Case(_expense_move, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:expense-file-add": Case(_expense, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:expense-file-download": Case(_expense_all, "isd_officer", PLAN_OUTSIDERS),
    # A supplier is known to every reader of the ISD's registers; its record counts within reach.
    "internal_security:supplier-detail": Case(
        _supplier, "isd_officer", ["ir_head", "sysadmin", "ca_deputy", *SUBDIVISIONS]
    ),
    # The central ISD's registers: not a territorial unit's (ISD 6.12, 6.2).
    "internal_security:programme-detail": Case(_programme_only, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:programme-item-add": Case(_programme_only, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:programme-item-move": Case(_programme_item_move, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:practice-detail": Case(_practice, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:practice-move": Case(_practice_move, "isd_officer", PLAN_OUTSIDERS),
    # Another region's compliance control is 404 to the Almaty unit (ISD 6.19, 6.20).
    "internal_security:control-detail": Case(_control, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:control-move": Case(_control_move, "isd_officer", PLAN_OUTSIDERS),
    # A vetting: its officers, the ISD's managers and the leadership; not another officer (ISD 5.4, ISD 7).
    "internal_security:vetting-detail": Case(_vetting, "isd_officer2", ISD_OUTSIDERS),
    "internal_security:vetting-search": Case(_vetting, "isd_officer2", ISD_OUTSIDERS),
    "internal_security:vetting-check-add": Case(_vetting, "isd_officer2", ISD_OUTSIDERS),
    "internal_security:vetting-document": Case(_vetting, "isd_officer2", ISD_OUTSIDERS),
    "internal_security:vetting-move": Case(_vetting_move, "isd_officer2", ISD_OUTSIDERS),
    "internal_security:vetting-assign": Case(_vetting, "isd_head", [*ISD_OUTSIDERS, "isd_officer2"]),
    # Another region's corruption risk is 404 to the Almaty unit (ISD 6.13, 6.14).
    "internal_security:risk-detail": Case(_risk_only, "isd_head", PLAN_OUTSIDERS),
    "internal_security:risk-move": Case(_risk_move, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:risk-measure-add": Case(_risk_only, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:risk-measure-move": Case(_risk_measure_move, "isd_officer", PLAN_OUTSIDERS),
    # Another region's information on corruption is 404 to the Almaty unit (ISD 6.15); kept, not read, by the ISD.
    "internal_security:signal-detail": Case(_signal, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:signal-update": Case(_signal, "isd_officer", [*PLAN_OUTSIDERS, "chairman"]),
    "internal_security:signal-link": Case(_signal, "isd_officer", [*PLAN_OUTSIDERS, "chairman"]),
    # Another region's plan is 404 to the Almaty unit everywhere (ISD 9, 6.10, 6.18).
    "internal_security:plan-detail": Case(_plan_only, "isd_head", PLAN_OUTSIDERS),
    "internal_security:plan-move": Case(_plan_move, "isd_head", PLAN_OUTSIDERS),
    "internal_security:plan-document": Case(_plan_only, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:plan-item-add": Case(_plan_only, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:plan-item-remove": Case(_plan, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:plan-item-move": Case(_plan_item_move, "isd_head", PLAN_OUTSIDERS),
    # Another region's regulations too (ISD 9).
    "internal_security:regulation-detail": Case(_regulation, "isd_head", PLAN_OUTSIDERS),
    "internal_security:regulation-move": Case(_regulation_move, "isd_head", PLAN_OUTSIDERS),
    # Another region's meeting too (ISD 5.11, 5.13).
    "internal_security:meeting-detail": Case(_meeting_only, "isd_head", PLAN_OUTSIDERS),
    "internal_security:meeting-move": Case(_meeting_move, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:meeting-file-add": Case(_meeting_only, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:meeting-file-download": Case(_meeting, "isd_head", PLAN_OUTSIDERS),
    # Another region's periodic report too (ISD 5.12).
    "internal_security:report-detail": Case(_unit_report_only, "isd_head", PLAN_OUTSIDERS),
    "internal_security:report-move": Case(_unit_report_move, "isd_head", PLAN_OUTSIDERS),
    "internal_security:report-file-add": Case(_unit_report_only, "isd_head", PLAN_OUTSIDERS),
    "internal_security:report-file-download": Case(_unit_report, "isd_head", PLAN_OUTSIDERS),
    # Another region's inspection too (ISD 5.10, 6.10, 6.18).
    "internal_security:inspection-detail": Case(_inspection_only, "isd_head", PLAN_OUTSIDERS),
    "internal_security:inspection-move": Case(_inspection_move, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:inspection-recommendation-add": Case(_inspection_only, "isd_officer", PLAN_OUTSIDERS),
    "internal_security:inspection-recommendation-move": Case(_recommendation_move, "isd_officer", PLAN_OUTSIDERS),
    # ISD 9: the ISD head's evaluations, for the ISD's managers and the leadership alone.
    "internal_security:evaluation-detail": Case(_evaluation, "isd_deputy", EVALUATION_OUTSIDERS),
    # ISD 13: the ISD head and deputy and those who file them; not the ISD's officers, not the units.
    "internal_security:notice-detail": Case(_notice_only, "isd_head", NOTICE_OUTSIDERS),
    "internal_security:notice-move": Case(_notice_move, "hr_keeper", NOTICE_OUTSIDERS),
    "internal_security:notice-file-add": Case(_notice_only, "hr_keeper", NOTICE_OUTSIDERS),
    "internal_security:notice-file-download": Case(_notice, "isd_deputy", NOTICE_OUTSIDERS),
    "internal_security:investigation-detail": Case(_investigation_only, "isd_head", ISD_OUTSIDERS),
    "internal_security:investigation-team-add": Case(_investigation_only, "isd_head", ISD_OUTSIDERS),
    "internal_security:investigation-explanation-add": Case(_investigation_only, "isd_head", ISD_OUTSIDERS),
    "internal_security:investigation-explanation-download": Case(_investigation_explanation, "isd_head", ISD_OUTSIDERS),
    "internal_security:investigation-interview-add": Case(_investigation_only, "isd_head", ISD_OUTSIDERS),
    "internal_security:investigation-personal-file-add": Case(_investigation_only, "isd_head", ISD_OUTSIDERS),
    "internal_security:investigation-personal-file-grant": Case(_investigation_file_request, "isd_head", ISD_OUTSIDERS),
    "internal_security:investigation-conclusion": Case(_investigation_only, "isd_head", ISD_OUTSIDERS),
    "internal_security:investigation-close": Case(_investigation_only, "isd_head", ISD_OUTSIDERS),
    # ISD 6.21: the term is extended by the one who instructed it; reached by those who reach the
    # investigation, the rest as for every page of it.
    "internal_security:investigation-extend": Case(_investigation_only, "isd_head", ISD_OUTSIDERS),
    "internal_security:investigation-person-add": Case(_investigation_only, "isd_head", ISD_OUTSIDERS),
    "internal_security:investigation-link": Case(_investigation_only, "isd_head", ISD_OUTSIDERS),
    "internal_security:investigation-file-add": Case(_investigation_only, "isd_head", ISD_OUTSIDERS),
    "internal_security:investigation-file-download": Case(_investigation_material, "isd_head", ISD_OUTSIDERS),
    "internal_security:complaint-move": Case(_complaint_move, "isd_head", ISD_OUTSIDERS),
    "internal_security:complaint-assign": Case(_complaint, "isd_head", ISD_OUTSIDERS),
    "internal_security:complaint-update": Case(_complaint, "isd_head", ISD_OUTSIDERS),
    "internal_security:complaint-hand-over": Case(_complaint, "isd_head", ISD_OUTSIDERS),
    "internal_security:complaint-conflict": Case(_complaint, "isd_head", ISD_OUTSIDERS),
    "internal_security:complaint-extend": Case(_complaint, "isd_head", ISD_OUTSIDERS),
    "internal_security:complaint-answer": Case(_complaint, "isd_head", ISD_OUTSIDERS),
    "internal_security:complaint-file-download": Case(_attachment, "isd_head", ISD_OUTSIDERS),
    "accounts:session-end": Case(_session, "isd_officer", ["ir_officer", "isd_head", "sysadmin"]),
    "documents:document-detail": Case(_isd_draft, "isd_officer", ISD_DOCUMENT_OUTSIDERS),
    "documents:document-update": Case(_isd_draft, "isd_officer", ISD_DOCUMENT_OUTSIDERS),
    "documents:document-route": Case(_isd_draft, "isd_officer", ISD_DOCUMENT_OUTSIDERS),
    "documents:document-act": Case(_isd_draft_move, "isd_officer", ISD_DOCUMENT_OUTSIDERS),
    "documents:document-sign": Case(_isd_draft, "isd_officer", ISD_DOCUMENT_OUTSIDERS),
    "documents:document-sign-prepare": Case(_isd_draft, "isd_officer", ISD_DOCUMENT_OUTSIDERS),
    "documents:document-sign-complete": Case(_isd_draft, "isd_officer", ISD_DOCUMENT_OUTSIDERS),
    "documents:document-pdf": Case(_isd_signed, "isd_officer", ISD_DOCUMENT_OUTSIDERS),
    "documents:document-pdf-status": Case(_isd_signed, "isd_officer", ISD_DOCUMENT_OUTSIDERS),
    "documents:document-pdf-retry": Case(_isd_signed, "isd_officer", ISD_DOCUMENT_OUTSIDERS),
    "documents:document-attachment-add": Case(_isd_draft, "isd_officer", ISD_DOCUMENT_OUTSIDERS),
    "documents:document-attachment": Case(_isd_document_attachment, "isd_officer", ISD_DOCUMENT_OUTSIDERS),
    "documents:document-correction": Case(_isd_signed, "isd_officer", ISD_DOCUMENT_OUTSIDERS),
    "deadlines:notification-open": Case(_notification, "isd_officer", ["isd_head", "sysadmin", "ir_officer"]),
    "documents:journal": Case(_isd_journal, "isd_head", ["ir_head", "sysadmin", "isd_officer", "ca_deputy"]),
    "audit:reads": Case(_isd_journal, "isd_head", ["isd_officer", "isd_deputy", "ir_head", "sysadmin", "ca_deputy"]),
    "international:application-detail": Case(_ir_application, "ir_officer", IR_OUTSIDERS),
    "international:application-receipt": Case(_ir_application, "ir_officer", IR_OUTSIDERS),
    "international:application-answer": Case(_ir_application, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:application-close": Case(_ir_application, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:request-detail": Case(_ir_request, "ir_officer", IR_OUTSIDERS),
    "international:request-update": Case(_ir_request, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:request-check": Case(_ir_request, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:request-move": Case(_ir_request_move, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:request-letter": Case(_ir_request_letter, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:request-file-add": Case(_ir_request, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:request-file-download": Case(_ir_request_file, "ir_officer", IR_OUTSIDERS),
    "international:trip-detail": Case(_ir_trip, "ir_officer", IR_OUTSIDERS),
    # An event's participant from elsewhere (legal_officer) reads it; the other subdivisions do not.
    "international:event-detail": Case(_ir_event, "ir_officer", IR_EVENT_OUTSIDERS),
    "international:event-card": Case(_ir_event_of_the_chairman, "ir_officer", IR_EVENT_OUTSIDERS),
    "international:event-update": Case(_ir_event, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:event-move": Case(_ir_event_move, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:event-material-add": Case(_ir_event, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:event-material-prepared": Case(_ir_event_material, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:budget-detail": Case(_ir_budget_line, "ir_officer", IR_OUTSIDERS),
    "international:budget-update": Case(_ir_budget_line, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:budget-spending-add": Case(_ir_budget_line, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:budget-spending-paid": Case(_ir_budget_spending, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:souvenir-detail": Case(_ir_souvenir, "ir_officer", IR_OUTSIDERS),
    "international:souvenir-movement-add": Case(_ir_souvenir, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:gift-detail": Case(_ir_gift_above_threshold, "isd_head", GIFT_OUTSIDERS),
    "international:gift-update": Case(_ir_gift_above_threshold, "ir_officer", IR_WRITE_OUTSIDERS),
    # The leadership gives the IR instructions, so also a follow-up one (IR 11).
    "international:event-follow-up": Case(_ir_event_held, "ir_head", IR_OUTSIDERS),
    "international:trip-update": Case(_ir_trip, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:trip-report-add": Case(_ir_trip, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:trip-report-published": Case(_ir_trip_reported, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:trip-report-download": Case(_ir_trip_report, "ir_officer", IR_OUTSIDERS),
    "international:delegation-detail": Case(_ir_delegation, "ir_officer", IR_OUTSIDERS),
    "international:delegation-update": Case(_ir_delegation, "ir_officer", IR_WRITE_OUTSIDERS),
    # The consent is the leadership's move (IR 5.2): the IR's people and every outsider are refused it.
    "international:delegation-move": Case(
        _ir_delegation_consent, "ca_head", [*IR_OUTSIDERS, "ir_officer", "ir_head", "ir_deputy_legal"]
    ),
    "international:review-detail": Case(_ir_review, "ir_officer", IR_OUTSIDERS),
    "international:review-update": Case(_ir_review, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:review-import": Case(_ir_review, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:recommendation-detail": Case(_ir_recommendation_only, "legal_officer", ASSIGNED_OUTSIDERS),
    "international:recommendation-update": Case(_ir_recommendation_only, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:recommendation-move": Case(_ir_recommendation_implement, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:recommendation-file-add": Case(
        _ir_recommendation_only, "legal_officer", [*ASSIGNED_OUTSIDERS, "chairman", "ca_deputy"]
    ),
    "international:recommendation-file-download": Case(_ir_recommendation, "legal_officer", ASSIGNED_OUTSIDERS),
    "international:questionnaire-detail": Case(_ir_questionnaire, "ir_officer", IR_OUTSIDERS),
    "international:questionnaire-export": Case(_ir_questionnaire, "ir_officer", IR_OUTSIDERS),
    "international:questionnaire-update": Case(_ir_questionnaire, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:questionnaire-import": Case(_ir_questionnaire, "ir_officer", IR_WRITE_OUTSIDERS),
    # The approval is the head's (IR 13): his staff are refused it too.
    "international:questionnaire-move": Case(_ir_questionnaire_approve, "ir_head", [*IR_WRITE_OUTSIDERS, "ir_officer"]),
    "international:question-detail": Case(_ir_question, "legal_officer", ASSIGNED_OUTSIDERS),
    # The answer is the subdivision's: the IR's staff and the leadership are refused it too.
    "international:question-move": Case(
        _ir_question_answer, "legal_officer", [*ASSIGNED_OUTSIDERS, "ir_officer", "chairman"]
    ),
    "international:partner-detail": Case(_ir_partner, "ir_officer", IR_OUTSIDERS),
    "international:partner-update": Case(_ir_partner, "ir_officer", IR_WRITE_OUTSIDERS),
    # A subdivision asked for comments reads the draft (legal_officer), no other outsider.
    "international:agreement-detail": Case(_ir_agreement_only, "legal_officer", ASSIGNED_OUTSIDERS),
    "international:agreement-file-download": Case(_ir_agreement, "legal_officer", ASSIGNED_OUTSIDERS),
    "international:agreement-update": Case(_ir_agreement_only, "ir_officer", [*IR_WRITE_OUTSIDERS]),
    "international:agreement-move": Case(_ir_agreement_withdraw, "ir_officer", [*IR_WRITE_OUTSIDERS]),
    "international:agreement-file-add": Case(_ir_agreement_only, "ir_officer", [*IR_WRITE_OUTSIDERS]),
    # The comments are the subdivision's to give: the IR's staff and the leadership are refused it too.
    "international:comment-move": Case(_ir_comment, "legal_officer", [*ASSIGNED_OUTSIDERS, "ir_officer", "chairman"]),
    "international:proposal-detail": Case(_ir_proposal, "legal_officer", ASSIGNED_OUTSIDERS),
    # The proposal is the subdivision's to send: the IR's staff and the leadership are refused it too.
    "international:proposal-move": Case(
        _ir_proposal_propose, "legal_officer", [*ASSIGNED_OUTSIDERS, "ir_officer", "chairman"]
    ),
    "international:project-detail": Case(_ir_project, "ir_officer", IR_OUTSIDERS),
    "international:project-update": Case(_ir_project, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:project-move": Case(_ir_project_reject, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:project-activity-add": Case(_ir_project, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:project-report-add": Case(_ir_project, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:activity-detail": Case(_ir_activity, "legal_officer", ASSIGNED_OUTSIDERS),
    "international:activity-move": Case(
        _ir_activity_done, "legal_officer", [*ASSIGNED_OUTSIDERS, "ir_officer", "chairman"]
    ),
    "international:secondment-detail": Case(_ir_secondment_only, "ir_officer", IR_OUTSIDERS),
    "international:secondment-update": Case(_ir_secondment_only, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:secondment-support-add": Case(_ir_secondment_only, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:secondment-report-add": Case(_ir_secondment_only, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:secondment-report-download": Case(_ir_secondment, "ir_officer", IR_OUTSIDERS),
    "international:meeting-detail": Case(_ir_meeting, "ir_officer", IR_OUTSIDERS),
    "international:meeting-update": Case(_ir_meeting, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:meeting-move": Case(_ir_meeting_hold, "ir_officer", IR_WRITE_OUTSIDERS),
    # A decision is given by whoever gives the IR's instructions: its head (IR 11), not its officer.
    "international:meeting-decision": Case(_ir_held_meeting, "ir_head", [*IR_OUTSIDERS, "ir_officer"]),
    "international:councillor-update": Case(_ir_councillor, "ir_officer", IR_WRITE_OUTSIDERS),
    "dashboard:board": Case(_isd_board, "isd_head", ISD_BOARD_OUTSIDERS),
    "dashboard:board-xlsx": Case(_isd_board, "isd_head", ISD_BOARD_OUTSIDERS),
    "dashboard:board-pdf": Case(_isd_board, "isd_head", ISD_BOARD_OUTSIDERS),
    "dashboard:export": Case(_board_export, "chairman", EXPORT_OUTSIDERS),
    "dashboard:export-retry": Case(_board_export, "chairman", EXPORT_OUTSIDERS),
    "dashboard:export-download": Case(_board_export, "chairman", EXPORT_OUTSIDERS),
    # The lead executor starts the answer; the translator attaches his translation's files (IR 7.12).
    "correspondence:letter-answer-start": Case(_isd_letter_only, "isd_officer2", ISD_OUTSIDERS),
    "correspondence:letter-translation-give": Case(_isd_letter_only, "isd_head", ISD_OUTSIDERS),
    "correspondence:translation-detail": Case(_isd_translation_only, "isd_head", ISD_OUTSIDERS),
    "correspondence:translation-move": Case(_isd_translation_move, "isd_officer2", ISD_OUTSIDERS),
    "correspondence:translation-file-add": Case(_isd_translation_only, "isd_officer2", ISD_OUTSIDERS),
    "correspondence:translation-file-download": Case(_isd_translation_file, "isd_head", ISD_OUTSIDERS),
    "correspondence:translation-original-download": Case(_isd_translation_original, "isd_officer2", ISD_OUTSIDERS),
    "correspondence:letter-detail": Case(_isd_letter_only, "isd_head", ISD_OUTSIDERS),
    "correspondence:letter-move": Case(_isd_letter_move, "isd_head", ISD_OUTSIDERS),
    "correspondence:letter-file-add": Case(_isd_letter_only, "isd_head", ISD_OUTSIDERS),
    "correspondence:letter-file-download": Case(_isd_letter, "isd_head", ISD_OUTSIDERS),
    "instructions:instruction-detail": Case(_isd_instruction_only, "isd_head", ISD_OUTSIDERS),
    "instructions:instruction-split": Case(_isd_instruction_only, "isd_head", ISD_OUTSIDERS),
    "instructions:instruction-move": Case(_isd_instruction_move, "isd_head", ISD_OUTSIDERS),
    "instructions:instruction-report-add": Case(_isd_instruction_only, "isd_head", ISD_OUTSIDERS),
    "instructions:instruction-file-download": Case(_isd_instruction, "isd_head", ISD_OUTSIDERS),
    "datarequests:request-detail": Case(
        _request_to("legal"), "legal_officer", [name for name in ISD_OUTSIDERS if name != "legal_officer"]
    ),
    "datarequests:request-move": Case(
        _request_move, "court_almaty", [name for name in ISD_OUTSIDERS if name != "court_almaty"]
    ),
    "datarequests:request-file-download": Case(
        _request_to("analytics", "analyst"), "isd_head", [name for name in ISD_OUTSIDERS if name != "analyst"]
    ),
    "international:catalog-list": Case(_ir_catalog, "ir_officer", IR_OUTSIDERS),
    "international:catalog-create": Case(_ir_catalog, "ir_officer", IR_WRITE_OUTSIDERS),
    "international:catalog-update": Case(_ir_court, "ir_officer", IR_WRITE_OUTSIDERS),
}

# Public on purpose: the QR code of a signed document opens it for anyone holding the paper;
# it shows the facts on record and never the content (tests/documents/test_pdf.py).
# The one-time link of an administrator's reset is for whoever holds it, and works once.
PUBLIC_BY_DESIGN = {"verify:token", "accounts:password-reset"}
# Refused to everyone, the administrator included.
REFUSED_TO_ALL = {"admin-view-on-site"}

REQUESTS = {
    "GET": lambda client, url: client.get(url),
    "POST": lambda client, url: client.post(url, {"file": SimpleUploadedFile("x.pdf", b"%PDF-1.7\n")}),
    "partial": lambda client, url: client.get(url, headers={"HX-Request": "true"}),
}


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    mark_second_factor_given(client)
    return client


def sweep(url_name, case, people, users) -> list[str]:
    """Request the URL as each outsider; return what answered other than 404."""
    url = reverse(url_name, kwargs=case.make(people, users))
    owner = signed_in(users[case.owner])
    failures = []
    for username in case.outsiders:
        outsider = signed_in(users[username])
        for method, send in REQUESTS.items():
            status = send(outsider, url).status_code
            # 405 is not a leak only when the owner gets it too: the method is refused before any lookup.
            if status == 405 and send(owner, url).status_code == 405:
                continue
            if status != 404:
                failures.append(f"{url_name} {method} as {username}: {status}")
    reached = REQUESTS["GET"](owner, url).status_code
    if reached == 405:
        reached = REQUESTS["POST"](owner, url).status_code
    if reached == 404:
        failures.append(f"{url_name}: the owner {case.owner} does not reach it either; the case is wrong")
    return failures


def test_every_url_with_an_id_is_swept():
    with_ids = {name for name, _params in url_patterns_with_ids() if not name.startswith("admin:")}
    assert with_ids == set(CASES) | PUBLIC_BY_DESIGN | REFUSED_TO_ALL, (
        f"add a sweep case for: {sorted(with_ids - set(CASES))}"
    )


def test_the_admin_view_on_site_shortcut_tells_nobody_which_records_exist(people, users):
    """The security issue: /admin/r/<type>/<id>/ redirected for an id that exists and said 404
    for one that does not, so the administrator learnt which ISD complaints exist."""
    from django.contrib.contenttypes.models import ContentType

    complaint = Complaint.objects.create(
        number="R-1",
        received_on=date(2026, 11, 20),
        region=Region.objects.first(),
        court="C",
        summary="S",
        substance=".",
    )
    kind = ContentType.objects.get_for_model(Complaint).pk
    admin_client = signed_in(users["sysadmin"])
    for object_id in (complaint.pk, complaint.pk + 1000):
        assert admin_client.get(f"/admin/r/{kind}/{object_id}/").status_code == 404


@pytest.mark.parametrize("url_name", sorted(CASES))
def test_outsiders_get_404_everywhere(url_name, people, users):
    assert sweep(url_name, CASES[url_name], people, users) == []


def test_a_broken_access_check_is_caught(people, users, monkeypatch):
    """GIVEN the complaint selector loses its need-to-know filter THEN the sweep fails."""
    monkeypatch.setattr(isd_selectors, "complaints_visible_to", lambda user: Complaint.objects.all())
    failures = sweep("internal_security:complaint-detail", CASES["internal_security:complaint-detail"], people, users)
    assert "internal_security:complaint-detail GET as sysadmin: 200" in failures
    assert "internal_security:complaint-detail GET as ir_head: 200" in failures


def test_a_case_with_a_wrong_fixture_is_caught(people, users):
    """A case whose owner cannot reach the object either would prove nothing: it fails."""
    wrong = Case(_complaint, "ir_officer", ["ir_head"])
    failures = sweep("internal_security:complaint-detail", wrong, people, users)
    assert failures == [
        "internal_security:complaint-detail: the owner ir_officer does not reach it either; the case is wrong"
    ]


def test_the_admin_holds_no_isd_record_and_refuses_non_staff(people, users):
    """The admin is for the system administrator; ISD records are not in it at all (ISD 7)."""
    assert not [model for model in admin.site._registry if model._meta.app_label == "internal_security"]
    outsider = signed_in(users["ir_officer"])
    absence_url = reverse("admin:org_absence_change", args=[_absence(people, users)["pk"]])
    response = outsider.get(absence_url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def _bound_answer(people, users):
    """An answer to a complaint, signed: drafted by isd_officer2, assigned with isd_officer,
    who then declared a conflict. The applicant it names is for the assigned officers and the
    head alone (issue 7.2): not the leadership, not the deputy, not the recused officer."""
    from internal_security.services import complaints as isd
    from internal_security.workflow import complaint_move
    from tests.internal_security.factories import register

    load_demo_signing(people)
    head, officer, recused = users["isd_head"], users["isd_officer2"], users["isd_officer"]
    complaint = register(people)
    isd.complaint_assign(actor=head, complaint=complaint, officers=[officer, recused])
    complaint_move(complaint=complaint, move="decide", actor=officer, decision="confirmed", reason="Расталды")
    answer = isd.complaint_answer_prepare(actor=officer, complaint=complaint)
    isd.complaint_conflict_declare(actor=recused, complaint=complaint, reason="Туысы")
    documents_services.document_act(document=answer, move="submit", actor=officer)
    confirmation = SigningConfirmation(user_id=head.pk, at=timezone.now())
    documents_services.document_sign_confirmed(document=answer, actor=head, confirmation=confirmation)
    documents_services.document_pdf_produce(document_id=answer.pk)
    return {"pk": answer.pk}


BOUND_ANSWER_OUTSIDERS = [
    "chairman",
    "ca_head",
    "isd_deputy",
    "isd_officer",
    "ir_head",
    "sysadmin",
    "ca_deputy",
    "isd_almaty",
]


@pytest.mark.parametrize(
    "url_name", ["documents:document-detail", "documents:document-pdf", "documents:document-pdf-status"]
)
def test_an_answer_bound_to_a_complaint_is_404_for_the_leadership_and_a_recused_officer(url_name, people, users):
    """The security issue: the answer showed the applicant to the Chairman, the CA head and
    the ISD deputy, and stayed open to an officer after his declared conflict."""
    assert sweep(url_name, Case(_bound_answer, "isd_officer2", BOUND_ANSWER_OUTSIDERS), people, users) == []
