"""manage.py verify_rollups [--repair]: recount every rolled-up register from its records and
compare with the counts kept (core.rollups); exits 1 where they differ."""

from django.core.management.base import BaseCommand, CommandError

from courtadmin.core import rollups


class Command(BaseCommand):
    help = "Recount the kept figures (core.rollups) from the records and say where they differ."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Replace the kept counts that differ by the recount.")

    def handle(self, *args, repair=False, **options):
        wrong = 0
        for model in rollups.rolled_up_models():
            differences = rollups.differences(model)
            if not differences:
                self.stdout.write(f"{model.rollup_kind}: the kept counts equal the recount")
                continue
            wrong += 1
            self.stdout.write(f"{model.rollup_kind}: {len(differences)} cells differ (kept, recounted):")
            for (month, part, dimension, key), (stored, counted) in sorted(differences.items())[:20]:
                self.stdout.write(f"  {month:%Y-%m} {part} {dimension}={key}: {stored}, {counted}")
            if repair:
                self.stdout.write(f"{model.rollup_kind}: {rollups.rebuild(model)} cells recounted and kept")
        if wrong and not repair:
            raise CommandError(f"{wrong} kinds differ from their recount (--repair recounts them).")
