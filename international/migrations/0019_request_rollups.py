"""The legal-assistance requests' figures kept month by month (core.rollups): counted once
from the requests already registered; every save keeps them from then on."""

from django.db import migrations


def count_the_registered(apps, schema_editor):
    # The counting rule is the model's own (LegalAssistanceRequest.rollup_cells), over the
    # columns it names alone, so that the counts kept are exactly what verify_rollups recounts.
    from courtadmin.core import rollups
    from international.models import LegalAssistanceRequest

    rollups.rebuild(LegalAssistanceRequest)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_rollups"),
        ("international", "0018_request_keeps_its_running_term"),
    ]

    operations = [migrations.RunPython(count_the_registered, migrations.RunPython.noop)]
