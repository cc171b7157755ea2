from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from courtadmin.core.demo import demo_loaders
from courtadmin.org.demo import PEOPLE, build_demo_organisation, load_demo_substitutions

# One password for every demo account, in demo mode only (README.md says so).
DEMO_PASSWORD = "tulpan-demo-2026"  # nosec B105


class Command(BaseCommand):
    help = "Load the demo organisation, accounts and records (demo mode only; idempotent)."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError(
                "load_demo runs only in demo mode (DEMO_MODE=1): it creates accounts with a shared password."
            )
        with transaction.atomic():
            people = build_demo_organisation(password=DEMO_PASSWORD)
            summaries = [load_demo_substitutions(people)] + [loader(people) for loader in demo_loaders()]
        self.stdout.write("")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for username, person in people.items():
            position = person.position
            self.stdout.write(f"  {username:<20} {position.title_en} — {position.unit.name_en}")
        self.stdout.write(f"  {'sysadmin':<20} system administrator (superuser, no position)")
        for summary in summaries:
            self.stdout.write(summary)
        self.stdout.write("")
        self.stdout.write(f"{len(PEOPLE) + 1} demo accounts ready.")
