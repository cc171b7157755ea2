"""Full-text search of prose on PostgreSQL (courtadmin/core/fulltext.py): Russian words in any
of their forms, Kazakh words by their stem, in any order, through an index; never a record
outside the reader's reach."""

import pytest
from django.db import connection

from courtadmin.core.fulltext import index_name, prefix_query, words_in
from courtadmin.documents.models import Document
from internal_security.models import Complaint
from tests.conftest import requires_postgres
from tests.core.test_search import found
from tests.documents.conftest import draft
from tests.internal_security.factories import register


def test_the_words_asked_for_become_prefixes_and_nothing_else_reaches_the_query():
    assert prefix_query("жалобы судьи") == "жалобы:* & судьи:*"
    # Operators and quotes typed into the box are not tsquery syntax: only the words remain.
    assert prefix_query("a & b | !c 'd'") == "a:* & b:* & c:* & d:*"
    assert prefix_query(" ,.; ") == ""


@requires_postgres()
@pytest.mark.django_db
def test_a_russian_subject_is_found_by_other_forms_of_its_words_and_only_by_its_readers(client_for, people):
    letter = draft(people["ir_officer"].user, subject="Жалоба на судью районного суда")
    assert letter.get_absolute_url() in found(client_for("ir_officer"), "жалобы судьи")
    assert letter.get_absolute_url() in found(client_for("ir_officer"), "районному суду жалоба")
    assert letter.get_absolute_url() not in found(client_for("ir_officer"), "жалобы прокурора")
    assert letter.get_absolute_url() not in found(client_for("isd_officer"), "жалобы судьи")  # not his to read


@requires_postgres()
@pytest.mark.django_db
def test_a_kazakh_summary_is_found_by_its_stems_in_any_order(client_for, people):
    complaint = register(people, summary="Судьяның әрекетіне шағым")
    html = found(client_for("isd_head"), "шағым судья")
    assert complaint.get_absolute_url() in html
    assert complaint.get_absolute_url() not in found(client_for("isd_head"), "шағым прокурор")
    assert complaint.get_absolute_url() not in found(client_for("ir_officer"), "шағым судья")


@requires_postgres()
@pytest.mark.django_db
@pytest.mark.parametrize(("model", "fields"), [(Document, ["subject"]), (Complaint, ["summary"])])
def test_the_search_filters_by_the_indexed_expression(model, fields):
    """The planner can use the GIN index the migration made: the filter's expression is the
    index's, so a search does not read the whole table at a million records."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        query = model.objects.filter(words_in(fields, "жалоба")).order_by().query  # the filter alone
        sql, params = query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert index_name(model._meta.db_table) in plan
