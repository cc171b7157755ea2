"""Trigram indexes for the portal's search (courtadmin/core/search.py), on PostgreSQL only.
The requests' search text has its own since 0003_registry_search."""

from django.db import migrations

from courtadmin.core.trigram import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("international", "0005_dashboard_indexes")]

    operations = [
        TrigramIndexes("international_legalassistancerequest", ["registration_number"]),
        TrigramIndexes("international_application", ["number", "applicant_name"]),
    ]
