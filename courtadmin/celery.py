"""The Celery application. Worker: `celery -A courtadmin worker`; beat: `celery -A courtadmin beat`."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "courtadmin.settings")

app = Celery("courtadmin")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
