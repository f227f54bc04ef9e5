"""
JSON text from Python values without passing numbers through float, for feeding spec examples to clients.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any


def dumps(value: Any) -> str:
    """Serialize like json.dumps, writing Decimal and int as the exact digits they hold."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(key))}:{dumps(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(dumps(item) for item in value) + "]"
    msg = f"not JSON: {type(value).__name__}"
    raise TypeError(msg)


def canonical(value: Any) -> Any:
    """
    A form in which two JSON values compare equal only if they say the same thing, numbers digit for digit.

    Date-times compare as instants: a model writes `...05.123000+00:00` for the `...05.123Z` it read.
    """
    if isinstance(value, dict):
        return {str(key): canonical(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [canonical(item) for item in value]
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return ("number", str(value))
    if isinstance(value, str) and "T" in value:
        try:
            return ("date-time", datetime.fromisoformat(value))
        except ValueError:
            return value
    return value
