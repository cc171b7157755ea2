""" "Notifications of moves" (the working-day issue, item 2): every move of a workflow tells
the people it concerns, in the portal always and by e-mail as each chose, in the recipient's
language, never someone who cannot open the record, and once, through a job promised in the
move's own transaction (core.workflow.Workflow.announce, deadlines.services.move_news_deliver)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from courtadmin.core import jobs
from courtadmin.core.models import Job
from courtadmin.core.workflow import NEWS_JOB
from courtadmin.deadlines.models import EmailChoice, Notification
from courtadmin.documents import services as documents
from internal_security.models import ComplaintGrant
from internal_security.services import complaints as isd
from internal_security.workflow import complaint_move
from tests.conftest import DEMO_TEST_PASSWORD
from tests.documents.conftest import draft, second_factor_code
from tests.internal_security.factories import register

pytestmark = pytest.mark.django_db


def deliver_news() -> int:
    """What the workers do with the news promised so far: each job run (twice: nothing more)."""
    pending = list(Job.objects.filter(kind=NEWS_JOB, state=Job.State.PENDING).values_list("pk", flat=True))
    for pk in pending + pending:
        jobs.job_run(pk)
    return len(pending)


def news_of(user) -> list[str]:
    return list(Notification.objects.filter(user=user).exclude(key="").order_by("pk").values_list("title", flat=True))


def name_in(person, language: str) -> str:
    with translation.override(language):
        return str(person)


def test_a_letters_journey_tells_the_approver_the_signer_and_the_author_each_in_his_language(signing):
    officer, deputy, head = (signing[name].user for name in ("ir_officer", "ir_deputy_protocol", "ir_head"))
    deputy.language, head.language, officer.language = "ru", "kk", "ru"
    for user in (deputy, head, officer):
        user.email = f"{user.username}@court.local"
        user.save()
    letter = draft(officer, route=[[signing["ir_deputy_protocol"]]], subject="Письмо в Минск")

    documents.document_act(document=letter, move="submit", actor=officer)
    assert deliver_news() == 1
    assert news_of(deputy) == [
        f"Документ Письмо в Минск: Направить на согласование ({name_in(signing['ir_officer'], 'ru')}). "
        "Теперь: на согласовании."
    ]
    assert news_of(officer) == [] and news_of(head) == []  # the actor is not told of his own move

    documents.document_act(document=letter, move="approve", actor=deputy)
    deliver_news()
    # The head signs the IR's letters (IR 13): it waits for him now. He reads Kazakh.
    assert news_of(head) == [
        f"Құжат Письмо в Минск: Келісу ({name_in(signing['ir_deputy_protocol'], 'kk')}). "
        "Қазір: келісілді, қол қоюды күтуде."
    ]

    documents.document_sign(document=letter, actor=head, password=DEMO_TEST_PASSWORD, code=second_factor_code(head))
    deliver_news()
    [signed] = news_of(officer)
    assert signed.startswith("Документ IR-") and "Теперь: подписан и зарегистрирован." in signed

    # Each told once in the portal and by e-mail, whatever ran twice.
    assert len(news_of(deputy)) == 1 and len(news_of(head)) == 1 and len(news_of(officer)) == 1
    assert sorted(message.to[0] for message in mail.outbox) == sorted(u.email for u in (deputy, head, officer))


def test_news_by_e_mail_only_to_those_who_want_it(signing):
    officer, deputy = signing["ir_officer"].user, signing["ir_deputy_protocol"].user
    deputy.email = "deputy@court.local"
    deputy.save()
    EmailChoice.objects.create(user=deputy, moves=False)
    letter = draft(officer, route=[[signing["ir_deputy_protocol"]]], subject="Хат")
    documents.document_act(document=letter, move="submit", actor=officer)
    deliver_news()
    assert len(news_of(deputy)) == 1  # in the portal always
    assert mail.outbox == []


def test_a_returned_letter_tells_its_author_why(signing):
    officer, deputy = signing["ir_officer"].user, signing["ir_deputy_protocol"].user
    letter = draft(officer, route=[[signing["ir_deputy_protocol"]]], subject="Хат")
    documents.document_act(document=letter, move="submit", actor=officer)
    documents.document_act(document=letter, move="return", actor=deputy, comment="Мекенжайды түзетіңіз")
    mail.outbox.clear()
    deliver_news()
    assert len(news_of(officer)) == 1 and "Мекенжайды түзетіңіз" in news_of(officer)[0]
    # The e-mail, which leaves the server, says what happened and not why.
    to_officer = [message for message in mail.outbox if message.to == [officer.email]]
    assert len(to_officer) == 1 and "Мекенжайды түзетіңіз" not in to_officer[0].subject + to_officer[0].body


def test_an_assigned_officer_is_told_and_one_who_lost_his_reach_before_the_news_is_not(people):
    """GIVEN two officers assigned to a complaint WHEN the grant of one is revoked before the
    news is delivered THEN only the other is told (ISD 7: no news of a record he cannot open);
    the head's deputy is told of the head's move."""
    head = people["isd_head"].user
    officer, other = people["isd_officer"].user, people["isd_officer2"].user
    complaint = register(people)
    isd.complaint_assign(actor=head, complaint=complaint, officers=[officer, other])
    ComplaintGrant.objects.filter(content_object=complaint, user=other).delete()
    deliver_news()
    assert len(news_of(officer)) == 1 and complaint.number in news_of(officer)[0]
    assert news_of(other) == []
    assert len(news_of(people["isd_deputy"].user)) == 1
    assert news_of(head) == []


def test_the_news_is_promised_with_the_move_and_undone_with_it(people):
    """A move refused (or rolled back) promises nothing."""
    head = people["isd_head"].user
    complaint = register(people)
    with pytest.raises(ValidationError):
        complaint_move(complaint=complaint, move="decide", actor=head, decision="", reason="")
    assert not Job.objects.filter(kind=NEWS_JOB).exists()
