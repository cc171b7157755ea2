from django.core.management.base import BaseCommand

from courtadmin.deadlines import services


class Command(BaseCommand):
    help = "Run one reminder scan and send what is due, by hand (what beat does every few minutes)."

    def add_arguments(self, parser):
        parser.add_argument("--digests", action="store_true", help="also send today's digests")

    def handle(self, *args, digests, **options):
        created = services.reminders_scan()
        sent = services.reminders_send()
        self.stdout.write(f"Reminders created: {created}; sent: {sent}.")
        if digests:
            self.stdout.write(f"Digests sent: {services.digests_send()}.")
