"""
The simulator accepts what widely used clients really send, where the exchange's documents give no reason to refuse.

Each case is a decision written beside the code (simulator/_gemini.py `_order_id`, _kraken.py `handle`, _derive.py
`_wallets`), with its evidence: ccxt's requests, sent for years.
"""

from __future__ import annotations

import json

import httpx
import pytest

from exchange_clients.simulator import Simulator
from tests.clock import Clock
from tests.simulator.signing import derive_headers, gemini_headers, kraken_headers, next_nonce


def test_gemini_order_id_as_a_json_string_finds_the_order(http: httpx.Client, simulator: Simulator) -> None:
    """Gemini's order_id sent as a JSON string of digits (as ccxt's fetchOrder sends it) finds that order."""
    order = simulator.orders.named("gemini", "filled")
    account = simulator.accounts.gemini
    payload = {"request": "/v1/order/status", "nonce": next_nonce(), "order_id": order.order_id}
    headers = gemini_headers(account.api_key, account.api_secret, payload)

    response = http.post(simulator.base_url("gemini") + "/v1/order/status", headers=headers)

    assert response.status_code == 200
    assert response.json()["order_id"] == order.order_id


def test_kraken_get_orders_status_is_served(http: httpx.Client, simulator: Simulator) -> None:
    """`GET /orders/status?orderIds=...` (ccxt's privateGetOrdersStatus) is signed over the query and answered."""
    order = simulator.orders.named("kraken_futures", "entered_book")
    account = simulator.accounts.kraken_futures
    query = f"orderIds={order.order_id}"
    headers = kraken_headers(account.api_key, account.api_secret, query, next_nonce())

    response = http.get(simulator.base_url("kraken_futures") + f"/orders/status?{query}", headers=headers)

    assert response.status_code == 200
    assert [element["order"]["orderId"] for element in response.json()["orders"]] == [order.order_id]


@pytest.mark.parametrize(
    ("environment", "prefix", "served"), [("production", "X-Derive", True), ("lyra", "X-Lyra", False)]
)
def test_derive_owner_address_as_wallet(
    http: httpx.Client, simulator: Simulator, clock: Clock, environment: str, prefix: str, *, served: bool
) -> None:
    """v3 takes the owner's address as the wallet (ccxt 4.5.88+); v2 ("lyra") wants the smart-contract wallet."""
    clock.frozen = None
    account = simulator.accounts.derive
    timestamp = int(clock() * 1000)
    headers = derive_headers(account.owner, account.private_key, timestamp, prefix=prefix)
    params = {"order_id": simulator.orders.id("derive", "open"), "subaccount_id": account.subaccount_id}
    url = simulator.base_url("derive", environment) + "/private/get_order"

    response = http.post(url, headers=headers | {"Content-Type": "application/json"}, content=json.dumps(params))

    body = response.json()
    if served:
        assert body["result"]["order_id"] == params["order_id"]
    else:
        assert body["error"]["code"] == 14000
