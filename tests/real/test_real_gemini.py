"""
Real Gemini answers (official examples and other clients' recorded fixtures) read the way a person reads them.

Every expectation below is written by hand from the fixture text; tests/fixtures/real/gemini/SOURCES.toml says
where each answer comes from. Amounts are compared digit for digit (Decimal("400.00") is not Decimal("400")).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

import exchange_clients as ec
from exchange_clients import gemini
from tests.real import published
from tests.real.published import assert_exact


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "real" / "gemini"
CREDENTIALS = gemini.GeminiCredentials(api_key="account-fakefakefakefake", api_secret="fakesecretfakesecret")


@dataclass(frozen=True)
class Expected:
    """What a careful reader of one order in one fixture expects the normalized order to say."""

    fixture: str
    index: int | None
    order_id: str
    client_order_id: str | None
    symbol: str
    side: ec.Side
    order_type: ec.OrderType
    status: ec.OrderStatus
    price: str | None
    amount: str | None
    filled: str | None
    remaining: str | None
    average_price: str | None
    fee: str | None
    fee_currency: str | None
    created_at: datetime


EXPECTED = [
    # developer.gemini.com "List Active Orders" example: a live sell nothing has filled yet.
    Expected(
        fixture="official_list_active_orders_two_live.json",
        index=0,
        order_id="107421210",
        client_order_id=None,
        symbol="ethusd",
        side=ec.Side.SELL,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.OPEN,
        price="125.51",
        amount="1",
        filled="0",
        remaining="1",
        average_price=None,
        fee=None,
        fee_currency=None,
        created_at=datetime(2019, 1, 11, 21, 20, 28, 42000, tzinfo=UTC),
    ),
    # Same example, second element: live and partly filled.
    Expected(
        fixture="official_list_active_orders_two_live.json",
        index=1,
        order_id="107421205",
        client_order_id=None,
        symbol="ethusd",
        side=ec.Side.BUY,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.PARTIALLY_FILLED,
        price="125.42",
        amount="1",
        filled="0.029147",
        remaining="0.970853",
        average_price="125.41",
        fee=None,
        fee_currency=None,
        created_at=datetime(2019, 1, 11, 21, 20, 26, 991000, tzinfo=UTC),
    ),
    # rest.yaml limitBuyResponse: not live, not cancelled, nothing remaining.
    Expected(
        fixture="official_order_status_limit_buy_filled.yaml",
        index=None,
        order_id="123456789012345",
        client_order_id=None,
        symbol="btcusd",
        side=ec.Side.BUY,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.FILLED,
        price="400.00",
        amount="3",
        filled="3",
        remaining="0",
        average_price="400.00",
        fee=None,
        fee_currency=None,
        created_at=datetime(2017, 5, 15, 17, 50, 42, 156000, tzinfo=UTC),
    ),
    # rest.yaml includeTradesResponse: a market buy with no price and no original_amount, one trade.
    Expected(
        fixture="official_order_status_market_buy_include_trades.yaml",
        index=None,
        order_id="17379712927",
        client_order_id=None,
        symbol="btcusd",
        side=ec.Side.BUY,
        order_type=ec.OrderType.MARKET,
        status=ec.OrderStatus.FILLED,
        price=None,
        amount="0.0219983861",
        filled="0.0219983861",
        remaining="0",
        average_price="22728.94",
        fee="0.00",
        fee_currency="USD",
        created_at=datetime(2020, 12, 17, 18, 19, 32, 627000, tzinfo=UTC),
    ),
    # XChange fixture: a live, untouched limit sell with a client order id.
    Expected(
        fixture="xchange_order_status_live_client_order_id.json",
        index=None,
        order_id="54323412782",
        client_order_id="TESTID0",
        symbol="ethusd",
        side=ec.Side.SELL,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.OPEN,
        price="3302.00",
        amount="0.001",
        filled="0",
        remaining="0.001",
        average_price=None,
        fee=None,
        fee_currency=None,
        created_at=datetime(2021, 8, 24, 2, 5, 40, 526000, tzinfo=UTC),
    ),
    # XChange fixture: the same kind of order filled, with its one (maker) trade and fee.
    Expected(
        fixture="xchange_order_status_filled_with_trades_client_order_id.json",
        index=None,
        order_id="54516439535",
        client_order_id="TESTID0",
        symbol="ethusd",
        side=ec.Side.SELL,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.FILLED,
        price="3206.00",
        amount="0.001",
        filled="0.001",
        remaining="0",
        average_price="3206.00",
        fee="0.003206",
        fee_currency="USD",
        created_at=datetime(2021, 8, 25, 6, 19, 27, 328000, tzinfo=UTC),
    ),
    # XChange fixture: /v1/orders with that live order as its only element.
    Expected(
        fixture="xchange_list_active_orders_one_live.json",
        index=0,
        order_id="54323412782",
        client_order_id="TESTID0",
        symbol="ethusd",
        side=ec.Side.SELL,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.OPEN,
        price="3302.00",
        amount="0.001",
        filled="0",
        remaining="0.001",
        average_price=None,
        fee=None,
        fee_currency=None,
        created_at=datetime(2021, 8, 24, 2, 5, 40, 526000, tzinfo=UTC),
    ),
    # XChange copy of the legacy docs example: a filled limit buy.
    Expected(
        fixture="xchange_legacy_docs_order_status_limit_buy_filled.json",
        index=None,
        order_id="44375901",
        client_order_id=None,
        symbol="btcusd",
        side=ec.Side.BUY,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.FILLED,
        price="400.00",
        amount="3",
        filled="3",
        remaining="0",
        average_price="400.00",
        fee=None,
        fee_currency=None,
        created_at=datetime(2017, 5, 15, 17, 50, 42, 156000, tzinfo=UTC),
    ),
]


def _raw_order(fixture: str, index: int | None) -> bytes | dict[str, Any]:
    """One order as Gemini sent it: the file's bytes, one element of a list, or the mapping a YAML example holds."""
    path = FIXTURES / fixture
    if path.suffix == ".yaml":
        loaded = published.load(path)
        assert isinstance(loaded, dict)
        return loaded
    if index is None:
        return path.read_bytes()
    orders = published.load(path)
    assert isinstance(orders, list)
    element = orders[index]
    assert isinstance(element, dict)
    return element


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: f"{e.fixture}[{e.index}]")
def test_real_gemini_order_reads_as_a_person_reads_it(expected: Expected) -> None:
    """A real Gemini order answer gives the id, side, type, status, amounts and time a reader sees in it."""
    order = gemini.parse_order(_raw_order(expected.fixture, expected.index))

    assert order.exchange == ec.Exchange.GEMINI
    assert order.order_id == expected.order_id
    assert order.client_order_id == expected.client_order_id
    assert order.symbol == expected.symbol
    assert order.side == expected.side
    assert order.order_type == expected.order_type
    assert order.status == expected.status
    assert_exact(order.price, expected.price)
    assert_exact(order.amount, expected.amount)
    assert_exact(order.filled, expected.filled)
    assert_exact(order.remaining, expected.remaining)
    assert_exact(order.average_price, expected.average_price)
    assert_exact(order.fee, expected.fee)
    assert order.fee_currency == expected.fee_currency
    assert order.created_at == expected.created_at


@pytest.mark.parametrize(
    ("fixture", "order_id", "status"),
    [
        ("xchange_order_status_live_client_order_id.json", "54323412782", ec.OrderStatus.OPEN),
        ("xchange_order_status_filled_with_trades_client_order_id.json", "54516439535", ec.OrderStatus.FILLED),
        ("xchange_legacy_docs_order_status_limit_buy_filled.json", "44375901", ec.OrderStatus.FILLED),
    ],
)
def test_real_gemini_order_status_body_through_the_client(fixture: str, order_id: str, status: ec.OrderStatus) -> None:
    """The unified client returns the order a real /v1/order/status body describes."""
    body = (FIXTURES / fixture).read_bytes()
    transport = httpx.MockTransport(
        lambda _request: httpx.Response(200, content=body, headers={"content-type": "application/json"})
    )
    with ec.connect("gemini", CREDENTIALS, max_retries=0, httpx_args={"transport": transport}) as client:
        order = client.get_order(order_id)
    assert order.order_id == order_id
    assert order.status == status


@dataclass(frozen=True)
class ExpectedError:
    """What Gemini's conformance case says one error answer means, in this project's error classes."""

    fixture: str
    http_status: int
    headers: dict[str, str]
    error_class: type[ec.ExchangeError]
    code: str | None
    retry_after: float | None = None
    not_class: type[ec.ExchangeError] | None = None


JSON = {"content-type": "application/json"}

EXPECTED_ERRORS = [
    ExpectedError("error_order_not_found_404.json", 404, JSON, ec.OrderNotFoundError, "OrderNotFound"),
    ExpectedError("error_invalid_nonce_400.json", 400, JSON, ec.NonceError, "InvalidNonce"),
    ExpectedError("error_missing_role_403_result_envelope.json", 403, JSON, ec.PermissionDeniedError, "MissingRole"),
    ExpectedError("error_missing_role_403_error_envelope.json", 403, JSON, ec.PermissionDeniedError, "MissingRole"),
    ExpectedError(
        "error_rate_limit_429_retry_after.json",
        429,
        {"content-type": "application/json", "retry-after": "3"},
        ec.RateLimitError,
        "RateLimit",
        retry_after=3.0,
    ),
    ExpectedError("error_insufficient_funds_406.json", 406, JSON, ec.InvalidRequestError, "InsufficientFunds"),
    ExpectedError(
        "error_server_500_unstructured.txt", 500, {"content-type": "text/plain"}, ec.ExchangeUnavailableError, None
    ),
    # Conformance kind "not_found", kept apart from "order_not_found": an empty 404 does not say the order is gone.
    ExpectedError(
        "error_not_found_404_empty_body.txt", 404, {}, ec.ExchangeError, None, not_class=ec.OrderNotFoundError
    ),
]


@pytest.mark.parametrize("expected", EXPECTED_ERRORS, ids=lambda e: e.fixture)
def test_real_gemini_error_answer_raises_its_class(expected: ExpectedError) -> None:
    """A Gemini error answer from the official conformance suite raises the class and code its case names."""
    body = (FIXTURES / expected.fixture).read_bytes()
    transport = httpx.MockTransport(
        lambda _request: httpx.Response(expected.http_status, content=body, headers=expected.headers)
    )
    with (
        ec.connect("gemini", CREDENTIALS, max_retries=0, httpx_args={"transport": transport}) as client,
        pytest.raises(expected.error_class) as raised,
    ):
        client.get_order("123")
    if expected.not_class is not None:
        assert not isinstance(raised.value, expected.not_class), f"{type(raised.value).__name__} claims too much"
    assert raised.value.code == expected.code
    assert raised.value.http_status == expected.http_status
    if expected.retry_after is not None:
        assert isinstance(raised.value, ec.RateLimitError)
        assert raised.value.retry_after == expected.retry_after
