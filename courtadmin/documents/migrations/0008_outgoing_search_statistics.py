"""The statistics of the outgoing journal's search haystack (core.trigram.HaystackStatistics):
a common word of the number, the addressee or the subject read in the journal's order rather
than every document holding it sorted (correspondence.selectors.outgoing_register, through
core.search.containing). PostgreSQL only."""

from django.db import migrations

from courtadmin.core.trigram import HaystackStatistics


class Migration(migrations.Migration):
    dependencies = [("documents", "0007_outgoing_search")]

    operations = [
        HaystackStatistics("documents", "document", ["registration_number", "addressee", "subject"]),
    ]
