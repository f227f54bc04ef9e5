"""
The registry of exchanges (exchanges.toml, shipped in this package): the one list of the exchanges served.
"""

from __future__ import annotations

import importlib.resources
import tomllib
from typing import Any


def registered_exchanges() -> dict[str, dict[str, Any]]:
    """Each registered exchange's name and entry, in the registry's order."""
    text = importlib.resources.files("exchange_clients").joinpath("exchanges.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)
