"""The architecture is a contract a tool checks (import-linter, `make lint`): the core imports
no department, and the departments do not import each other. The contracts live in
pyproject.toml; these tests show that they hold and that a breach fails them."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGES = ("courtadmin", "international", "internal_security")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess:
    if not LINT_IMPORTS.exists():
        pytest.fail("lint-imports is missing from the virtualenv (requirements-dev.txt)")
    return subprocess.run(  # noqa: S603
        [str(LINT_IMPORTS), "--no-cache", "--config", str(tree / "pyproject.toml")],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def tree(tmp_path):
    """A copy of the portal's packages (Python files only) and its contracts."""
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package,
            tmp_path / package,
            ignore=lambda folder, names: [n for n in names if not n.endswith(".py") and "." in n],
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_contracts_hold(tree):
    result = lint_imports(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_core_module_importing_a_department_breaks_the_build(tree):
    (tree / "courtadmin" / "core" / "knows_too_much.py").write_text("from internal_security import models\n")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "The core imports no department BROKEN" in result.stdout
    assert "courtadmin.core.knows_too_much -> internal_security.models" in result.stdout


def test_a_department_importing_the_other_breaks_the_build(tree):
    peek = "def peek():\n    from internal_security.models import Complaint\n"  # a lazy import counts too
    (tree / "international" / "peeks.py").write_text(peek)
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "The departments do not import each other BROKEN" in result.stdout


def test_a_selector_importing_a_service_breaks_the_layers(tree):
    """Inside a department, reads sit below writes: a selector that imports a service fails."""
    (tree / "internal_security" / "selectors" / "writes_too.py").write_text(
        "from internal_security.services import complaints\n"
    )
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "views above services and selectors above models BROKEN" in result.stdout
