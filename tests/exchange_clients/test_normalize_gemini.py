"""
Gemini's order-status body becomes one exact `Order`: status from its flags, amounts to the digit, times in UTC.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest

from exchange_clients import gemini
from exchange_clients._errors import ExchangeError, UnexpectedResponseError
from exchange_clients._order import Exchange, Order, OrderStatus, OrderType, Side
from exchange_clients.generated.gemini.models import Order as GeminiOrder
from exchange_clients.runtime import decode_json
from tests.exchange_clients.normalizing import changed, fixture_bytes, ways_in
from tests.spec_examples import response_examples


def source(name: str, **changes: Any) -> bytes:
    """The fixture's bytes, or with `changes` the same order with those fields replaced."""
    return changed(fixture_bytes("gemini", name), decode_json, **changes)


FORMS = ways_in(gemini, GeminiOrder, decode_json)


@pytest.fixture(params=FORMS)
def normalize(request: pytest.FixtureRequest) -> Callable[[bytes], Order]:
    """Each way in: parse_order with bytes, str and a decoded mapping, and to_order with the generated model."""
    return FORMS[request.param]


@pytest.mark.parametrize(
    ("raw", "status", "raw_status"),
    [
        pytest.param(source("live_unfilled"), OrderStatus.OPEN, "is_live=true,is_cancelled=false", id="live-unfilled"),
        pytest.param(
            source("live_partially_filled"),
            OrderStatus.PARTIALLY_FILLED,
            "is_live=true,is_cancelled=false",
            id="live-partially-filled",
        ),
        pytest.param(
            source("cancelled_unfilled"), OrderStatus.CANCELED, "is_live=false,is_cancelled=true", id="cancelled"
        ),
        pytest.param(
            source("cancelled_partially_filled"),
            OrderStatus.CANCELED,
            "is_live=false,is_cancelled=true",
            id="cancelled-after-fills",
        ),
        pytest.param(
            source("live_unfilled", is_cancelled=True),
            OrderStatus.CANCELED,
            "is_live=true,is_cancelled=true",
            id="cancel-in-flight",
        ),
        pytest.param(source("filled"), OrderStatus.FILLED, "is_live=false,is_cancelled=false", id="filled"),
        pytest.param(
            source("not_live_not_cancelled_with_remaining"),
            OrderStatus.UNKNOWN,
            "is_live=false,is_cancelled=false",
            id="undocumented-flags",
        ),
    ],
)
def test_status_follows_designs_table(
    normalize: Callable[[bytes], Order], raw: bytes, status: OrderStatus, raw_status: str
) -> None:
    """Each Gemini row of DESIGN's status table gives its status, and the flags it came from are kept as text."""
    order = normalize(raw)

    assert order.status is status
    assert order.raw_status == raw_status


def test_cancelled_order_keeps_its_fills(normalize: Callable[[bytes], Order]) -> None:
    """A cancelled order that had filled half still says how much filled and how much was left."""
    order = normalize(source("cancelled_partially_filled"))

    assert (order.status, order.filled, order.remaining) == (OrderStatus.CANCELED, Decimal("0.5"), Decimal("0.5"))


def test_documented_example_field_by_field(normalize: Callable[[bytes], Order]) -> None:
    """The docs' filled order with trades normalizes to exactly these fields, the generated model kept as raw."""
    raw = source("filled_with_trades")
    order = normalize(raw)

    assert attrs.asdict(order, recurse=False, filter=lambda field, _: field.name != "raw") == {
        "exchange": Exchange.GEMINI,
        "order_id": "44375901",
        "client_order_id": "20190110-4738721",
        "symbol": "btcusd",
        "side": Side.BUY,
        "order_type": OrderType.LIMIT,
        "status": OrderStatus.FILLED,
        "price": Decimal("400.00"),
        "amount": Decimal(3),
        "filled": Decimal(3),
        "remaining": Decimal(0),
        "average_price": Decimal("400.00"),
        "fee": Decimal("3.69"),
        "fee_currency": "USD",
        "created_at": datetime(2017, 5, 15, 17, 50, 42, 156000, tzinfo=UTC),
        "updated_at": None,
        "raw_status": "is_live=false,is_cancelled=false",
    }
    assert isinstance(order.raw, GeminiOrder)
    assert order.raw.to_dict() == decode_json(raw)


@pytest.mark.parametrize(
    ("raw", "side", "order_type"),
    [
        pytest.param(source("live_unfilled"), Side.SELL, OrderType.LIMIT, id="sell-exchange-limit"),
        pytest.param(source("live_partially_filled"), Side.BUY, OrderType.LIMIT, id="buy-exchange-limit"),
        pytest.param(source("stop_limit_timestampms_string"), Side.SELL, OrderType.STOP_LIMIT, id="stop-limit"),
        pytest.param(source("market_filled"), Side.BUY, OrderType.MARKET, id="market"),
        pytest.param(source("unknown_type_and_side"), Side.UNKNOWN, OrderType.UNKNOWN, id="undocumented"),
    ],
)
def test_side_and_order_type(
    normalize: Callable[[bytes], Order], raw: bytes, side: Side, order_type: OrderType
) -> None:
    """buy/sell and the three documented `type` values map one to one; anything else is UNKNOWN, not an error."""
    order = normalize(raw)

    assert (order.side, order.order_type) == (side, order_type)


def test_undocumented_type_keeps_the_raw_text(normalize: Callable[[bytes], Order]) -> None:
    """An order type the spec does not list stays readable in the raw model."""
    order = normalize(source("unknown_type_and_side"))

    assert isinstance(order.raw, GeminiOrder)
    assert (order.raw.type_.value, order.raw.side.value) == ("auction-only exchange limit", "short")


@pytest.mark.parametrize(
    ("raw", "price"),
    [
        pytest.param(source("market_filled"), None, id="market-zero"),
        pytest.param(source("stop_limit_timestampms_string"), Decimal("120.00"), id="stop-limit"),
        pytest.param(source("live_unfilled", price="0.00"), Decimal("0.00"), id="limit-zero-kept"),
    ],
)
def test_price(normalize: Callable[[bytes], Order], raw: bytes, price: Decimal | None) -> None:
    """A market order's zero price means no price (None); every other price is kept as sent."""
    assert normalize(raw).price == price


def test_high_precision_amounts_are_exact(normalize: Callable[[bytes], Order]) -> None:
    """A 30-significant-digit amount and a price of 1e-18 come out digit for digit, never through float."""
    order = normalize(source("high_precision"))

    assert order.amount == Decimal("1234567890.12345678901234567890")
    assert str(order.amount) == "1234567890.12345678901234567890"
    assert order.remaining == Decimal("1234567890.02345678901234567890")
    assert str(order.remaining) == "1234567890.02345678901234567890"
    for value in (order.price, order.average_price):
        assert value == Decimal("0.000000000000000001")
        assert value is not None
        # str() of a Decimal this small is scientific ("1E-18"); the digits must still be the ones sent.
        assert f"{value:f}" == "0.000000000000000001"
        assert value.as_tuple() == Decimal("0.000000000000000001").as_tuple()


@pytest.mark.parametrize(
    ("raw", "average_price"),
    [
        pytest.param(source("live_unfilled"), None, id="nothing-filled-0.00"),
        pytest.param(source("cancelled_unfilled"), None, id="cancelled-nothing-filled"),
        pytest.param(source("live_partially_filled"), Decimal("125.41"), id="partially-filled"),
    ],
)
def test_average_price(normalize: Callable[[bytes], Order], raw: bytes, average_price: Decimal | None) -> None:
    """Gemini's "0.00" average of no fills is None; an average of real fills is kept as sent."""
    assert normalize(raw).average_price == average_price


@pytest.mark.parametrize(
    ("raw", "created_at"),
    [
        pytest.param(
            source("live_unfilled"), datetime(2019, 1, 11, 21, 20, 28, 42000, tzinfo=UTC), id="timestampms-integer"
        ),
        pytest.param(
            source("stop_limit_timestampms_string"),
            datetime(2019, 1, 11, 21, 21, 40, 1000, tzinfo=UTC),
            id="timestampms-string",
        ),
    ],
)
def test_created_at_is_utc_to_the_millisecond(
    normalize: Callable[[bytes], Order], raw: bytes, created_at: datetime
) -> None:
    """`timestampms` (integer or digit string) is the creation time in UTC, the milliseconds kept."""
    order = normalize(raw)

    assert order.created_at == created_at
    assert order.created_at is not None
    assert order.created_at.utcoffset() is not None
    assert order.created_at.utcoffset() == UTC.utcoffset(None)
    assert order.updated_at is None


def _trade(fee_amount: str, fee_currency: str = "USD", **extra: Any) -> dict[str, Any]:
    return {
        "price": "400.00",
        "amount": "1",
        "timestamp": 1494870642,
        "timestampms": 1494870642156,
        "type": "Buy",
        "aggressor": False,
        "fee_currency": fee_currency,
        "fee_amount": fee_amount,
        "tid": 17379712930,
        "order_id": "44375901",
        "exchange": "gemini",
        **extra,
    }


@pytest.mark.parametrize(
    ("raw", "fee", "fee_currency"),
    [
        pytest.param(source("filled_with_trades"), Decimal("3.69"), "USD", id="one-currency-summed"),
        pytest.param(source("trades_mixed_fee_currencies"), None, None, id="two-currencies"),
        pytest.param(source("trades_broken"), None, None, id="broken-trade"),
        pytest.param(source("filled"), None, None, id="no-trades-field"),
        pytest.param(source("filled", trades=[]), None, None, id="no-trades"),
        pytest.param(source("filled", trades=[_trade("-0.25")]), Decimal("-0.25"), "USD", id="maker-rebate"),
        pytest.param(
            source(
                "high_precision",
                trades=[_trade("0.000000000000000001", "ETH"), _trade("1234567890.12345678901234567890", "ETH")],
            ),
            Decimal("1234567890.12345678901234567990"),
            "ETH",
            id="exact-sum",
        ),
    ],
)
def test_fee_from_trades(
    normalize: Callable[[bytes], Order], raw: bytes, fee: Decimal | None, fee_currency: str | None
) -> None:
    """Trade fees in one currency are summed exactly; mixed currencies, broken trades or no trades give None."""
    order = normalize(raw)

    assert (order.fee, order.fee_currency) == (fee, fee_currency)
    if fee is not None:
        assert str(order.fee) == str(fee)


@pytest.mark.parametrize(
    ("raw", "client_order_id"),
    [
        pytest.param(source("cancelled_unfilled"), "20190110-4738722", id="given"),
        pytest.param(source("live_unfilled"), None, id="absent"),
    ],
)
def test_client_order_id(normalize: Callable[[bytes], Order], raw: bytes, client_order_id: str | None) -> None:
    """`client_order_id` is carried over when Gemini sends one and None when it does not."""
    assert normalize(raw).client_order_id == client_order_id


MALFORMED: list[Any] = [
    pytest.param(b"<html>502 Bad Gateway</html>", id="not-json"),
    pytest.param(b"", id="empty"),
    pytest.param(b"\xff\xfe\x00", id="not-utf8"),
    pytest.param("[]", id="array"),
    pytest.param("null", id="null"),
    pytest.param(b'"order"', id="string"),
    pytest.param(["order_id"], id="python-list"),
    pytest.param(b'{"order_id": "1"}', id="missing-fields"),
    pytest.param(source("live_unfilled", order_id=107421210), id="order-id-number"),
    pytest.param(source("live_unfilled", is_live="true"), id="flag-as-string"),
    pytest.param(source("live_unfilled", original_amount="one"), id="amount-not-numeric"),
    pytest.param(source("live_unfilled", original_amount="NaN"), id="amount-nan"),
    pytest.param(source("live_unfilled", price="Infinity"), id="price-infinity"),
    pytest.param(source("live_unfilled", price="1_000"), id="price-underscore"),
    pytest.param(source("live_unfilled", price=" 1"), id="price-space"),
    pytest.param(source("live_unfilled", price="1e999999"), id="price-huge-exponent"),
    pytest.param(source("live_unfilled", original_amount="-1"), id="negative-amount"),
    pytest.param(source("live_unfilled", price="-125.51"), id="negative-price"),
    pytest.param(source("live_unfilled", executed_amount=Decimal("0.5")), id="amount-as-number"),
    pytest.param(source("live_unfilled", timestampms="1547241628042.5"), id="timestamp-fraction"),
    pytest.param(source("live_unfilled", timestampms=-1), id="timestamp-negative"),
    pytest.param(source("live_unfilled", timestampms=True), id="timestamp-boolean"),
    pytest.param(source("live_unfilled", timestampms=10**30), id="timestamp-out-of-range"),
    pytest.param(source("live_unfilled", side=1), id="side-number"),
    pytest.param(source("filled", trades="none"), id="trades-not-a-list"),
    pytest.param(source("filled", trades=[_trade("free")]), id="trade-fee-not-numeric"),
    pytest.param(b'{"price": NaN}', id="json-nan"),
    pytest.param({**decode_json(source("live_unfilled")), "timestampms": 1547241628042.0}, id="mapping-float"),
]


@pytest.mark.parametrize("raw", MALFORMED)
def test_malformed_body_raises_unexpected_response(raw: bytes | str | Mapping[str, Any]) -> None:
    """Whatever is not a documented Gemini order raises UnexpectedResponseError with its cause, never KeyError."""
    with pytest.raises(UnexpectedResponseError) as caught:
        gemini.parse_order(raw)

    error = caught.value
    assert isinstance(error, ExchangeError)
    assert (error.exchange, error.operation) == (Exchange.GEMINI, "parse_order")
    # What did not fit is named in the message; nothing is chained, so a traceback shows no raw exception text.
    assert error.__cause__ is None
    assert "as documented: " in error.message
    assert error.body is not None


def test_error_body_is_the_raw_text() -> None:
    """The error keeps the body it could not read, so a log line shows what Gemini sent."""
    with pytest.raises(UnexpectedResponseError) as caught:
        gemini.parse_order('{"order_id": "123", "surprise": true}')

    assert caught.value.body == '{"order_id": "123", "surprise": true}'
    # Gemini's document requires no field; the order is refused because it names no symbol.
    assert "KeyError: 'symbol'" in caught.value.message


def test_trade_without_fee_fields_leaves_the_fee_unknown() -> None:
    """A fill without fee_amount or fee_currency (Gemini requires neither) parses; the order's fee is None."""
    order = gemini.parse_order(source("filled", trades=[{"fee_amount": "1"}]))

    assert (order.fee, order.fee_currency) == (None, None)


def test_market_order_without_price_or_original_amount() -> None:
    """Gemini's own market-buy example shape: no price, no original_amount; amount is executed plus remaining."""
    body = json.loads(fixture_bytes("gemini", "filled"))
    del body["price"], body["original_amount"]
    order = gemini.parse_order(json.dumps(body | {"type": "market buy"}))

    assert order.order_type is OrderType.MARKET
    assert order.price is None
    assert order.amount == order.filled + order.remaining  # type: ignore[operator]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("executed_amount", "lots", id="amount"),
        pytest.param("is_cancelled", None, id="flag"),
        pytest.param("trades", "none", id="trades"),
    ],
)
def test_to_order_refuses_an_undocumented_model(field: str, value: object) -> None:
    """to_order checks the model too: a field the docs do not allow raises UnexpectedResponseError."""
    model = GeminiOrder.from_dict(decode_json(source("live_unfilled")))
    setattr(model, field, value)

    with pytest.raises(UnexpectedResponseError) as caught:
        gemini.to_order(model)

    assert (caught.value.exchange, caught.value.operation) == (Exchange.GEMINI, "to_order")
    assert caught.value.__cause__ is None
    assert "as documented: " in caught.value.message


DOCS_FIXTURES = {
    "live_unfilled": "liveUnfilled",
    "live_partially_filled": "livePartiallyFilled",
    "cancelled_unfilled": "cancelledUnfilled",
    "cancelled_partially_filled": "cancelledPartiallyFilled",
    "filled": "filled",
    "filled_with_trades": "filledWithTrades",
}


def test_docs_fixtures_are_the_specs_examples() -> None:
    """The fixtures named after the docs' examples are those examples exactly, so they cannot drift apart."""
    examples = {example.name: example.value for example in response_examples(("gemini",))}

    for fixture, example in DOCS_FIXTURES.items():
        assert decode_json(source(fixture)) == examples[example], fixture
