"""
JSON text written without passing numbers through float, so a Decimal goes on the wire digit for digit.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any


__all__ = ["dumps"]


def dumps(value: Any) -> bytes:
    """Compact JSON of `value`, with every Decimal written in positional notation exactly as it holds its digits."""
    return _text(value).encode()


def _text(value: Any) -> str:
    if value is None or isinstance(value, bool | str):
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        # Positional, never exponent form: `0.000000000000000001`, not str()'s `1E-18`, so a client is tested
        # on the number as exchanges write it.
        return format(value, "f")
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(key))}:{_text(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(_text(item) for item in value) + "]"
    msg = f"not JSON: {type(value).__name__}"
    raise TypeError(msg)
