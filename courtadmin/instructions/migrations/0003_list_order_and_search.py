"""The control list at a million instructions (`make bench`, instructions_list): an index in
its order, newest first, and trigram indexes for its search by a part of the number or the
text (core.search.containing) with the statistics of what it searches. The trigram indexes on PostgreSQL only."""

from django.db import migrations, models

from courtadmin.core.trigram import HaystackStatistics, TrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("instructions", "0002_register_counters")]

    operations = [
        migrations.AddIndex(
            model_name="instruction",
            index=models.Index(fields=["-given_at", "-id"], name="instructions_given_order"),
        ),
        TrigramIndexes("instructions_instruction", ["registration_number", "text"]),
        HaystackStatistics("instructions", "instruction", ["registration_number", "text"]),
    ]
