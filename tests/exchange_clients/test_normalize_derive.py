"""
Derive's `private/get_order` result becomes one exact `Order`: status by table, trigger orders as stops, USDC fees.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest

from exchange_clients import derive
from exchange_clients._errors import UnexpectedResponseError
from exchange_clients._order import Exchange, Order, OrderStatus, OrderType, Side
from exchange_clients.generated.derive.models import Order as DeriveOrder
from exchange_clients.runtime import decode_json
from tests.exact_json import dumps
from tests.exchange_clients.normalizing import changed, fixture_bytes, ways_in
from tests.spec_examples import response_examples


def source(name: str, **changes: Any) -> bytes:
    """The fixture's bytes, or with `changes` the same order with those fields replaced."""
    return changed(fixture_bytes("derive", name), decode_json, **changes)


FORMS = ways_in(derive, DeriveOrder, decode_json)


@pytest.fixture(params=FORMS)
def normalize(request: pytest.FixtureRequest) -> Callable[[bytes], Order]:
    """Each way in: parse_order with bytes, str and a decoded mapping, and to_order with the generated model."""
    return FORMS[request.param]


@pytest.mark.parametrize(
    ("raw", "status", "raw_status"),
    [
        pytest.param(source("v2_open_unfilled"), OrderStatus.OPEN, "open", id="open-unfilled"),
        pytest.param(source("v2_open_partially_filled"), OrderStatus.PARTIALLY_FILLED, "open", id="open-filled"),
        pytest.param(source("v2_filled"), OrderStatus.FILLED, "filled", id="filled"),
        pytest.param(source("v2_cancelled_user_request"), OrderStatus.CANCELED, "cancelled", id="cancelled"),
        pytest.param(source("v2_expired"), OrderStatus.EXPIRED, "expired", id="expired"),
        pytest.param(source("v2_untriggered_stoploss"), OrderStatus.UNTRIGGERED, "untriggered", id="untriggered"),
        pytest.param(source("v3_rejected"), OrderStatus.REJECTED, "rejected", id="rejected"),
        pytest.param(
            source("v3_algo_active_twap"), OrderStatus.PARTIALLY_FILLED, "algo_active", id="algo-active-filled"
        ),
        pytest.param(
            source("v3_algo_active_twap", filled_amount="0", average_price="0"),
            OrderStatus.OPEN,
            "algo_active",
            id="algo-active-unfilled",
        ),
        pytest.param(source("unknown_status"), OrderStatus.UNKNOWN, "pending_review", id="unknown"),
    ],
)
def test_status_follows_designs_table(
    normalize: Callable[[bytes], Order], raw: bytes, status: OrderStatus, raw_status: str
) -> None:
    """Each Derive row of DESIGN's status table gives its status; an unknown status is UNKNOWN with its text kept."""
    order = normalize(raw)

    assert order.status is status
    assert order.raw_status == raw_status


def test_documented_example_field_by_field(normalize: Callable[[bytes], Order]) -> None:
    """The spec's partly filled order normalizes to exactly these fields, the generated model kept as raw."""
    order = normalize(source("v2_open_partially_filled"))

    assert attrs.asdict(order, recurse=False, filter=lambda field, _: field.name != "raw") == {
        "exchange": Exchange.DERIVE,
        "order_id": "e4774cdd-a079-4f86-814e-8b9140bb6db4",
        "client_order_id": "hedge-1",
        "symbol": "BTC-PERP",
        "side": Side.SELL,
        "order_type": OrderType.LIMIT,
        "status": OrderStatus.PARTIALLY_FILLED,
        "price": Decimal(60000),
        "amount": Decimal("0.5"),
        "filled": Decimal("0.2"),
        "remaining": Decimal("0.3"),
        "average_price": Decimal("60012.25"),
        "fee": Decimal("3.6007"),
        "fee_currency": "USDC",
        "created_at": datetime(2024, 9, 10, 20, 28, 20, tzinfo=UTC),
        "updated_at": datetime(2024, 9, 10, 20, 29, 20, 123000, tzinfo=UTC),
        "raw_status": "open",
    }
    assert isinstance(order.raw, DeriveOrder)


@pytest.mark.parametrize(
    ("raw", "side", "order_type"),
    [
        pytest.param(source("v2_open_unfilled"), Side.BUY, OrderType.LIMIT, id="limit"),
        pytest.param(source("v2_open_partially_filled"), Side.SELL, OrderType.LIMIT, id="sell"),
        pytest.param(source("v2_filled"), Side.BUY, OrderType.MARKET, id="market"),
        pytest.param(source("v2_untriggered_stoploss"), Side.SELL, OrderType.STOP_MARKET, id="stoploss-market"),
        pytest.param(
            source("v2_untriggered_stoploss", order_type="limit"), Side.SELL, OrderType.STOP_LIMIT, id="stoploss-limit"
        ),
        pytest.param(source("untriggered_takeprofit_limit"), Side.BUY, OrderType.STOP_LIMIT, id="takeprofit-limit"),
        pytest.param(
            source("untriggered_takeprofit_limit", order_type="market"),
            Side.BUY,
            OrderType.STOP_MARKET,
            id="takeprofit-market",
        ),
        pytest.param(source("v3_algo_active_twap"), Side.BUY, OrderType.LIMIT, id="twap-by-its-order-type"),
        pytest.param(source("v2_open_unfilled", order_type="twap"), Side.BUY, OrderType.UNKNOWN, id="unknown-type"),
        pytest.param(
            source("v2_untriggered_stoploss", trigger_type="trailing"),
            Side.SELL,
            OrderType.UNKNOWN,
            id="unknown-trigger",
        ),
        pytest.param(
            source("v2_untriggered_stoploss", order_type="twap"),
            Side.SELL,
            OrderType.UNKNOWN,
            id="trigger-unknown-type",
        ),
        pytest.param(source("v2_open_unfilled", direction="long"), Side.UNKNOWN, OrderType.LIMIT, id="unknown-side"),
    ],
)
def test_side_and_order_type(
    normalize: Callable[[bytes], Order], raw: bytes, side: Side, order_type: OrderType
) -> None:
    """`direction`, `order_type` and `trigger_type` give side and type; undocumented values are UNKNOWN, not errors."""
    order = normalize(raw)

    assert (order.side, order.order_type) == (side, order_type)


@pytest.mark.parametrize(
    ("raw", "remaining"),
    [
        pytest.param(source("v2_open_partially_filled"), Decimal("0.3"), id="amount-minus-filled"),
        pytest.param(source("v2_filled"), Decimal(0), id="filled"),
        pytest.param(source("v2_open_unfilled"), Decimal("1.5"), id="nothing-filled"),
        pytest.param(source("high_precision"), Decimal("1234567889.62345678901234567890"), id="30-digits"),
    ],
)
def test_remaining_is_computed(normalize: Callable[[bytes], Order], raw: bytes, remaining: Decimal) -> None:
    """Derive sends no remaining, so it is amount - filled_amount, to the digit."""
    order = normalize(raw)

    assert order.remaining == remaining
    assert str(order.remaining) == str(remaining)


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        pytest.param(source("high_precision"), "0.000000000000000001", id="constructed"),
        pytest.param(source("v2_tiny_amount_precision"), "2350.123456789012345678", id="spec-example"),
    ],
)
def test_high_precision_strings_are_exact(normalize: Callable[[bytes], Order], raw: bytes, digits: str) -> None:
    """Decimal strings keep every digit: a 30-significant-digit amount, a 1e-18 price, an 18-decimal one."""
    order = normalize(raw)

    assert order.price == Decimal(digits)
    assert order.price is not None
    # str() of a Decimal as small as 1e-18 is scientific ("1E-18"); the digits must still be the ones sent.
    assert f"{order.price:f}" == digits
    assert order.price.as_tuple() == Decimal(digits).as_tuple()
    if digits == "0.000000000000000001":
        assert order.amount == Decimal("1234567890.12345678901234567890")
        assert str(order.amount) == "1234567890.12345678901234567890"


@pytest.mark.parametrize(
    ("raw", "fee"),
    [
        pytest.param(source("v2_open_partially_filled"), Decimal("3.6007"), id="fee-paid"),
        pytest.param(source("v3_open"), Decimal(0), id="nothing-paid"),
        pytest.param(source("v3_algo_active_twap"), Decimal("11.1553"), id="extra-fee-not-added"),
        pytest.param(source("high_precision"), Decimal("-0.000000000000000001"), id="rebate"),
    ],
)
def test_fee_is_order_fee_in_usdc(normalize: Callable[[bytes], Order], raw: bytes, fee: Decimal) -> None:
    """`order_fee` is the fee as sent (a negative rebate too), in USDC; v3's `extra_fee` is not added to it."""
    order = normalize(raw)

    assert (order.fee, order.fee_currency) == (fee, "USDC")


@pytest.mark.parametrize(
    ("raw", "average_price"),
    [
        pytest.param(source("v2_open_unfilled"), None, id="nothing-filled-0"),
        pytest.param(source("v2_filled"), Decimal("2351.1"), id="filled"),
    ],
)
def test_average_price(normalize: Callable[[bytes], Order], raw: bytes, average_price: Decimal | None) -> None:
    """Derive's "0" average of nothing filled is None; a real average is kept as sent."""
    assert normalize(raw).average_price == average_price


@pytest.mark.parametrize(
    ("raw", "client_order_id"),
    [
        pytest.param(source("v2_open_partially_filled"), "hedge-1", id="label"),
        pytest.param(source("v2_open_unfilled"), None, id="empty-label"),
    ],
)
def test_label_is_the_client_order_id(
    normalize: Callable[[bytes], Order], raw: bytes, client_order_id: str | None
) -> None:
    """Derive's user-defined `label` is the client order id; its "" for none is None."""
    assert normalize(raw).client_order_id == client_order_id


def test_times_are_utc_milliseconds(normalize: Callable[[bytes], Order]) -> None:
    """`creation_timestamp` and `last_update_timestamp` are UTC milliseconds, none lost."""
    order = normalize(source("v3_rejected"))

    assert order.created_at == datetime(2026, 9, 21, 14, 15, tzinfo=UTC)
    assert order.updated_at == datetime(2026, 9, 21, 14, 15, 0, 2000, tzinfo=UTC)
    assert order.updated_at is not None
    assert order.updated_at.tzinfo is UTC


DOCUMENTED = decode_json(source("v3_open"))

MALFORMED: list[Any] = [
    pytest.param(b"upstream connect error", id="not-json"),
    pytest.param(b"", id="empty"),
    pytest.param(b"[1, 2]", id="array"),
    pytest.param("true", id="boolean"),
    pytest.param(dumps({"id": 11, "result": DOCUMENTED}), id="envelope-not-result"),
    pytest.param(source("v3_open", amount="three"), id="amount-not-numeric"),
    pytest.param(source("v3_open", amount="NaN"), id="amount-nan"),
    pytest.param(source("v3_open", limit_price="-Infinity"), id="price-infinity"),
    pytest.param(source("v3_open", amount="-3"), id="amount-negative"),
    pytest.param(source("v3_open", limit_price="-3100.25"), id="price-negative"),
    pytest.param(source("v3_open", filled_amount="-0.1"), id="filled-negative"),
    pytest.param(source("v3_open", amount=Decimal(3)), id="amount-number"),
    pytest.param(source("v3_open", order_fee="free"), id="fee-not-numeric"),
    pytest.param(source("v3_open", order_fee="1e999999"), id="fee-huge-exponent"),
    pytest.param(source("v3_open", creation_timestamp="1790000000000"), id="timestamp-string"),
    pytest.param(source("v3_open", last_update_timestamp=Decimal("1790000000000.5")), id="timestamp-fraction"),
    pytest.param(source("v3_open", creation_timestamp=-1), id="timestamp-negative"),
    pytest.param(source("v3_open", label=None), id="label-null"),
    pytest.param(source("v3_open", order_id=None), id="order-id-null"),
    pytest.param(source("v3_open", instrument_name=5), id="instrument-number"),
    pytest.param(source("v3_open", order_status=5), id="status-number"),
    pytest.param(source("v3_open", direction=None), id="direction-null"),
    pytest.param(source("v3_open", trigger_type=5), id="trigger-type-number"),
    pytest.param(b'{"amount": Infinity}', id="json-infinity"),
    pytest.param({**DOCUMENTED, "creation_timestamp": 1790000000000.0}, id="mapping-float"),
]


@pytest.mark.parametrize("raw", MALFORMED)
def test_malformed_result_raises_unexpected_response(raw: bytes | str | Mapping[str, Any]) -> None:
    """Whatever is not a Derive order as documented raises UnexpectedResponseError with its cause."""
    with pytest.raises(UnexpectedResponseError) as caught:
        derive.parse_order(raw)

    error = caught.value
    assert (error.exchange, error.operation) == (Exchange.DERIVE, "parse_order")
    # What did not fit is named in the message; nothing is chained, so a traceback shows no raw exception text.
    assert error.__cause__ is None
    assert "as documented: " in error.message
    assert error.body is not None


def test_to_order_refuses_an_undocumented_model() -> None:
    """to_order checks the model too: a non-numeric amount raises UnexpectedResponseError, not InvalidOperation."""
    model = DeriveOrder.from_dict(DOCUMENTED)
    model.filled_amount = "0x10"

    with pytest.raises(UnexpectedResponseError) as caught:
        derive.to_order(model)

    assert (caught.value.exchange, caught.value.operation) == (Exchange.DERIVE, "to_order")
    assert "ValueError" in caught.value.message


DOCS_FIXTURES = [
    "v2_open_unfilled",
    "v2_open_partially_filled",
    "v2_filled",
    "v2_cancelled_user_request",
    "v2_expired",
    "v2_untriggered_stoploss",
    "v2_tiny_amount_precision",
    "v3_open",
    "v3_rejected",
    "v3_algo_active_twap",
]


def test_spec_fixtures_are_the_specs_examples() -> None:
    """The fixtures taken from the spec's examples are those results exactly, so they cannot drift apart."""
    examples = {example.name: example.value for example in response_examples(("derive",))}

    for fixture in DOCS_FIXTURES:
        assert decode_json(source(fixture)) == examples[fixture]["result"], fixture
