"""Trigram indexes for the journal's search and the portal's (courtadmin/core/search.py): a
part of a number, a sender or a subject found through an index among a million letters
(`make bench`, letters_list). PostgreSQL only."""

from django.db import migrations

from courtadmin.core.trigram import TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0002_translations")]

    operations = [
        TrigramIndexes(
            "correspondence_incomingletter", ["registration_number", "sender_name", "sender_number", "subject"]
        ),
    ]
