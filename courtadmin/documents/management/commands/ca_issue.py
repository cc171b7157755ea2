from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from courtadmin.documents.signing import SigningUnavailable
from courtadmin.documents.signing.portal_ca import certificate_issue
from courtadmin.org.authority import person_of


class Command(BaseCommand):
    help = "Issue a signing certificate to a user from the portal's certification authority."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--days", type=int, default=730)

    def handle(self, *args, username, days, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {username!r}.")
        person = person_of(user)
        try:
            issued = certificate_issue(user=user, common_name=person.full_name if person else username, days=days)
        except SigningUnavailable as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Issued certificate {issued.serial} to {username}, valid until {issued.not_after:%Y-%m-%d}.")
