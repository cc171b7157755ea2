"""The dashboards' background work is a job of core.jobs (dashboard.pdf) and a periodic duty
(the Monday report), registered in apps.py."""
