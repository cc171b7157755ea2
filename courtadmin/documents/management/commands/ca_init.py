from django.core.management.base import BaseCommand, CommandError

from courtadmin.documents.signing.portal_ca import authority_create, current_authority


class Command(BaseCommand):
    help = "Create the portal's certification authority, which issues the signers' certificates."

    def add_arguments(self, parser):
        parser.add_argument("--name", default="Courtadmin certification authority")
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--replace", action="store_true", help="create a new one even if one exists")

    def handle(self, *args, name, years, replace, **options):
        if current_authority() is not None and not replace:
            raise CommandError("The authority exists already (use --replace to create a new one).")
        authority = authority_create(name=name, years=years)
        self.stdout.write(f"Created: {authority.name}")
