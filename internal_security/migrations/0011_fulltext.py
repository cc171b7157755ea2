"""Full-text indexes for the portal's search (courtadmin/core/fulltext.py), on PostgreSQL only."""

from django.db import migrations

from courtadmin.core.fulltext import FullTextIndex


class Migration(migrations.Migration):
    dependencies = [("internal_security", "0010_search")]

    operations = [
        FullTextIndex("internal_security", "Complaint", ["summary"]),
        FullTextIndex("internal_security", "Investigation", ["subject"]),
    ]
