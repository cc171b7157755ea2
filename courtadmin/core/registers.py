"""The numbering of the departments' registers: each register of each department numbers its
entries per year from 1, without a gap and without a number given twice."""

from .models import RegisterCounter


def next_number(register: str, department: str, year: int) -> int:
    """The next number of `register` of `department` for `year`, under its counter's row lock:
    two registrations at once never share a number, and one that fails leaves no gap (its
    transaction rolls the counter back). Call it inside the registration's transaction."""
    RegisterCounter.objects.get_or_create(register=register, department=department, year=year)
    counter = RegisterCounter.objects.select_for_update().get(register=register, department=department, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def peek_number(register: str, department: str, year: int) -> int:
    """The number `next_number` would give now, taking none: what a document prepared for a
    signature made elsewhere prints, kept only if it is still the next when the signature
    comes back (documents.services.document_sign_national)."""
    last = (
        RegisterCounter.objects.filter(register=register, department=department, year=year)
        .values_list("last_number", flat=True)
        .first()
    )
    return (last or 0) + 1


def MoveCounters(app_label: str, model_name: str, register: str):  # noqa: N802 - a migration operation
    """A migration that moves an app's own counters (department, year, last number) into the
    core's, as `register`; back again when unapplied."""
    from django.db import migrations

    def forwards(apps, schema_editor):
        own = apps.get_model(app_label, model_name)
        core = apps.get_model("core", "RegisterCounter")
        core.objects.bulk_create(
            core(register=register, department=row.department, year=row.year, last_number=row.last_number)
            for row in own.objects.all()
        )

    def backwards(apps, schema_editor):
        own = apps.get_model(app_label, model_name)
        core = apps.get_model("core", "RegisterCounter")
        rows = core.objects.filter(register=register)
        own.objects.bulk_create(
            own(department=row.department, year=row.year, last_number=row.last_number) for row in rows
        )
        rows.delete()

    return migrations.RunPython(forwards, backwards)
