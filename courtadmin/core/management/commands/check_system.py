import shutil

from django.core.management.base import BaseCommand, CommandError

WEASYPRINT_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1"


class Command(BaseCommand):
    help = "Check the system libraries and tools the portal needs, and say what is missing."

    def handle(self, *args, **options):
        problems = []
        try:
            import weasyprint  # noqa: F401 - loading it loads Pango and HarfBuzz
        except OSError as error:
            problems.append(
                "WeasyPrint cannot load its system libraries (Pango, HarfBuzz, fontconfig): "
                f"{error}.\n  On Debian or Ubuntu: sudo apt-get install {WEASYPRINT_PACKAGES}"
            )
        if shutil.which("msgfmt") is None:
            problems.append(
                "msgfmt (GNU gettext) is missing; it compiles the Kazakh and Russian translations.\n"
                "  On Debian or Ubuntu: sudo apt-get install gettext"
            )
        if problems:
            raise CommandError("The system is missing what the portal needs:\n- " + "\n- ".join(problems))
        self.stdout.write("System check: WeasyPrint libraries and gettext are present.")
