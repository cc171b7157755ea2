"""The legal-assistance requests' kept counts, every cell kept again within the request's state
(a state's figures read them): recounted once; every save keeps them from then on."""

from django.db import migrations


def recount(apps, schema_editor):
    # The counting rule is the model's own (LegalAssistanceRequest.rollup_cells), as in 0019.
    from courtadmin.core import rollups
    from international.models import LegalAssistanceRequest

    rollups.rebuild(LegalAssistanceRequest)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_rollup_dimensions_within_a_value"),
        ("international", "0021_status_and_state_index"),
    ]

    operations = [migrations.RunPython(recount, migrations.RunPython.noop)]
