"""The statistics of the journal's search haystack (core.trigram.HaystackStatistics): a common
word of the subject read in the journal's order rather than every letter holding it sorted.
PostgreSQL only."""

from django.db import migrations

from courtadmin.core.trigram import HaystackStatistics


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0005_register_counters")]

    operations = [
        HaystackStatistics(
            "correspondence", "incomingletter", ["registration_number", "sender_name", "sender_number", "subject"]
        ),
    ]
