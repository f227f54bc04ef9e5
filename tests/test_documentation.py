"""
The documentation says what the code does, and CI runs what the README says it runs.

The errors page lists every documented error code under the class it raises; .ci/run is the Quickstart's line.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from codegen.specs import EXCHANGES
from exchange_clients import ExchangeError


ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
ERRORS_PAGE = ROOT / "docs" / "guide" / "errors.md"
# Each registered exchange's error table, in the registry's order: the order of the errors page's columns.
TABLES: list[dict[str, type[ExchangeError]]] = [
    {str(code): cls for code, cls in importlib.import_module(f"exchange_clients.{name}._errors").ERROR_TABLE.items()}
    for name in EXCHANGES
]


def _documented_error_rows() -> dict[str, list[set[str]]]:
    rows: dict[str, list[set[str]]] = {}
    for line in ERRORS_PAGE.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\| `(\w+Error)` \|(.*)\|", line)
        if match:
            cells = match.group(2).split(" | ")
            rows[match.group(1)] = [set(re.findall(r"`([^`]+)`", cell)) for cell in cells]
    return rows


@pytest.mark.parametrize("column", range(len(EXCHANGES)), ids=list(EXCHANGES))
def test_the_error_table_matches_the_code(column: int) -> None:
    """Each exchange's column of the errors page's table lists exactly its ERROR_TABLE, under the right class."""
    rows = _documented_error_rows()
    documented = {code: name for name, cells in rows.items() for code in cells[column]}

    assert documented == {code: cls.__name__ for code, cls in TABLES[column].items()}


def test_ci_runs_the_quickstarts_second_line() -> None:
    """.ci/run runs exactly the README Quickstart's second line, so what CI checks is what a newcomer runs."""
    readme = README.read_text(encoding="utf-8")
    block = re.search(r"## Quickstart\n.*?```sh\n(.*?)```", readme, re.DOTALL)
    assert block is not None
    lines = block.group(1).splitlines()
    ci_lines = [
        line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if line and line[0] != "#"
    ]

    assert len(lines) == 2
    assert ci_lines[-1] == lines[1]
    # Both install into a virtual environment: a system Python under PEP 668 refuses `pip install`.
    assert all(line.startswith("python3 -m venv .venv && .venv/bin/pip install ") for line in lines)
