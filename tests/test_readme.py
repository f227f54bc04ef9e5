"""
The README's tables say what the code does: every documented error code under the class it raises.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from codegen.specs import EXCHANGES
from exchange_clients import ExchangeError
from exchange_clients.derive._errors import ERROR_TABLE as DERIVE
from exchange_clients.digifinex._errors import ERROR_TABLE as DIGIFINEX
from exchange_clients.gemini._errors import ERROR_TABLE as GEMINI
from exchange_clients.kraken_futures._errors import ERROR_TABLE as KRAKEN_FUTURES


README = Path(__file__).parent.parent / "README.md"
TABLES: list[dict[str, type[ExchangeError]]] = [
    {str(code): cls for code, cls in table.items()} for table in (GEMINI, KRAKEN_FUTURES, DIGIFINEX, DERIVE)
]


def _readme_error_rows() -> dict[str, list[set[str]]]:
    rows: dict[str, list[set[str]]] = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\| `(\w+Error)` \|(.*)\|", line)
        if match:
            cells = match.group(2).split(" | ")
            rows[match.group(1)] = [set(re.findall(r"`([^`]+)`", cell)) for cell in cells]
    return rows


@pytest.mark.parametrize("column", range(len(EXCHANGES)), ids=list(EXCHANGES))
def test_readme_error_table_matches_the_code(column: int) -> None:
    """Each exchange's column of the README error table lists exactly its ERROR_TABLE, under the right class."""
    rows = _readme_error_rows()
    in_readme = {code: name for name, cells in rows.items() for code in cells[column]}

    assert in_readme == {code: cls.__name__ for code, cls in TABLES[column].items()}
