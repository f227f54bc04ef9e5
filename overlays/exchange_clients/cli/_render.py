"""
Orders for people (a table) and for programs (JSON with every amount an exact decimal string).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from rich.console import Console
from rich.table import Table

from exchange_clients._order import Order


_FIELDS = (
    "exchange",
    "order_id",
    "client_order_id",
    "symbol",
    "side",
    "order_type",
    "status",
    "raw_status",
    "price",
    "amount",
    "filled",
    "remaining",
    "average_price",
    "fee",
    "fee_currency",
    "created_at",
    "updated_at",
)


def order_as_json(order: Order) -> dict[str, Any]:
    """The order as JSON-ready values: decimals as strings (exact), times as ISO-8601, `raw` as the exchange sent."""
    fields = {name: _plain(getattr(order, name)) for name in _FIELDS}
    fields["raw"] = _plain(order.raw.to_dict())
    return fields


def _plain(value: object) -> Any:
    if isinstance(value, Decimal):
        # Fixed-point, as exchanges write amounts: str() would print 0.000000000000000001 as 1E-18.
        return f"{value:f}"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def orders_json(orders: Iterable[Order]) -> str:
    """A JSON array of orders, one per element, indented for reading."""
    return json.dumps([order_as_json(order) for order in orders], indent=2)


def orders_table(orders: Iterable[Order], *, title: str | None = None) -> Table:
    """A table of orders with the fields a person checks first (the exchange goes in the title)."""
    table = Table(title=title, show_lines=False)
    for heading, justify in (
        ("order id", "left"),
        ("symbol", "left"),
        ("side", "left"),
        ("type", "left"),
        ("status", "left"),
        ("exchange's status", "left"),
        ("price", "right"),
        ("amount", "right"),
        ("filled", "right"),
        ("remaining", "right"),
        ("avg price", "right"),
        ("fee", "right"),
    ):
        table.add_column(heading, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for order in orders:
        table.add_row(
            order.order_id,
            order.symbol,
            order.side.value,
            order.order_type.value,
            order.status.value,
            order.raw_status,
            _amount(order.price),
            _amount(order.amount),
            _amount(order.filled),
            _amount(order.remaining),
            _amount(order.average_price),
            f"{_amount(order.fee)} {order.fee_currency or ''}".strip(),
        )
    return table


def _amount(value: Decimal | None) -> str:
    # Fixed-point keeps every digit the exchange sent and never shows 1E-18 for a tiny price.
    return "" if value is None else f"{value:f}"


PIPE_WIDTH = 200
"""Columns when output is not a terminal (CI logs, files): wide enough that no id or amount is folded."""


def print_table(orders: Iterable[Order], *, title: str | None = None, console: Console | None = None) -> None:
    """Print `orders_table` to the terminal (or `console`)."""
    if console is None:
        console = Console()
        if not console.is_terminal:
            console = Console(width=PIPE_WIDTH)
    console.print(orders_table(orders, title=title))
