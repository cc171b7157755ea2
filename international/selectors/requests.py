"""Reads of legal-assistance requests (IR 7.22, IR 7.27): IR staff and the Court Administration
leadership (IR 1-3, ISD 7); anyone else gets 404. The registry's lists and figures serve IR 7.27
(monitoring); the checklist is the check of a request against its treaty basis, built from the
catalog's data.
"""

import re
from dataclasses import dataclass, replace
from datetime import date

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum, prefetch_related_objects
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.core import rollups
from courtadmin.core.history import record_history
from courtadmin.deadlines.models import Deadline
from courtadmin.org.authority import department_access, signers
from courtadmin.org.models import Department, LineOfWork

from ..models import (
    LANGUAGES,
    STATE_LANGUAGES,
    Country,
    KazakhCourt,
    LegalAssistanceRequest,
    RequestFile,
    RequestLetter,
    RequestParty,
    Subject,
    TreatyBasis,
)
from ..permissions import require_ir_access

R = LegalAssistanceRequest


def department_overview(user) -> dict:
    """Who signs IR documents today (IR 13): ordinary ones and legal-assistance ones."""
    require_ir_access(user)
    return {
        "signers": signers(Department.IR),
        "legal_assistance_signers": signers(Department.IR, LineOfWork.LEGAL_ASSISTANCE),
    }


# --- The registry ----------------------------------------------------------------------------


def ir_staff_accounts():
    """The accounts of IR staff: who may be responsible for a request or an application."""
    return (
        get_user_model()
        .objects.filter(is_active=True, person__position__unit__department=Department.IR)
        .select_related("person")
        .order_by("person__full_name")
    )


def requests_visible_to(user):
    if not department_access(user, Department.IR):
        return R.objects.none()
    return R.objects.all()


def get_request_for_user(user, pk) -> LegalAssistanceRequest:
    return get_object_or_404(
        requests_visible_to(user).select_related(
            "country", "treaty", "court__region", "foreign_authority__country", "officer__person"
        ),
        pk=pk,
    )


def get_request_file_for_user(user, request_pk, pk) -> RequestFile:
    return get_object_or_404(
        RequestFile.objects.filter(request__in=requests_visible_to(user)), request_id=request_pk, pk=pk
    )


def _overdue(today) -> Q:
    """Requests whose running execution term has passed: the due date the request keeps
    (DeadlineKind.kept_on), read from its own partial index whatever the registry's size."""
    return Q(execution_due_on__lt=today)


# A request in one of these states needs nothing more from the IR.
ENDED = (R.Status.CLOSED, R.Status.REFUSED, R.Status.DEFECTS_RETURNED)


@dataclass(frozen=True)
class RegistryFilter:
    """The list's filters (IR 7.27); empty values filter nothing."""

    direction: str = ""
    subject: str = ""
    status: str = ""
    country: Country | None = None
    treaty: TreatyBasis | None = None
    court: KazakhCourt | None = None
    officer: object = None
    overdue: bool = False
    received_from: date | None = None
    received_to: date | None = None
    executed_from: date | None = None
    executed_to: date | None = None
    in_progress: bool = False
    text: str = ""


def registry(user, filters: RegistryFilter = RegistryFilter()):
    """The requests the user may read, filtered, newest first."""
    requests = requests_visible_to(user)
    for field in ("direction", "subject", "status", "country", "treaty", "court", "officer"):
        value = getattr(filters, field)
        if value:
            requests = requests.filter(**{field: value})
    for field, lookup in (("received", "received_on"), ("executed", "executed_on")):
        if start := getattr(filters, f"{field}_from"):
            requests = requests.filter(**{f"{lookup}__gte": start})
        if end := getattr(filters, f"{field}_to"):
            requests = requests.filter(**{f"{lookup}__lte": end})
    if filters.in_progress:
        requests = requests.exclude(status__in=ENDED)
    if filters.overdue:
        requests = requests.filter(_overdue(timezone.localdate()))
    if text := filters.text.strip():
        requests = requests.filter(_text_search(requests, text))
    return requests.select_related("country", "court").order_by("-received_on", "-pk")


# A whole case or registration number, as typed from the letter: one word with a digit.
NUMBER_SHAPED = re.compile(r"^(?=.*\d)[\w./-]+$")


def _text_search(requests, text: str) -> Q:
    """A whole case or registration number is looked up in its own index; anything else, or a
    number found whole nowhere, is searched for within the case number, the persons' and the
    authorities' names (a trigram index)."""
    if NUMBER_SHAPED.match(text):
        whole = Q(case_number=text) | Q(registration_number=text)
        if requests.filter(whole).exists():
            return whole
    return Q(search_text__contains=text.lower())


def registry_page(requests):
    """The rows of one page with what the list shows, in a fixed number of queries. The officers'
    names are read apart: with them joined into the page's query, PostgreSQL took longer to plan
    it than to run it (six tables: 10 ms against 1 ms, on a million requests)."""
    rows = list(requests)
    prefetch_related_objects(rows, "officer__person")
    today = timezone.localdate()
    for row in rows:
        row.is_overdue = row.execution_due_on is not None and row.execution_due_on < today
    return rows


def request_page(user, pk) -> dict:
    """A request with its persons, files, letters, related requests and terms."""
    request = get_request_for_user(user, pk)
    parties = list(request.parties.select_related("citizenship", "region"))
    files = list(request.files.select_related("uploaded_by__person"))
    # The checklist reads these through the relations: hand it what we have.
    request._prefetched_objects_cache = {"parties": parties, "files": files}
    letters = list(RequestLetter.objects.filter(request=request).select_related("document"))
    terms = list(
        Deadline.objects.filter(record_type=ContentType.objects.get_for_model(R), record_id=str(request.pk)).order_by(
            "started_on"
        )
    )
    return {
        "la_request": request,
        "parties": parties,
        "files": files,
        "letters": letters,
        "terms": terms,
        "related": list(request.related.all()),
        "history": record_history(request),
    }


def treaty_suggested(country, subject: str) -> TreatyBasis | None:
    """The basis that binds Kazakhstan and `country` for `subject` with the lowest precedence;
    reciprocity where no treaty does."""
    candidates = (
        TreatyBasis.objects.filter(is_active=True)
        .filter(Q(parties=country) | Q(kind=TreatyBasis.Kind.RECIPROCITY))
        .distinct()
        .order_by("precedence", "pk")
    )
    covering = [treaty for treaty in candidates if treaty.covers(subject)]
    treaties = [t for t in covering if t.kind != TreatyBasis.Kind.RECIPROCITY]
    return (treaties or covering or [None])[0]


# The person whose address decides the competent court, in this order.
ROLE_ORDER = [
    RequestParty.Role.ADDRESSEE,
    RequestParty.Role.DEFENDANT,
    RequestParty.Role.DEBTOR,
    RequestParty.Role.WITNESS,
    RequestParty.Role.OTHER,
    RequestParty.Role.CLAIMANT,
    RequestParty.Role.PETITIONER,
]


@dataclass(frozen=True)
class CourtSuggestion:
    court: KazakhCourt
    party: RequestParty


def court_suggested(request) -> CourtSuggestion | None:
    """The regional-level court of the region where the person concerned lives (IR 7.22:
    requests go to the courts by jurisdiction); the officer confirms or chooses another."""
    parties = [party for party in request.parties.all() if party.region_id]
    if not parties:
        return None
    party = min(parties, key=lambda p: ROLE_ORDER.index(p.role))
    court = KazakhCourt.objects.filter(region_id=party.region_id, level=KazakhCourt.Level.REGIONAL).first()
    return CourtSuggestion(court, party) if court is not None else None


def next_registration_number(today: date | None = None) -> str:
    """A suggestion for the next number of the year's registry: "<n>/<year>"."""
    year = (today or timezone.localdate()).year
    count = R.objects.filter(received_on__year=year).count()
    number = count + 1
    while R.objects.filter(registration_number=f"{number}/{year}").exists():
        number += 1
    return f"{number}/{year}"


# --- Figures (IR 7.27) -------------------------------------------------------------------------
# Counted from the kept counts (`core.rollups`, kept by each request's save) when the filters
# are at most a direction, a state and whole months of receipt or of execution, which is what
# the figures page and the dashboards ask by default; from the records otherwise.

KIND = R.rollup_kind


def _kept_answers(filters: RegistryFilter, by: str) -> bool:
    """Whether the kept counts answer `filters`: nothing but a direction, a state and whole
    months of receipt (`by` "received") or of execution ("executed")."""
    start, end = getattr(filters, f"{by}_from"), getattr(filters, f"{by}_to")
    others = replace(filters, direction="", country=None, **{f"{by}_from": None, f"{by}_to": None})
    return others == RegistryFilter() and rollups.whole_months(start, end)


def _dimension(dimension: str, filters: RegistryFilter) -> str:
    """The kept dimension that counts `dimension` within the filters' state, if one is asked."""
    return rollups.slice_of(dimension, "country", filters.country.pk) if filters.country else dimension


def _kept(dimension: str, filters: RegistryFilter, by: str = "received") -> dict[str, int]:
    start, end = getattr(filters, f"{by}_from"), getattr(filters, f"{by}_to")
    return rollups.totals(KIND, _dimension(dimension, filters), start=start, end=end, part=filters.direction)


def count(user, filters: RegistryFilter) -> int:
    """How many requests `registry(user, filters)` lists."""
    if not department_access(user, Department.IR):
        return 0
    if _kept_answers(filters, "received"):
        return sum(_kept("status", filters).values())
    if _kept_answers(filters, "executed"):
        return sum(_kept("executed", filters, "executed").values())
    return registry(user, filters).order_by().count()


def _days_to_execution():
    """The time from receipt to execution, which the database computes (a timedelta here)."""
    return ExpressionWrapper(F("executed_on") - F("received_on"), output_field=DurationField())


def _execution_histograms(requests) -> dict[tuple[int, int], dict[int, int]]:
    """{(year, quarter of execution): {days from receipt to execution: requests}}."""
    rows = (
        requests.filter(executed_on__isnull=False)
        .values_list(ExtractYear("executed_on"), ExtractQuarter("executed_on"), _days_to_execution())
        .annotate(count=Count("*"))
        .order_by()
    )
    histograms: dict[tuple[int, int], dict[int, int]] = {}
    for year, quarter, days, number in rows:
        histograms.setdefault((year, quarter), {})[days.days] = number
    return histograms


def _kept_execution_histograms(filters: RegistryFilter) -> dict[tuple[int, int], dict[int, int]]:
    histograms: dict[tuple[int, int], dict[int, int]] = {}
    if filters.received_from is None and filters.received_to is None:  # every quarter, whatever the receipt
        cells = rollups.cells(KIND, _dimension("quarter", filters), part=filters.direction)
        for month, key, number in cells.values_list("month", "key").annotate(total=Sum("count")):
            if number:
                histograms.setdefault((month.year, (month.month - 1) // 3 + 1), {})[int(key)] = number
        return histograms
    by_year = rollups.whole_years(filters.received_from, filters.received_to)
    for key, number in _kept("execution_year" if by_year else "execution", filters).items():
        quarter, days = key.split(":")
        year, quarter = quarter.split("-")
        histograms.setdefault((int(year), int(quarter)), {})[int(days)] = number
    return histograms


def _execution_times(histograms: dict[tuple[int, int], dict[int, int]]) -> list[dict]:
    """Median and 90th percentile of days from receipt to execution by year and quarter of
    execution, newest first, as PostgreSQL's PERCENTILE_CONT computes them."""
    return [
        {
            "year": year,
            "quarter": quarter,
            "count": sum(days.values()),
            "median": rollups.percentile(days, 0.5),
            "p90": rollups.percentile(days, 0.9),
        }
        for (year, quarter), days in sorted(histograms.items(), reverse=True)
    ]


def median_days_to_execution(user, start: date, end: date) -> float | None:
    """The median of days from receipt to execution of the requests executed from `start` to `end`."""
    filters = RegistryFilter(executed_from=start, executed_to=end)
    if not department_access(user, Department.IR):
        return None
    if _kept_answers(filters, "executed"):
        days = {int(key): number for key, number in _kept("executed", filters, "executed").items()}
    else:
        rows = registry(user, filters).values_list(_days_to_execution()).annotate(count=Count("*")).order_by()
        days = {duration.days: number for duration, number in rows}
    return rollups.percentile(days, 0.5)


def _counted(requests, field: str, model, limit: int = 25) -> list[tuple]:
    """(entry, count) for the most frequent values of a foreign key, the rest left out."""
    rows = list(requests.values_list(field).annotate(count=Count("*")).order_by("-count", field)[:limit])
    return _named(rows, model)


def _kept_counted(filters: RegistryFilter, field: str, model, limit: int = 25) -> list[tuple]:
    counts = _kept(field, filters)
    keys = sorted(counts, key=lambda key: (-counts[key], int(key) if key else 0))[:limit]
    return _named([(int(key) if key else None, counts[key]) for key in keys], model)


def _named(rows, model) -> list[tuple]:
    names = model.objects.in_bulk([pk for pk, _count in rows if pk is not None])
    return [(names.get(pk), number) for pk, number in rows]


def top(user, field: str, model, start: date, end: date, limit: int) -> list[tuple]:
    """(entry, count) of the most frequent states or courts of the requests received from
    `start` to `end`, the requests that name none left out."""
    if not department_access(user, Department.IR):
        return []
    filters = RegistryFilter(received_from=start, received_to=end)
    if _kept_answers(filters, "received"):
        rows = _kept_counted(filters, field, model, limit + 1)
    else:
        rows = _counted(registry(user, filters).order_by(), field, model, limit + 1)
    return [(entry, number) for entry, number in rows if entry is not None][:limit]


def received_by_month(user, start: date, end: date) -> dict[date, int]:
    """{first day of a month: requests received in it}, for the whole months from `start` to `end`."""
    if not department_access(user, Department.IR):
        return {}
    return rollups.monthly(KIND, "status", start=start, end=end)


def figures(user, filters: RegistryFilter = RegistryFilter()) -> dict:
    """The registry's figures for IR 7.27: counts by status, country, treaty and court,
    overdue now, and the time from receipt to execution by year and quarter."""
    require_ir_access(user)
    requests = registry(user, filters).order_by()
    status_labels = dict(R.Status.choices)
    if _kept_answers(filters, "received"):
        statuses = sorted(_kept("status", filters).items())
        by = {field: _kept_counted(filters, field, model) for field, model in BREAKDOWNS}
        histograms = _kept_execution_histograms(filters)
    else:
        statuses = requests.values_list("status").annotate(count=Count("*")).order_by("status")
        by = {field: _counted(requests, field, model) for field, model in BREAKDOWNS}
        histograms = _execution_histograms(requests)
    by_status = [(status_labels[status], number) for status, number in statuses]
    return {
        "total": sum(number for _label, number in by_status),
        "by_status": by_status,
        "by_country": by["country"],
        "by_treaty": by["treaty"],
        "by_court": by["court"],
        "overdue": requests.filter(_overdue(timezone.localdate())).count(),
        "execution_times": _execution_times(histograms),
    }


BREAKDOWNS = (("country", Country), ("treaty", TreatyBasis), ("court", KazakhCourt))


# --- The checklist (IR 7.22) -------------------------------------------------------------------
# The check of a request against its treaty basis: contents, language, translation,
# legalisation, and for recognition the conditions of the Civil Procedure Code, art. 501
# (DOMAIN.md "International legal assistance").
#
# Each item says what the treaty demands and what the record shows: met (True), a defect
# (False), or a matter for the officer's eye (None), which he confirms when he checks.

# CPC art. 501: a foreign court act can be enforced for three years from when it took effect.
RECOGNITION_YEARS = 3


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    label: str
    rule: str
    state: bool | None
    detail: str = ""

    @property
    def needs_confirmation(self) -> bool:
        return self.state is None


def _language_names(codes) -> str:
    names = dict(LANGUAGES)
    return ", ".join(str(names.get(code, code)) for code in codes)


def request_checklist(request) -> list[ChecklistItem]:
    """The items for `request` under its treaty basis (parties and files prefetched or not)."""
    treaty = request.treaty
    items = [_basis(request, treaty), _contents(request, treaty), _language(request, treaty)]
    if request.original_language not in STATE_LANGUAGES:
        items.append(_translation(request, treaty))
    items.append(_legalisation(treaty))
    if request.subject == Subject.RECOGNITION:
        items.extend(_recognition(request))
    return items


def _basis(request, treaty) -> ChecklistItem:
    label = _("Treaty basis")
    rule = _("%(treaty)s must bind Kazakhstan and %(country)s and cover %(subject)s.") % {
        "treaty": treaty,
        "country": request.country,
        "subject": request.get_subject_display(),
    }
    if treaty.binds(request.country) and treaty.covers(request.subject):
        return ChecklistItem("basis", label, rule, True)
    if request.treaty_mismatch_confirmed:
        detail = _("It does not, as the catalog stands; the officer confirmed this basis at registration.")
        return ChecklistItem("basis", label, rule, None, detail)
    return ChecklistItem("basis", label, rule, False, _("It does not, as the catalog stands."))


def _contents(request, treaty) -> ChecklistItem:
    clause = treaty.contents_clause or _("the treaty")
    rule = _(
        "Contents required by %(clause)s: the requesting and requested authorities, the case and its number, "
        "each person concerned with his details, what is asked."
    ) % {"clause": clause}
    missing, not_given = [], []
    if request.requesting_authority is None:
        missing.append(_("the requesting authority"))
    if not request.case_number.strip():
        missing.append(_("the case number"))
    parties = list(request.parties.all())
    if not parties:
        missing.append(_("the persons concerned"))
    for party in parties:
        if not party.address.strip():
            missing.append(_("the address of %(name)s") % {"name": party.name})
        if party.kind == RequestParty.Kind.INDIVIDUAL and not (party.birth_date and party.citizenship_id):
            not_given.append(_("date of birth or citizenship of %(name)s") % {"name": party.name})
        if party.kind == RequestParty.Kind.LEGAL_ENTITY and not party.identifier:
            not_given.append(_("tax code of %(name)s") % {"name": party.name})
    label = _("Contents of the request")
    if missing:
        return ChecklistItem("contents", label, rule, False, _("Missing: %s.") % "; ".join(map(str, missing)))
    if not_given:
        detail = _("Not given: %s. Check that the request says why.") % "; ".join(map(str, not_given))
        return ChecklistItem("contents", label, rule, None, detail)
    return ChecklistItem("contents", label, rule, True)


def _language(request, treaty) -> ChecklistItem:
    rule = _("Languages accepted: %(languages)s.") % {"languages": _language_names(treaty.languages)}
    if treaty.translation_required and set(treaty.languages) - set(STATE_LANGUAGES):
        rule = _("%(rule)s Other than in Kazakh or Russian, with a certified translation into one of them.") % {
            "rule": rule
        }
    accepted = request.original_language in treaty.languages
    detail = "" if accepted else _("The original is in a language the treaty does not accept.")
    return ChecklistItem("language", _("Language"), rule, accepted, detail)


def _translation(request, treaty) -> ChecklistItem:
    rule = _("A certified translation into Kazakh or Russian is on file.")
    on_file = any(
        file.kind == RequestFile.Kind.TRANSLATION and file.certified and file.language in STATE_LANGUAGES
        for file in request.files.all()
    )
    detail = "" if on_file else _("Attach the certified translation, or return the request for defects.")
    return ChecklistItem("translation", _("Translation"), rule, on_file, detail)


def _legalisation(treaty) -> ChecklistItem:
    label = _("Legalisation")
    if treaty.legalisation == TreatyBasis.Legalisation.NONE:
        rule = _("No legalisation or apostille is required under %(treaty)s.") % {"treaty": treaty}
        return ChecklistItem("legalisation", label, rule, True)
    rule = _("Required under %(treaty)s: %(form)s.") % {"treaty": treaty, "form": treaty.get_legalisation_display()}
    return ChecklistItem("legalisation", label, rule, None)


def _recognition(request) -> list[ChecklistItem]:
    copies = ChecklistItem(
        "certified_copies",
        _("Court act"),
        _("A certified copy of the court act with a note that it took effect (CPC art. 501)."),
        None,
    )
    rule = _("Enforceable for %(years)d years from when the act took effect (CPC art. 501).") % {
        "years": RECOGNITION_YEARS
    }
    effective = request.act_effective_on
    if effective is None:
        term = ChecklistItem("enforcement_term", _("Term"), rule, False, _("Give the date the act took effect."))
    else:
        within = request.received_on <= effective + relativedelta(years=RECOGNITION_YEARS)
        detail = "" if within else _("The term had passed when the petition was received.")
        term = ChecklistItem("enforcement_term", _("Term"), rule, within, detail)
    return [copies, term]
