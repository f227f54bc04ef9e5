"""
Real DigiFinex answers (official examples and a live capture) read the way a person reads them.

Every expectation below is written by hand from the fixture text; tests/fixtures/real/digifinex/SOURCES.toml says
where each answer comes from. Amounts are compared digit for digit against the JSON number text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

import exchange_clients as ec
from exchange_clients import digifinex
from tests.real import published
from tests.real.published import assert_exact


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "real" / "digifinex"
CREDENTIALS = digifinex.DigiFinexCredentials(api_key="fakefakefakefake", api_secret="fakesecretfakesecret")


@dataclass(frozen=True)
class Expected:
    """What a careful reader of the order in one fixture expects the normalized order to say."""

    fixture: str
    index: int | None
    order_id: str
    symbol: str
    side: ec.Side
    order_type: ec.OrderType
    status: ec.OrderStatus
    price: str | None
    amount: str | None
    filled: str | None
    remaining: str | None
    average_price: str | None
    created_at: datetime
    updated_at: datetime | None


EXPECTED = [
    # docs "Get order status": status 1 (partially executed) on a limit buy, finished_date 0.
    Expected(
        fixture="official_order_status_buy_partially_executed_margin.json",
        index=0,
        order_id="dd3164b333a4afa9d5730bb87f6db8b3",
        symbol="BTC_USDT",
        side=ec.Side.BUY,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.PARTIALLY_FILLED,
        price="0.1",
        amount="1",
        filled="0",
        remaining="1",
        average_price=None,
        created_at=datetime(2019, 7, 5, 5, 12, 27, tzinfo=UTC),
        updated_at=None,
    ),
    # docs "Current active orders": the same order in the same words.
    Expected(
        fixture="official_order_current_buy_partially_executed_margin.json",
        index=0,
        order_id="dd3164b333a4afa9d5730bb87f6db8b3",
        symbol="BTC_USDT",
        side=ec.Side.BUY,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.PARTIALLY_FILLED,
        price="0.1",
        amount="1",
        filled="0",
        remaining="1",
        average_price=None,
        created_at=datetime(2019, 7, 5, 5, 12, 27, tzinfo=UTC),
        updated_at=None,
    ),
    # docs "Get order trades details": `data` is one object (not a list), status 2, with a nested fill.
    Expected(
        fixture="official_order_detail_buy_filled_margin.json",
        index=None,
        order_id="dd3164b333a4afa9d5730bb87f6db8b3",
        symbol="BTC_USDT",
        side=ec.Side.BUY,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.FILLED,
        price="6000",
        amount="0.58",
        filled="0.58",
        remaining="0.00",
        average_price="6000",
        created_at=datetime(2019, 7, 5, 5, 12, 27, tzinfo=UTC),
        updated_at=datetime(2019, 11, 25, 7, 4, 19, tzinfo=UTC),
    ),
    # ccxt issue 6097, live answer: a filled spot limit buy on DFT_USDT, average below the limit price.
    Expected(
        fixture="live_ccxt6097_order_status_buy_filled_spot.json",
        index=0,
        order_id="af4db5b17e9c4b305383313efe56f0c7",
        symbol="DFT_USDT",
        side=ec.Side.BUY,
        order_type=ec.OrderType.LIMIT,
        status=ec.OrderStatus.FILLED,
        price="0.6175",
        amount="4",
        filled="4",
        remaining="0",
        average_price="0.6165",
        created_at=datetime(2019, 11, 6, 11, 12, 33, tzinfo=UTC),
        updated_at=datetime(2019, 11, 6, 11, 12, 33, tzinfo=UTC),
    ),
]


def _raw_order(fixture: str, index: int | None) -> dict[str, Any]:
    """One order as DigiFinex sent it: an element of `data` (a list), or `data` itself when it is one object."""
    answer = published.load(FIXTURES / fixture)
    assert isinstance(answer, dict)
    assert answer["code"] == 0
    data = answer["data"]
    order = data if index is None else data[index]
    assert isinstance(order, dict)
    return order


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: e.fixture)
def test_real_digifinex_order_reads_as_a_person_reads_it(expected: Expected) -> None:
    """A real DigiFinex order answer gives the id, side, type, status, amounts and times a reader sees in it."""
    order = digifinex.parse_order(_raw_order(expected.fixture, expected.index))

    assert order.exchange == ec.Exchange.DIGIFINEX
    assert order.order_id == expected.order_id
    assert order.client_order_id is None
    assert order.symbol == expected.symbol
    assert order.side == expected.side
    assert order.order_type == expected.order_type
    assert order.status == expected.status
    assert_exact(order.price, expected.price)
    assert_exact(order.amount, expected.amount)
    assert_exact(order.filled, expected.filled)
    assert_exact(order.remaining, expected.remaining)
    assert_exact(order.average_price, expected.average_price)
    assert order.fee is None
    assert order.fee_currency is None
    assert order.created_at == expected.created_at
    assert order.updated_at == expected.updated_at


@pytest.mark.parametrize(
    ("fixture", "order_id", "market", "status"),
    [
        ("live_ccxt6097_order_status_buy_filled_spot.json", "af4db5b17e9c4b305383313efe56f0c7", "spot", "filled"),
        (
            "official_order_status_buy_partially_executed_margin.json",
            "dd3164b333a4afa9d5730bb87f6db8b3",
            "margin",
            "partially_filled",
        ),
    ],
)
def test_real_digifinex_order_status_body_through_the_client(
    fixture: str, order_id: str, market: str, status: str
) -> None:
    """The unified client returns the order a real /v3/{market}/order answer describes."""
    body = (FIXTURES / fixture).read_bytes()
    transport = httpx.MockTransport(
        lambda _request: httpx.Response(200, content=body, headers={"content-type": "application/json; charset=utf-8"})
    )
    with ec.connect("digifinex", CREDENTIALS, max_retries=0, httpx_args={"transport": transport}) as client:
        order = client.get_order(order_id, market=market)
    assert order.order_id == order_id
    assert order.status == ec.OrderStatus(status)
