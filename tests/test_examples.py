"""
Every program in examples/ runs as it is, against the simulator, and prints what it says it prints.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.specs import ROOT
from tests.test_snippets import expected_output


EXAMPLES = ROOT / "examples"
PROGRAMS = sorted(path for path in EXAMPLES.glob("*.py") if not path.name.startswith("test_"))
TEST_MODULES = sorted(EXAMPLES.glob("test_*.py"))


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    # From a directory of its own, as a user runs a copied example: nothing but the installed package is at hand.
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, *command],
        cwd=EXAMPLES,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda path: path.name)
def test_the_example_runs_and_prints_what_it_says(program: Path) -> None:
    """The program exits 0, and its output is its closing `# Prints:` block, line for line."""
    result = _run(program.name)

    assert result.returncode == 0, result.stderr
    expected = expected_output(program.read_text(encoding="utf-8"))
    assert expected is not None, f"{program.name} says nothing of what it prints"
    assert result.stdout.splitlines() == expected


@pytest.mark.parametrize("module", TEST_MODULES, ids=lambda path: path.name)
def test_the_example_test_module_passes_under_pytest(module: Path) -> None:
    """The example of a user's own pytest module passes, run by pytest as the user would run it."""
    result = _run("-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(EXAMPLES), module.name)

    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout


def test_the_examples_readme_lists_every_example() -> None:
    """examples/README.md has a row for each file, and no row for a file that is gone."""
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    listed = {line.split("`")[1] for line in readme.splitlines() if line.startswith("| `")}

    assert listed == {path.name for path in [*PROGRAMS, *TEST_MODULES]}
