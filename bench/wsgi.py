"""The portal's WSGI application as the throughput benchmark serves it: the portal itself,
with the admin changelist of the requests registered beside it as the baseline."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "courtadmin.settings")

application = get_wsgi_application()

from .la_registry import register_request_admin  # noqa: E402  (needs the apps loaded)

register_request_admin()
