# The control of the terms over a period of sent requests, read through an index.

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('datarequests', '0004_register_search'),
        ('org', '0005_local_courts'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='datarequest',
            index=models.Index(fields=['sent_at'], name='datarequests_sent'),
        ),
    ]
