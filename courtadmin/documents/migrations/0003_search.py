"""Trigram indexes for the portal's search (courtadmin/core/search.py), on PostgreSQL only."""

from django.db import migrations

from courtadmin.core.trigram import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("documents", "0002_document_language")]

    operations = [
        TrigramIndexes("documents_document", ["registration_number", "subject"]),
    ]
