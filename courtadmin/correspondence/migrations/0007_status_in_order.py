"""A status of a department's journal read in the list's order (`make bench`, letters_list "on
execution"), rather than its letters gathered and sorted."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0006_search_statistics")]

    operations = [
        migrations.RemoveIndex(model_name="incomingletter", name="correspondence_letter_status"),
        migrations.AddIndex(
            model_name="incomingletter",
            index=models.Index(fields=["department", "status", "-year", "-number"], name="correspondence_letter_status"),
        ),
    ]
