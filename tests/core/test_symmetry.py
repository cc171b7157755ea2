"""The two departments have one shape (house style: "The two department apps look alike: the
same module names, the same URL-name patterns, the same test file names. A reader who knows
one knows the other"):

1. the same top-level modules and packages, but for those listed below with their reason;
2. services/, selectors/, forms/ and views/ hold one module per feature, the same features in
   all four (views/ adds home.py), with __init__.py files that re-export nothing;
3. every URL name is <kind>-<what is done>, in one vocabulary shared by both departments: one
   word for one idea, and a path of the same shape has a name of the same shape;
4. the test folders hold test_<feature>.py for each feature and the same other files.

Each check is a function of plain data that returns what is wrong; the tests at the end feed
each one a crafted input to show that it fails when the shape breaks.
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

DEPARTMENTS = ("international", "internal_security")

FEATURES = {
    "international": {
        "requests",
        "applications",
        "catalogs",
        "trips",
        "events",
        "budget",
        "gifts",
        "obligations",
        "cepej",
        "partners",
        "agreements",
        "projects",
        "secondments",
        "council",
    },
    "internal_security": {
        "complaints",
        "investigations",
        "cases",
        "signals",
        "notices",
        "plans",
        "inspections",
        "reports",
        "evaluations",
        "meetings",
        "regulations",
        "vetting",
        "risks",
        "programmes",
        "controls",
        "practices",
        "incidents",
        "hearings",
        "bailiffs",
        "buildings",
        "contracts",
        "passes",
        "expenses",
    },
}

# --- 1. Top-level modules -----------------------------------------------------------------------

# What one department has and the other need not, each with its reason.
DEPARTMENT_ONLY = {
    "international": {
        "translation.py": "django-modeltranslation's registry of the catalogs' names in three languages; "
        "no ISD model has translated fields",
    },
    "internal_security": {},
}


def top_level_names(app: str) -> set[str]:
    return {
        path.name
        for path in (Path(settings.BASE_DIR) / app).iterdir()
        if path.name != "__pycache__" and not path.name.startswith(".")
    }


def module_problems(names: dict[str, set[str]], department_only: dict[str, dict]) -> list[str]:
    """The top-level modules one department has and the other lacks, unless listed with a reason."""
    problems = []
    first, second = DEPARTMENTS
    for app, other in ((first, second), (second, first)):
        for name in sorted(names[app] - names[other] - set(department_only[app])):
            problems.append(f"{app}/{name} has no counterpart in {other}/")
        for name in sorted(set(department_only[app]) - names[app]):
            problems.append(f"{app}/{name} is listed as the department's own but does not exist")
    return problems


# --- 2. Feature packages ------------------------------------------------------------------------

PACKAGES = ("services", "selectors", "forms", "views")
# The department's home page is no feature: its view only.
EXTRA = {"views": {"home"}}


def package_modules(app: str, package: str) -> set[str]:
    folder = Path(settings.BASE_DIR) / app / package
    return {path.stem for path in folder.glob("*.py") if path.name != "__init__.py"} if folder.is_dir() else set()


def feature_problems(app: str, modules: dict[str, set[str]], features: set[str]) -> list[str]:
    """Each package holds one module per feature, no more, no fewer."""
    problems = []
    for package in PACKAGES:
        expected = features | EXTRA.get(package, set())
        for name in sorted(expected - modules.get(package, set())):
            problems.append(f"{app}/{package}/ has no {name}.py")
        for name in sorted(modules.get(package, set()) - expected):
            problems.append(f"{app}/{package}/{name}.py is not one of the features {sorted(features)}")
    return problems


def reexport_problems(sources: dict[str, str]) -> list[str]:
    """Modules are imported by their full path: no package __init__ imports anything (and so
    re-exports nothing), no module imports *."""
    problems = []
    for path, source in sorted(sources.items()):
        for node in ast.walk(ast.parse(source)):
            if path.endswith("__init__.py") and isinstance(node, ast.Import | ast.ImportFrom):
                problems.append(f"{path} imports (re-exports) {', '.join(alias.name for alias in node.names)}")
            elif isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
                problems.append(f"{path} imports * from {node.module}")
    return problems


def department_sources(app: str) -> dict[str, str]:
    root = Path(settings.BASE_DIR)
    return {
        str(path.relative_to(root)): path.read_text()
        for path in (root / app).rglob("*.py")
        if "migrations" not in path.parts
    }


# --- 3. URL names -------------------------------------------------------------------------------

# What is done to a record of a kind: one word for one idea, in both departments.
ACTIONS = {
    "list",
    "detail",
    "create",
    "update",
    "export",
    "move",  # a move of the kind's table of moves, named in the path (workflow.MOVES)
    "close",  # the record's last move, once its signed document exists
    "receipt",  # the applicant's receipt of a registered appeal (core.receipts)
    "figures",
    "figures-export",
    "file-add",  # the record's stored files
    "file-download",
}
# The step that prepares a document is named after the document.
DOCUMENTS = {"letter", "answer", "conclusion"}
# What is done to a record's sub-records: <kind>-<sub>-add, <kind>-<sub>-download.
SUB_ACTIONS = {"add", "download"}
# Words that say, under another name, what the vocabulary already says.
SYNONYMS = {
    "act": "move",
    "attachment": "file",
    "attachments": "file",
    "upload": "file-add",
    "edit": "update",
    "change": "update",
    "new": "create",
    "view": "detail",
    "show": "detail",
    "prepare": "the document's name",
    "conclude": "close",
}

# Each department's kinds, sub-records, the steps of its own (each a page or a form of its
# own, with its reason) and its pages of no kind.
VOCABULARY = {
    "international": {
        "kinds": {
            "request",
            "application",
            "trip",
            "delegation",
            "catalog",
            "event",
            "budget",
            "souvenir",
            "gift",
            "review",
            "recommendation",
            "questionnaire",
            "question",
            "partner",
            "agreement",
            "comment",  # a subdivision's comments on a draft international document (IR 7.2, 7.10)
            "project",
            "activity",
            "proposal",
            "secondment",  # a judge sent to an international body (IR 7.3)
            "meeting",  # a meeting of the International Council (IR 7.29)
            "councillor",  # a member of the International Council (IR 7.29)
        },
        # a trip's final report (IR 7.11); an event's material (IR 7.15); a sum posted against a
        # budget item, a souvenirs' movement (IR 7.21); a project's activity in its plan (IR 7.9); the
        # support given to a judge in an international body (IR 7.3)
        "subs": {"report", "material", "spending", "movement", "activity", "support"},
        "steps": {
            "check": "the check against the treaty basis, item by item: a move with a page of its own (IR 7.22)",
            "index": "the four catalogs with their sizes, above each catalog's list of entries",
            "import": "records read from a CSV or XLSX file: the courts (IR 7.22), a review's recommendations "
            "(IR 7.5), a CEPEJ questionnaire's questions (IR 7.28)",
            "report-published": "the day a trip's final report was published on the Supreme Court's portal (IR 7.11)",
            "calendar": "the month's events within reach, day by day (IR 7.6)",
            "feed": "the reader's own events as an iCalendar file for his calendar program (IR 7.6)",
            "material-prepared": "an event's material prepared: its document linked, its term closed (IR 7.15)",
            "follow-up": "an instruction on a held event's outcomes, through the instructions register (IR 11)",
            "decision": "a decision of a held Council meeting, assigned through the instructions register (IR 7.29)",
            "spending-paid": "a committed sum paid: its actual amount replaces it (IR 7.21)",
            "card": "the protocol card of an event the leadership attends, on one printable page (IR 7.30)",
            "access": "the visiting delegations' members the court buildings let in, read by the security of courts",
        },
        "pages": {"home"},
    },
    "internal_security": {
        # a notice to the ISD head of a decision on territorial ISD staff (ISD 13); a work plan
        # of the ISD or a territorial unit (ISD 9); an inspection of a territorial subdivision (ISD 5.10)
        # a territorial unit's periodic report (ISD 5.12); the ISD head's evaluation of a unit's head (ISD 9)
        "kinds": {
            "complaint",
            "investigation",
            "case",
            "signal",
            "notice",
            "plan",
            "inspection",
            "report",
            "evaluation",
            "meeting",  # a meeting, seminar or methodological help for the units (ISD 5.11, 5.13)
            "regulation",  # a unit's regulations, agreed by the ISD head (ISD 9)
            "vetting",  # the vetting of a candidate (ISD 5.4)
            "risk",  # a corruption risk with its measures (ISD 6.13, 6.14)
            "programme",  # an anti-corruption programme with its items (ISD 6.12)
            "control",  # a procurement procedure or personnel matter under control (ISD 6.19, 6.20)
            "practice",  # a best practice studied, its proposal and fate (ISD 6.2)
            "incident",  # a threat to a judge, an incident, an interference (ISD 6.3, 6.4, 6.5)
            "hearing",  # a hearing with heightened risk and its bailiffs (ISD 6.5)
            "bailiff",  # a court bailiff (ISD 6.11)
            "building",  # a court building, its passport, surveys and equipment (ISD 6.7, 6.8)
            "contract",  # a contract for security equipment or services (ISD 6.9)
            "supplier",  # a supplier and its record across contracts (ISD 6.9)
            "pass",  # a permanent pass to a building or an ISD officer's service ID (ISD 5.5, 6.6)
            "expense",  # a proposal of the year's security spending (ISD 6.8)
        },
        # an official's explanation (ISD 5.2), a judge's interview (5.3), a personal file
        # studied (5.9), an officer on the team (ISD 7), a plan's item (ISD 14), an
        # inspection's recommendation (ISD 6.10, 6.18), one more person under investigation (ISD 6.21)
        # a form of periodic report (ISD 5.12)
        # a resource of ISD 5.8 consulted on a candidate; a measure against a risk (ISD 6.14)
        "subs": {
            "explanation",
            "interview",
            "personal-file",
            "team",
            "item",
            "recommendation",
            "person",
            "form",
            "check",
            "measure",
            "inspection",  # a survey or an anti-terrorist inspection of a building (ISD 6.7, 6.8)
            "passport",  # a building's anti-terrorist passport (ISD 6.7)
            "equipment",  # security equipment installed in a building (ISD 6.9)
            "rules",  # a building's rules of the pass and internal regime (ISD 6.6)
        },
        "steps": {
            "assign": "the head assigns officers: a move with their need-to-know grants (ISD 9)",
            "conflict": "an assigned officer declares a conflict of interest and loses the record (issue 7.2)",
            "extend": "the head or deputy extends the АППК term by a reasoned decision (АППК art. 76)",
            "personal-file-grant": "the Chairman or the CA head permits the study of a personal file (ISD 5.9)",
            "call": "the ISD head calls every territorial unit to report on a form for a period (ISD 5.12)",
            "hand-over": "the head hands a complaint from one officer to another, saying why (ISD 6.23)",
            "link": "complaints and information on corruption linked to an investigation by its team (ISD 6.15, 6.21)",
            "document": "the ISD head's document approving a plan or agreeing a unit's, drafted from its items (ISD 9)",
            "item-remove": "an item taken out of a plan still being drawn up, before its document is drafted",
            "item-move": "an item of an approved plan reported done or not done: its own table of moves (ISD 7)",
            "recommendation-move": "a recommendation's execution controlled: done or not done (ISD 6.10, 6.18)",
            "measure-move": "a measure against a corruption risk controlled: done or not done (ISD 6.14)",
            "search": "the portal's registries searched for a candidate, within the reader's reach (ISD 5.4)",
            "analysis": "the analysis of corruption risks for a period, drafted for the head's signature (ISD 6.13)",
            "equipment-state": "whether a building's equipment works, is faulty or out of service (ISD 6.9)",
            "defect-move": "a supplier's defect followed: remedied, claimed, the claim settled (ISD 6.9)",
        },
        "pages": {"home", "on-record"},  # on record: all four kinds about a person or a court (ISD 6.15)
    },
}

# The ISD's kinds as a refusal names them.
ISD_KINDS = sorted(VOCABULARY["internal_security"]["kinds"])

# A path of this shape is named with this ending, whatever the department.
PATH_SHAPES = [
    (re.compile(r"/move/<slug:move>/$"), "-move"),
    (re.compile(r"^[a-z-]+/new/$"), "-create"),
    (re.compile(r"/edit/$"), "-update"),
    (re.compile(r"^[a-z-]+/export/$"), "-export"),
    (re.compile(r"^[a-z-]+/figures/$"), "-figures"),
    (re.compile(r"/figures/export/$"), "-figures-export"),
    (re.compile(r"^[a-z-]+/<int:pk>/$"), "-detail"),
    (re.compile(r"/files/$"), "-file-add"),
    (re.compile(r"/files/<int:file_pk>/$"), "-file-download"),
]


def department_urls(app: str) -> list[tuple[str, str]]:
    """(name, path within the department) of every pattern the portal resolves under the
    department's namespace."""
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace == app:
            return [
                (pattern.name, str(pattern.pattern))
                for pattern in entry.url_patterns
                if isinstance(pattern, URLPattern)
            ]
    raise AssertionError(f"no URL namespace {app}")


def plural(kind: str) -> str:
    """The folder of a kind's paths: its English plural ("activity": "activities", "pass": "passes")."""
    if kind.endswith(("s", "x", "ch", "sh")):
        return f"{kind}es"
    return f"{kind[:-1]}ies" if kind.endswith("y") and kind[-2:-1] not in "aeiou" else f"{kind}s"


def url_problems(app: str, urls: list[tuple[str, str]], vocabulary: dict) -> list[str]:
    """Names outside the vocabulary, words the vocabulary says otherwise, names that do not
    fit the shape of their path, paths not under their kind."""
    problems = []
    subs = {f"{sub}-{action}" for sub in vocabulary["subs"] for action in SUB_ACTIONS}
    allowed = ACTIONS | DOCUMENTS | subs | set(vocabulary["steps"])
    for name, path in urls:
        if not name:
            problems.append(f"{path} has no name")
            continue
        for word in name.split("-"):
            if word in SYNONYMS:
                problems.append(f"{name}: says '{word}' where both departments say {SYNONYMS[word]}")
        for shape, ending in PATH_SHAPES:
            if shape.search(path) and not name.endswith(ending):
                problems.append(f"{name}: a path like {path} is named <kind>{ending}")
        if name in vocabulary["pages"]:
            continue
        kind = next(
            (kind for kind in sorted(vocabulary["kinds"], key=len, reverse=True) if name.startswith(f"{kind}-")), None
        )
        if kind is None:
            problems.append(f"{name}: does not begin with a kind of {sorted(vocabulary['kinds'])}")
            continue
        if name[len(kind) + 1 :] not in allowed:
            problems.append(f"{name}: '{name[len(kind) + 1 :]}' is not in the vocabulary")
        if not path.startswith(f"{plural(kind)}/"):
            problems.append(f"{name}: its path {path} is not under {plural(kind)}/")
    return problems


# --- 4. Test files ------------------------------------------------------------------------------


def folder_files(app: str) -> set[str]:
    return {path.name for path in (Path(settings.BASE_DIR) / "tests" / app).glob("*.py")}


def folder_problems(files: dict[str, set[str]], features: dict[str, set[str]]) -> list[str]:
    """test_<feature>.py for each feature; every other file (cross-cutting tests, conftest,
    factories) in both folders."""
    problems = []
    others = {}
    for app in DEPARTMENTS:
        expected = {f"test_{feature}.py" for feature in features[app]}
        for name in sorted(expected - files[app]):
            problems.append(f"tests/{app}/ has no {name}")
        others[app] = files[app] - expected
    first, second = DEPARTMENTS
    for app, other in ((first, second), (second, first)):
        for name in sorted(others[app] - others[other]):
            problems.append(f"tests/{app}/{name} has no counterpart in tests/{other}/")
    return problems


# --- The portal as it is ------------------------------------------------------------------------


def test_the_departments_have_the_same_top_level_modules():
    names = {app: top_level_names(app) for app in DEPARTMENTS}
    assert module_problems(names, DEPARTMENT_ONLY) == []


@pytest.mark.parametrize("app", DEPARTMENTS)
def test_the_feature_packages_hold_the_same_features(app):
    modules = {package: package_modules(app, package) for package in PACKAGES}
    assert feature_problems(app, modules, FEATURES[app]) == []
    assert reexport_problems(department_sources(app)) == []


@pytest.mark.parametrize("app", DEPARTMENTS)
def test_every_url_name_is_in_the_shared_vocabulary(app):
    assert url_problems(app, department_urls(app), VOCABULARY[app]) == []


def test_a_step_of_both_departments_belongs_to_the_shared_vocabulary():
    """A step both departments had would be one idea: its word belongs in ACTIONS."""
    ir, isd = (set(VOCABULARY[app]["steps"]) for app in DEPARTMENTS)
    assert not ir & isd and not (ir | isd) & (ACTIONS | DOCUMENTS)


def test_the_test_folders_hold_the_same_files():
    files = {app: folder_files(app) for app in DEPARTMENTS}
    assert folder_problems(files, FEATURES) == []


# --- Each check fails when the shape breaks ----------------------------------------------------


def test_a_module_of_one_department_alone_is_caught():
    names = {app: top_level_names(app) for app in DEPARTMENTS}
    names["international"].add("checklist.py")
    names["internal_security"].discard("permissions.py")
    assert module_problems(names, DEPARTMENT_ONLY) == [
        "international/checklist.py has no counterpart in internal_security/",
        "international/permissions.py has no counterpart in internal_security/",
    ]
    assert module_problems(names, {**DEPARTMENT_ONLY, "internal_security": {"tasks.py": "a reason"}})[-1] == (
        "internal_security/tasks.py is listed as the department's own but does not exist"
    )


def test_a_package_out_of_step_and_a_re_export_are_caught():
    modules = {package: package_modules("internal_security", package) for package in PACKAGES}
    modules["selectors"].discard("cases")
    modules["views"].add("figures")
    assert feature_problems("internal_security", modules, FEATURES["internal_security"]) == [
        "internal_security/selectors/ has no cases.py",
        f"internal_security/views/figures.py is not one of the features {sorted(FEATURES['internal_security'])}",
    ]
    sources = {
        "internal_security/selectors/__init__.py": "from .complaints import complaints_visible_to\n",
        "internal_security/views/cases.py": "from ..selectors.cases import *\n",
    }
    assert reexport_problems(sources) == [
        "internal_security/selectors/__init__.py imports (re-exports) complaints_visible_to",
        "internal_security/views/cases.py imports * from selectors.cases",
    ]


@pytest.mark.parametrize(
    ("name", "path", "problem"),
    [
        (
            "complaint-act",
            "complaints/<int:pk>/move/<slug:move>/",
            "complaint-act: says 'act' where both departments say move",
        ),
        (
            "complaint-act",
            "complaints/<int:pk>/move/<slug:move>/",
            "complaint-act: a path like complaints/<int:pk>/move/<slug:move>/ is named <kind>-move",
        ),
        (
            "complaint-attachment-add",
            "complaints/<int:pk>/attachments/",
            "complaint-attachment-add: says 'attachment' where both departments say file",
        ),
        (
            "complaint-attachment-add",
            "complaints/<int:pk>/attachments/",
            "complaint-attachment-add: 'attachment-add' is not in the vocabulary",
        ),
        (
            "figures",
            "figures/",
            f"figures: does not begin with a kind of {ISD_KINDS}",
        ),
        ("complaint-figures", "figures/", "complaint-figures: its path figures/ is not under complaints/"),
        ("complaint-new", "complaints/new/", "complaint-new: a path like complaints/new/ is named <kind>-create"),
        (
            "explanation-add",
            "investigations/<int:pk>/explanations/",
            f"explanation-add: does not begin with a kind of {ISD_KINDS}",
        ),
        (
            "conclusion-prepare",
            "investigations/<int:pk>/conclusion/",
            f"conclusion-prepare: does not begin with a kind of {ISD_KINDS}",
        ),
        (
            "investigation-conclude",
            "investigations/<int:pk>/conclude/",
            "investigation-conclude: says 'conclude' where both departments say close",
        ),
        ("case-edit", "cases/<int:pk>/edit/", "case-edit: a path like cases/<int:pk>/edit/ is named <kind>-update"),
        ("case-view", "cases/<int:pk>/", "case-view: a path like cases/<int:pk>/ is named <kind>-detail"),
    ],
)
def test_a_name_out_of_the_vocabulary_is_caught(name, path, problem):
    assert problem in url_problems("internal_security", [(name, path)], VOCABULARY["internal_security"])


def test_a_name_in_the_vocabulary_passes():
    urls = [
        ("complaint-move", "complaints/<int:pk>/move/<slug:move>/"),
        ("complaint-file-download", "complaints/<int:pk>/files/<int:file_pk>/"),
        ("investigation-explanation-add", "investigations/<int:pk>/explanations/"),
        ("investigation-conclusion", "investigations/<int:pk>/conclusion/"),
        ("on-record", "on-record/"),
    ]
    assert url_problems("internal_security", urls, VOCABULARY["internal_security"]) == []


def test_a_test_file_out_of_step_is_caught():
    files = {app: folder_files(app) for app in DEPARTMENTS}
    files["internal_security"] = files["internal_security"] - {"test_cases.py"} | {"test_criminal_cases.py"}
    files["international"] = files["international"] - {"test_reach.py"}
    assert folder_problems(files, FEATURES) == [
        "tests/internal_security/ has no test_cases.py",
        "tests/internal_security/test_criminal_cases.py has no counterpart in tests/international/",
        "tests/internal_security/test_reach.py has no counterpart in tests/international/",
    ]
