"""Registration under concurrency (issue 4.7): numbers run per department and year with no
gaps and no duplicates, also when several heads sign at the same second."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from courtadmin.documents import services
from courtadmin.documents.models import Document
from courtadmin.documents.workflow import SigningConfirmation
from tests.conftest import requires_postgres
from tests.documents.conftest import approved


@requires_postgres()
@pytest.mark.django_db(transaction=True)
def test_heads_signing_at_the_same_second_get_distinct_consecutive_numbers(signing, monkeypatch):
    people = signing
    monkeypatch.setattr(services, "promise_pdf", lambda document_id: None)  # no PDF job here
    officer = people["ir_officer"].user
    work = [(approved(officer), people["ir_head"].user) for _ in range(3)]
    work += [(approved(officer, kind="ir.rogatory_cover_letter"), people["ir_deputy_legal"].user) for _ in range(3)]
    start = threading.Barrier(len(work))
    errors = []

    def sign(document, signer):
        try:
            start.wait()
            confirmation = SigningConfirmation(user_id=signer.pk, at=timezone.now())
            services.document_sign_confirmed(document=document, actor=signer, confirmation=confirmation)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign, args=pair) for pair in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(Document.objects.filter(department="IR").values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6]
