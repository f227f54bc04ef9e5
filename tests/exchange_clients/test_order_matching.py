"""
get_orders returns each requested order, matched by the order's own id: never another order in its place.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest

import exchange_clients as ec
from exchange_clients import gemini, kraken_futures


GEMINI = gemini.GeminiCredentials(api_key="account-fakefakefakefake", api_secret="fake-secret-for-tests")
KRAKEN = kraken_futures.KrakenFuturesCredentials(
    api_key="fake-kraken-key", api_secret=base64.b64encode(b"fake-kraken-secret").decode()
)


def _gemini_order(order_id: str, client_order_id: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "order_id": order_id,
        "symbol": "btcusd",
        "side": "buy",
        "type": "exchange limit",
        "is_live": True,
        "is_cancelled": False,
        "executed_amount": "0",
        "remaining_amount": "1",
        "original_amount": "1",
        "price": "100",
        "avg_execution_price": "0",
        "timestampms": 1700000000000,
    }
    if client_order_id is not None:
        body["client_order_id"] = client_order_id
    return body


def _gemini_server(orders: dict[int, dict[str, Any]]) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        payload = json.loads(base64.b64decode(request.headers["X-GEMINI-PAYLOAD"]))
        order = orders.get(payload["order_id"])
        if order is None:
            return httpx.Response(404, json={"result": "error", "reason": "OrderNotFound", "message": "not found"})
        return httpx.Response(200, json=order)

    return httpx.MockTransport(answer)


def test_gemini_client_order_id_never_takes_another_orders_place() -> None:
    """Order 200 whose client_order_id is "100" does not stand in for order 100: each id gets its own order."""
    transport = _gemini_server({200: _gemini_order("200", client_order_id="100"), 100: _gemini_order("100")})
    with ec.connect("gemini", GEMINI, max_retries=0, httpx_args={"transport": transport}) as client:
        orders = client.get_orders(["200", "100"])

    assert [order.order_id for order in orders] == ["200", "100"]


def test_gemini_ids_compare_as_integers() -> None:
    """`get_order("0123")` finds order 123, which is what Gemini answers for that id."""
    transport = _gemini_server({123: _gemini_order("123")})
    with ec.connect("gemini", GEMINI, max_retries=0, httpx_args={"transport": transport}) as client:
        order = client.get_order("0123")

    assert order.order_id == "123"


def _kraken_element(order_id: str, client_order_id: str | None) -> dict[str, Any]:
    return {
        "order": {
            "type": "ORDER",
            "orderId": order_id,
            "cliOrdId": client_order_id,
            "symbol": "PF_XBTUSD",
            "side": "buy",
            "quantity": 1,
            "filled": 0,
            "limitPrice": 60000,
            "reduceOnly": False,
            "timestamp": "2026-02-12T19:14:23.097Z",
            "lastUpdateTimestamp": "2026-02-12T19:14:23.097Z",
        },
        "status": "ENTERED_BOOK",
        "updateReason": None,
        "error": None,
    }


def _kraken_server(*elements: dict[str, Any]) -> httpx.MockTransport:
    body = {"result": "success", "serverTime": "2026-02-12T19:14:24.000Z", "orders": list(elements)}
    return httpx.MockTransport(lambda _request: httpx.Response(200, json=body))


FIRST = "a1108796-1996-4da9-a1f2-af7463586234"
SECOND = "b2208796-1996-4da9-a1f2-af7463586234"


def test_kraken_reused_client_order_id_is_an_error_naming_both_orders() -> None:
    """Two live orders sharing one cliOrdId: get_order by it raises, naming both order ids, instead of picking one."""
    transport = _kraken_server(_kraken_element(FIRST, "reused"), _kraken_element(SECOND, "reused"))
    with (
        ec.connect("kraken_futures", KRAKEN, max_retries=0, httpx_args={"transport": transport}) as client,
        pytest.raises(ec.UnexpectedResponseError) as raised,
    ):
        client.get_order("reused")

    assert FIRST in str(raised.value)
    assert SECOND in str(raised.value)


def test_kraken_order_id_is_not_matched_by_another_orders_client_id() -> None:
    """An order id is matched by orderId only: another order whose cliOrdId spells that id does not count."""
    transport = _kraken_server(_kraken_element(SECOND, FIRST), _kraken_element(FIRST, None))
    with ec.connect("kraken_futures", KRAKEN, max_retries=0, httpx_args={"transport": transport}) as client:
        order = client.get_order(FIRST)

    assert order.order_id == FIRST
    assert order.client_order_id is None


def test_kraken_client_order_id_finds_its_order() -> None:
    """A non-UUID id is a client order id: the order carrying it is returned."""
    transport = _kraken_server(_kraken_element(FIRST, "mine"))
    with ec.connect("kraken_futures", KRAKEN, max_retries=0, httpx_args={"transport": transport}) as client:
        order = client.get_order("mine")

    assert (order.order_id, order.client_order_id) == (FIRST, "mine")
