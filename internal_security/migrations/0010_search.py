"""Trigram indexes for the portal's search (courtadmin/core/search.py), on PostgreSQL only."""

from django.db import migrations

from courtadmin.core.trigram import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("internal_security", "0009_dashboard_figures")]

    operations = [
        TrigramIndexes("internal_security_complaint", ["number", "person_concerned", "court"]),
        TrigramIndexes("internal_security_investigation", ["number"]),
        TrigramIndexes("internal_security_investigatedperson", ["name"]),
        TrigramIndexes("internal_security_criminalcase", ["person", "court"]),
    ]
