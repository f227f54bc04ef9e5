"""
Gemini's order state, which it reports as flags rather than a status, and the normalized status it means.
"""

from __future__ import annotations

from decimal import Decimal

from exchange_clients._order import OrderStatus


def raw_status(*, is_live: bool | None, is_cancelled: bool | None) -> str:
    """The flags the status is derived from, as `Order.raw_status` keeps them: `is_live=true,is_cancelled=false`.

    A flag Gemini left out reads `absent`: its document requires neither.
    """
    return f"is_live={_spelled(is_live)},is_cancelled={_spelled(is_cancelled)}"


def _spelled(value: bool | None, /) -> str:  # noqa: FBT001 - one flag, spelled out
    return "absent" if value is None else str(value).lower()


def normalized_status(
    *, is_live: bool | None, is_cancelled: bool | None, executed: Decimal | None, remaining: Decimal | None
) -> OrderStatus:
    """The status DESIGN's table gives Gemini's flags; UNKNOWN for a combination the docs do not explain."""
    if is_cancelled:
        # Cancelled wins even when live is still set (a cancel in flight) and even after partial fills.
        return OrderStatus.CANCELED
    if is_live:
        if executed is None:
            return OrderStatus.UNKNOWN
        return OrderStatus.PARTIALLY_FILLED if executed else OrderStatus.OPEN
    if is_live is False and is_cancelled is False and remaining == 0:
        return OrderStatus.FILLED
    # Neither live nor cancelled with quantity left, or a flag or quantity left out: the docs describe no such
    # order; do not guess.
    return OrderStatus.UNKNOWN
