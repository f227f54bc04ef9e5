"""
Orders for people (a table) and for programs (JSON with every amount an exact decimal string).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs
from rich.console import Console
from rich.table import Table

from exchange_clients._order import Order


if TYPE_CHECKING:
    from exchange_clients.generated.registry import RawOrder


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


MAX_PADDING = 32
"""Zeros fixed-point may add to a number's own digits: 1E-18 (wei) needs 17, 1E+30 needs 30; 1E-40 is scientific."""


def number_text(value: Decimal) -> str:
    """`value` exactly: fixed-point, unless that would pad its digits with more than MAX_PADDING zeros.

    Exchanges write amounts in fixed-point (0.000000000000000001, which str() prints as 1E-18), so that is the form
    shown. But fixed-point spells the exponent out in zeros: an answer's 1e999999999999999999 would be a quintillion
    characters (a MemoryError), 1e100000000 a hundred megabytes. Past MAX_PADDING zeros the text is str(value),
    Decimal's scientific notation, which is exact too. Either way Decimal(text) == value, nothing goes through float
    or is rounded, and the text is at most MAX_PADDING + 2 characters longer than str(value).
    """
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):  # NaN or infinity (which no answer is read as): no digits to pad
        return str(value)
    # The zeros after the digits (1E+5 is 100000) or between the point and the digits (1E-5 is 0.00001).
    padding = exponent if exponent > 0 else -exponent - len(digits)
    return format(value, "f") if padding <= MAX_PADDING else str(value)


def order_as_json(order: Order) -> dict[str, Any]:
    """The order as JSON-ready values: times as ISO-8601, `raw` as the exchange sent it, every decimal as number_text.

    The decimals of `raw` go through number_text too: an extra field the exchange added may be any number at all.
    """
    fields = {name: _plain(getattr(order, name)) for name in _FIELDS}
    fields["raw"] = _plain(_as_sent(order.raw))
    return fields


def _as_sent(raw: RawOrder) -> Any:
    # A REST model writes itself back as the exchange sent it. A stream model has no to_dict (datamodel-code-
    # generator writes none): its fields are the message's own names, and a field that is None was not sent.
    to_dict = getattr(raw, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    return attrs.asdict(raw, filter=lambda _field, value: value is not None)


def _plain(value: object) -> Any:
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def order_line(order: Order) -> str:
    """One order on one line, for a stream of updates: the fields a person checks first."""
    amounts = " ".join(
        f"{name}={number_text(value)}"
        for name in ("filled", "remaining", "price")
        if (value := getattr(order, name)) is not None
    )
    when = order.updated_at.isoformat() if order.updated_at is not None else "-"
    return f"{when} {order.exchange} {order.order_id} {order.symbol} {order.side} {order.status} {amounts}".rstrip()


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
    return "" if value is None else number_text(value)


PIPE_WIDTH = 200
"""Columns when output is not a terminal (CI logs, files): wide enough that no id or amount is folded."""


def print_table(orders: Iterable[Order], *, title: str | None = None, console: Console | None = None) -> None:
    """Print `orders_table` to the terminal (or `console`)."""
    if console is None:
        console = Console()
        if not console.is_terminal:
            console = Console(width=PIPE_WIDTH)
    console.print(orders_table(orders, title=title))
