"""The outgoing journal at a million documents (`make bench`, outgoing_list): its search looks
for a part of the number, the addressee or the subject (correspondence.selectors.
outgoing_register); the number and the subject had their trigram indexes (0003), the addressee
gets its own, so the three are read together through the indexes and not by walking the
journal. On PostgreSQL only."""

from django.db import migrations

from courtadmin.core.trigram import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("documents", "0006_register_counters")]

    operations = [
        TrigramIndexes("documents_document", ["addressee"]),
    ]
