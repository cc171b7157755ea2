"""The correspondence register's numbers move to the core's counters (core.registers)."""

from django.db import migrations

from courtadmin.core.registers import MoveCounters


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_register_counter'),
        ('correspondence', '0004_list_order'),
    ]

    operations = [
        MoveCounters('correspondence', 'LetterCounter', 'correspondence.incoming'),
        migrations.DeleteModel(
            name='LetterCounter',
        ),
    ]
