"""The criminal-case registry (ISD 6.16): the territorial ISD unit keeps its region's cases,
the ISD sees them all, nobody else any (ISD 7); the dates follow one another."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from courtadmin.audit.models import AuditEvent, ReadEvent
from courtadmin.core.models import Job
from courtadmin.core.workflow import NEWS_JOB
from courtadmin.org.models import Region
from internal_security.models import CriminalCase
from internal_security.services import cases as services
from internal_security.workflow import case_move

from .factories import a_case


def entered(people, username="isd_almaty", **fields):
    return services.criminal_case_save(
        actor=people[username].user, case=a_case(**fields), opening_decision="СДТБ № 267500031000125"
    )


def stage(case, people, move, days_ago, username="isd_almaty", **inputs):
    return case_move(
        case=case,
        move=move,
        actor=people[username].user,
        decided_on=timezone.localdate() - timedelta(days=days_ago),
        authority=inputs.pop("authority", "Алматы қаласының прокуратурасы"),
        decision=inputs.pop("decision", "Іс сотқа жіберілді"),
        **inputs,
    )


def test_the_territorial_unit_enters_a_case_of_its_own_region(people):
    """ISD 6.16: the case enters with the decision that opened it, its first stage."""
    case = entered(people, region=Region.objects.get(code="shymkent"))  # its own region, whatever it names
    assert case.region.code == "almaty" and case.entered_by == people["isd_almaty"].user
    assert [(s.stage, s.decided_on, s.decision) for s in case.stages.all()] == [
        ("pre_trial", case.opened_on, "СДТБ № 267500031000125")
    ]


@pytest.mark.parametrize("username", ["isd_officer", "isd_head"])
def test_the_central_isd_enters_and_corrects_any_regions_case_isd_6_16(people, username):
    shymkent = Region.objects.get(code="shymkent")
    case = entered(people, username, region=shymkent)
    assert case.region == shymkent
    case.article = "367-бап 1-бөлік"
    services.criminal_case_save(actor=people[username].user, case=case, reason="Бап қате жазылған")
    assert CriminalCase.objects.get(pk=case.pk).article == "367-бап 1-бөлік"


@pytest.mark.parametrize("username", ["chairman", "ca_head", "ir_head", "ir_officer"])
def test_nobody_outside_the_isd_keeps_the_registry(people, username):
    with pytest.raises(PermissionDenied):
        entered(people, username, region=Region.objects.get(code="almaty"))
    assert not CriminalCase.objects.exists()


def test_a_territorial_unit_corrects_no_other_regions_case(people, client_for):
    case = entered(people, "isd_head", region=Region.objects.get(code="shymkent"))
    case.article = "1-бап"
    with pytest.raises(PermissionDenied):
        services.criminal_case_save(actor=people["isd_almaty"].user, case=case, reason="—")
    with pytest.raises(ValidationError) as refused:
        stage(case, people, "to_court", 1)
    assert refused.value.code == "not_yours"
    assert client_for("isd_almaty").get(reverse("internal_security:case-update", args=[case.pk])).status_code == 404
    assert CriminalCase.objects.get(pk=case.pk).article == "366-бап 2-бөлік"


def test_an_entry_needs_its_opening_decision_and_a_correction_its_reason(people):
    with pytest.raises(ValidationError) as refused:
        services.criminal_case_save(actor=people["isd_almaty"].user, case=a_case(), opening_decision=" ")
    assert refused.value.error_dict["opening_decision"][0].code == "required"
    assert not CriminalCase.objects.exists()
    case = entered(people)
    case.person = "Сот приставы Қ."
    with pytest.raises(ValidationError) as refused:
        services.criminal_case_save(actor=people["isd_almaty"].user, case=case)
    assert refused.value.error_dict["reason"][0].code == "required"
    assert CriminalCase.objects.get(pk=case.pk).person == "Сот приставы К."


def test_a_correction_is_kept_in_history_with_its_reason_and_what_it_changed(people, client_for):
    case = entered(people)
    case.article = "367-бап 1-бөлік"
    services.criminal_case_save(actor=people["isd_almaty"].user, case=case, reason="Бап қате жазылған")
    event = AuditEvent.objects.get(action="isd.criminal_case.corrected", object_id=str(case.pk))
    assert event.before == {"article": "366-бап 2-бөлік"}
    assert event.after == {"article": "367-бап 1-бөлік", "reason": "Бап қате жазылған"}
    history = client_for("isd_officer").get(case.get_absolute_url()).context["history"]
    assert [line.reason for line in history] == ["", "Бап қате жазылған"]


def test_a_cases_stages_are_kept_in_order_each_with_its_decision_isd_6_16(people):
    """Opened, sent to court, convicted, the verdict changed on appeal: every stage kept, none
    overwritten; the case shows the last, and the dates it went to court and was judged."""
    case = entered(people, opened_on=timezone.localdate() - timedelta(days=200))
    stage(case, people, "to_court", 100)
    stage(case, people, "verdict", 40, authority="Алмалы аудандық соты", decision="Үкім", outcome="convicted")
    stage(case, people, "verdict", 5, authority="Алматы қалалық соты", decision="Ақтау үкімі", outcome="acquitted")
    case.refresh_from_db()
    today = timezone.localdate()
    assert [(s.stage, (today - s.decided_on).days, s.outcome) for s in case.stages.all()] == [
        ("pre_trial", 200, ""),
        ("in_court", 100, ""),
        ("verdict", 40, "convicted"),
        ("verdict", 5, "acquitted"),
    ]
    assert (case.stage, case.outcome) == ("verdict", "acquitted")
    assert (today - case.sent_to_court_on).days == 100 and (today - case.verdict_on).days == 5
    actions = AuditEvent.objects.filter(object_id=str(case.pk), action__startswith="isd.criminal_case.")
    assert list(actions.order_by("pk").values_list("action", flat=True)) == [
        "isd.criminal_case.entered",
        "isd.criminal_case.to_court",
        "isd.criminal_case.verdict",
        "isd.criminal_case.verdict",
    ]


def test_returned_from_court_then_terminated(people):
    case = entered(people)
    stage(case, people, "to_court", 30)
    stage(case, people, "resume", 20, decision="Іс прокурорға қайтарылды")
    stage(case, people, "terminate", 10, decision="Іс тоқтатылды")
    case.refresh_from_db()
    assert [s.stage for s in case.stages.all()] == ["pre_trial", "in_court", "pre_trial", "terminated"]
    assert (case.stage, case.outcome) == ("terminated", "terminated")


@pytest.mark.parametrize(
    ("move", "days_ago", "inputs", "field", "code"),
    [
        ("to_court", 70, {}, "decided_on", "order"),  # before the case was opened (60 days ago)
        ("to_court", -1, {}, "decided_on", "future"),
        ("to_court", 10, {"authority": " "}, "authority", "required"),
        ("to_court", 10, {"decision": ""}, "decision", "required"),
    ],
)
def test_a_stage_out_of_order_or_without_its_decision_is_refused(people, move, days_ago, inputs, field, code):
    case = entered(people)
    with pytest.raises(ValidationError) as refused:
        stage(case, people, move, days_ago, **inputs)
    assert code in {error.code for error in refused.value.error_dict[field]}
    assert case.stages.count() == 1 and CriminalCase.objects.get(pk=case.pk).stage == "pre_trial"


def test_a_verdict_comes_only_in_court_and_names_its_outcome(people):
    case = entered(people)
    with pytest.raises(ValidationError) as refused:
        stage(case, people, "verdict", 5, outcome="convicted")
    assert refused.value.code == "forbidden_move"
    stage(case, people, "to_court", 10)
    with pytest.raises(ValidationError) as refused:
        stage(case, people, "verdict", 5, outcome="terminated")
    assert refused.value.error_dict["outcome"][0].code == "required"
    assert CriminalCase.objects.get(pk=case.pk).stage == "in_court"


def test_a_conviction_is_news_to_the_isd_managers(people):
    """ISD 6.22: a conviction may call for an investigation of the convicted person's superiors."""
    case = entered(people)
    stage(case, people, "to_court", 10)
    before = Job.objects.filter(kind=NEWS_JOB).count()
    stage(case, people, "verdict", 5, outcome="convicted")
    job = Job.objects.filter(kind=NEWS_JOB).latest("pk")
    assert Job.objects.filter(kind=NEWS_JOB).count() == before + 1
    assert set(job.payload["recipients"]) == {people["isd_head"].user.pk, people["isd_deputy"].user.pk}


def test_the_stage_form_keeps_what_was_typed_beside_the_refusal(people, client_for):
    case = entered(people)
    url = reverse("internal_security:case-move", args=[case.pk, "to_court"])
    client = client_for("isd_almaty")
    day = (timezone.localdate() - timedelta(days=90)).isoformat()
    page = client.post(url, {"to_court-decided_on": day, "to_court-authority": "Прокуратура", "to_court-decision": "x"})
    assert page.status_code == 200
    refused = next(form for move, form in page.context["moves"] if move.name == "to_court")
    assert "order" in {error.code for error in refused.errors.as_data()["decided_on"]}
    assert refused["authority"].value() == "Прокуратура"
    day = (timezone.localdate() - timedelta(days=3)).isoformat()
    done = client.post(url, {"to_court-decided_on": day, "to_court-authority": "Прокуратура", "to_court-decision": "x"})
    assert done.status_code == 302 and CriminalCase.objects.get(pk=case.pk).stage == "in_court"
    assert client_for("chairman").post(url, {}).status_code == 404


def test_the_figures_by_region_and_article_equal_a_direct_count(people, client_for):
    almaty_case = entered(people)
    entered(people, article="367-бап 1-бөлік")
    entered(people, "isd_head", region=Region.objects.get(code="shymkent"))
    stage(almaty_case, people, "to_court", 3)
    for username, regions in (("isd_officer", {"almaty", "shymkent"}), ("isd_almaty", {"almaty"})):
        figures = client_for(username).get(reverse("internal_security:case-figures")).context["figures"]
        cases = CriminalCase.objects.filter(region__code__in=regions)
        stages = [value for value, _label in CriminalCase.Stage.choices]
        assert {region.code: counts for region, counts, _total in figures["by_region"]} == {
            code: [cases.filter(region__code=code, stage=s).count() for s in stages] for code in regions
        }
        assert {article: total for article, _counts, total in figures["by_article"]} == dict(
            Counter(cases.values_list("article", flat=True))
        )
        assert figures["total"] == cases.count()
    filtered = client_for("isd_officer").get(reverse("internal_security:case-figures"), {"article": "367"})
    assert filtered.context["figures"]["total"] == 1
    assert client_for("ir_head").get(reverse("internal_security:case-figures")).status_code == 404


def test_the_isd_sees_every_case_a_territorial_unit_its_own_and_others_none(people, client_for):
    almaty = entered(people)
    elsewhere = a_case(
        person="Судья Л.", region=Region.objects.get(code="astana"), entered_by=people["isd_almaty"].user
    )
    elsewhere.save()  # as an Astana unit would have entered it
    for username in ("isd_officer", "isd_head", "chairman", "ca_head"):
        rows = client_for(username).get(reverse("internal_security:case-list")).context["cases"]
        assert {case.pk for case in rows} == {almaty.pk, elsewhere.pk}, username
    rows = client_for("isd_almaty").get(reverse("internal_security:case-list")).context["cases"]
    assert [case.pk for case in rows] == [almaty.pk]
    assert client_for("isd_almaty").get(elsewhere.get_absolute_url()).status_code == 404
    for username in ("ir_head", "ca_deputy", "sysadmin"):
        assert client_for(username).get(almaty.get_absolute_url()).status_code == 404, username


def test_opening_a_case_is_in_the_read_log(people, client_for):
    case = entered(people)
    client_for("isd_officer").get(case.get_absolute_url())
    assert ReadEvent.objects.filter(user=people["isd_officer"].user, record_id=str(case.pk), action="open").exists()


def test_a_case_is_linked_only_to_complaints_its_keeper_reaches(people, client_for):
    """isd_almaty reaches Almaty's complaints; an Astana complaint's number is "not within
    your reach", which tells nothing of whether it exists (ISD 7)."""
    from .factories import register

    almaty = register(people, region=Region.objects.get(code="almaty"))
    astana = register(people)
    keeper = people["isd_almaty"].user
    with pytest.raises(ValidationError) as refused:
        services.criminal_case_save(
            actor=keeper, case=a_case(), complaint_numbers=[astana.number], opening_decision="СДТБ"
        )
    assert {error.code for error in refused.value.error_dict["complaint_numbers"]} == {"unknown"}
    assert not CriminalCase.objects.exists()
    case = services.criminal_case_save(
        actor=keeper, case=a_case(), complaint_numbers=[almaty.number], opening_decision="СДТБ"
    )
    page = client_for("isd_head").get(case.get_absolute_url())
    assert [c.pk for c in page.context["complaints"]] == [almaty.pk]


def test_the_registry_is_filtered_and_exported_within_reach_and_the_export_logged(people, client_for):
    from io import BytesIO

    from openpyxl import load_workbook

    keeper = people["isd_almaty"].user
    services.criminal_case_save(actor=keeper, case=a_case(), opening_decision="СДТБ")
    services.criminal_case_save(
        actor=keeper, case=a_case(person="Судья П.", article="367-бап", corruption=False), opening_decision="СДТБ"
    )
    client = client_for("isd_officer")
    listed = client.get(reverse("internal_security:case-list"), {"text": "367"}).context["cases"]
    assert [case.person for case in listed] == ["Судья П."]
    listed = client.get(reverse("internal_security:case-list"), {"corruption": "on"}).context["cases"]
    assert [case.person for case in listed] == ["Сот приставы К."]
    response = client.get(reverse("internal_security:case-export"), {"text": "367"})
    rows = list(load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["Судья П."]
    assert ReadEvent.objects.filter(user=people["isd_officer"].user, action="export").exists()
    assert client_for("ir_head").get(reverse("internal_security:case-export")).status_code == 404
