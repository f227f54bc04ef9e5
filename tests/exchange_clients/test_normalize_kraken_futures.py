"""
One element of Kraken Futures' `orders` list becomes one exact `Order`: status by table, remaining computed, ISO times.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest

from exchange_clients import kraken_futures
from exchange_clients._errors import UnexpectedResponseError
from exchange_clients._order import Exchange, Order, OrderStatus, OrderType, Side
from exchange_clients.generated.kraken_futures.models import OrderStatusDetailsJson
from exchange_clients.runtime import decode_json
from tests.exact_json import dumps
from tests.exchange_clients.normalizing import fixture_bytes, ways_in
from tests.spec_examples import response_examples


def source(name: str, order: Mapping[str, Any] | None = None, **changes: Any) -> bytes:
    """The fixture's bytes, or the same element with `changes` to it and `order` changes to its `order` object."""
    raw = fixture_bytes("kraken_futures", name)
    if order is None and not changes:
        return raw
    element = {**decode_json(raw), **changes}
    if order is not None:
        element["order"] = {**element["order"], **order}
    return dumps(element).encode()


FORMS = ways_in(kraken_futures, OrderStatusDetailsJson, decode_json)


@pytest.fixture(params=FORMS)
def normalize(request: pytest.FixtureRequest) -> Callable[[bytes], Order]:
    """Each way in: parse_order with bytes, str and a decoded mapping, and to_order with the generated model."""
    return FORMS[request.param]


@pytest.mark.parametrize(
    ("raw", "status", "raw_status"),
    [
        pytest.param(source("entered_book"), OrderStatus.OPEN, "ENTERED_BOOK", id="entered-book-unfilled"),
        pytest.param(
            source("entered_book", order={"filled": None}), OrderStatus.OPEN, "ENTERED_BOOK", id="entered-book-null"
        ),
        pytest.param(
            source("entered_book_partially_filled"),
            OrderStatus.PARTIALLY_FILLED,
            "ENTERED_BOOK",
            id="entered-book-filled",
        ),
        pytest.param(source("fully_executed"), OrderStatus.FILLED, "FULLY_EXECUTED", id="fully-executed"),
        pytest.param(source("cancelled"), OrderStatus.CANCELED, "CANCELLED", id="cancelled"),
        pytest.param(source("rejected"), OrderStatus.REJECTED, "REJECTED", id="rejected"),
        pytest.param(
            source("trigger_placed_stop_limit"), OrderStatus.UNTRIGGERED, "TRIGGER_PLACED", id="trigger-placed"
        ),
        pytest.param(
            source("trigger_activation_failure_stop_market"),
            OrderStatus.REJECTED,
            "TRIGGER_ACTIVATION_FAILURE",
            id="trigger-activation-failure",
        ),
        pytest.param(source("unknown_status"), OrderStatus.UNKNOWN, "PARKED", id="unknown"),
    ],
)
def test_status_follows_designs_table(
    normalize: Callable[[bytes], Order], raw: bytes, status: OrderStatus, raw_status: str
) -> None:
    """Each Kraken row of DESIGN's status table gives its status; an unknown status is UNKNOWN with its text kept."""
    order = normalize(raw)

    assert order.status is status
    assert order.raw_status == raw_status


def test_documented_example_field_by_field(normalize: Callable[[bytes], Order]) -> None:
    """The spec's partly filled order normalizes to exactly these fields, the generated model kept as raw."""
    order = normalize(source("entered_book_partially_filled"))

    assert attrs.asdict(order, recurse=False, filter=lambda field, _: field.name != "raw") == {
        "exchange": Exchange.KRAKEN_FUTURES,
        "order_id": "2a1c6d4f-8d5e-4f9b-8c2b-3d4e5f6a7b81",
        "client_order_id": None,
        "symbol": "PF_ETHUSD",
        "side": Side.SELL,
        "order_type": OrderType.LIMIT,
        "status": OrderStatus.PARTIALLY_FILLED,
        "price": Decimal("2345.25"),
        "amount": Decimal("3.25"),
        "filled": Decimal("0.75"),
        "remaining": Decimal("2.5"),
        "average_price": None,
        "fee": None,
        "fee_currency": None,
        "created_at": datetime(2026, 11, 22, 9, 59, 58, tzinfo=UTC),
        "updated_at": datetime(2026, 11, 22, 10, 0, 1, 250000, tzinfo=UTC),
        "raw_status": "ENTERED_BOOK",
    }
    assert isinstance(order.raw, OrderStatusDetailsJson)


@pytest.mark.parametrize(
    ("raw", "side", "order_type"),
    [
        pytest.param(source("entered_book"), Side.BUY, OrderType.LIMIT, id="order-with-limit-price"),
        pytest.param(source("entered_book_partially_filled"), Side.SELL, OrderType.LIMIT, id="sell-limit"),
        pytest.param(source("market_fully_executed"), Side.BUY, OrderType.MARKET, id="order-without-limit-price"),
        pytest.param(source("trigger_placed_stop_limit"), Side.SELL, OrderType.STOP_LIMIT, id="trigger-with-limit"),
        pytest.param(
            source("trigger_activation_failure_stop_market"), Side.BUY, OrderType.STOP_MARKET, id="trigger-no-limit"
        ),
        pytest.param(source("entered_book", order={"side": "BUY"}), Side.UNKNOWN, OrderType.LIMIT, id="side-case"),
        pytest.param(
            source("entered_book", order={"type": "ALGO_ORDER"}), Side.BUY, OrderType.UNKNOWN, id="unknown-type"
        ),
    ],
)
def test_side_and_order_type(
    normalize: Callable[[bytes], Order], raw: bytes, side: Side, order_type: OrderType
) -> None:
    """`side` and (`type`, `limitPrice`) give side and order type; undocumented values are UNKNOWN, not errors."""
    order = normalize(raw)

    assert (order.side, order.order_type) == (side, order_type)


@pytest.mark.parametrize(
    ("raw", "amount", "remaining"),
    [
        pytest.param(source("entered_book_partially_filled"), Decimal("3.25"), Decimal("2.5"), id="partly-filled"),
        pytest.param(source("fully_executed"), Decimal("0.001"), Decimal(0), id="fully-executed"),
        pytest.param(source("entered_book", order={"quantity": None}), None, None, id="quantity-null"),
        pytest.param(source("entered_book", order={"filled": None}), None, Decimal(1), id="filled-null"),
        pytest.param(
            source("high_precision"),
            Decimal("1234567890.62345678901234567890"),
            Decimal("1234567890.12345678901234567890"),
            id="30-digits",
        ),
    ],
)
def test_quantity_is_what_is_still_open(
    normalize: Callable[[bytes], Order], raw: bytes, amount: Decimal | None, remaining: Decimal | None
) -> None:
    """Kraken's quantity is the open part (patch 006): remaining is quantity, the amount quantity + filled, exact."""
    order = normalize(raw)

    assert (order.amount, order.remaining) == (amount, remaining)
    for got, expected in ((order.amount, amount), (order.remaining, remaining)):
        if expected is not None:
            assert str(got) == str(expected)


def test_high_precision_numbers_are_exact(normalize: Callable[[bytes], Order]) -> None:
    """A 30-significant-digit JSON number and a price of 1e-18 come out digit for digit, never through float."""
    order = normalize(source("high_precision"))

    assert order.remaining == Decimal("1234567890.12345678901234567890")
    assert str(order.remaining) == "1234567890.12345678901234567890"
    assert order.price == Decimal("0.000000000000000001")
    assert order.price is not None
    # str() of a Decimal this small is scientific ("1E-18"); the digits must still be the ones sent.
    assert f"{order.price:f}" == "0.000000000000000001"
    assert order.price.as_tuple() == Decimal("0.000000000000000001").as_tuple()


@pytest.mark.parametrize(
    ("timestamp", "moment"),
    [
        pytest.param("2026-11-22T10:00:01.250Z", datetime(2026, 11, 22, 10, 0, 1, 250000, tzinfo=UTC), id="Z-ms"),
        pytest.param("2026-11-22T10:00:01Z", datetime(2026, 11, 22, 10, 0, 1, tzinfo=UTC), id="Z-seconds"),
        pytest.param(
            "2026-11-22T12:00:01.123456+02:00", datetime(2026, 11, 22, 10, 0, 1, 123456, tzinfo=UTC), id="offset"
        ),
        pytest.param("2026-11-22T10:00:01.5", datetime(2026, 11, 22, 10, 0, 1, 500000, tzinfo=UTC), id="no-offset"),
    ],
)
def test_times_are_utc(normalize: Callable[[bytes], Order], timestamp: str, moment: datetime) -> None:
    """`timestamp` and `lastUpdateTimestamp` are ISO-8601 and become UTC datetimes with their fractions kept."""
    order = normalize(source("entered_book", order={"timestamp": timestamp, "lastUpdateTimestamp": timestamp}))

    assert order.created_at == moment
    assert order.updated_at == moment
    assert order.created_at is not None
    assert order.created_at.tzinfo is UTC


def test_no_fee_or_average_price(normalize: Callable[[bytes], Order]) -> None:
    """Kraken's order status carries neither a fee nor an average price, so both are None, not zero."""
    order = normalize(source("fully_executed"))

    assert (order.average_price, order.fee, order.fee_currency) == (None, None, None)


@pytest.mark.parametrize(
    ("raw", "order_id", "client_order_id"),
    [
        pytest.param(source("entered_book"), "1f0b5c3e-7c4d-4e8a-9b1a-2c3d4e5f6a70", "my-order-1", id="given"),
        pytest.param(
            source("entered_book", order={"orderId": "1F0B5C3E-7C4D-4E8A-9B1A-2C3D4E5F6A70", "cliOrdId": None}),
            "1f0b5c3e-7c4d-4e8a-9b1a-2c3d4e5f6a70",
            None,
            id="uppercase-uuid-null-client-id",
        ),
    ],
)
def test_ids(normalize: Callable[[bytes], Order], raw: bytes, order_id: str, client_order_id: str | None) -> None:
    """`orderId` is the UUID's canonical text and `cliOrdId` the client order id, None when null."""
    order = normalize(raw)

    assert (order.order_id, order.client_order_id, order.symbol) == (order_id, client_order_id, "PF_XBTUSD")


ENTERED_BOOK = decode_json(source("entered_book"))

MALFORMED: list[Any] = [
    pytest.param(b"Service Unavailable", id="not-json"),
    pytest.param("", id="empty"),
    pytest.param(b"[]", id="array"),
    pytest.param("42", id="number"),
    pytest.param((), id="python-tuple"),
    pytest.param(b'{"status": "ENTERED_BOOK"}', id="missing-order"),
    pytest.param(dumps({**decode_json(source("entered_book")), "order": "none"}), id="order-not-object"),
    pytest.param(source("entered_book", order={"orderId": "not-a-uuid"}), id="order-id-not-uuid"),
    pytest.param(source("entered_book", order={"orderId": 7}), id="order-id-number"),
    pytest.param(source("entered_book", order={"quantity": "1"}), id="quantity-string"),
    pytest.param(source("entered_book", order={"quantity": Decimal(-1)}), id="quantity-negative"),
    pytest.param(source("entered_book", order={"filled": Decimal("-0.5")}), id="filled-negative"),
    pytest.param(source("entered_book", order={"limitPrice": Decimal("-34567.5")}), id="price-negative"),
    pytest.param(source("entered_book", order={"quantity": Decimal("1E+999999")}), id="quantity-huge-exponent"),
    pytest.param(source("entered_book", order={"timestamp": "yesterday"}), id="timestamp-text"),
    pytest.param(source("entered_book", order={"timestamp": "2026-11-22"}), id="timestamp-date-only"),
    pytest.param(
        source("entered_book", order={"lastUpdateTimestamp": "2026-11-22T10:00:00.000000001Z"}),
        id="timestamp-nanoseconds",
    ),
    pytest.param(source("entered_book", order={"timestamp": 1795341600000}), id="timestamp-number"),
    pytest.param(source("entered_book", order={"timestamp": "2026-13-22T10:00:00Z"}), id="timestamp-month-13"),
    pytest.param(source("entered_book", order={"symbol": None}), id="symbol-null"),
    pytest.param(source("entered_book", order={"side": None}), id="side-null"),
    pytest.param(source("entered_book", order={"cliOrdId": 5}), id="client-id-number"),
    pytest.param(source("entered_book", status=5), id="status-number"),
    pytest.param(source("entered_book", updateReason=5), id="update-reason-number"),
    pytest.param(b'{"order": {"quantity": Infinity}}', id="json-infinity"),
    pytest.param(
        {
            **decode_json(source("entered_book")),
            "order": {**decode_json(source("entered_book"))["order"], "filled": 0.5},
        },
        id="mapping-float",
    ),
]


@pytest.mark.parametrize("raw", MALFORMED)
def test_malformed_element_raises_unexpected_response(raw: bytes | str | Mapping[str, Any]) -> None:
    """Whatever is not a Kraken order as its schema says raises UnexpectedResponseError with its cause."""
    with pytest.raises(UnexpectedResponseError) as caught:
        kraken_futures.parse_order(raw)

    error = caught.value
    assert (error.exchange, error.operation) == (Exchange.KRAKEN_FUTURES, "parse_order")
    # What did not fit is named in the message; nothing is chained, so a traceback shows no raw exception text.
    assert error.__cause__ is None
    assert "as documented: " in error.message
    assert error.body is not None


def test_error_body_of_a_mapping_is_its_json() -> None:
    """A mapping that does not fit is kept in the error as JSON text."""
    with pytest.raises(UnexpectedResponseError) as caught:
        kraken_futures.parse_order({"status": "ENTERED_BOOK"})

    assert caught.value.body == '{"status": "ENTERED_BOOK"}'


def test_to_order_refuses_an_undocumented_model() -> None:
    """to_order checks the model too: a negative quantity raises UnexpectedResponseError, not ValueError."""
    model = OrderStatusDetailsJson.from_dict(decode_json(source("entered_book")))
    model.order.quantity = Decimal(-1)

    with pytest.raises(UnexpectedResponseError) as caught:
        kraken_futures.to_order(model)

    assert (caught.value.exchange, caught.value.operation) == (Exchange.KRAKEN_FUTURES, "to_order")
    assert "ValueError" in caught.value.message


DOCS_FIXTURES = {
    "entered_book": ("orders_in_every_status", 0),
    "entered_book_partially_filled": ("orders_in_every_status", 1),
    "fully_executed": ("orders_in_every_status", 2),
    "cancelled": ("orders_in_every_status", 3),
    "rejected": ("orders_in_every_status", 4),
    "trigger_placed_stop_limit": ("trigger_orders", 0),
    "trigger_activation_failure_stop_market": ("trigger_orders", 1),
}


def test_spec_fixtures_are_the_specs_examples() -> None:
    """The fixtures taken from the spec's examples are those elements exactly, so they cannot drift apart."""
    examples = {example.name: example.value for example in response_examples(("kraken_futures",))}

    for fixture, (example, index) in DOCS_FIXTURES.items():
        assert decode_json(source(fixture)) == examples[example]["orders"][index], fixture
