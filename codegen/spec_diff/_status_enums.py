"""
Which schema of each spec is the exchange's order-status enum, and the overlay table that normalizes it.

The registry (specs/exchanges.toml) names the schema; the table is, by convention, `_status.STATUS_TABLE`. A new
value of one of these enums parses (the generated enums are open), but the overlay turns it into
`OrderStatus.UNKNOWN` until its table maps it: the report says so.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from codegen.specs import REGISTRY


@dataclass(frozen=True, slots=True)
class StatusEnum:
    """One exchange's status enum: the spec schema that lists its values and the overlay table that maps them."""

    schema: str
    """Name under `components/schemas`."""
    module: str
    table: str = "STATUS_TABLE"

    @property
    def table_name(self) -> str:
        """The table's import path, as a reviewer looks for it."""
        return f"{self.module}.{self.table}"

    def load(self) -> Mapping[Any, Any] | None:
        """The installed overlay's table, or None when the overlay cannot be imported here."""
        try:
            table = getattr(importlib.import_module(self.module), self.table)
        except (ImportError, AttributeError):
            return None
        return table if isinstance(table, Mapping) else None


# From the registry's status_enum fields; an exchange that reports flags instead (Gemini: is_live, is_cancelled)
# has no entry.
STATUS_ENUMS: Mapping[str, StatusEnum] = {
    exchange.name: StatusEnum(exchange.status_enum, f"exchange_clients.{exchange.name}._status")
    for exchange in REGISTRY
    if exchange.status_enum is not None
}
