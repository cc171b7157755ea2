"""Human-rights obligations (issue 22, item 5; IR 7.5): a UN body's recommendations imported
from a spreadsheet, assigned to subdivisions with terms, reported on with evidence and
controlled by the IR to "implemented"; the subdivision sees its own and nothing else."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from courtadmin.audit.models import AuditEvent
from courtadmin.deadlines.models import Deadline
from courtadmin.org.models import Unit
from international.models import Recommendation, Review, TreatyBody
from international.selectors import obligations as selectors
from international.services import obligations as services
from tests.conftest import page_queries, refusal_codes

from .factories import workbook_rows, xlsx_table

pytestmark = pytest.mark.time_machine(date(2026, 12, 7))

S = Recommendation.Status
HEADER = ("paragraph", "theme", "language", "text", "text_kk", "text_ru", "unit")
EVIDENCE = b"%PDF-1.7\n%evidence\n"
ROWS = [
    (
        "12",
        "Access to justice",
        "en",
        "Ensure that all persons have access to free legal aid in criminal and civil proceedings.",
        "Барлық адамдардың тегін заң көмегіне қол жеткізуін қамтамасыз етсін.",
        "Обеспечить доступ всех лиц к бесплатной юридической помощи.",
        "legal",
    ),
    (
        "14(a)",
        "Independence of the judiciary",
        "en",
        "Guarantee the full independence of judges in their selection and promotion.",
        "",
        "",
        "",
    ),
    (
        "14(b)",
        "Independence of the judiciary",
        "en",
        "Publish the disciplinary decisions on judges.",
        "",
        "",
        "analytics",
    ),
]


def review(officer, symbol="CCPR/C/KAZ/CO/3") -> Review:
    record = Review(
        body=TreatyBody.CCPR,
        title="Concluding observations on the third periodic report of Kazakhstan",
        symbol=symbol,
        adopted_on=date(2026, 7, 20),
        officer=officer,
    )
    return services.review_save(actor=officer, review=record)


def imported(officer, rows=ROWS, **kwargs) -> Review:
    cycle = review(officer, **kwargs)
    services.recommendations_import(
        actor=officer, review=cycle, upload=xlsx_table(HEADER, rows), due_on=date(2027, 2, 26)
    )
    return cycle


def evidence(name="order.pdf"):
    return SimpleUploadedFile(name, EVIDENCE, content_type="application/pdf")


def test_a_recommendation_goes_from_import_to_implemented_with_evidence_ir_7_5(users, client_for):
    officer, legal = users["ir_officer"], users["legal_officer"]
    cycle = imported(officer)
    first, second, third = cycle.recommendations.order_by("pk")
    # The rows that name a subdivision are assigned to it with the term given; the other waits.
    assert (first.status, first.unit.code, first.due_on) == (S.ASSIGNED, "legal", date(2027, 2, 26))
    assert (second.status, second.unit) == (S.RECEIVED, None)
    assert third.unit.code == "analytics"
    assert first.text_in("kk").startswith("Барлық") and second.text_in("kk").startswith("Guarantee")
    term = Deadline.objects.get(kind=services.TERM, record_id=str(first.pk))
    assert (term.due_on, term.responsible) == (date(2027, 2, 26), officer)

    # The subdivision reports only on evidence.
    assert refusal_codes(
        services.recommendation_move, recommendation=first, move="report", actor=legal, report="Done."
    ) == {"no_evidence"}
    client = client_for("legal_officer")
    response = client.post(
        reverse("international:recommendation-file-add", args=[first.pk]),
        {"file": evidence(), "note": "Жоғарғы Сот Төрағасының бұйрығы"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("international:recommendation-move", args=[first.pk, "report"]),
        {"report-report": "Тегін заң көмегі туралы нормативтік қаулының жобасы дайындалды."},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == S.REPORTED
    term.refresh_from_db()
    assert term.state == Deadline.State.MET

    # The IR returns it for more work with a new term; the subdivision reports again.
    services.recommendation_move(
        recommendation=first, move="return", actor=officer, reason="Attach the adopted text.", due_on=date(2027, 3, 31)
    )
    assert Deadline.objects.get(kind=services.TERM, record_id=str(first.pk), state=Deadline.State.OPEN).due_on == date(
        2027, 3, 31
    )
    services.evidence_add(actor=legal, recommendation=first, upload=evidence("resolution.pdf"), note="Қаулы")
    services.recommendation_move(recommendation=first, move="report", actor=legal, report="Қаулы қабылданды.")
    # Implemented is the IR's word, never the subdivision's.
    assert refusal_codes(services.recommendation_move, recommendation=first, move="implement", actor=legal) == {
        "not_yours"
    }
    services.recommendation_move(recommendation=first, move="implement", actor=officer)
    first.refresh_from_db()
    assert first.status == S.IMPLEMENTED and first.evidence.count() == 2
    actions = [
        line.action
        for line in AuditEvent.objects.filter(
            object_id=str(first.pk), object_type="international.recommendation"
        ).order_by("pk")
    ]
    assert actions == [
        "ir.recommendation.assign",
        "ir.recommendation.evidence_added",
        "ir.recommendation.report",
        "ir.recommendation.return",
        "ir.recommendation.evidence_added",
        "ir.recommendation.report",
        "ir.recommendation.implement",
    ]
    page = client_for("ir_head").get(first.get_absolute_url())
    assert page.status_code == 200
    assert "resolution.pdf" in page.content.decode()
    # The cycle's status counts it.
    counts = {status: count for status, _label, count in selectors.status_counts(cycle.recommendations.all())}
    assert counts[S.IMPLEMENTED] == 1 and counts[S.RECEIVED] == 1 and counts[S.ASSIGNED] == 1


def test_a_file_with_a_bad_row_imports_nothing_and_names_the_rows(users, client_for):
    officer = users["ir_officer"]
    cycle = review(officer)
    rows = [
        ROWS[0],
        ("12", "Access to justice", "en", "A second paragraph 12.", "", "", ""),
        ("15", "", "xx", "", "", "", "nowhere"),
    ]
    client = client_for("ir_officer")
    response = client.post(
        reverse("international:review-import", args=[cycle.pk]), {"file": xlsx_table(HEADER, rows), "due_on": ""}
    )
    assert response.status_code == 200
    assert len(response.context["import_form"].errors["file"]) == 3
    assert not cycle.recommendations.exists()
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.recommendations_import(actor=officer, review=cycle, upload=xlsx_table(HEADER, rows))
    errors = refused.value.message_dict["file"]
    assert errors[0].startswith("Row 3:") and "12 is there already" in errors[0]
    assert errors[1].startswith("Row 4:") and "nowhere" in errors[1] and "theme" in errors[1]
    assert "term" in errors[2]  # a row names a subdivision, no term given
    # A file without the needed columns is refused as a whole, beside the field.
    with translation.override("en"):
        response = client.post(
            reverse("international:review-import", args=[cycle.pk]),
            {"file": xlsx_table(("paragraph", "text"), [("1", "x")])},
        )
    assert [error.code for error in response.context["import_form"].errors.as_data()["file"]] == ["import_header"]
    assert not cycle.recommendations.exists()


def test_a_subdivision_sees_its_own_recommendations_and_nothing_else_of_the_ir(users, client_for):
    officer = users["ir_officer"]
    cycle = imported(officer)
    legal_one, unassigned, analytics_one = cycle.recommendations.order_by("pk")
    services.evidence_add(actor=officer, recommendation=legal_one, upload=evidence(), note="Бұйрық")
    evidence_pk = legal_one.evidence.get().pk
    assert set(selectors.recommendations_visible_to(users["legal_officer"])) == {legal_one}
    assert set(selectors.recommendations_visible_to(users["analyst"])) == {analytics_one}
    assert set(selectors.recommendations_visible_to(users["ir_head"])) == {legal_one, unassigned, analytics_one}

    client = client_for("legal_officer")
    listed = client.get(reverse("international:recommendation-list"))
    assert list(listed.context["page"].object_list) == [legal_one]
    rows = workbook_rows(client.get(reverse("international:recommendation-export")))
    assert [row[2] for row in rows[1:]] == ["12"]
    assert client.get(legal_one.get_absolute_url()).status_code == 200
    download = reverse("international:recommendation-file-download", args=[legal_one.pk, evidence_pk])
    assert client.get(download).status_code == 200
    for url in (
        unassigned.get_absolute_url(),
        analytics_one.get_absolute_url(),
        cycle.get_absolute_url(),
        reverse("international:review-list"),
        reverse("international:recommendation-figures"),
        reverse("international:recommendation-update", args=[legal_one.pk]),
    ):
        assert client.get(url).status_code == 404, url
    # The IR's own moves are not his: 404, and nothing changes.
    url = reverse("international:recommendation-move", args=[legal_one.pk, "implement"])
    assert client.post(url).status_code == 404
    # Outsiders with no assignment: 404 everywhere, the superuser no exception.
    for username in ("analyst", "isd_officer", "court_almaty", "sysadmin"):
        other = client_for(username)
        assert other.get(legal_one.get_absolute_url()).status_code == 404, username
        assert other.get(download).status_code == 404, username
    for username in ("isd_officer", "court_almaty", "sysadmin"):
        assert client_for(username).get(reverse("international:recommendation-list")).status_code == 404, username


def test_assigning_refuses_the_ir_itself_an_executor_elsewhere_and_a_past_term(users):
    officer = users["ir_officer"]
    cycle = imported(officer)
    waiting = cycle.recommendations.get(status=S.RECEIVED)
    ir_unit = Unit.objects.get(code="ir")
    legal = Unit.objects.get(code="legal")
    assert refusal_codes(
        services.recommendation_move,
        recommendation=waiting,
        move="assign",
        actor=officer,
        unit=ir_unit,
        due_on=date(2027, 1, 15),
    ) == {"unit"}
    assert refusal_codes(
        services.recommendation_move,
        recommendation=waiting,
        move="assign",
        actor=officer,
        unit=legal,
        executor=users["analyst"],
        due_on=date(2027, 1, 15),
    ) == {"executor"}
    assert refusal_codes(
        services.recommendation_move,
        recommendation=waiting,
        move="assign",
        actor=officer,
        unit=legal,
        due_on=date(2026, 12, 1),
    ) == {"past"}
    services.recommendation_move(
        recommendation=waiting,
        move="assign",
        actor=officer,
        unit=legal,
        executor=users["legal_officer"],
        due_on=date(2027, 1, 15),
    )
    term = Deadline.objects.get(kind=services.TERM, record_id=str(waiting.pk))
    assert term.responsible == users["legal_officer"]  # the executor named is reminded


def test_the_progress_by_body_counts_statuses_and_the_overdue(users, client_for):
    officer = users["ir_officer"]
    imported(officer)
    cat = Review(
        body=TreatyBody.CAT,
        title="Concluding observations on the fourth periodic report",
        symbol="CAT/C/KAZ/CO/4",
        adopted_on=date(2026, 5, 10),
        officer=officer,
    )
    services.review_save(actor=officer, review=cat)
    services.recommendations_import(
        actor=officer,
        review=cat,
        upload=xlsx_table(HEADER, [("9", "Torture", "en", "Investigate every allegation.", "", "", "legal")]),
        due_on=date(2027, 1, 15),
    )
    with time_machine.travel(date(2027, 1, 20)):
        progress = {row.body: row for row in selectors.progress_by_body(users["ir_head"])}
        assert (progress["ccpr"].total, progress["ccpr"].counts[S.ASSIGNED], progress["ccpr"].overdue) == (3, 2, 0)
        assert (progress["cat"].total, progress["cat"].overdue) == (1, 1)
        client = client_for("ir_head")
        assert client.get(reverse("international:recommendation-figures")).status_code == 200
        rows = workbook_rows(client.get(reverse("international:recommendation-figures-export")))
        assert [row[0] for row in rows[1:]] == [str(TreatyBody.CCPR.label), str(TreatyBody.CAT.label)]
        overdue = client.get(reverse("international:recommendation-list") + "?overdue=on")
        assert [r.paragraph for r in overdue.context["page"].object_list] == ["9"]
    assert selectors.progress_by_body(users["legal_officer"]) == []


def test_the_register_and_the_pages_cost_the_same_for_three_rows_and_for_thirty(users, client_for):
    officer = users["ir_officer"]
    cycle = imported(officer)
    one = cycle.recommendations.order_by("pk").first()
    client = client_for("ir_officer")
    urls = [
        reverse("international:review-list"),
        cycle.get_absolute_url(),
        reverse("international:recommendation-list"),
        one.get_absolute_url(),
        reverse("international:recommendation-figures"),
    ]
    few = [page_queries(client, url) for url in urls]
    more = [(f"{n}", "Access to justice", "en", f"Recommendation {n}.", "", "", "legal") for n in range(20, 47)]
    services.recommendations_import(
        actor=officer, review=cycle, upload=xlsx_table(HEADER, more), due_on=date(2027, 2, 26)
    )
    for n in range(3):
        services.evidence_add(actor=officer, recommendation=one, upload=evidence(f"{n}.pdf"), note="Бұйрық")
    assert [page_queries(client, url) for url in urls] == few


def test_the_subdivision_finds_its_recommendations_on_its_home_page_and_the_officer_what_to_control(users, client_for):
    officer, legal = users["ir_officer"], users["legal_officer"]
    cycle = imported(officer)
    mine = cycle.recommendations.get(paragraph="12")
    home = client_for("legal_officer").get(reverse("core:home"))
    panels = {shown["panel"].code: shown for shown in home.context["panels"]}
    assert [line.url for line in panels["international_recommendations"]["items"]] == [mine.get_absolute_url()]
    assert "international_to_control" not in panels and "international_questions" not in panels
    services.evidence_add(actor=legal, recommendation=mine, upload=evidence(), note="Бұйрық")
    services.recommendation_move(recommendation=mine, move="report", actor=legal, report="Дайын.")
    home = client_for("ir_officer").get(reverse("core:home"))
    panels = {shown["panel"].code: shown for shown in home.context["panels"]}
    assert [line.url for line in panels["international_to_control"]["items"]] == [mine.get_absolute_url()]
    # Reported, it has left the subdivision's panel.
    home = client_for("legal_officer").get(reverse("core:home"))
    assert "international_recommendations" not in {shown["panel"].code for shown in home.context["panels"]}
