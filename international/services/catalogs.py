"""Writes of the catalogs of international legal assistance (IR 7.22), for IR staff alone,
each audited; the reads are in international/selectors/catalogs.py.

The court import reads a CSV or XLSX file, shows what it would do (`court_import_preview`,
which writes nothing) and applies the accepted rows in one transaction
(`court_import_apply`), checking them again against the catalog as it is at that moment.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields, replace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from courtadmin.audit.services import audit_record
from courtadmin.core import spreadsheets
from courtadmin.org.models import Region

from ..models import KazakhCourt, TreatyBasis
from ..permissions import check_ir_staff

AUDIT_DEPARTMENT = "IR"


# --- Saving one entry ------------------------------------------------------------------------


def _catalog_snapshot(instance) -> dict:
    """The values of an entry for its audit event, related rows by code or id."""
    values = {}
    for model_field in instance._meta.concrete_fields:
        if model_field.primary_key:
            continue
        values[model_field.name] = model_field.value_from_object(instance)
    if isinstance(instance, TreatyBasis) and instance.pk:
        values["parties"] = sorted(instance.parties.values_list("code", flat=True))
    return values


def _court_parent_loops(court_code: str, parent_code: str | None, parents: dict[str, str | None]) -> bool:
    """Would `court_code` under `parent_code` make a court its own higher court, however far up?"""
    seen = {court_code}
    current = parent_code
    while current:
        if current in seen:
            return current == court_code
        seen.add(current)
        current = parents.get(current)
    return False


def _check_court_hierarchy(court: KazakhCourt) -> None:
    """A court is never under itself, however far up its higher courts go."""
    if court.parent_id is None or court.pk is None:
        return  # a court not yet saved has nothing under it
    parents = dict(KazakhCourt.objects.values_list("pk", "parent_id"))
    parents[court.pk] = court.parent_id
    seen = set()
    current = court.parent_id
    while current is not None and current not in seen:
        if current == court.pk:
            raise ValidationError(
                {"parent": gettext("A court cannot be placed under itself or under a court below it.")},
                code="parent_cycle",
            )
        seen.add(current)
        current = parents.get(current)


def catalog_entry_save(*, actor, instance, relations: dict | None = None):
    """Create or change one catalog entry (IR 7.22) and audit it as "ir.catalog.saved".

    `relations` holds the many-to-many values to set after the save, e.g. a treaty's
    {"parties": [countries]}. Only IR staff keep the catalogs.
    """
    check_ir_staff(actor)
    with transaction.atomic():
        model = type(instance)
        before = None
        if instance.pk is not None:
            before = _catalog_snapshot(model.objects.select_for_update().get(pk=instance.pk))
        instance.full_clean()
        if isinstance(instance, KazakhCourt):
            _check_court_hierarchy(instance)
        instance.save()
        for name, values in (relations or {}).items():
            getattr(instance, name).set(values)
        audit_record(
            actor=actor,
            action="ir.catalog.saved",
            obj=instance,
            before=before,
            after=_catalog_snapshot(instance),
            department=AUDIT_DEPARTMENT,
        )
    return instance


# --- The court import ------------------------------------------------------------------------

IMPORT_MAX_BYTES = spreadsheets.MAX_BYTES
IMPORT_MAX_ROWS = spreadsheets.MAX_ROWS
IMPORT_COLUMNS = ("code", "name_kk", "name_ru", "name_en", "level", "region", "parent")
REQUIRED_COLUMNS = ("code", "name_kk", "name_ru", "level", "region")
# Columns that may be left out of a file altogether: then the catalog keeps what it has.
OPTIONAL_COLUMNS = ("name_en", "parent")
CODE_PATTERN = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
CODE_MAX_LENGTH = KazakhCourt._meta.get_field("code").max_length
NAME_MAX_LENGTH = KazakhCourt._meta.get_field("name").max_length


@dataclass(frozen=True)
class CourtRow:
    """One row of an import file, as typed (codes lower-cased). `name_en` and `parent` are
    None when the file has no such column. `changes` is shown in the preview only."""

    row: int
    code: str
    name_kk: str
    name_ru: str
    name_en: str | None
    level: str
    region: str
    parent: str | None
    changes: tuple[str, ...] = field(default=(), compare=False)

    def as_data(self) -> dict:
        """What is kept between the preview and the confirmation (JSON-safe)."""
        data = asdict(self)
        data.pop("changes")
        return data

    @classmethod
    def from_data(cls, data: dict) -> CourtRow:
        """A row back from `as_data`; anything malformed is refused, not repaired."""
        names = [f.name for f in fields(cls) if f.name != "changes"]
        if not isinstance(data, dict) or set(data) != set(names):
            raise ValidationError(gettext("The import data is malformed."), code="import_malformed")
        if not isinstance(data["row"], int) or isinstance(data["row"], bool):
            raise ValidationError(gettext("The import data is malformed."), code="import_malformed")
        for name in names[1:]:
            value = data[name]
            optional = name in OPTIONAL_COLUMNS
            if not (isinstance(value, str) or (optional and value is None)):
                raise ValidationError(gettext("The import data is malformed."), code="import_malformed")
        return cls(**{name: data[name] for name in names})


@dataclass(frozen=True)
class Rejection:
    code: str
    message: str


@dataclass(frozen=True)
class RejectedRow:
    row: int
    code: str
    reasons: tuple[Rejection, ...]


@dataclass
class ImportPreview:
    """What an import would do: nothing has been written when it is shown."""

    created: list[CourtRow]
    updated: list[CourtRow]
    unchanged: list[CourtRow]
    rejected: list[RejectedRow]

    @property
    def to_apply(self) -> list[CourtRow]:
        """The rows a confirmation writes: new courts and changed ones."""
        return sorted(self.created + self.updated, key=lambda row: row.row)

    @property
    def rejection_codes(self) -> dict[int, set[str]]:
        return {rejected.row: {reason.code for reason in rejected.reasons} for rejected in self.rejected}


def court_import_read(upload) -> list[CourtRow]:
    """The rows of an uploaded CSV or XLSX file of courts; a ValidationError for a file that
    cannot be taken at all (type, size, encoding, header, number of rows)."""
    header, rows = spreadsheets.read_table(upload, columns=IMPORT_COLUMNS, required=REQUIRED_COLUMNS)
    return [
        CourtRow(
            row=number,
            code=values["code"].lower(),
            name_kk=values["name_kk"],
            name_ru=values["name_ru"],
            name_en=values["name_en"] if "name_en" in header else None,
            level=values["level"].lower(),
            region=values["region"].lower(),
            parent=values["parent"].lower() if "parent" in header else None,
        )
        for number, values in rows
    ]


def _row_rejections(row: CourtRow, regions: dict) -> list[Rejection]:
    reasons = []
    if not row.code or len(row.code) > CODE_MAX_LENGTH or not CODE_PATTERN.match(row.code):
        reasons.append(
            Rejection(
                "bad_code",
                gettext("The code must be 1 to %(limit)s Latin letters, digits and hyphens, e.g. astana-esil-district.")
                % {"limit": CODE_MAX_LENGTH},
            )
        )
    if not row.name_kk:
        reasons.append(Rejection("missing_name_kk", gettext("The name in Kazakh is missing.")))
    if not row.name_ru:
        reasons.append(Rejection("missing_name_ru", gettext("The name in Russian is missing.")))
    if any(len(name or "") > NAME_MAX_LENGTH for name in (row.name_kk, row.name_ru, row.name_en)):
        reasons.append(
            Rejection(
                "name_too_long",
                gettext("A name is longer than %(limit)s characters.") % {"limit": NAME_MAX_LENGTH},
            )
        )
    if row.level not in KazakhCourt.Level.values:
        reasons.append(
            Rejection(
                "unknown_level",
                gettext("Unknown level “%(level)s”: use one of %(levels)s.")
                % {"level": row.level, "levels": ", ".join(KazakhCourt.Level.values)},
            )
        )
    if row.region not in regions:
        reasons.append(
            Rejection("unknown_region", gettext("Unknown region code “%(region)s”.") % {"region": row.region})
        )
    if row.parent and row.parent == row.code:
        reasons.append(Rejection("own_parent", gettext("A court cannot be its own higher court.")))
    return reasons


def court_import_check(rows: list[CourtRow]) -> ImportPreview:
    """Sort rows into created, updated, unchanged and rejected (with the reasons), against the
    catalog as it is now. Reads only."""
    regions = dict(Region.objects.values_list("code", "pk"))
    existing = {
        court["code"]: court
        for court in KazakhCourt.objects.values(
            "code", "name_kk", "name_ru", "name_en", "level", "region__code", "parent__code"
        )
    }
    reasons: dict[int, list[Rejection]] = {row.row: _row_rejections(row, regions) for row in rows}

    rows_of_code: dict[str, list[int]] = {}
    for row in rows:
        if row.code:
            rows_of_code.setdefault(row.code, []).append(row.row)
    for row in rows:
        numbers = rows_of_code.get(row.code, [])
        if len(numbers) > 1:
            reasons[row.row].append(
                Rejection(
                    "duplicate_code",
                    gettext("The code “%(code)s” is repeated in the file, in rows %(rows)s.")
                    % {"code": row.code, "rows": ", ".join(str(number) for number in numbers)},
                )
            )

    # A parent must exist after the import: in the catalog, or in an accepted row of the
    # file. Rejecting a row can orphan the rows under it, so repeat until nothing changes.
    file_rows = {row.code: row for row in rows}
    while True:
        accepted = {row.code: row for row in rows if not reasons[row.row]}
        parents = {code: court["parent__code"] for code, court in existing.items()}
        parents.update({code: row.parent for code, row in accepted.items() if row.parent is not None})
        changed = False
        for row in accepted.values():
            if not row.parent:
                continue
            if row.parent not in existing and row.parent not in accepted:
                if row.parent in file_rows:
                    message = gettext("The higher court “%(parent)s” is in a rejected row (%(row)s).") % {
                        "parent": row.parent,
                        "row": file_rows[row.parent].row,
                    }
                else:
                    message = gettext("Unknown higher court code “%(parent)s”.") % {"parent": row.parent}
                reasons[row.row].append(Rejection("unknown_parent", message))
                changed = True
            elif _court_parent_loops(row.code, row.parent, parents):
                reasons[row.row].append(
                    Rejection(
                        "parent_cycle",
                        gettext("The higher courts form a loop: a court would be under itself."),
                    )
                )
                changed = True
        if not changed:
            break

    preview = ImportPreview(created=[], updated=[], unchanged=[], rejected=[])
    for row in rows:
        if reasons[row.row]:
            preview.rejected.append(RejectedRow(row.row, row.code, tuple(reasons[row.row])))
            continue
        court = existing.get(row.code)
        if court is None:
            preview.created.append(row)
            continue
        changes = _court_changes(row, court)
        if changes:
            preview.updated.append(replace(row, changes=changes))
        else:
            preview.unchanged.append(row)
    return preview


def _court_changes(row: CourtRow, court: dict) -> tuple[str, ...]:
    """The labels of the fields a row would change on an existing court."""
    wanted = {"name_kk": row.name_kk, "name_ru": row.name_ru, "level": row.level, "region__code": row.region}
    if row.name_en is not None:
        wanted["name_en"] = row.name_en
    if row.parent is not None:
        wanted["parent__code"] = row.parent or None
    labels = {
        "name_kk": KazakhCourt._meta.get_field("name_kk").verbose_name,
        "name_ru": KazakhCourt._meta.get_field("name_ru").verbose_name,
        "name_en": KazakhCourt._meta.get_field("name_en").verbose_name,
        "level": KazakhCourt._meta.get_field("level").verbose_name,
        "region__code": KazakhCourt._meta.get_field("region").verbose_name,
        "parent__code": KazakhCourt._meta.get_field("parent").verbose_name,
    }
    return tuple(str(labels[key]) for key, value in wanted.items() if (court[key] or "") != (value or ""))


def court_import_preview(upload) -> ImportPreview:
    """Read an uploaded file of courts and say what importing it would do (IR 7.22).

    Pure: nothing is written. A file that cannot be taken at all raises ValidationError.
    """
    return court_import_check(court_import_read(upload))


def court_import_apply(*, actor, rows) -> dict[str, int]:
    """Write the accepted rows of a previewed import in one transaction (IR 7.22), audited
    as "ir.catalog.courts_imported".

    The rows are checked again against the catalog as it is now: if any would be rejected
    (a region or a higher court removed meanwhile), nothing is written and a ValidationError
    with code "import_changed" says so.
    """
    check_ir_staff(actor)
    rows = [row if isinstance(row, CourtRow) else CourtRow.from_data(row) for row in rows]
    with transaction.atomic():
        list(KazakhCourt.objects.select_for_update().filter(code__in=[row.code for row in rows]).values("pk"))
        preview = court_import_check(rows)
        if preview.rejected:
            raise ValidationError(
                gettext("The catalog has changed since the preview; check the file again."),
                code="import_changed",
            )
        regions = {region.code: region for region in Region.objects.all()}
        courts = {court.code: court for court in KazakhCourt.objects.filter(code__in=[row.code for row in rows])}
        created, updated = [], []
        for row in preview.to_apply:
            court = courts.get(row.code) or KazakhCourt(code=row.code)
            (updated if court.pk else created).append(row.code)
            court.name_kk = row.name_kk
            court.name_ru = row.name_ru
            if row.name_en is not None:
                court.name_en = row.name_en
            court.level = row.level
            court.region = regions[row.region]
            court.full_clean(exclude=["parent"], validate_unique=False)
            court.save()
            courts[row.code] = court
        # Parents last: a row may name a court that comes later in the same file.
        with_parent = [row for row in preview.to_apply if row.parent is not None]
        needed = {row.parent for row in with_parent if row.parent} - set(courts)
        courts.update({court.code: court for court in KazakhCourt.objects.filter(code__in=needed)})
        for row in with_parent:
            court = courts[row.code]
            parent = courts[row.parent] if row.parent else None
            if court.parent_id != (parent.pk if parent else None):
                court.parent = parent
                court.save(update_fields=["parent"])
        audit_record(
            actor=actor,
            action="ir.catalog.courts_imported",
            object_repr=str(KazakhCourt._meta.verbose_name_plural),
            after={"created": created, "updated": updated, "unchanged": len(preview.unchanged)},
            department=AUDIT_DEPARTMENT,
        )
    return {"created": len(created), "updated": len(updated), "unchanged": len(preview.unchanged)}
