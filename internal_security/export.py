"""The ISD's lists as XLSX workbooks: the rows the reader may see, as he filtered them."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from courtadmin.core.workbooks import single_sheet as _workbook


def complaints_workbook(complaints) -> bytes:
    return _workbook(
        _("Complaints"),
        [_("Registration number"), _("Date of receipt"), _("Region"), _("Court concerned"), _("Summary"), _("Status")],
        (
            [c.number, c.received_on, str(c.region), c.court, c.summary, c.get_status_display()]
            for c in complaints.iterator(chunk_size=2000)
        ),
    )


def cases_workbook(cases) -> bytes:
    return _workbook(
        _("Criminal cases"),
        [_("Person"), _("Court"), _("Region"), _("Article"), _("Opened"), _("Stage"), _("Outcome")],
        (
            [c.person, c.court, str(c.region), c.article, c.opened_on, c.get_stage_display(), c.get_outcome_display()]
            for c in cases.iterator(chunk_size=2000)
        ),
    )


def investigations_workbook(investigations) -> bytes:
    return _workbook(
        _("Official investigations"),
        [_("Number"), _("Instruction"), _("Region"), _("What is investigated"), _("Term"), _("Status")],
        (
            [
                i.number,
                f"{i.instructed_by}, {i.instruction_number}, {i.instruction_date:%d.%m.%Y}",
                str(i.region),
                i.subject,
                i.due_on,
                i.get_status_display(),
            ]
            for i in investigations.iterator(chunk_size=2000)
        ),
    )


def notices_workbook(notices) -> bytes:
    return _workbook(
        _("Notices under ISD 13"),
        [_("Person"), _("Region"), _("Decision"), _("Notified on"), _("Position due by"), _("Status")],
        (
            [n.person, str(n.region), n.get_measure_display(), n.notified_on, n.position_due_on, n.get_status_display()]
            for n in notices.iterator(chunk_size=2000)
        ),
    )


def plans_workbook(items) -> bytes:
    return _workbook(
        _("Work plans"),
        [
            _("Year"),
            _("Plan of"),
            _("Function (ISD 6)"),
            _("What is to be done"),
            _("Executor"),
            _("Term"),
            _("Status"),
            _("Done on"),
            _("Result"),
        ],
        (
            [
                i.plan.year,
                i.plan.region.name if i.plan.region_id else _("central ISD"),
                i.function,
                i.title,
                str(i.executor),
                i.due_on,
                i.get_status_display(),
                i.done_on,
                i.result,
            ]
            for i in items.iterator(chunk_size=2000)
        ),
    )


def inspections_workbook(inspections) -> bytes:
    return _workbook(
        _("Inspections"),
        [
            _("Subdivision inspected"),
            _("Region"),
            _("Starts on"),
            _("Ends on"),
            _("Led by"),
            _("Status"),
            _("Recommendations"),
            _("Still to be done"),
        ],
        (
            [
                i.subdivision,
                str(i.region),
                i.starts_on,
                i.ends_on,
                str(i.led_by),
                i.get_status_display(),
                i.recommendation_count,
                i.open_count,
            ]
            for i in inspections.iterator(chunk_size=2000)
        ),
    )


def reports_workbook(reports) -> bytes:
    return _workbook(
        _("Reports of the territorial units"),
        [_("Form"), _("Region"), _("Period from"), _("Period to"), _("Due"), _("Sent on"), _("Status")],
        (
            [r.form.code, str(r.region), r.period_start, r.period_end, r.due_on, r.submitted_on, r.get_status_display()]
            for r in reports.iterator(chunk_size=2000)
        ),
    )


def evaluations_workbook(evaluations) -> bytes:
    return _workbook(
        _("Evaluations of the units' heads"),
        [_("Year"), _("Region"), _("Head of the unit"), _("Report heard on"), _("Assessment"), _("Proposal")],
        (
            [e.year, str(e.region), e.head, e.heard_on, e.get_assessment_display(), e.get_proposal_display()]
            for e in evaluations.iterator(chunk_size=2000)
        ),
    )


def meetings_workbook(meetings) -> bytes:
    return _workbook(
        _("Meetings with the units"),
        [_("Date"), _("Kind"), _("Topic"), _("Place or link"), _("Status")],
        (
            [m.held_on, m.get_kind_display(), m.topic, m.place, m.get_status_display()]
            for m in meetings.iterator(chunk_size=2000)
        ),
    )


def signals_workbook(signals) -> bytes:
    return _workbook(
        _("Information on corruption"),
        [_("Received"), _("Source"), _("Person concerned"), _("Court concerned"), _("Region"), _("Substance")],
        (
            [s.received_on, s.get_source_display(), s.person, s.court, str(s.region), s.substance]
            for s in signals.iterator(chunk_size=2000)
        ),
    )


def vettings_workbook(vettings) -> bytes:
    return _workbook(
        _("Vetting of candidates"),
        [
            _("Candidate"),
            _("Candidate for"),
            _("The position or post"),
            _("Region"),
            _("Received"),
            _("Term"),
            _("Status"),
            _("Conclusion"),
        ],
        (
            [
                v.candidate,
                v.get_post_kind_display(),
                v.post,
                str(v.region),
                v.received_on,
                v.due_on,
                v.get_status_display(),
                v.get_finding_display(),
            ]
            for v in vettings.iterator(chunk_size=2000)
        ),
    )


def risks_workbook(risks) -> bytes:
    return _workbook(
        _("Corruption risks"),
        [
            _("Identified"),
            _("Process"),
            _("Subdivision or court"),
            _("Region"),
            _("Risk"),
            _("Cause"),
            _("Level"),
            _("Status"),
            _("Measures"),
            _("Still to be done"),
        ],
        (
            [
                r.identified_on,
                r.get_process_display(),
                r.subdivision,
                str(r.region),
                r.description,
                r.cause,
                r.get_level_display(),
                r.get_status_display(),
                r.measure_count,
                r.open_count,
            ]
            for r in risks.iterator(chunk_size=2000)
        ),
    )


def programmes_workbook(programmes) -> bytes:
    """Every item of the programmes given, one row each, with its programme."""
    from .models import ProgrammeItem

    items = ProgrammeItem.objects.filter(programme__in=programmes.values("pk")).select_related("programme")
    return _workbook(
        _("Anti-corruption programmes"),
        [
            _("Programme"),
            pgettext("programme", "Item"),
            _("Measure"),
            _("Executor"),
            _("Term"),
            _("Status"),
            _("Report"),
        ],
        (
            [i.programme.title, i.number, i.text, i.executor, i.due_on, i.get_status_display(), i.result]
            for i in items.order_by("programme_id", "due_on", "pk").iterator(chunk_size=2000)
        ),
    )


def controls_workbook(controls) -> bytes:
    return _workbook(
        _("Compliance controls"),
        [
            _("Area"),
            _("Procedure, appointment or competition"),
            _("Number and date"),
            _("Subdivision"),
            _("Region"),
            _("What is checked"),
            _("Status"),
            _("A violation found"),
            _("Findings"),
            _("Measures taken"),
        ],
        (
            [
                c.get_area_display(),
                c.subject,
                c.reference,
                c.subdivision,
                str(c.region),
                "; ".join(c.get_checks_display()),
                c.get_status_display(),
                "" if c.violation is None else (_("yes") if c.violation else _("no")),
                c.findings,
                c.measures,
            ]
            for c in controls.iterator(chunk_size=2000)
        ),
    )


def practices_workbook(practices) -> bytes:
    return _workbook(
        _("Best practice"),
        [_("Practice"), _("Origin"), _("Source"), _("Studied on"), _("Status"), _("Proposal"), _("Its fate")],
        (
            [
                p.title,
                p.get_origin_display(),
                p.source,
                p.studied_on,
                p.get_status_display(),
                p.proposal,
                p.decision,
            ]
            for p in practices.iterator(chunk_size=2000)
        ),
    )


def incidents_workbook(incidents) -> bytes:
    return _workbook(
        _("Threats and incidents"),
        [_("Occurred on"), _("Kind"), _("Court"), _("Region"), _("Who was threatened or affected"), _("Status")],
        (
            [i.occurred_on, i.get_kind_display(), i.court, str(i.region), i.person, i.get_status_display()]
            for i in incidents.iterator(chunk_size=2000)
        ),
    )


def hearings_workbook(hearings) -> bytes:
    from django.utils import timezone

    return _workbook(
        _("Hearings with heightened risk"),
        [_("Begins at"), _("Court"), _("Region"), _("Case number"), _("Why the risk is heightened"), _("Status")],
        (
            [
                timezone.localtime(h.starts_at).replace(tzinfo=None),
                h.court,
                str(h.region),
                h.case_number,
                h.risk,
                h.get_status_display(),
            ]
            for h in hearings.iterator(chunk_size=2000)
        ),
    )


def bailiffs_workbook(bailiffs) -> bytes:
    return _workbook(
        _("Court bailiffs"),
        [
            _("Full name"),
            _("Post"),
            _("Court"),
            _("Region"),
            _("Building assigned to"),
            _("In service"),
            _("Hearings planned"),
        ],
        (
            [
                b.full_name,
                b.post,
                b.court,
                str(b.region),
                b.building.address if b.building else "",
                _("yes") if b.active else _("no"),
                b.planned_hearings,
            ]
            for b in bailiffs.iterator(chunk_size=2000)
        ),
    )


def buildings_workbook(buildings) -> bytes:
    return _workbook(
        _("Court buildings"),
        [
            _("Court"),
            _("Region"),
            _("Address"),
            _("Floors"),
            _("Entrances"),
            _("Category of the vulnerable object"),
            _("Passport valid until"),
            _("Measures open"),
            _("Measures overdue"),
            _("Bailiffs on its staff"),
            _("Bailiffs assigned"),
        ],
        (
            [
                b.court,
                str(b.region),
                b.address,
                b.floors,
                b.entrances,
                b.get_category_display() if b.vulnerable else "",
                b.passport_until,
                b.open_count,
                b.overdue_count,
                b.bailiff_headcount,
                b.bailiffs_assigned,
            ]
            for b in buildings.iterator(chunk_size=2000)
        ),
    )


def contracts_workbook(contracts) -> bytes:
    return _workbook(
        _("Security contracts"),
        [
            _("Contract number"),
            _("Signed on"),
            _("Supplier"),
            _("BIN"),
            _("Subject"),
            _("Region"),
            _("Courts served"),
            _("Amount, tenge"),
            _("In force until"),
            _("Status"),
            _("Defects still open"),
        ],
        (
            [
                c.number,
                c.signed_on,
                c.supplier.name,
                c.supplier.bin,
                c.get_subject_display(),
                str(c.region),
                c.courts,
                c.amount,
                c.ends_on,
                c.get_status_display(),
                c.open_defects,
            ]
            for c in contracts.iterator(chunk_size=2000)
        ),
    )


def passes_workbook(passes) -> bytes:
    return _workbook(
        _("Passes and service IDs"),
        [
            _("Kind"),
            _("Number"),
            _("Holder"),
            _("Holder's post"),
            _("Building"),
            _("Region"),
            _("Issued on"),
            _("Valid until"),
            _("Status"),
        ],
        (
            [
                p.get_kind_display(),
                p.number,
                p.holder,
                p.holder_post,
                str(p.building) if p.building else "",
                str(p.region) if p.region else "",
                p.issued_on,
                p.valid_until,
                p.get_status_display(),
            ]
            for p in passes.iterator(chunk_size=2000)
        ),
    )


def expenses_workbook(proposals) -> bytes:
    return _workbook(
        _("Security spending proposals"),
        [_("Year"), _("Court"), _("Region"), _("Item"), _("What it buys and why"), _("Amount, tenge"), _("Status")],
        (
            [
                p.year,
                p.building.court,
                str(p.region),
                p.get_item_display(),
                p.description,
                p.amount,
                p.get_status_display(),
            ]
            for p in proposals.iterator(chunk_size=2000)
        ),
    )


def suppliers_workbook(suppliers) -> bytes:
    return _workbook(
        _("Suppliers"),
        [_("Supplier"), _("BIN"), _("Address and contacts"), _("Contracts")],
        ([s.name, s.bin, s.contact, s.contract_count] for s in suppliers.iterator(chunk_size=2000)),
    )
