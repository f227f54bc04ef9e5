"""
An order's reported state never goes backwards, whatever order its reports arrive in, and only changes pass.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from exchange_clients import Exchange, Order, OrderStatus, OrderType, Side
from exchange_clients._tracker import OrderTracker


START = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)


def _state(status: OrderStatus, filled: str, second: int, order_id: str = "A", **changes: object) -> Order:
    amount = Decimal(1)
    order = Order(
        exchange=Exchange.GEMINI,
        order_id=order_id,
        client_order_id=None,
        symbol="btcusd",
        side=Side.BUY,
        order_type=OrderType.LIMIT,
        status=status,
        price=Decimal(100),
        amount=amount,
        filled=Decimal(filled),
        remaining=amount - Decimal(filled),
        average_price=Decimal(100) if Decimal(filled) else None,
        fee=None,
        fee_currency=None,
        created_at=START,
        updated_at=START + timedelta(seconds=second),
        raw_status=str(status),
        raw=None,  # type: ignore[arg-type]
    )
    return attrs.evolve(order, **changes)


# A lifecycle as an exchange reports it: placed, filled in two parts, then done.
FILLED_LIFE = [
    _state(OrderStatus.OPEN, "0", 0),
    _state(OrderStatus.PARTIALLY_FILLED, "0.25", 1),
    _state(OrderStatus.PARTIALLY_FILLED, "0.75", 2),
    _state(OrderStatus.FILLED, "1", 3),
]
CANCELLED_LIFE = [
    _state(OrderStatus.OPEN, "0", 0),
    _state(OrderStatus.PARTIALLY_FILLED, "0.5", 1),
    _state(OrderStatus.CANCELED, "0.5", 2),
]


def test_each_change_passes_once_in_order() -> None:
    """Reported in order, every state is a change; a repeat of the last is not."""
    tracker = OrderTracker()

    passed = [tracker.update(state) for state in [*FILLED_LIFE, FILLED_LIFE[-1]]]

    assert passed == [*FILLED_LIFE, None]


def test_a_terminal_state_is_final() -> None:
    """After FILLED, nothing moves the order: not an earlier state, not a later report of another status."""
    tracker = OrderTracker()
    for state in FILLED_LIFE:
        tracker.update(state)

    assert tracker.update(_state(OrderStatus.CANCELED, "1", 9)) is None
    assert tracker.update(FILLED_LIFE[1]) is None
    assert tracker.get("gemini", "A") == FILLED_LIFE[-1]


def test_a_cancel_after_a_partial_fill_keeps_its_fill() -> None:
    """CANCELED with 0.5 filled is the final state, even when the partial fill's report comes after it."""
    tracker = OrderTracker()

    passed = [tracker.update(state) for state in [CANCELLED_LIFE[0], CANCELLED_LIFE[2], CANCELLED_LIFE[1]]]

    assert passed == [CANCELLED_LIFE[0], CANCELLED_LIFE[2], None]
    assert tracker.open_orders() == []


def test_a_refused_cancel_leaves_the_order_working() -> None:
    """A report of the same working state (a cancel the exchange refused) is no change."""
    tracker = OrderTracker()
    tracker.update(CANCELLED_LIFE[1])

    assert tracker.update(_state(OrderStatus.PARTIALLY_FILLED, "0.5", 5)) is None
    assert tracker.open_orders() == [CANCELLED_LIFE[1]]


def test_a_modified_price_is_a_change_and_an_older_report_is_not() -> None:
    """Same fill and stage, new price: a change; the same but stamped earlier than the last: stale."""
    tracker = OrderTracker()
    tracker.update(_state(OrderStatus.OPEN, "0", 1))

    modified = _state(OrderStatus.OPEN, "0", 2, price=Decimal(101))
    assert tracker.update(modified) == modified
    assert tracker.update(_state(OrderStatus.OPEN, "0", 1, price=Decimal(99))) is None


def test_orders_are_tracked_apart() -> None:
    """Two orders' states do not interfere: each has its own history."""
    tracker = OrderTracker()
    first, second = _state(OrderStatus.FILLED, "1", 1, "A"), _state(OrderStatus.OPEN, "0", 0, "B")

    assert [tracker.update(first), tracker.update(second)] == [first, second]
    assert len(tracker) == 2


@given(arrivals=st.lists(st.sampled_from(range(len(FILLED_LIFE))), min_size=1, max_size=12), cancel=st.booleans())
def test_whatever_the_order_of_arrival_no_state_goes_backwards(arrivals: list[int], *, cancel: bool) -> None:
    """Duplicated and reordered reports: what passes only moves forwards, and the end is the latest seen."""
    life = CANCELLED_LIFE if cancel else FILLED_LIFE
    tracker = OrderTracker()

    passed = [state for index in arrivals if (state := tracker.update(life[index % len(life)])) is not None]

    fills = [state.filled for state in passed]
    assert fills == sorted(fills)
    assert sum(state.status.is_final for state in passed) <= 1
    assert not any(state.status.is_final for state in passed[:-1])
    assert tracker.get("gemini", "A") == passed[-1]


def test_an_order_followed_unreported_is_reported_when_the_stream_repeats_its_state() -> None:
    """A baseline (the open orders read when the stream starts) is news when the stream says it; not when REST does."""
    tracker = OrderTracker()
    partial = _state(OrderStatus.PARTIALLY_FILLED, "0.25", 1)
    tracker.follow(partial)

    assert tracker.confirm(partial) is None
    assert tracker.update(partial) is partial
    assert tracker.update(partial) is None


def test_a_followed_order_moves_only_forwards() -> None:
    """Following is a state like any other: an older report is refused, the terminal one passes and is final."""
    tracker = OrderTracker()
    tracker.follow(_state(OrderStatus.PARTIALLY_FILLED, "0.5", 2))

    assert tracker.update(_state(OrderStatus.OPEN, "0", 0)) is None
    assert tracker.open_orders() == [_state(OrderStatus.PARTIALLY_FILLED, "0.5", 2)]
    filled = _state(OrderStatus.FILLED, "1", 3)
    assert tracker.confirm(filled) is filled
    assert tracker.open_orders() == []


def test_following_an_order_already_known_changes_nothing() -> None:
    tracker = OrderTracker()
    reported = _state(OrderStatus.PARTIALLY_FILLED, "0.25", 1)
    tracker.update(reported)

    tracker.follow(_state(OrderStatus.OPEN, "0", 0))

    assert tracker.get("gemini", "A") is reported
    assert tracker.update(reported) is None


def test_an_order_given_up_is_no_longer_listed_until_a_report_of_it_comes() -> None:
    """Its last state known, open, is no longer true: not listed, not open; a new report brings it back."""
    tracker = OrderTracker()
    tracker.update(_state(OrderStatus.PARTIALLY_FILLED, "0.5", 1))
    tracker.update(_state(OrderStatus.OPEN, "0", 1, order_id="B"))

    tracker.give_up(Exchange.GEMINI.value, ["A", "unknown"])

    assert [order.order_id for order in tracker.orders()] == ["B"]
    assert [order.order_id for order in tracker.open_orders()] == ["B"]
    tracker.update(_state(OrderStatus.CANCELED, "0.5", 2))
    assert [order.order_id for order in tracker.orders()] == ["A", "B"]
