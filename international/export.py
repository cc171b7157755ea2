"""The registry and its figures as XLSX workbooks (IR 7.27), in the reader's language."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from courtadmin.core.workbooks import append, new_workbook, saved, table

# A workbook is for reading and filtering further, not for moving the whole registry.
EXPORT_LIMIT = 100_000


def register_workbook(title, header, records, row) -> bytes:
    """A register as filtered on its page, one sheet, `row(record)` a line, streamed (at most
    EXPORT_LIMIT lines)."""
    book = new_workbook()
    table(book, title, header, (row(record) for record in records[:EXPORT_LIMIT].iterator(chunk_size=2000)))
    return saved(book)


def registry_workbook(requests) -> bytes:
    """The list as filtered on the page, streamed row by row (write-only workbook)."""
    book = new_workbook()
    header = [
        _("Registration number"),
        _("Date of receipt"),
        _("Direction"),
        _("What is asked"),
        _("Case category"),
        _("Status"),
        _("Foreign state"),
        _("Foreign authority"),
        _("Court of Kazakhstan"),
        _("Case number"),
        _("Treaty basis"),
        _("Executed"),
        _("Officer"),
    ]
    rows = requests.select_related("country", "treaty", "court", "foreign_authority", "officer__person")
    lines = (
        [
            request.registration_number,
            request.received_on,
            request.get_direction_display(),
            request.get_subject_display(),
            request.get_category_display(),
            request.get_status_display(),
            str(request.country),
            str(request.foreign_authority or ""),
            str(request.court or ""),
            request.case_number,
            str(request.treaty),
            request.executed_on,
            str(request.officer),
        ]
        for request in rows[:EXPORT_LIMIT].iterator(chunk_size=2000)
    )
    sheet, written = table(book, _("Requests"), header, lines)
    if written == EXPORT_LIMIT and rows.count() > EXPORT_LIMIT:
        append(sheet, [_("Only the first %(limit)d rows: narrow the filters for the rest.") % {"limit": EXPORT_LIMIT}])
    return saved(book)


def figures_workbook(figures: dict) -> bytes:
    book = new_workbook()
    for title, rows in (
        (_("By status"), figures["by_status"]),
        (_("By country"), figures["by_country"]),
        (_("By treaty"), figures["by_treaty"]),
        (_("By court"), figures["by_court"]),
    ):
        table(book, title, [str(title), _("Requests")], ([str(e if e is not None else "—"), n] for e, n in rows))
    table(
        book,
        _("Execution time"),
        [_("Year"), _("Quarter"), _("Executed"), _("Median, days"), _("90th percentile, days")],
        ([r["year"], r["quarter"], r["count"], r["median"], r["p90"]] for r in figures["execution_times"]),
    )
    table(
        book,
        pgettext("workbook", "Totals"),
        [pgettext("workbook", "Figure"), _("Requests")],
        [[_("Requests"), figures["total"]], [_("Overdue now"), figures["overdue"]]],
    )
    return saved(book)


def events_workbook(events, figures: dict, year: int) -> bytes:
    """The events as filtered on the page, and the year's figures by kind and month (IR 7.6)."""
    book = new_workbook()
    header = [
        _("Starts on"),
        _("Ends on"),
        _("Kind"),
        _("Title"),
        _("Country"),
        _("Place"),
        _("Organiser"),
        _("Status"),
        _("In the plan of the year"),
        _("Responsible officer"),
    ]
    rows = events.select_related("country", "officer__person")
    lines = (
        [
            event.starts_on,
            event.ends_on,
            event.get_kind_display(),
            event.title,
            str(event.country or ""),
            event.place,
            event.organiser,
            event.get_status_display(),
            event.plan_year,
            str(getattr(event.officer, "person", None) or event.officer),
        ]
        for event in rows[:EXPORT_LIMIT].iterator(chunk_size=2000)
    )
    sheet, written = table(book, _("Events"), header, lines)
    if written == EXPORT_LIMIT and rows.count() > EXPORT_LIMIT:
        append(sheet, [_("Only the first %(limit)d rows: narrow the filters for the rest.") % {"limit": EXPORT_LIMIT}])
    table(
        book,
        _("Figures %(year)s") % {"year": year},
        [_("Kind"), _("Events"), pgettext("events", "Held"), pgettext("events", "Cancelled"), _("In the plan")],
        ([row["kind"], row["total"], row["held"], row["cancelled"], row["planned"]] for row in figures["kinds"]),
    )
    table(
        book,
        _("By month %(year)s") % {"year": year},
        [_("Month"), _("Events")],
        ([row["name"], row["n"]] for row in figures["months"]),
    )
    return saved(book)


def budget_workbook(programmes: list[dict], year: int) -> bytes:
    """The year's plan of the budget programmes by item, with what is committed, paid and left
    (IR 7.21)."""
    book = new_workbook()
    header = [
        _("Budget programme"),
        _("Item"),
        _("Planned"),
        pgettext("spending", "Committed"),
        pgettext("spending", "Paid"),
        _("Remaining"),
    ]

    def amounts(figures) -> list[float]:
        return [float(figures.planned), float(figures.committed), float(figures.paid), float(figures.remaining)]

    lines = []
    for programme in programmes:
        for row in programme["rows"]:
            lines.append([programme["label"], row["line"].item, *amounts(row["figures"])])
        lines.append([programme["label"], _("Total"), *amounts(programme["total"])])
    table(book, _("Budget %(year)s") % {"year": year}, header, lines)
    return saved(book)


def gifts_workbook(gifts) -> bytes:
    """The gifts register as filtered on the page."""
    header = [
        _("Date"),
        _("Direction"),
        _("Gift"),
        _("Value, tenge"),
        _("Given by or to"),
        _("On our side"),
        _("What was done with it"),
    ]
    return register_workbook(
        _("Gifts"),
        header,
        gifts,
        lambda gift: [
            gift.on,
            gift.get_direction_display(),
            gift.description,
            float(gift.value),
            gift.counterpart,
            str(getattr(gift.person, "person", None) or gift.person),
            gift.get_disposition_display(),
        ],
    )


def recommendations_workbook(recommendations, language: str) -> bytes:
    """The UN bodies' recommendations as filtered on the page (IR 7.5), each text in the
    reader's language where it has been translated."""
    header = [
        _("UN body"),
        _("Review cycle"),
        _("Paragraph"),
        _("Theme"),
        _("Recommendation"),
        _("Status"),
        _("Assigned subdivision"),
        _("Term"),
    ]
    return register_workbook(
        _("Recommendations"),
        header,
        recommendations,
        lambda recommendation: [
            recommendation.review.get_body_display(),
            recommendation.review.symbol,
            recommendation.paragraph,
            recommendation.theme,
            recommendation.text_in(language),
            recommendation.get_status_display(),
            str(recommendation.unit or ""),
            recommendation.due_on,
        ],
    )


def progress_workbook(progress, statuses) -> bytes:
    """The progress report by UN body (IR 7.5): recommendations by status, and those overdue."""
    book = new_workbook()
    header = [
        _("UN body"),
        _("Review cycles"),
        _("Recommendations"),
        *[label for _value, label in statuses],
        _("Overdue"),
    ]
    lines = (
        [row.label, row.reviews, row.total, *[row.counts[value] for value, _label in statuses], row.overdue]
        for row in progress
    )
    table(book, _("Progress by UN body"), header, lines)
    return saved(book)


def questionnaire_workbook(questionnaire, questions) -> bytes:
    """The answers of a CEPEJ questionnaire in its order (IR 7.28): what goes to the CEPEJ
    Secretariat, with the previous cycle's figure and the quality check beside each."""
    book = new_workbook()
    header = [
        _("No."),
        _("Code"),
        _("Question"),
        _("Figure"),
        _("Answer"),
        _("Comment"),
        _("Previous cycle"),
        _("Change, %"),
        _("Flagged by the quality check"),
        _("Status"),
    ]
    lines = (
        [
            question.order,
            question.code,
            question.text,
            float(question.value) if question.value is not None else None,
            question.answer,
            question.comment,
            float(question.previous_value) if question.previous_value is not None else None,
            float(question.change_percent) if question.change_percent is not None else None,
            _("yes") if question.flagged else "",
            question.get_status_display(),
        ]
        for question in questions.iterator(chunk_size=2000)
    )
    table(book, f"CEPEJ {questionnaire.data_year}", header, lines)
    return saved(book)


def partners_workbook(partners) -> bytes:
    """The partners as filtered on the page (IR 7.1)."""
    header = [_("Title"), _("Kind"), _("Country"), _("Areas of cooperation"), _("Cooperating since"), _("Website")]
    return register_workbook(
        _("Partners"),
        header,
        partners,
        lambda partner: [
            partner.name,
            partner.get_kind_display(),
            str(partner.country or ""),
            "; ".join(str(name) for name in partner.area_names),
            partner.since,
            partner.website,
        ],
    )


def agreements_workbook(agreements) -> bytes:
    """The international documents as filtered on the page (IR 7.2, 7.10)."""
    header = [_("Title"), _("Kind"), _("Partner"), _("On our side"), _("Status"), _("Signed on"), _("Valid until")]
    return register_workbook(
        _("International documents"),
        header,
        agreements,
        lambda agreement: [
            agreement.title,
            agreement.get_kind_display(),
            str(agreement.partner or ""),
            agreement.get_party_display(),
            agreement.get_status_display(),
            agreement.signed_on,
            agreement.valid_until,
        ],
    )


def projects_workbook(projects) -> bytes:
    """The projects as filtered on the page (IR 7.9)."""
    header = [_("Title"), _("Partner"), _("Status"), _("Starts on"), _("Ends on"), _("Activities"), _("Done")]
    return register_workbook(
        _("Projects"),
        header,
        projects,
        lambda project: [
            project.title,
            str(project.partner or ""),
            project.get_status_display(),
            project.starts_on,
            project.ends_on,
            project.activities_total,
            project.activities_done,
        ],
    )


def questions_workbook(questions) -> bytes:
    """The CEPEJ questions as filtered on the page (IR 7.28)."""
    header = [_("Year of the data"), _("Code"), _("Question"), _("Assigned subdivision"), _("Term"), _("Status")]
    return register_workbook(
        _("CEPEJ questions"),
        header,
        questions,
        lambda question: [
            question.questionnaire.data_year,
            question.code,
            question.text,
            str(question.unit or ""),
            question.due_on,
            question.get_status_display(),
        ],
    )


def activities_workbook(activities) -> bytes:
    """The projects' activities as filtered on the page (IR 7.9)."""
    header = [_("Activity"), _("Project"), _("Subdivision"), _("Term"), _("Status"), _("Done on")]
    return register_workbook(
        _("Project activities"),
        header,
        activities,
        lambda activity: [
            activity.title,
            activity.project.title,
            str(activity.unit or ""),
            activity.due_on,
            activity.get_status_display(),
            activity.done_on,
        ],
    )


def secondments_workbook(secondments) -> bytes:
    """The judges in international bodies as filtered on the page (IR 7.3)."""
    header = [
        _("Judge"),
        _("International body"),
        pgettext("international body", "Capacity"),
        _("From"),
        _("To"),
        _("Judge's next report due"),
    ]
    return register_workbook(
        _("Judges in international bodies"),
        header,
        secondments,
        lambda item: [item.judge, item.body, item.role, item.starts_on, item.ends_on, item.report_due_on],
    )
