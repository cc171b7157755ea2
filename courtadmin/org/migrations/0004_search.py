"""Trigram indexes for the portal's search (courtadmin/core/search.py), on PostgreSQL only."""

from django.db import migrations

from courtadmin.core.trigram import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("org", "0003_second_person")]

    operations = [
        TrigramIndexes("org_person", ["full_name", "full_name_kk", "full_name_ru"]),
    ]
