"""
Reading a published answer as its recorder wrote it, numbers exact, for the tests of tests/fixtures/real/.
"""

from __future__ import annotations

import ast
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml


REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real"

# A JavaScript object literal as ccxt's comments print one: single-quoted strings and unquoted keys are the only
# differences from JSON there (null, true, false and the numbers are spelled alike).
_JS_STRING_OR_KEY = re.compile(r"'((?:[^'\\]|\\.)*)'|\b([A-Za-z_$][\w$]*)(\s*:)")


def load(path: Path) -> Any:
    """The answer in `path`: JSON with exact numbers, a Python literal, YAML or a JavaScript literal, by its suffix.

    A `.pyrepr` file is a recorder's printout of a decoded answer (ccxt's Python `info`): its floats are read back
    as the Decimals of the digits printed, which is the published text. A `.yaml` file is an example published only
    inside a YAML document (Gemini's rest.yaml); its numbers are whole.
    """
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".pyrepr":
        return _printed_digits(ast.literal_eval(text))
    if path.suffix == ".yaml":
        return yaml.safe_load(text)
    if path.suffix == ".js":
        return json.loads(_JS_STRING_OR_KEY.sub(_as_json, text), parse_float=Decimal)
    return json.loads(text, parse_float=Decimal)


def _as_json(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return json.dumps(match.group(1))
    return json.dumps(match.group(2)) + match.group(3)


def _printed_digits(value: Any) -> Any:
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dict):
        return {key: _printed_digits(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_printed_digits(item) for item in value]
    return value


def assert_exact(actual: Decimal | None, expected: str | None) -> None:
    """`actual` is the decimal `expected` spells, to the digit (so "400.00" is not "400"); None is None."""
    if expected is None:
        assert actual is None
    else:
        assert actual is not None
        assert actual.as_tuple() == Decimal(expected).as_tuple(), f"{actual!s} is not {expected}"
