"""
Kraken's Unified WebSocket `executions` reports read as Orders (kraken_futures/_updates.py).

The published reports are Kraken's Spot v2 examples and kraken-async-rs's captures (tests/fixtures/real/
kraken_futures, files stream_*); the sequences below are reconstructed from the same fields, in the shapes those
show: a full report first, sparse ones after.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

import exchange_clients as ec
from exchange_clients.kraken_futures._updates import ExecutionBook
from tests.real import published
from tests.real.published import assert_exact


ORDER_ID = "e66851e7-8721-50ed-bf43-5e6a2ddff423"  # the UUID of Kraken's derivatives amend_order example


def _fixture(name: str) -> Any:
    return published.load(published.REAL / "kraken_futures" / name)


def _message(*reports: dict[str, Any], sequence: int = 1) -> dict[str, Any]:
    return {"channel": "executions", "type": "update", "data": list(reports), "sequence": sequence}


PLACED = {
    "order_id": ORDER_ID,
    "exec_type": "new",
    "order_status": "new",
    "symbol": "PF_XBTUSD",
    "side": "buy",
    "order_type": "limit",
    "order_qty": Decimal("1.5"),
    "limit_price": Decimal("61031.3"),
    "cl_ord_id": "2c6be801-1f53-4f79-a0bb-4ea1c95dfae9",
    "timestamp": "2026-12-05T10:00:00.000000Z",
}


def _trade(exec_id: str, last_qty: str, cum_qty: str | None, status: str = "partially_filled") -> dict[str, Any]:
    report = {
        "order_id": ORDER_ID,
        "exec_type": "trade",
        "order_status": status,
        "exec_id": exec_id,
        "last_qty": Decimal(last_qty),
        "last_price": Decimal("61031.3"),
        "timestamp": "2026-12-05T10:00:01.000000Z",
    }
    return report | ({"cum_qty": Decimal(cum_qty), "avg_price": Decimal("61031.3")} if cum_qty is not None else {})


def test_kraken_s_pending_new_example_is_an_open_order_with_every_field() -> None:
    [order] = ExecutionBook().read(_fixture("stream_official_spotv2_executions_update_pending_new.json"))

    assert order.status is ec.OrderStatus.OPEN
    assert (order.order_id, order.symbol, order.side, order.order_type) == (
        "OK4GJX-KSTLS-7DZZO5",
        "BTC/USD",
        ec.Side.SELL,
        ec.OrderType.LIMIT,
    )
    assert_exact(order.amount, "0.005")
    assert order.raw_status == "pending_new"


def test_a_cancel_of_an_order_never_seen_says_what_it_knows_and_no_more() -> None:
    """The capture names only the order and its fill: cancelled with nothing filled, its market unknown."""
    [order] = ExecutionBook().read(_fixture("stream_kraken_async_rs_executions_update_canceled.json"))

    assert (order.status, order.order_id) == (ec.OrderStatus.CANCELED, "KIUEL4-G3PWU-HOJTYU")
    assert_exact(order.filled, "0.00000000")
    assert (order.symbol, order.side, order.amount) == ("", ec.Side.UNKNOWN, None)
    assert order.updated_at == datetime(2024, 5, 18, 12, 58, 40, 165132, tzinfo=UTC)


def test_a_snapshot_trade_record_of_a_filled_order_is_filled() -> None:
    orders = ExecutionBook().read(_fixture("stream_kraken_async_rs_executions_snapshot_trades.json"))

    assert orders[0].status is ec.OrderStatus.FILLED
    assert_exact(orders[0].filled, "0.00016000")


def test_a_lifecycle_keeps_what_earlier_reports_said() -> None:
    """Placed, partly filled, then a trade that Kraken still calls partially_filled, then the filled event."""
    book = ExecutionBook()

    placed = book.read(_message(PLACED))
    partly = book.read(_message(_trade("T1", "0.5", "0.5")))
    whole = book.read(_message(_trade("T2", "1.0", "1.5")))
    done = book.read(_message({"order_id": ORDER_ID, "exec_type": "filled", "order_status": "filled"}))

    assert [(o.status, o.filled) for o in [*placed, *partly, *whole, *done]] == [
        (ec.OrderStatus.OPEN, None),
        (ec.OrderStatus.PARTIALLY_FILLED, Decimal("0.5")),
        # Kraken: a trade can say partially_filled although it fills the order; only the filled event says done.
        (ec.OrderStatus.PARTIALLY_FILLED, Decimal("1.5")),
        (ec.OrderStatus.FILLED, Decimal("1.5")),
    ]
    final = done[0]
    assert (final.symbol, final.side, final.client_order_id) == ("PF_XBTUSD", ec.Side.BUY, PLACED["cl_ord_id"])
    assert (final.amount, final.remaining, final.price) == (Decimal("1.5"), Decimal(0), Decimal("61031.3"))
    assert_exact(final.average_price, "61031.3")


def test_a_cancel_after_a_partial_fill_keeps_the_fill() -> None:
    book = ExecutionBook()
    book.read(_message(PLACED))
    book.read(_message(_trade("T1", "0.5", "0.5")))

    [cancelled] = book.read(
        _message({"order_id": ORDER_ID, "exec_type": "canceled", "order_status": "canceled", "cum_qty": Decimal("0.5")})
    )

    assert (cancelled.status, cancelled.filled, cancelled.remaining) == (
        ec.OrderStatus.CANCELED,
        Decimal("0.5"),
        Decimal("1.0"),
    )
    assert cancelled.symbol == "PF_XBTUSD"


def test_a_trade_without_its_total_adds_its_quantity_once() -> None:
    """No cum_qty: the fill is the fills seen, each execution counted once however often it is reported."""
    book = ExecutionBook()
    book.read(_message(PLACED))

    first = book.read(_message(_trade("T1", "0.25", None)))
    again = book.read(_message(_trade("T1", "0.25", None)))
    second = book.read(_message(_trade("T2", "0.5", None)))

    assert [order.filled for order in [*first, *again, *second]] == [Decimal("0.25"), Decimal("0.25"), Decimal("0.75")]


def test_a_terminal_event_without_a_status_says_the_state() -> None:
    book = ExecutionBook()
    book.read(_message(PLACED))

    [expired] = book.read(_message({"order_id": ORDER_ID, "exec_type": "expired"}))

    assert (expired.status, expired.raw_status) == (ec.OrderStatus.EXPIRED, "expired")


def test_an_unknown_status_is_unknown_and_kept() -> None:
    [order] = ExecutionBook().read(_message(PLACED | {"order_status": "pending_cancel"}))

    assert (order.status, order.raw_status) == (ec.OrderStatus.UNKNOWN, "pending_cancel")


@pytest.mark.parametrize(
    ("message", "named"),
    [
        (_message({"exec_type": "new"}), "order_id"),
        (_message(PLACED | {"order_qty": "lots"}), "order_qty"),
        ({"channel": "executions", "type": "update", "data": []}, "sequence"),
    ],
    ids=["no_order_id", "quantity_not_a_number", "no_sequence"],
)
def test_a_report_of_the_wrong_shape_is_an_unexpected_response_naming_the_field(
    message: dict[str, Any], named: str
) -> None:
    with pytest.raises(ec.UnexpectedResponseError) as raised:
        ExecutionBook().read(message)

    assert named in raised.value.message
    assert raised.value.exchange == "kraken_futures"


def _snapshot(*reports: dict[str, Any]) -> dict[str, Any]:
    return {"channel": "executions", "type": "snapshot", "data": list(reports), "sequence": 1}


def test_a_snapshot_splits_open_orders_from_its_trades() -> None:
    """Open orders are the reports that are not trades, one Order each; the trades are kept apart for settling."""
    other = PLACED | {"order_id": "0b8f1a52-6f1c-4f3e-9d7e-2a4b6c8d0e1f", "cl_ord_id": None}
    book = ExecutionBook()

    orders, trades = book.read_snapshot(_snapshot(PLACED, _trade("T1", "0.5", None), other))

    assert [order.order_id for order in orders] == [ORDER_ID, other["order_id"]]
    assert all(order.status is ec.OrderStatus.OPEN for order in orders)
    assert [trade.exec_id for trade in trades] == ["T1"]


def test_an_untriggered_stop_in_a_snapshot_is_untriggered() -> None:
    stop = PLACED | {"order_type": "stop-loss", "triggers": {"price": Decimal(60000), "status": "untriggered"}}

    (order,), _ = ExecutionBook().read_snapshot(_snapshot(stop))

    assert order.status is ec.OrderStatus.UNTRIGGERED


def _open_order() -> ec.Order:
    (order,) = ExecutionBook().read(_message(PLACED))
    return order


def test_settling_an_order_whose_trades_cover_its_amount_says_filled() -> None:
    """Without cum_qty the fill is the sum of the trades' last_qty, each execution once."""
    trades = [_trade("T1", "1", None), _trade("T1", "1", None), _trade("T2", "0.5", None)]
    _, reports = ExecutionBook().read_snapshot(_snapshot(*trades))

    known, unknown = ExecutionBook.settle([_open_order()], reports)

    assert [(order.status, order.filled, order.remaining) for order in known] == [
        (ec.OrderStatus.FILLED, Decimal("1.5"), Decimal(0))
    ]
    assert unknown == []


def test_settling_an_order_whose_trades_fall_short_says_what_they_show_and_no_more() -> None:
    """A cancel and fills older than the snapshot's last 50 look alike: the fill shown is delivered, the end is not."""
    _, reports = ExecutionBook().read_snapshot(_snapshot(_trade("T1", "0.25", "0.75"), _trade("T2", "0.5", "0.5")))
    order = _open_order()

    known, unknown = ExecutionBook.settle([order], reports)

    assert [(item.status, item.filled) for item in known] == [(ec.OrderStatus.PARTIALLY_FILLED, Decimal("0.75"))]
    assert unknown == [order]


def test_settling_an_order_with_no_trades_leaves_it_unknown() -> None:
    order = _open_order()

    known, unknown = ExecutionBook.settle([order], [])

    assert known == []
    assert unknown == [order]
