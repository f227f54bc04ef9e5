"""
Real Derive answers read as a person reading them expects.

The fixtures are in tests/fixtures/real/derive, their provenance in SOURCES.toml.

The expectations are written by hand from the published text, not computed from the fixtures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

import exchange_clients as ec
from exchange_clients import derive
from tests.real import published


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "derive"

# Fake but well formed: a wallet address and a secp256k1 key that belong to nobody.
FAKE_WALLET = "0x00000000000000000000000000000000000000aa"
FAKE_PRIVATE_KEY = "0x" + "11" * 32
SUBACCOUNT_ID = 130837


def _load(name: str) -> Any:
    return published.load(FIXTURES / name)


@dataclass(frozen=True)
class Expected:
    """What a reader of one Derive order object expects the normalized order to say."""

    fixture: str
    in_result: bool  # the file is a whole answer and the order is its `result`
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
    average_price: Decimal | None
    fee: Decimal | None
    created_at: datetime | None
    updated_at: datetime | None


ORDERS = [
    Expected(
        fixture="ccxt_v2_private_order_open_gtc_no_label.json",
        in_result=False,
        order_id="96349ebb-7d46-43ae-81c7-7ab390444293",
        client_order_id=None,  # label "" means no label
        symbol="BTC-PERP",
        side=ec.Side.BUY,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.OPEN,
        raw_status="open",
        price=Decimal(10000),
        amount=Decimal("0.01"),
        filled=Decimal(0),
        remaining=Decimal("0.01"),
        average_price=None,  # "0" with nothing filled is no average
        fee=Decimal(0),
        created_at=datetime(2025, 1, 21, 13, 52, 56, 257000, tzinfo=UTC),
        updated_at=datetime(2025, 1, 21, 13, 52, 56, 257000, tzinfo=UTC),
    ),
    Expected(
        fixture="ccxt_v2_private_cancel_cancelled_user_request.json",
        in_result=True,
        order_id="de4f30b6-0dcb-4df6-9222-c1a27f1ad80d",
        client_order_id="test1234",
        symbol="BTC-PERP",
        side=ec.Side.BUY,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.CANCELED,
        raw_status="cancelled",
        price=Decimal(10000),
        amount=Decimal("0.01"),
        filled=Decimal(0),
        remaining=Decimal("0.01"),
        average_price=None,
        fee=Decimal(0),
        created_at=datetime(2025, 1, 22, 10, 1, 40, 989000, tzinfo=UTC),
        updated_at=datetime(2025, 1, 22, 10, 9, 34, 696000, tzinfo=UTC),
    ),
    Expected(
        fixture="ccxt_v2_get_orders_open_post_only_label.json",
        in_result=False,
        order_id="63a80cb8-387b-472b-a838-71cd9513c365",
        client_order_id="test1234",
        symbol="BTC-PERP",
        side=ec.Side.BUY,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.OPEN,
        raw_status="open",
        price=Decimal(10000),
        amount=Decimal("0.01"),
        filled=Decimal(0),
        remaining=Decimal("0.01"),
        average_price=None,
        fee=Decimal(0),
        created_at=datetime(2025, 1, 22, 13, 4, 13, 207000, tzinfo=UTC),
        updated_at=datetime(2025, 1, 22, 13, 4, 13, 207000, tzinfo=UTC),
    ),
    Expected(
        fixture="ccxt_v3_private_order_open_string_nonce.json",
        in_result=False,
        order_id="f690dfc9-5b9c-4f62-a2b0-3f6ba502f2f6",
        client_order_id=None,
        symbol="BTC-PERP",
        side=ec.Side.BUY,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.OPEN,
        raw_status="open",
        price=Decimal(83000),
        amount=Decimal("0.01"),
        filled=Decimal(0),
        remaining=Decimal("0.01"),
        average_price=None,
        fee=Decimal(0),
        created_at=datetime(2026, 10, 1, 16, 20, 18, 199000, tzinfo=UTC),
        updated_at=datetime(2026, 10, 1, 16, 20, 18, 199000, tzinfo=UTC),
    ),
]


@pytest.mark.parametrize("expected", ORDERS, ids=lambda expected: expected.fixture)
def test_real_order_reads_as_published(expected: Expected) -> None:
    """A real Derive order object becomes the order its text describes, to the digit and the millisecond."""
    raw = _load(expected.fixture)
    order = derive.parse_order(raw["result"] if expected.in_result else raw)

    assert order.exchange is ec.Exchange.DERIVE
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
    assert order.average_price == expected.average_price
    assert order.fee == expected.fee
    assert order.created_at == expected.created_at
    assert order.updated_at == expected.updated_at


@dataclass(frozen=True)
class ExpectedError:
    """What a reader of one Derive error expects the unified client to raise."""

    fixture: str
    whole_answer: bool  # False: the file is the `error` object only, served as {"id": 1, "error": <file bytes>}
    error_class: type[ec.ExchangeError]
    code: str


ERRORS = [
    # "Invalid params" with an empty code. Decision: errors are classified by Derive's code, never by message
    # text (Derive's messages are unconfirmed, exchange_facts.md 4.5); with no code this JSON-RPC error on HTTP
    # 200 is an UnexpectedResponseError that keeps the empty code and the message.
    ExpectedError(
        "ccxt_v2_error_envelope_invalid_params_empty_code.json",
        whole_answer=True,
        error_class=ec.UnexpectedResponseError,
        code="",
    ),
    ExpectedError(
        "ccxt_v2_error_11006_does_not_exist.json", whole_answer=False, error_class=ec.OrderNotFoundError, code="11006"
    ),
    ExpectedError(
        "ccxt_v2_error_14014_signature_invalid.json",
        whole_answer=False,
        error_class=ec.AuthenticationError,
        code="14014",
    ),
    ExpectedError(
        "ccxt_v2_error_14000_account_not_found.json",
        whole_answer=False,
        error_class=ec.AuthenticationError,
        code="14000",
    ),
    ExpectedError(
        "ccxt_v2_error_14001_subaccount_not_found.json",
        whole_answer=False,
        error_class=ec.InvalidRequestError,
        code="14001",
    ),
    ExpectedError(
        "ccxt_v2_error_14023_session_key_not_owner.json",
        whole_answer=False,
        error_class=ec.AuthenticationError,
        code="14023",
    ),
    ExpectedError(
        "ccxt_v2_error_minus_32603_internal_error.json",
        whole_answer=False,
        error_class=ec.ExchangeUnavailableError,
        code="-32603",
    ),
    ExpectedError(
        "ccxt_v2_error_11013_invalid_limit_price_data_object.json",
        whole_answer=False,
        error_class=ec.InvalidRequestError,
        code="11013",
    ),
]


@pytest.mark.parametrize("expected", ERRORS, ids=lambda expected: expected.fixture)
def test_real_error_raises_its_documented_class(expected: ExpectedError) -> None:
    """A real Derive JSON-RPC error served to get_order raises the class its code documents, code kept as text."""
    published = (FIXTURES / expected.fixture).read_bytes()
    body = published if expected.whole_answer else b'{"id":1,"error":' + published + b"}"
    # The HTTP status of these captures was not published; a JSON-RPC error is served here with 200.
    transport = httpx.MockTransport(lambda _request: httpx.Response(200, content=body))
    credentials = derive.DeriveCredentials(
        wallet=FAKE_WALLET, private_key=FAKE_PRIVATE_KEY, subaccount_id=SUBACCOUNT_ID
    )

    with (
        ec.connect("derive", credentials, max_retries=0, httpx_args={"transport": transport}) as client,
        pytest.raises(ec.ExchangeError) as raised,
    ):
        client.get_order("804018f3-b092-40a3-a933-b29574fa1ff8", subaccount_id=SUBACCOUNT_ID)

    assert type(raised.value) is expected.error_class
    assert raised.value.code == expected.code
