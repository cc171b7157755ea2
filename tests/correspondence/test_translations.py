"""Translations of foreign letters (IR 7.12): the task given by whoever may give the letter's
resolution, with a term in working days ("ir.translation"); submitted by the translator, which
closes the term; checked by a second person, never the translator, or returned; the side-by-side
page; the reach: whoever reads the letter, and its translator."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from courtadmin.correspondence.models import LetterTranslation, TranslationFile
from courtadmin.correspondence.services import translation_file_add, translation_task_give
from courtadmin.correspondence.workflow import TRANSLATION_MOVES, translation_move
from courtadmin.deadlines.calendar import WorkingCalendar
from courtadmin.deadlines.models import Deadline
from courtadmin.deadlines.selectors import running_term
from tests.conftest import TODAY, refusal_codes

from .conftest import register

pytestmark = pytest.mark.time_machine(TODAY)
T = LetterTranslation.Status
PDF = b"%PDF-1.7\n%%EOF\n"


def _task(users, translator="ir_officer", giver="ir_head", **letter_fields):
    letter = register(users["ir_officer"], text="Dear colleagues, we propose an exchange.", **letter_fields)
    return translation_task_give(
        actor=users[giver], letter=letter, language="ru", translator=users[translator], working_days=3
    )


def test_the_translation_task_runs_a_term_and_ends_when_submitted_ir_7_12(people, users):
    translation = _task(users)
    term = running_term(translation, "ir.translation")
    assert term.responsible == users["ir_officer"] and "IR 7.12" in term.legal_basis
    assert term.due_on == WorkingCalendar().add_working_days(timezone.localdate(), 3) == translation.due_on
    translation_move(
        translation=translation, move="submit", actor=users["ir_officer"], text="Уважаемые коллеги", certified=True
    )
    assert (translation.status, translation.certified, translation.submitted_by) == (
        T.SUBMITTED,
        True,
        users["ir_officer"],
    )
    term.refresh_from_db()
    assert term.state == Deadline.State.MET


def test_only_whoever_may_give_the_resolution_gives_the_task_ir_7_12(people, users):
    letter = register(users["ir_officer"])
    with pytest.raises(PermissionDenied):
        translation_task_give(
            actor=users["ir_officer"], letter=letter, language="ru", translator=users["ir_officer"], working_days=3
        )
    codes = refusal_codes(
        translation_task_give, actor=users["ir_head"], letter=letter, language="en", translator=None, working_days=0
    )
    assert codes == {"same_language", "one_translator", "term"}
    assert not LetterTranslation.objects.exists()


def test_an_isd_letter_is_translated_by_isd_staff_alone_isd_7(people, users):
    letter = register(users["isd_officer"], department="ISD")
    codes = refusal_codes(
        translation_task_give,
        actor=users["isd_head"],
        letter=letter,
        language="ru",
        translator=users["ir_officer"],
        working_days=3,
    )
    assert codes == {"outside"}


def test_the_translator_cannot_check_his_own_translation_ir_7_12(people, users):
    translation = _task(users)
    translation_move(translation=translation, move="submit", actor=users["ir_officer"], text="Перевод")
    assert refusal_codes(translation_move, translation=translation, move="accept", actor=users["ir_officer"]) == {
        "not_yours"
    }
    translation_move(translation=translation, move="accept", actor=users["ir_deputy_protocol"])
    assert (translation.status, translation.checked_by) == (T.ACCEPTED, users["ir_deputy_protocol"])
    assert translation.checked_at is not None


def test_an_outside_translators_work_is_entered_by_staff_and_checked_by_another(people, users):
    letter = register(users["ir_officer"])
    translation = translation_task_give(
        actor=users["ir_head"], letter=letter, language="kk", translator_name="ТОО «Аударма»", working_days=5
    )
    assert running_term(translation, "ir.translation").responsible == users["ir_head"]
    assert refusal_codes(translation_move, translation=translation, move="submit", actor=users["ir_officer"]) == {
        "required"
    }  # neither text nor file
    translation_file_add(actor=users["ir_officer"], translation=translation, upload=SimpleUploadedFile("t.pdf", PDF))
    translation_move(translation=translation, move="submit", actor=users["ir_officer"], certified=True)
    # The one who entered it is not its second pair of eyes.
    assert refusal_codes(translation_move, translation=translation, move="accept", actor=users["ir_officer"]) == {
        "not_yours"
    }
    translation_move(translation=translation, move="accept", actor=users["ir_head"])
    assert translation.status == T.ACCEPTED


def test_a_returned_translation_runs_a_new_term_and_says_why(people, users):
    translation = _task(users)
    translation_move(translation=translation, move="submit", actor=users["ir_officer"], text="Черновой перевод")
    assert refusal_codes(
        translation_move, translation=translation, move="return", actor=users["ir_head"], reason=" "
    ) == {"required"}
    translation_move(translation=translation, move="return", actor=users["ir_head"], reason="Уточнить термины")
    assert translation.status == T.ASSIGNED and translation.return_reason == "Уточнить термины"
    assert running_term(translation, "ir.translation").state == Deadline.State.OPEN
    # A submitted translation no longer takes files; a returned one does.
    translation_file_add(actor=users["ir_officer"], translation=translation, upload=SimpleUploadedFile("t.pdf", PDF))
    assert TranslationFile.objects.count() == 1


def test_side_by_side_shows_the_original_and_the_translation(people, users, client_for):
    translation = _task(users)
    translation_move(translation=translation, move="submit", actor=users["ir_officer"], text="Уважаемые коллеги")
    html = (
        client_for("ir_head").get(reverse("correspondence:translation-detail", args=[translation.pk])).content.decode()
    )
    side = html[html.index('id="side-by-side"') :]
    assert side.index("Dear colleagues") < side.index("Уважаемые коллеги")
    assert 'id="original-text"' in side and 'lang="en"' in side and 'lang="ru"' in side
    assert "col-12 col-lg-6" in side  # one column on a narrow screen, two on a wide one
    assert 'id="translation-move-accept"' in html


def test_the_translator_reads_the_letter_he_translates_and_outsiders_get_404_ir_7_12(people, users, client_for):
    """GIVEN an ISD letter given to isd_officer2 to translate
    THEN he opens the translation and the original's scan through it; isd_officer, not its
    translator nor an executor, and the IR head get 404 on the translation, its move and files."""
    from courtadmin.correspondence.services import letter_file_add

    letter = register(users["isd_officer2"], department="ISD")
    scan = letter_file_add(actor=users["isd_officer2"], letter=letter, upload=SimpleUploadedFile("o.pdf", PDF))
    translation = translation_task_give(
        actor=users["isd_head"], letter=letter, language="kk", translator=users["isd_officer"], working_days=3
    )
    detail = reverse("correspondence:translation-detail", args=[translation.pk])
    original = reverse("correspondence:translation-original-download", args=[translation.pk, scan.pk])
    translator = client_for("isd_officer")
    assert translator.get(detail).status_code == 200
    assert translator.get(original).status_code == 200
    assert translator.get(letter.get_absolute_url()).status_code == 404  # the letter's page is not his
    for username in ("isd_almaty", "ir_head", "sysadmin"):
        client = client_for(username)
        assert client.get(detail).status_code == 404, username
        assert client.get(original).status_code == 404, username
        move = reverse("correspondence:translation-move", args=[translation.pk, "submit"])
        assert client.post(move, {"submit-text": "x"}).status_code == 404, username
    translation.refresh_from_db()
    assert translation.status == T.ASSIGNED


def test_the_task_form_keeps_what_was_typed_and_the_letter_page_shows_the_history(people, users, client_for):
    letter = register(users["ir_officer"])
    url = reverse("correspondence:letter-translation-give", args=[letter.pk])
    assert client_for("ir_officer").post(url, {"language": "ru"}).status_code == 404  # not his to give
    client = client_for("ir_head")
    response = client.post(
        url,
        {
            "language": "ru",
            "translator_name": "Сохранённое имя",
            "translator": users["ir_officer"].pk,
            "working_days": "3",
        },
    )
    assert response.status_code == 200
    assert "translator" in response.context["translation_form"].errors
    assert "Сохранённое имя" in response.content.decode()
    response = client.post(url, {"language": "ru", "translator": users["ir_officer"].pk, "working_days": "3"})
    assert response.status_code == 302
    translation = LetterTranslation.objects.get()
    officer = client_for("ir_officer")
    move = reverse("correspondence:translation-move", args=[translation.pk, "submit"])
    assert officer.post(move, {"submit-text": "Перевод письма", "submit-certified": "on"}).status_code == 302
    translation.refresh_from_db()
    assert translation.certified and translation.text == "Перевод письма"
    response = client_for("ir_head").get(letter.get_absolute_url())
    assert reverse("correspondence:translation-detail", args=[translation.pk]) in response.content.decode()
    labels = set()
    for language in ("kk", "ru", "en"):
        with override(language):
            labels.add(str(TRANSLATION_MOVES["submit"].label))
    # The letter's history holds its translation's moves (IR 7.12).
    assert labels & {line.what for line in response.context["history"]}


def test_the_demo_holds_a_certified_translation_a_running_task_and_an_answered_letter(db, settings):
    import io

    from django.core.management import call_command

    from courtadmin.documents.models import Document

    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # idempotent
    accepted = LetterTranslation.objects.get(status=T.ACCEPTED)
    assert (accepted.language, accepted.certified, accepted.letter.language) == ("ru", True, "en")
    assert accepted.checked_by_id not in (None, accepted.translator_id)
    running = LetterTranslation.objects.get(status=T.ASSIGNED)
    assert running_term(running, "ir.translation") is not None
    answered = Document.objects.filter(status=Document.Status.SENT, channel="diplomatic")
    assert answered.exists() and answered.first().registration_number
    from courtadmin.correspondence.models import IncomingLetter

    assert IncomingLetter.objects.filter(answer__in=answered).exists()
