"""Full-text indexes for the portal's search (courtadmin/core/fulltext.py), on PostgreSQL only."""

from django.db import migrations

from courtadmin.core.fulltext import FullTextIndex


class Migration(migrations.Migration):
    dependencies = [("international", "0007_treaty_languages")]

    operations = [
        FullTextIndex("international", "LegalAssistanceRequest", ["case_name", "asked"]),
    ]
