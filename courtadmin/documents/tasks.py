"""The documents' background work is a job of core.jobs (documents.pdf, registered in apps.py)."""
