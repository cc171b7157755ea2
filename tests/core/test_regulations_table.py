"""docs/regulations.md, the table of every clause of both regulations, kept true.

The table has one row per clause (`IR 7.22`, `ISD 7`, `IR 1-3` ...) with its state, the
feature that serves it and the tests that check it. This module fails when:

1. a clause named in the code or the tests is not in the table;
2. the table names a test or a file that does not exist;
3. a `served` or `partial` row names no test, a row that is not `served` says nothing of
   what is missing or why, or the summary line disagrees with the rows;
4. a clause of ../shared/regulations.md is not in the table, or the table holds a clause the
   regulation does not have.

What counts as a clause id in code and tests (`references_in`), so that dates, version
numbers and registration numbers are never taken for one:

- `IR` or `ISD` in capitals, not glued to a letter, digit, `_` or `-` before it, a space,
  then a paragraph and optionally an item, each a number from 1 to 99 without a leading
  zero: `IR 13`, `ISD 6.21`. A number running on into more digits, another `.digit`, or
  `-digit` or `/digit` that does not make a range is no clause (`IR 2026`, `IR 2.0`,
  `ISD 7.22.1`, `IR 13/2026`).
- Ranges: `IR 1-3` (paragraphs), `IR 7.14-7.17` and `IR 7.14-17` (items of one paragraph).
  A range in the code is covered when the table has every clause in it; a backwards range
  or one across paragraphs is reported as it stands.
- Lists: `IR 7.11, 7.16, 7.17` and `ISD 6.21, 6.22, 5.2`: an item after a comma continues
  the list (items only: `ISD 7, 9` is read as ISD 7 alone).
- Catalog keys: `ISD-6.21`, always with an item (`IR-1/2026` is a registration number).
- Names: `test_isd_6_21_...`, `IR_13_head_signs`, `test_..._ir_7_11`: `ir`/`isd` (or in
  capitals) between underscores or the ends of the name, then one or two numbers. Two
  numbers are read as an item or as a range (`IR_1_3` is IR 1-3): covered when either is.
- A paragraph named alone (`ISD 7`, `IR 7`) is covered by its own row or by rows of its items.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TABLE = ROOT / "docs" / "regulations.md"
REGULATIONS = ROOT.parent / "shared" / "regulations.md"

# Where clause ids are looked for: the code, the tests and the benchmarks, .py files and
# templates. This module is left out: its crafted inputs name clauses that do not exist.
SCANNED_FOLDERS = ("courtadmin", "international", "internal_security", "tests", "bench", "templates")
SCANNED_SUFFIXES = (".py", ".html", ".txt")
NOT_SCANNED = {Path(__file__).resolve()}

COLUMNS = ("Clause", "Name", "State", "Served by", "Tests", "Missing, or why outside")
STATES = ("served", "partial", "not yet", "outside the portal")
SUMMARY = re.compile(
    r"^Summary: (?P<total>\d+) clauses: (?P<served>\d+) served, (?P<partial>\d+) partial, "
    r"(?P<not_yet>\d+) not yet, (?P<outside>\d+) outside the portal\.$",
    re.MULTILINE,
)
SUMMARY_KEYS = {"served": "served", "partial": "partial", "not yet": "not_yet", "outside the portal": "outside"}

# An atom of a regulation: (department, paragraph, item), item None for a paragraph without items.
Atom = tuple[str, int, int | None]

_N = r"[1-9][0-9]?"
_END = r"(?![0-9]|\.[0-9]|[-–/][0-9])"
SPACED = re.compile(
    rf"(?<![\w-])(?P<dept>IR|ISD)[ \u00a0](?P<para>{_N})(?:\.(?P<item>{_N}))?"
    rf"(?:\s?[-–]\s?(?:(?P<to_para>{_N})\.)?(?P<to>{_N}))?{_END}"
    rf"(?P<more>(?:,\s*(?:and\s+)?{_N}\.{_N}{_END})*)"
)
HYPHENED = re.compile(rf"(?<![\w-])(?P<dept>IR|ISD)-(?P<para>{_N})\.(?P<item>{_N}){_END}")
UNDERSCORED = re.compile(
    rf"(?<![A-Za-z0-9])(?P<dept>IR|ISD|ir|isd)_(?P<a>{_N})(?:_(?P<b>{_N}))?(?![0-9])(?=_|[^A-Za-z0-9]|$)"
)
MORE_ITEM = re.compile(rf"({_N})\.({_N})")


class Malformed(ValueError):
    """A clause id that cannot name clauses: a backwards range, a range across paragraphs."""


def _span(dept: str, para: int, item: int | None, to_para: int | None, to: int | None) -> frozenset[Atom]:
    """The atoms of one id, a range or not."""
    if to is None:
        return frozenset({(dept, para, item)})
    if item is None:
        if to_para is not None or to <= para:
            raise Malformed
        return frozenset((dept, p, None) for p in range(para, to + 1))
    if (to_para is not None and to_para != para) or to <= item:
        raise Malformed
    return frozenset((dept, para, i) for i in range(item, to + 1))


def _int(value: str | None) -> int | None:
    return None if value is None else int(value)


@dataclass(frozen=True)
class Reading:
    """What a reference may mean. `whole`: its paragraphs must be rows of their own, not
    paragraphs with items (`IR_1_3` read as IR 1-3, while `isd_4_9` is no ISD 4-9)."""

    atoms: frozenset[Atom]
    whole: bool = False


@dataclass(frozen=True)
class Reference:
    """A clause id found in a text, with its readings: it is covered when one reading is."""

    text: str
    readings: tuple[Reading, ...]
    malformed: bool = False


def references_in(text: str) -> list[Reference]:
    """Every clause id in `text` (see the module's docstring for what counts as one)."""
    found = []
    for match in SPACED.finditer(text):
        dept, para, item = match["dept"], int(match["para"]), _int(match["item"])
        try:
            atoms = set(_span(dept, para, item, _int(match["to_para"]), _int(match["to"])))
        except Malformed:
            found.append(Reference(match.group(0), (), malformed=True))
            continue
        atoms |= {(dept, int(p), int(i)) for p, i in MORE_ITEM.findall(match["more"])}
        found.append(Reference(match.group(0), (Reading(frozenset(atoms)),)))
    for match in HYPHENED.finditer(text):
        atom = (match["dept"], int(match["para"]), int(match["item"]))
        found.append(Reference(match.group(0), (Reading(frozenset({atom})),)))
    for match in UNDERSCORED.finditer(text):
        dept, a, b = match["dept"].upper(), int(match["a"]), _int(match["b"])
        if b is None:
            found.append(Reference(match.group(0), (Reading(frozenset({(dept, a, None)})),)))
            continue
        readings = [Reading(frozenset({(dept, a, b)}))]
        if b > a:
            readings.append(Reading(_span(dept, a, None, None, b), whole=True))
        found.append(Reference(match.group(0), tuple(readings)))
    return found


def covers(table_atoms: set[Atom], reading: Reading) -> bool:
    """Are all the reading's clauses in the table? A paragraph alone is covered by its own row,
    or, unless the reading asks for whole paragraphs, by the rows of its items."""
    paragraphs = {(dept, para) for dept, para, _ in table_atoms}
    return all(
        atom in table_atoms or (atom[2] is None and not reading.whole and atom[:2] in paragraphs)
        for atom in reading.atoms
    )


def uncovered(references: list[Reference], table_atoms: set[Atom]) -> list[Reference]:
    return [
        reference
        for reference in references
        if reference.malformed or not any(covers(table_atoms, reading) for reading in reference.readings)
    ]


# --- The table -----------------------------------------------------------------------------------


class TableError(ValueError):
    """The table cannot be read: its header, a row's cells, a clause id, the summary line."""


CLAUSE_CELL = re.compile(
    rf"^(?P<dept>IR|ISD) (?P<para>{_N})(?:\.(?P<item>{_N}))?(?:-(?:(?P<to_para>{_N})\.)?(?P<to>{_N}))?$"
)
BACKTICKED = re.compile(r"`([^`]+)`")
NODE_ID = re.compile(r"^(?P<path>tests/[\w/]+\.py)::(?P<name>test\w*)$")
A_FILE = re.compile(r"^[\w.-]+(?:/[\w.-]+)*\.(?:py|html|txt|md)$")


def clause_atoms(cell: str) -> frozenset[Atom]:
    """The atoms of a table row's clause id: `IR 7.22`, `ISD 7`, `IR 1-3`, `IR 7.14-7.17`."""
    match = CLAUSE_CELL.match(cell)
    if match is None:
        raise TableError(f"not a clause id: {cell!r}")
    try:
        return _span(
            match["dept"],
            int(match["para"]),
            _int(match["item"]),
            _int(match["to_para"]),
            _int(match["to"]),
        )
    except Malformed as malformed:
        raise TableError(f"not a clause id: {cell!r}") from malformed


@dataclass(frozen=True)
class Row:
    line: int
    clause: str
    atoms: frozenset[Atom]
    name: str
    state: str
    served_by: str
    tests: tuple[str, ...]
    note: str


@dataclass
class Table:
    rows: list[Row]
    summary: dict[str, int] = field(default_factory=dict)

    @property
    def atoms(self) -> set[Atom]:
        return {atom for row in self.rows for atom in row.atoms}


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def parse_table(text: str) -> Table:
    """The rows of the one Markdown table whose header is COLUMNS, and the summary line."""
    lines = text.splitlines()
    header = next((n for n, line in enumerate(lines) if line.startswith("|") and tuple(_cells(line)) == COLUMNS), None)
    if header is None:
        raise TableError(f"no table with the columns {' | '.join(COLUMNS)}")
    if not re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", lines[header + 1].strip()):
        raise TableError(f"line {header + 2}: the header's separator row is missing")
    rows = []
    for number, line in enumerate(lines[header + 2 :], start=header + 3):
        if not line.startswith("|"):
            break
        cells = _cells(line)
        if len(cells) != len(COLUMNS):
            raise TableError(f"line {number}: {len(cells)} cells, not {len(COLUMNS)}")
        clause, name, state, served_by, tests, note = cells
        rows.append(
            Row(
                number,
                clause,
                clause_atoms(clause),
                name,
                state,
                served_by,
                tuple(BACKTICKED.findall(tests)),
                note,
            )
        )
    summary = SUMMARY.search(text)
    if summary is None:
        raise TableError("no summary line: 'Summary: N clauses: N served, N partial, N not yet, N outside the portal.'")
    return Table(rows, {key: int(value) for key, value in summary.groupdict().items()})


def row_problems(table: Table) -> list[str]:
    """States, tests of served and partial rows, notes of the others, clauses twice, the summary."""
    problems = []
    seen: dict[Atom, str] = {}
    for row in table.rows:
        where = f"line {row.line} ({row.clause})"
        if row.state not in STATES:
            problems.append(f"{where}: state {row.state!r} is none of {', '.join(STATES)}")
        if row.state in ("served", "partial") and not row.tests:
            problems.append(f"{where}: {row.state} with no test")
        if row.state != "served" and not row.note:
            problems.append(f"{where}: {row.state} says nothing of what is missing or why")
        if not row.name:
            problems.append(f"{where}: no name")
        for atom in sorted(row.atoms, key=str):
            if atom in seen:
                problems.append(f"{where}: {_atom_text(atom)} is in the row {seen[atom]} too")
            seen.setdefault(atom, row.clause)
    counted = Counter(row.state for row in table.rows)
    expected = {SUMMARY_KEYS[state]: counted[state] for state in STATES}
    expected["total"] = len(table.rows)
    for key, value in expected.items():
        if table.summary.get(key) != value:
            problems.append(f"summary: {key} is {table.summary.get(key)}, the rows count {value}")
    return problems


def _atom_text(atom: Atom) -> str:
    dept, para, item = atom
    return f"{dept} {para}" if item is None else f"{dept} {para}.{item}"


def defined_tests(path: Path) -> set[str]:
    """Names of the test functions of a file, those inside classes included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test")
    }


def reference_problems(table: Table, root: Path) -> list[str]:
    """Tests named that are not node ids, or whose file or function does not exist; files named
    in the "Served by" column that do not exist."""
    problems = []
    functions: dict[Path, set[str]] = {}
    for row in table.rows:
        where = f"line {row.line} ({row.clause})"
        for node_id in row.tests:
            match = NODE_ID.match(node_id)
            if match is None:
                problems.append(f"{where}: {node_id!r} is not tests/<path>.py::test_name")
                continue
            path = root / match["path"]
            if not path.is_file():
                problems.append(f"{where}: {match['path']} does not exist")
                continue
            if path not in functions:
                functions[path] = defined_tests(path)
            if match["name"] not in functions[path]:
                problems.append(f"{where}: {match['path']} has no test {match['name']}")
        for named in BACKTICKED.findall(row.served_by):
            if A_FILE.match(named) and not (root / named).exists():
                problems.append(f"{where}: {named} does not exist")
    return problems


# --- The regulations -----------------------------------------------------------------------------


class RegulationError(ValueError):
    """../shared/regulations.md is not in the shape this parser reads."""


HEADING = re.compile(r"^\*\*(?P<dept>IR|ISD) (?P<para>\d+)(?:-(?P<to>\d+))?\.")
LINE_ITEM = re.compile(r"^(\d+)\.\s", re.MULTILINE)
INLINE_ITEM = re.compile(r"(?:^|(?<=\s))(\d+)\)\s")


def regulation_atoms(text: str) -> set[Atom]:
    """The clauses of the regulations: each bold heading (`**IR 7. Functions.**`) with the items
    numbered under it (`1. ...` lines, or `1) ...` within the text), or the paragraphs of its
    range when it has none (`**IR 8-13. Organisation.**`)."""
    blocks: list[tuple[re.Match | None, list[str]]] = []
    for line in text.splitlines():
        heading = HEADING.match(line)
        if heading is not None:
            blocks.append((heading, [line[heading.end() :]]))
        elif line.startswith("#"):
            blocks.append((None, []))
        elif blocks:
            blocks[-1][1].append(line)
    atoms: set[Atom] = set()
    for heading, lines in blocks:
        if heading is None:
            continue
        dept, para, to = heading["dept"], int(heading["para"]), _int(heading["to"])
        body = "\n".join(lines)
        items = [int(n) for n in LINE_ITEM.findall(body)] or [int(n) for n in INLINE_ITEM.findall(body)]
        name = heading.group(0).strip("*.")
        if items and to is not None:
            raise RegulationError(f"{name}: numbered items under a range of paragraphs")
        if items and items != list(range(1, len(items) + 1)):
            raise RegulationError(f"{name}: items numbered {items}, not 1 to {len(items)}")
        if items:
            atoms |= {(dept, para, item) for item in items}
        else:
            atoms |= set(_span(dept, para, None, None, to))
    if not atoms:
        raise RegulationError("no bold clause heading such as **IR 4. Goals.**")
    return atoms


def regulation_problems(table: Table, expected: set[Atom]) -> list[str]:
    problems = [f"{_atom_text(atom)} of the regulations is not in the table" for atom in expected - table.atoms]
    problems += [
        f"line {row.line} ({row.clause}): {_atom_text(atom)} is not a clause of the regulations"
        for row in table.rows
        for atom in sorted(row.atoms - expected, key=str)
    ]
    return sorted(problems)


# --- The checks on the project -------------------------------------------------------------------


@pytest.fixture(scope="module")
def table() -> Table:
    return parse_table(TABLE.read_text(encoding="utf-8"))


def scanned_files(root: Path):
    for folder in SCANNED_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in SCANNED_SUFFIXES and path.is_file() and path.resolve() not in NOT_SCANNED:
                yield path


def test_the_summary_is_counted_from_the_rows_and_every_row_is_complete(table):
    assert table.rows
    problems = row_problems(table)
    assert not problems, "\n".join(problems)


def test_every_clause_named_in_the_code_and_the_tests_is_in_the_table(table):
    missing = [
        f"{path.relative_to(ROOT)}: {reference.text}"
        for path in scanned_files(ROOT)
        for reference in uncovered(references_in(path.read_text(encoding="utf-8")), table.atoms)
    ]
    assert not missing, "clauses named here are not rows of docs/regulations.md:\n" + "\n".join(missing)


def test_every_test_and_file_the_table_names_exists(table):
    problems = reference_problems(table, ROOT)
    assert not problems, "\n".join(problems)


def test_every_clause_of_the_regulations_is_in_the_table(table):
    if not REGULATIONS.is_file():
        pytest.skip(f"{REGULATIONS} is absent: the clauses of the regulations cannot be listed")
    problems = regulation_problems(table, regulation_atoms(REGULATIONS.read_text(encoding="utf-8")))
    assert not problems, "\n".join(problems)


# --- The parser and the extractor on crafted inputs ----------------------------------------------


def ids(text: str) -> list[list[str]]:
    """The readings of each reference in `text`, as sorted clause ids."""
    return [
        sorted(_atom_text(atom) for atom in reading.atoms)
        for reference in references_in(text)
        for reading in reference.readings
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("signed per IR 13.", [["IR 13"]]),
        ("(ISD 6.21)", [["ISD 6.21"]]),
        ("IR 7.11, 7.16, 7.17 and more", [["IR 7.11", "IR 7.16", "IR 7.17"]]),
        ("ISD 6.21, 6.22, 5.2, 5.3, 5.9:", [["ISD 5.2", "ISD 5.3", "ISD 5.9", "ISD 6.21", "ISD 6.22"]]),
        ("IR 1-3: status", [["IR 1", "IR 2", "IR 3"]]),
        ("IR 7.14-7.17", [["IR 7.14", "IR 7.15", "IR 7.16", "IR 7.17"]]),
        ("ISD 5.10-12", [["ISD 5.10", "ISD 5.11", "ISD 5.12"]]),
        ('key = "ISD-6.21"', [["ISD 6.21"]]),
        ("def test_an_investigation_isd_6_21(people):", [["ISD 6.21"], sorted(f"ISD {n}" for n in range(6, 22))]),
        ("test_ISD_7_outsiders_get_404", [["ISD 7"]]),
        ('id="IR_1_3_chairman_sees_ir"', [["IR 1.3"], ["IR 1", "IR 2", "IR 3"]]),
        ("ISD 7, 9", [["ISD 7"]]),
    ],
)
def test_the_extractor_reads_ids_ranges_lists_keys_and_test_names(text, expected):
    assert ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-01 and 7.22",  # a date, a bare number
        "IR 2026 figures",  # a year
        "version IR 2.0, ISD 7.22.1",  # version numbers
        'f"IR-1/{year}", "SWEEP-IR-1", "ISD-7"',  # registration numbers; a key has an item
        "IR 13/2026",  # a registration number written with a space
        "ir 13, Isd 7, AIR 7, FIR 13, AIR_7",  # not capitals, or glued to a word
        "IR 07.09",  # leading zeros: a date
        "ir_2fa, isd_officer2, test_isd_staff",  # names without a clause
    ],
)
def test_the_extractor_takes_no_date_version_or_number_for_a_clause(text):
    assert references_in(text) == []


def test_a_backwards_range_is_reported_not_guessed():
    (reference,) = references_in("IR 13-5")
    assert reference.malformed
    assert uncovered([reference], {("IR", n, None) for n in range(1, 14)}) == [reference]


TABLE_ATOMS = {
    ("IR", 1, None),
    ("IR", 2, None),
    ("IR", 3, None),
    ("IR", 4, 1),
    ("IR", 7, 22),
    ("IR", 13, None),
    ("ISD", 7, None),
}


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        ("IR 7.22", True),
        ("IR 7.23", False),  # a clause the table lacks
        ("IR 1-3", True),  # a range whose clauses are all rows
        ("IR 2-5", False),  # a range with a clause the table lacks
        ("IR 7", True),  # a paragraph, by its items' rows
        ("IR 8", False),
        ("IR_1_3", True),  # IR 1.3 is no row, but IR 1-3 is
        ("ISD 7.2", False),  # an item of a paragraph the table holds whole
        ("test_x_ir_4_9", False),  # IR 4.9 is no row, and IR 4 is held by its items, not whole
        ("test_x_ir_4_1", True),
    ],
)
def test_a_reference_is_covered_when_the_table_has_its_clauses(text, covered):
    assert (uncovered(references_in(text), TABLE_ATOMS) == []) is covered


HEAD = "| " + " | ".join(COLUMNS) + " |\n|---|---|---|---|---|---|\n"
SIGNING_TEST = "`tests/core/test_authority.py::test_signing_authority`"
SERVED = f"| IR 13 | Signing | served | `courtadmin/org/authority.py` | {SIGNING_TEST} |  |\n"
SUMMARY_LINE = (
    "Summary: {total} clauses: {served} served, {partial} partial, {not_yet} not yet, 0 outside the portal.\n\n"
)


def crafted(rows: str, total=1, served=1, partial=0, not_yet=0) -> str:
    summary = SUMMARY_LINE.format(total=total, served=served, partial=partial, not_yet=not_yet)
    return "# Table\n\n" + summary + HEAD + rows + "\nAfter the table.\n"


def test_a_well_formed_table_is_read():
    table = parse_table(crafted(SERVED))
    assert [(row.clause, row.state, row.tests) for row in table.rows] == [
        ("IR 13", "served", ("tests/core/test_authority.py::test_signing_authority",))
    ]
    assert row_problems(table) == []
    assert reference_problems(table, ROOT) == []


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        (crafted(SERVED).replace("| Tests |", "| Checks |"), "no table with the columns"),
        (crafted(SERVED).replace("|---|---|---|---|---|---|", "| x |"), "separator row"),
        (crafted(SERVED.replace(" |  |", " |")), "5 cells, not 6"),
        (crafted(SERVED.replace("| IR 13 |", "| IR13 |")), "not a clause id"),
        (crafted(SERVED.replace("| IR 13 |", "| IR 3-1 |")), "not a clause id"),
        (crafted(SERVED).replace("Summary: 1 clauses", "Summary: one clause"), "no summary line"),
    ],
)
def test_a_table_that_cannot_be_read_is_refused(text, refusal):
    with pytest.raises(TableError, match=refusal):
        parse_table(text)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (crafted(SERVED.replace("| served |", "| done |")), "state 'done' is none of"),
        (crafted(SERVED.replace(SIGNING_TEST, "")), "served with no test"),
        (
            crafted(
                SERVED.replace("| served |", "| partial |").replace(SIGNING_TEST, "").replace(" |  |", " | the rest |"),
                served=0,
                partial=1,
            ),
            "partial with no test",
        ),
        (crafted(SERVED.replace("| served |", "| not yet |"), served=0, not_yet=1), "says nothing of what is missing"),
        (crafted(SERVED + SERVED.replace("| IR 13 |", "| IR 11-13 |"), total=2, served=2), "IR 13 is in the row IR 13"),
        (crafted(SERVED, total=2), "summary: total is 2, the rows count 1"),
        (crafted(SERVED, served=0, not_yet=1), "summary: served is 0, the rows count 1"),
    ],
)
def test_a_row_or_summary_in_error_is_reported(text, problem):
    assert any(problem in found for found in row_problems(parse_table(text))), row_problems(parse_table(text))


@pytest.fixture
def project(tmp_path):
    """A project with one test file holding a function and a method of a class."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text(
        "def test_alone():\n    pass\n\n\nclass TestGroup:\n    def test_inside(self):\n        pass\n"
    )
    (tmp_path / "feature.py").write_text("")
    return tmp_path


def row_naming(tests: str, served_by: str = "`feature.py`") -> Table:
    return parse_table(crafted(f"| IR 13 | Signing | served | {served_by} | {tests} |  |\n"))


def test_tests_in_a_class_and_alone_are_found(project):
    table = row_naming("`tests/test_x.py::test_alone`, `tests/test_x.py::test_inside`")
    assert reference_problems(table, project) == []


@pytest.mark.parametrize(
    ("tests", "served_by", "problem"),
    [
        ("`tests/test_x.py::test_missing`", "`feature.py`", "tests/test_x.py has no test test_missing"),
        ("`tests/test_y.py::test_alone`", "`feature.py`", "tests/test_y.py does not exist"),
        ("`tests/test_x.py::test_alone[IR_13]`", "`feature.py`", "is not tests/<path>.py::test_name"),
        ("`tests/test_x.py::test_alone`", "`international/gone.py`", "international/gone.py does not exist"),
    ],
)
def test_a_test_or_file_that_does_not_exist_is_reported(project, tests, served_by, problem):
    problems = reference_problems(row_naming(tests, served_by), project)
    assert any(problem in found for found in problems), problems


REGULATION = """\
## A department

**IR 1-3. Status.** A subdivision.

**IR 4. Goals.**
1. One.
2. Two.

**IR 5. Rights.** 1) ask; 2) propose (with (brackets)).

**IR 8-9. Organisation.**
- IR 9: a head. **IR 9 (signing):** signs.
"""


def test_the_regulation_parser_lists_headings_items_and_ranges():
    assert {_atom_text(atom) for atom in regulation_atoms(REGULATION)} == {
        "IR 1",
        "IR 2",
        "IR 3",
        "IR 4.1",
        "IR 4.2",
        "IR 5.1",
        "IR 5.2",
        "IR 8",
        "IR 9",
    }


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        (REGULATION.replace("2. Two.", "3. Two."), r"items numbered \[1, 3\]"),
        (REGULATION.replace("a head.", "a head.\n1. Stray."), "numbered items under a range"),
        ("# Nothing here\n", "no bold clause heading"),
    ],
)
def test_a_regulation_the_parser_cannot_read_is_refused(text, refusal):
    with pytest.raises(RegulationError, match=refusal):
        regulation_atoms(text)


def test_a_clause_of_the_regulation_missing_from_the_table_or_one_it_lacks_is_reported():
    expected = regulation_atoms(REGULATION)
    rows = SERVED.replace("| IR 13 |", "| IR 9 |") + SERVED.replace("| IR 13 |", "| IR 4.3 |")
    problems = regulation_problems(parse_table(crafted(rows, total=2, served=2)), expected)
    assert "IR 4.1 of the regulations is not in the table" in problems
    assert any("IR 4.3 is not a clause of the regulations" in problem for problem in problems)
    assert not any("IR 9 of" in problem for problem in problems)
