"""
Gemini's order state, which it reports as flags rather than a status, and the normalized status it means.
"""

from __future__ import annotations

from decimal import Decimal

from exchange_clients._order import OrderStatus


def raw_status(*, is_live: bool, is_cancelled: bool) -> str:
    """The flags the status is derived from, as `Order.raw_status` keeps them: `is_live=true,is_cancelled=false`."""
    return _RAW_STATUSES[is_live, is_cancelled]


# Written once: formatting the two flags for every order cost more than the rest of the status.
_RAW_STATUSES = {
    (is_live, is_cancelled): f"is_live={str(is_live).lower()},is_cancelled={str(is_cancelled).lower()}"
    for is_live in (False, True)
    for is_cancelled in (False, True)
}


def normalized_status(*, is_live: bool, is_cancelled: bool, executed: Decimal, remaining: Decimal) -> OrderStatus:
    """The status DESIGN's table gives Gemini's flags; UNKNOWN for a combination the docs do not explain."""
    if is_cancelled:
        # Cancelled wins even when live is still set (a cancel in flight) and even after partial fills.
        return OrderStatus.CANCELED
    if is_live:
        return OrderStatus.PARTIALLY_FILLED if executed else OrderStatus.OPEN
    if remaining == 0:
        return OrderStatus.FILLED
    # Neither live nor cancelled with quantity left: the docs describe no such order; do not guess.
    return OrderStatus.UNKNOWN
