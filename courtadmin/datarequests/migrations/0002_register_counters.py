"""The datarequests register's numbers move to the core's counters (core.registers)."""

from django.db import migrations

from courtadmin.core.registers import MoveCounters


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_register_counter'),
        ('datarequests', '0001_initial'),
    ]

    operations = [
        MoveCounters('datarequests', 'RequestCounter', 'datarequests'),
        migrations.DeleteModel(
            name='RequestCounter',
        ),
    ]
