from django.core.management.base import BaseCommand, CommandError

from courtadmin.documents.models import SignerCertificate
from courtadmin.documents.signing.portal_ca import certificate_revoke


class Command(BaseCommand):
    help = "Revoke signing certificates: one by its serial, or every valid one of a user."

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--serial")
        target.add_argument("--user")
        parser.add_argument("--reason", required=True)

    def handle(self, *args, serial, user, reason, **options):
        certificates = SignerCertificate.objects.filter(revoked_at__isnull=True)
        certificates = certificates.filter(serial=serial) if serial else certificates.filter(user__username=user)
        if not certificates:
            raise CommandError("No valid certificate matches.")
        for certificate in certificates:
            certificate_revoke(certificate=certificate, reason=reason)
            self.stdout.write(f"Revoked {certificate.serial} ({certificate.user}).")
