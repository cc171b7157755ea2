"""The check of a request against its treaty basis (IR 7.22): contents, language,
translation, legalisation, and for recognition the conditions of the Civil Procedure Code,
art. 501 (DOMAIN.md "International legal assistance").

Each item says what the treaty demands and what the record shows: met (True), a defect
(False), or a matter for the officer's eye (None), which he confirms when he checks.
"""

from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext as _

from .models import LANGUAGES, STATE_LANGUAGES, RequestFile, RequestParty, Subject, TreatyBasis

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
