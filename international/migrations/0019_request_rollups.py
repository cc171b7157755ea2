"""The legal-assistance requests' figures kept month by month (core.rollups). They are counted
from the requests already registered by 0022, under the counting rule of today's model (whose
cells need the wider dimensions of core 0004); every save keeps them from then on."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_rollups"),
        ("international", "0018_request_keeps_its_running_term"),
    ]

    operations = []
