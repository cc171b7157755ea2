"""Full-text indexes for the portal's search (courtadmin/core/fulltext.py), on PostgreSQL only."""

from django.db import migrations

from courtadmin.core.fulltext import FullTextIndex


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_search")]

    operations = [
        FullTextIndex("documents", "Document", ["subject"]),
    ]
