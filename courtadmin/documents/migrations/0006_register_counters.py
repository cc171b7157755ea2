"""The documents register's numbers move to the core's counters (core.registers)."""

from django.db import migrations

from courtadmin.core.registers import MoveCounters


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_register_counter'),
        ('documents', '0005_document_channel'),
    ]

    operations = [
        MoveCounters('documents', 'JournalCounter', 'documents.outgoing'),
        migrations.DeleteModel(
            name='JournalCounter',
        ),
    ]
