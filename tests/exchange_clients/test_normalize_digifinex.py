"""
One element of DigiFinex's `data` list becomes one exact `Order`: integer status by table, side and type from `type`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest

from exchange_clients import digifinex
from exchange_clients._errors import UnexpectedResponseError
from exchange_clients._order import Exchange, Order, OrderStatus, OrderType, Side
from exchange_clients.generated.digifinex.models import Order as DigiFinexOrder
from exchange_clients.runtime import decode_json
from tests.exchange_clients.normalizing import changed, fixture_bytes, ways_in
from tests.spec_examples import response_examples


def source(name: str, **changes: Any) -> bytes:
    """The fixture's bytes, or with `changes` the same order with those fields replaced."""
    return changed(fixture_bytes("digifinex", name), decode_json, **changes)


FORMS = ways_in(digifinex, DigiFinexOrder, decode_json)


@pytest.fixture(params=FORMS)
def normalize(request: pytest.FixtureRequest) -> Callable[[bytes], Order]:
    """Each way in: parse_order with bytes, str and a decoded mapping, and to_order with the generated model."""
    return FORMS[request.param]


@pytest.mark.parametrize(
    ("raw", "status", "raw_status"),
    [
        pytest.param(source("status_0_none_executed"), OrderStatus.OPEN, "0", id="0-none-executed"),
        pytest.param(source("status_1_partially_executed"), OrderStatus.PARTIALLY_FILLED, "1", id="1-partially"),
        pytest.param(source("status_2_fully_executed"), OrderStatus.FILLED, "2", id="2-fully-executed"),
        pytest.param(source("status_3_cancelled_none_executed"), OrderStatus.CANCELED, "3", id="3-cancelled"),
        pytest.param(
            source("status_4_cancelled_partially_executed"), OrderStatus.CANCELED, "4", id="4-cancelled-partially"
        ),
        pytest.param(source("unknown_status_and_type"), OrderStatus.UNKNOWN, "7", id="unknown-7"),
        pytest.param(source("status_0_none_executed", status=-1), OrderStatus.UNKNOWN, "-1", id="unknown-negative"),
    ],
)
def test_status_follows_designs_table(
    normalize: Callable[[bytes], Order], raw: bytes, status: OrderStatus, raw_status: str
) -> None:
    """Each DigiFinex status integer of DESIGN's table gives its status; another is UNKNOWN with the integer kept."""
    order = normalize(raw)

    assert order.status is status
    assert order.raw_status == raw_status


def test_documented_example_field_by_field(normalize: Callable[[bytes], Order]) -> None:
    """The docs' example order normalizes to exactly these fields, the generated model kept as raw."""
    order = normalize(source("seed_partially_executed_margin"))

    assert attrs.asdict(order, recurse=False, filter=lambda field, _: field.name != "raw") == {
        "exchange": Exchange.DIGIFINEX,
        "order_id": "dd3164b333a4afa9d5730bb87f6db8b3",
        "client_order_id": None,
        "symbol": "BTC_USDT",
        "side": Side.BUY,
        "order_type": OrderType.LIMIT,
        "status": OrderStatus.PARTIALLY_FILLED,
        "price": Decimal("0.1"),
        "amount": Decimal(1),
        "filled": Decimal(0),
        "remaining": Decimal(1),
        "average_price": None,
        "fee": None,
        "fee_currency": None,
        "created_at": datetime(2019, 7, 5, 5, 12, 27, tzinfo=UTC),
        "updated_at": None,
        "raw_status": "1",
    }
    assert isinstance(order.raw, DigiFinexOrder)
    assert order.raw.kind.value == "margin"


@pytest.mark.parametrize(
    ("raw", "side", "order_type"),
    [
        pytest.param(source("status_0_none_executed"), Side.BUY, OrderType.LIMIT, id="buy"),
        pytest.param(source("status_1_partially_executed"), Side.SELL, OrderType.LIMIT, id="sell"),
        pytest.param(source("market_buy"), Side.BUY, OrderType.MARKET, id="buy_market"),
        pytest.param(source("market_sell"), Side.SELL, OrderType.MARKET, id="sell_market"),
        pytest.param(source("unknown_status_and_type"), Side.UNKNOWN, OrderType.UNKNOWN, id="undocumented"),
    ],
)
def test_side_and_order_type(
    normalize: Callable[[bytes], Order], raw: bytes, side: Side, order_type: OrderType
) -> None:
    """`type` gives both side and order type; a value DigiFinex does not document is UNKNOWN for both."""
    order = normalize(raw)

    assert (order.side, order.order_type) == (side, order_type)


@pytest.mark.parametrize(
    ("raw", "price", "amount", "remaining"),
    [
        pytest.param(source("status_1_partially_executed"), Decimal("310.25"), Decimal(2), Decimal("1.25"), id="limit"),
        pytest.param(source("status_2_fully_executed"), Decimal(11000), Decimal("0.5"), Decimal("0.0"), id="filled"),
        pytest.param(source("market_buy"), None, None, None, id="market-buy-sized-in-cash"),
        pytest.param(source("market_sell"), None, Decimal("0.5"), Decimal("0.0"), id="market-sell"),
        pytest.param(
            source("status_0_none_executed", price=0), Decimal(0), Decimal("0.25"), Decimal("0.25"), id="limit-zero"
        ),
        pytest.param(
            source("status_1_partially_executed", executed_amount=3), Decimal("310.25"), Decimal(2), None, id="overfill"
        ),
        pytest.param(
            source("high_precision"),
            Decimal("0.000000000000000001"),
            Decimal("1234567890.12345678901234567890"),
            Decimal("1234567889.37345678901234567890"),
            id="30-digits",
        ),
    ],
)
def test_price_amount_and_computed_remaining(
    normalize: Callable[[bytes], Order],
    raw: bytes,
    price: Decimal | None,
    amount: Decimal | None,
    remaining: Decimal | None,
) -> None:
    """Remaining is amount - executed_amount, exact; a market order's zero price or amount is None, not 0."""
    order = normalize(raw)

    assert (order.price, order.amount, order.remaining) == (price, amount, remaining)
    if remaining is not None:
        assert str(order.remaining) == str(remaining)


def test_high_precision_numbers_are_exact(normalize: Callable[[bytes], Order]) -> None:
    """A 30-significant-digit JSON number and a price of 1e-18 come out digit for digit, never through float."""
    order = normalize(source("high_precision"))

    assert order.amount == Decimal("1234567890.12345678901234567890")
    assert str(order.amount) == "1234567890.12345678901234567890"
    for value in (order.price, order.average_price):
        assert value == Decimal("0.000000000000000001")
        assert value is not None
        # str() of a Decimal this small is scientific ("1E-18"); the digits must still be the ones sent.
        assert f"{value:f}" == "0.000000000000000001"
        assert value.as_tuple() == Decimal("0.000000000000000001").as_tuple()


@pytest.mark.parametrize(
    ("raw", "average_price"),
    [
        pytest.param(source("status_0_none_executed"), None, id="nothing-executed-0"),
        pytest.param(source("status_2_fully_executed"), Decimal("10998.75"), id="executed"),
    ],
)
def test_average_price(normalize: Callable[[bytes], Order], raw: bytes, average_price: Decimal | None) -> None:
    """DigiFinex's 0 average of nothing executed is None; a real average is kept as sent."""
    assert normalize(raw).average_price == average_price


@pytest.mark.parametrize(
    ("raw", "created_at", "updated_at"),
    [
        pytest.param(
            source("status_0_none_executed"), datetime(2019, 7, 5, 5, 12, 27, tzinfo=UTC), None, id="not-finished"
        ),
        pytest.param(
            source("status_3_cancelled_none_executed"),
            datetime(2019, 7, 5, 5, 12, 27, tzinfo=UTC),
            datetime(2019, 7, 5, 6, 12, 27, tzinfo=UTC),
            id="finished",
        ),
        pytest.param(source("status_0_none_executed", created_date=0), None, None, id="created-zero"),
    ],
)
def test_times_are_utc_seconds_with_zero_as_not_yet(
    normalize: Callable[[bytes], Order], raw: bytes, created_at: datetime | None, updated_at: datetime | None
) -> None:
    """`created_date` and `finished_date` are UTC seconds; DigiFinex's 0 ("not yet") is None."""
    order = normalize(raw)

    assert (order.created_at, order.updated_at) == (created_at, updated_at)
    if order.created_at is not None:
        assert order.created_at.tzinfo is UTC


def test_no_fee_and_no_client_order_id(normalize: Callable[[bytes], Order]) -> None:
    """DigiFinex's order status has no fee and no client order id, so those are None."""
    order = normalize(source("status_2_fully_executed"))

    assert (order.fee, order.fee_currency, order.client_order_id) == (None, None, None)


DOCUMENTED = decode_json(source("status_0_none_executed"))

MALFORMED: list[Any] = [
    pytest.param(b"<html><body>403 Forbidden</body></html>", id="html"),
    pytest.param(b"   ", id="blank"),
    pytest.param("[]", id="array"),
    pytest.param(b'{"code": 0, "data": []}', id="whole-answer-not-an-element"),
    pytest.param(b'{"order_id": "dd3164b333a4afa9d5730bb87f6db8b3"}', id="missing-fields"),
    pytest.param(source("status_0_none_executed", price="9000.5"), id="price-string"),
    pytest.param(source("status_0_none_executed", price=Decimal("-9000.5")), id="price-negative"),
    pytest.param(source("status_0_none_executed", amount=Decimal("-0.25")), id="amount-negative"),
    pytest.param(source("status_0_none_executed", executed_amount=None), id="executed-null"),
    pytest.param(source("status_0_none_executed", avg_price=True), id="avg-price-boolean"),
    pytest.param(source("status_0_none_executed", status="0"), id="status-string"),
    pytest.param(source("status_0_none_executed", status=None), id="status-null"),
    pytest.param(source("status_0_none_executed", created_date="1562303547"), id="created-string"),
    pytest.param(source("status_0_none_executed", created_date=-1), id="created-negative"),
    pytest.param(source("status_0_none_executed", finished_date=Decimal("1562303547.5")), id="finished-fraction"),
    pytest.param(source("status_0_none_executed", finished_date=10**20), id="finished-out-of-range"),
    pytest.param(source("status_0_none_executed", order_id=198361), id="order-id-number"),
    pytest.param(source("status_0_none_executed", symbol=None), id="symbol-null"),
    pytest.param(source("status_0_none_executed", type=None), id="type-null"),
    pytest.param(b'{"price": NaN}', id="json-nan"),
    pytest.param({**DOCUMENTED, "price": 9000.5}, id="mapping-float"),
    pytest.param({**DOCUMENTED, "price": Decimal("NaN")}, id="mapping-decimal-nan"),
]


@pytest.mark.parametrize("raw", MALFORMED)
def test_malformed_element_raises_unexpected_response(raw: bytes | str | Mapping[str, Any]) -> None:
    """Whatever is not a DigiFinex order as documented raises UnexpectedResponseError with its cause."""
    with pytest.raises(UnexpectedResponseError) as caught:
        digifinex.parse_order(raw)

    error = caught.value
    assert (error.exchange, error.operation) == (Exchange.DIGIFINEX, "parse_order")
    # What did not fit is named in the message; nothing is chained, so a traceback shows no raw exception text.
    assert error.__cause__ is None
    assert "as documented: " in error.message
    assert error.body is not None


def test_to_order_refuses_an_undocumented_model() -> None:
    """to_order checks the model too: a boolean status raises UnexpectedResponseError, not TypeError."""
    model = DigiFinexOrder.from_dict(decode_json(source("status_0_none_executed")))
    model.status = True  # type: ignore[assignment]

    with pytest.raises(UnexpectedResponseError) as caught:
        digifinex.to_order(model)

    assert (caught.value.exchange, caught.value.operation) == (Exchange.DIGIFINEX, "to_order")
    assert "TypeError" in caught.value.message


DOCS_FIXTURES = {
    "seed_partially_executed_margin": "seed_partially_executed_margin",
    "status_0_none_executed": "status_0_none_executed",
    "status_1_partially_executed": "status_1_partially_executed",
    "status_2_fully_executed": "status_2_fully_executed",
    "status_3_cancelled_none_executed": "status_3_cancelled_none_executed",
    "status_4_cancelled_partially_executed": "status_4_cancelled_partially_executed",
    "market_buy": "market_buy_order",
}


def test_spec_fixtures_are_the_specs_examples() -> None:
    """The fixtures taken from the spec's examples are those elements exactly, so they cannot drift apart."""
    examples = {example.name: example.value for example in response_examples(("digifinex",))}

    for fixture, example in DOCS_FIXTURES.items():
        assert decode_json(source(fixture)) == examples[example]["data"][0], fixture
