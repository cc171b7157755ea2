"""The register of requests at a million requests (`make bench`, requests_register): its search
looks for a part of the number or the subject (selectors._filtered), read through trigram
indexes on both rather than by walking the register. On PostgreSQL only."""

from django.db import migrations

from courtadmin.core.trigram import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("datarequests", "0003_capacity_by_language")]

    operations = [
        TrigramIndexes("datarequests_datarequest", ["registration_number", "subject"]),
    ]
