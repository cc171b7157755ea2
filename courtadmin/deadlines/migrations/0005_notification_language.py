from django.db import migrations, models
from django.db.models import OuterRef, Subquery

import courtadmin.deadlines.models


def written_in_the_recipients_language(apps, schema_editor):
    """Notifications made so far were written in their recipient's language of the time: his
    language now is the best record of it."""
    Notification = apps.get_model("deadlines", "Notification")
    User = apps.get_model("accounts", "User")
    Notification.objects.update(language=Subquery(User.objects.filter(pk=OuterRef("user_id")).values("language")[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("deadlines", "0004_news_of_moves"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="language",
            field=models.CharField(default=courtadmin.deadlines.models.language_now, editable=False, max_length=8),
        ),
        migrations.AddField(
            model_name="notification",
            name="quote",
            field=models.CharField(blank=True, editable=False, max_length=300),
        ),
        migrations.RunPython(written_in_the_recipients_language, migrations.RunPython.noop),
    ]
