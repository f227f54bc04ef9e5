"""
Real Kraken Futures answers read as a person reading them expects.

The fixtures are in tests/fixtures/real/kraken_futures, their provenance in SOURCES.toml.

The expectations are written by hand from the published text, not computed from the fixtures.
"""

from __future__ import annotations

import ast
import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

import exchange_clients as ec
from exchange_clients import kraken_futures
from tests.real import published


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "kraken_futures"

FAKE_SECRET = base64.b64encode(b"fake-kraken-futures-secret-for-tests").decode()


def _load(name: str) -> Any:
    return published.load(FIXTURES / name)


def _body(name: str) -> bytes:
    """The bytes to serve: the file itself, or for a Python-repr capture its JSON spelling."""
    if name.endswith(".pyrepr"):
        return json.dumps(ast.literal_eval((FIXTURES / name).read_text(encoding="utf-8"))).encode()
    return (FIXTURES / name).read_bytes()


@dataclass(frozen=True)
class Expected:
    """What a reader of one order element expects the normalized order to say."""

    fixture: str
    order_id: str
    client_order_id: str | None
    symbol: str
    side: ec.Side
    order_type: ec.OrderType
    status: ec.OrderStatus
    raw_status: str
    price: Decimal | None
    amount: Decimal | None
    filled: Decimal | None
    remaining: Decimal | None
    created_at: datetime | None
    updated_at: datetime | None


ORDERS = [
    Expected(
        fixture="ccxt_issue_27894_entered_book_limit.pyrepr",
        order_id="a1108796-1996-4da9-a1f2-af7463586234",
        client_order_id=None,
        symbol="PF_XBTUSD",
        side=ec.Side.BUY,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.OPEN,
        raw_status="ENTERED_BOOK",
        price=Decimal(60000),
        amount=Decimal("0.0003"),
        filled=Decimal(0),
        remaining=Decimal("0.0003"),
        created_at=datetime(2026, 2, 12, 19, 14, 23, 97000, tzinfo=UTC),
        updated_at=datetime(2026, 2, 12, 19, 14, 23, 97000, tzinfo=UTC),
    ),
    Expected(
        fixture="ccxt_issue_28210_cancelled_by_user.pyrepr",
        order_id="a159faef-6a0f-4651-af78-eafa4c71ac7e",
        client_order_id=None,
        symbol="PF_XBTUSD",
        side=ec.Side.BUY,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.CANCELED,
        raw_status="CANCELLED",
        price=Decimal(68000),
        amount=Decimal("0.0022"),
        filled=Decimal(0),
        remaining=Decimal("0.0022"),
        created_at=datetime(2026, 3, 21, 7, 32, 21, 555000, tzinfo=UTC),
        updated_at=datetime(2026, 3, 21, 7, 32, 21, 555000, tzinfo=UTC),
    ),
]


@pytest.mark.parametrize("expected", ORDERS, ids=lambda expected: expected.fixture)
def test_real_order_element_reads_as_published(expected: Expected) -> None:
    """A real order-status element becomes the order its text describes, to the digit and the millisecond."""
    order = kraken_futures.parse_order(_load(expected.fixture))

    assert order.exchange is ec.Exchange.KRAKEN_FUTURES
    assert order.order_id == expected.order_id
    assert order.client_order_id == expected.client_order_id
    assert order.symbol == expected.symbol
    assert order.side is expected.side
    assert order.order_type is expected.order_type
    assert order.status is expected.status
    assert order.raw_status == expected.raw_status
    assert order.price == expected.price
    assert order.amount == expected.amount
    assert order.filled == expected.filled
    assert order.remaining == expected.remaining
    assert order.created_at == expected.created_at
    assert order.updated_at == expected.updated_at


@dataclass(frozen=True)
class ExpectedError:
    """What a reader of one error body expects the unified client to raise."""

    fixture: str
    http_status: int
    error_class: type[ec.ExchangeError]
    code: str | None


# The HTTP status of the authenticationError captures was not published; 200 is what Kraken documents for
# `result: error` answers. The BAD_REQUEST bodies were published with their 400.
ERRORS = [
    ExpectedError(
        "python_kraken_sdk_issue_303_authentication_error.pyrepr", 200, ec.AuthenticationError, "authenticationError"
    ),
    ExpectedError("fundingbot_adapters_authentication_error.json", 200, ec.AuthenticationError, "authenticationError"),
    ExpectedError("roq_edit_order_authentication_error.json", 200, ec.AuthenticationError, "authenticationError"),
    ExpectedError("roq_rest_error_400_argument_invalid.json", 400, ec.InvalidRequestError, None),
    ExpectedError("ccxt_pr_20437_400_invalid_order_type.json", 400, ec.InvalidRequestError, None),
]


@pytest.mark.parametrize("expected", ERRORS, ids=lambda expected: expected.fixture)
def test_real_error_body_raises_its_documented_class(expected: ExpectedError) -> None:
    """A real Kraken Futures error body, served to get_order, raises the class its meaning implies, with its code."""
    body = _body(expected.fixture)
    transport = httpx.MockTransport(lambda _request: httpx.Response(expected.http_status, content=body))
    credentials = kraken_futures.KrakenFuturesCredentials(api_key="fake-kraken-key", api_secret=FAKE_SECRET)

    with (
        ec.connect("kraken_futures", credentials, max_retries=0, httpx_args={"transport": transport}) as client,
        pytest.raises(ec.ExchangeError) as raised,
    ):
        client.get_order("a1108796-1996-4da9-a1f2-af7463586234")

    assert type(raised.value) is expected.error_class
    assert raised.value.http_status == expected.http_status
    if expected.code is not None:
        assert raised.value.code == expected.code
