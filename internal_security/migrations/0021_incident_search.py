from django.db import migrations

from courtadmin.core.trigram import HaystackStatistics, TrigramIndexes


class Migration(migrations.Migration):
    """The incident register's search by court or person (ISD 6.1, 6.3): a rare text through
    trigram indexes, a common one in the list's order (core.search.containing)."""

    dependencies = [("internal_security", "0020_passes_spending_bailiff_posts")]

    operations = [
        TrigramIndexes("internal_security_securityincident", ["court", "person"]),
        HaystackStatistics("internal_security", "securityincident", ["court", "person"]),
    ]
