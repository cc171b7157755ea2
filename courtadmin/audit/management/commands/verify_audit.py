from django.core.management.base import BaseCommand, CommandError

from courtadmin.audit.services import audit_verify


class Command(BaseCommand):
    help = "Verify the hash chain of the audit log and report the first broken link, if any."

    def handle(self, *args, **options):
        checked, broken, why = audit_verify()
        if broken is None:
            self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {checked} events verified."))
            return
        what = "does not follow the previous event" if why == "link" else "was altered after it was written"
        raise CommandError(
            f"Audit chain broken at event id={broken.pk} ({broken.at:%Y-%m-%d %H:%M:%S} UTC, "
            f"{broken.action}): it {what}. {checked} events before it are intact."
        )
