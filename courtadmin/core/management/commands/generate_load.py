"""manage.py generate_load --requests 1000000 --complaints 1000000 ...

Realistic synthetic records for benchmarks: each kind is registered by its department
(courtadmin/core/load.py). PostgreSQL only; records are added to what is there.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from courtadmin.core.load import LOAD_KINDS, LoadContext
from courtadmin.org.demo import build_demo_organisation


class Command(BaseCommand):
    help = "Generate synthetic records by the million (PostgreSQL): one option per kind."

    def add_arguments(self, parser):
        for kind in sorted(LOAD_KINDS.values(), key=lambda kind: kind.order):
            parser.add_argument(f"--{kind.option}", type=int, default=0, metavar="N", help=kind.help)

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("generate_load writes with PostgreSQL's generate_series and COPY: set DATABASE_URL.")
        wanted = [(kind, options[kind.option]) for kind in sorted(LOAD_KINDS.values(), key=lambda kind: kind.order)]
        if not any(count for _kind, count in wanted):
            raise CommandError("Say how many of which: " + ", ".join(f"--{kind.option} N" for kind, _ in wanted))
        if any(count < 0 for _kind, count in wanted):
            raise CommandError("A count is zero or more.")
        # The actors of the load: the demo organisation's people (their passwords unusable here).
        context = LoadContext(today=timezone.localdate(), people=build_demo_organisation(password=None))
        for kind, count in wanted:
            if count:
                started = time.perf_counter()
                written = kind.generate(count, context)
                self.stdout.write(f"{kind.option}: {written} in {time.perf_counter() - started:.1f} s")
