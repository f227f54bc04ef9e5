"""
Each exchange's order-stream message becomes the same exact `Order` as its REST answer, read as the exchange means it.

Gemini: the fill is `q - z` (`Z` means the last fill on fill events but the total otherwise), an omitted `z` is 0 and
times are nanoseconds. DigiFinex: a market buy's `amount: "0"` is an unknown amount, never a negative remaining.
Derive: a notification's orders are the REST `Order`. A message that does not fit is UnexpectedResponseError.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

import exchange_clients as ec
from codegen.messages import message_spec_path
from codegen.specs import load_yaml
from exchange_clients._tracker import OrderTracker
from exchange_clients.derive._updates import parse_notification
from exchange_clients.digifinex._updates import parse_update as parse_digifinex
from exchange_clients.gemini._updates import parse_update as parse_gemini
from exchange_clients.simulator import SimulatedOrders


def _examples(exchange: str, message: str) -> dict[str, Any]:
    document = load_yaml(message_spec_path(exchange).read_text(encoding="utf-8"))
    return {example["name"]: example["payload"] for example in document["components"]["messages"][message]["examples"]}


GEMINI = _examples("gemini", "OrderUpdate")


def test_gemini_fills_are_read_from_quantity_and_remaining_not_from_z() -> None:
    """A partial fill's Z (0.2) is that fill's size; the order's fill is q - z, and the cancel keeps it."""
    placed, partial, cancelled = (
        parse_gemini(GEMINI[name]) for name in ("new-limit-order", "partial-fill", "cancelled-after-partial-fill")
    )

    assert (placed.status, placed.filled, placed.remaining) == (ec.OrderStatus.OPEN, Decimal(0), Decimal("0.5"))
    assert (partial.status, partial.filled, partial.remaining) == (
        ec.OrderStatus.PARTIALLY_FILLED,
        Decimal("0.2"),
        Decimal("0.3"),
    )
    assert (cancelled.status, cancelled.filled) == (ec.OrderStatus.CANCELED, Decimal("0.2"))
    assert placed.order_id == "73797746498585286"
    assert placed.client_order_id == "my-order-1"
    assert (placed.side, placed.order_type, placed.price) == (ec.Side.BUY, ec.OrderType.LIMIT, Decimal("97000.00"))


def test_gemini_an_omitted_remaining_is_zero_left() -> None:
    """Gemini leaves out zero values: a FILLED event without `z` is fully filled, not of unknown fill."""
    event = {**GEMINI["partial-fill"], "X": "FILLED", "Z": "0.3"}
    del event["z"]

    order = parse_gemini(event)

    assert (order.status, order.filled, order.remaining) == (ec.OrderStatus.FILLED, Decimal("0.5"), Decimal(0))


def test_gemini_times_are_nanoseconds_kept_to_the_microsecond() -> None:
    """`T` in nanoseconds becomes a UTC datetime to the microsecond; the event keeps every digit."""
    order = parse_gemini(GEMINI["new-limit-order"])

    assert order.updated_at == datetime(2024, 12, 5, 12, 0, 0, 123000, tzinfo=UTC)
    assert order.raw.T == 1733400000123000000  # type: ignore[union-attr]


def test_gemini_a_status_it_does_not_know_is_unknown_and_kept() -> None:
    """A new `X` value is UNKNOWN, with Gemini's word in raw_status; nothing raises."""
    order = parse_gemini({**GEMINI["new-limit-order"], "X": "PENDING_REVIEW"})

    assert (order.status, order.raw_status) == (ec.OrderStatus.UNKNOWN, "PENDING_REVIEW")


def test_gemini_reordered_duplicated_events_never_go_backwards() -> None:
    """The three events delivered cancel first, then duplicates: the tracker keeps the cancellation."""
    tracker = OrderTracker()
    events = [GEMINI["cancelled-after-partial-fill"], GEMINI["partial-fill"], GEMINI["new-limit-order"]] * 2

    passed = [order for event in events if (order := tracker.update(parse_gemini(event))) is not None]

    assert [(order.status, order.filled) for order in passed] == [(ec.OrderStatus.CANCELED, Decimal("0.2"))]


def test_digifinex_a_market_buy_has_an_unknown_amount_not_a_negative_remaining() -> None:
    """DigiFinex's own example: amount 0 and filled 0.9969 is an amount nobody knows, and no remaining."""
    (order,) = parse_digifinex(_examples("digifinex", "OrderUpdate")["docs-market-buy"])

    assert (order.status, order.order_type, order.side) == (ec.OrderStatus.FILLED, ec.OrderType.MARKET, ec.Side.BUY)
    assert (order.amount, order.filled, order.remaining) == (None, Decimal("0.9969"), None)
    assert (order.price, order.average_price) == (None, Decimal(9700))
    assert order.updated_at == datetime(2020, 5, 12, 8, 35, 47, tzinfo=UTC)


def test_digifinex_a_partly_filled_limit_order_has_its_remaining() -> None:
    """A limit order's amount and fill give what is left, exactly."""
    item = {**_examples("digifinex", "OrderUpdate")["docs-market-buy"]["params"][0]}
    item.update(type="limit", amount="1.5", filled="0.25", price="9000.5", price_avg="9000.5", status=1)

    (order,) = parse_digifinex({"method": "order.update", "params": [item], "id": None})

    assert (order.status, order.remaining, order.price) == (
        ec.OrderStatus.PARTIALLY_FILLED,
        Decimal("1.25"),
        Decimal("9000.5"),
    )


def test_derive_a_notification_is_read_with_the_rest_normalizer() -> None:
    """Each order of a notification is the Order private/get_order gives for the same body."""
    bodies = [dict(order.body) for order in SimulatedOrders().of("derive")]

    orders = parse_notification({"method": "subscription", "params": {"channel": "30769.orders", "data": bodies}})

    assert orders == [ec.derive.parse_order(body) for body in bodies]


@pytest.mark.parametrize(
    ("parse", "message"),
    [
        (parse_gemini, {"e": "orderUpdate", "s": "btcusd"}),
        (parse_gemini, {**GEMINI["new-limit-order"], "i": "73797746498585286"}),
        (parse_digifinex, {"method": "order.update", "params": [{"id": "x"}], "id": None}),
        (parse_notification, {"method": "subscription", "params": {"channel": "1.orders"}}),
    ],
    ids=["gemini-missing-fields", "gemini-id-as-text", "digifinex-missing-fields", "derive-no-data"],
)
def test_a_message_that_does_not_fit_is_an_unexpected_response(parse: Any, message: dict[str, Any]) -> None:
    """The error names the exchange, the operation and what did not fit."""
    with pytest.raises(ec.UnexpectedResponseError) as raised:
        parse(message)

    assert raised.value.operation == "watch_orders"
    assert "$." in str(raised.value)


@pytest.mark.parametrize(
    "order",
    [{"order_id": "x"}, {**SimulatedOrders().named("derive", "open").body, "amount": "one"}],
    ids=["missing", "amount"],
)
def test_a_derive_order_that_does_not_fit_names_watch_orders(order: dict[str, Any]) -> None:
    """An order inside the notification that is not Derive's Order: named as the stream's error, not parse_order's."""
    message = {"method": "subscription", "params": {"channel": "30769.orders", "data": [order]}}

    with pytest.raises(ec.UnexpectedResponseError) as raised:
        parse_notification(message)

    assert raised.value.operation == "watch_orders"
    assert raised.value.exchange is ec.Exchange.DERIVE
