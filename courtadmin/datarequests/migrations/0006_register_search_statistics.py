"""The statistics of the requests register's search haystack (core.trigram.HaystackStatistics):
a common word of the number or the subject read in the register's order rather than every
request holding it sorted (datarequests.selectors, through core.search.containing).
PostgreSQL only."""

from django.db import migrations

from courtadmin.core.trigram import HaystackStatistics


class Migration(migrations.Migration):
    dependencies = [("datarequests", "0005_sent_index")]

    operations = [
        HaystackStatistics("datarequests", "datarequest", ["registration_number", "subject"]),
    ]
