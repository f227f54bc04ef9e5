"""
The simulated Gemini over real HTTP: signed requests get orders, every documented refusal comes back as Gemini's.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import httpx
import pytest

from exchange_clients.simulator import Simulator
from tests.simulator.signing import gemini_headers, next_nonce


STATUS = "/v1/order/status"


def _post(
    http: httpx.Client, simulator: Simulator, payload: dict[str, Any], *, path: str = STATUS, secret: str | None = None
) -> httpx.Response:
    account = simulator.accounts.gemini
    headers = gemini_headers(account.api_key, secret or account.api_secret, payload)
    return http.post(simulator.base_url("gemini") + path, headers=headers)


def _status(order_id: int, **extra: Any) -> dict[str, Any]:
    return {"request": STATUS, "nonce": next_nonce(), "order_id": order_id, **extra}


def _error(reason: str, message: str) -> dict[str, str]:
    return {"result": "error", "reason": reason, "message": message}


NAMES = [
    "live_unfilled",
    "live_partially_filled",
    "cancelled_unfilled",
    "cancelled_partially_filled",
    "filled",
    "filled_with_trades",
    "high_precision",
    "wide_id",
]


@pytest.mark.parametrize("name", NAMES)
def test_signed_request_gets_the_order(http: httpx.Client, simulator: Simulator, name: str) -> None:
    """A correctly signed order-status request answers 200 with that order, without trades unless asked."""
    order = simulator.orders.named("gemini", name)

    response = _post(http, simulator, _status(int(order.order_id)))

    assert response.status_code == 200
    assert response.json() == {key: value for key, value in order.body.items() if key != "trades"}


def test_wide_order_id_reaches_the_server_exactly(http: httpx.Client, simulator: Simulator) -> None:
    """The order_id 2^63-1, sent as a JSON integer, finds the order with exactly that id."""
    response = _post(http, simulator, _status(2**63 - 1))

    assert response.json()["order_id"] == "9223372036854775807"


def test_high_precision_values_are_exact_strings(http: httpx.Client, simulator: Simulator) -> None:
    """The 30-digit amount and the 1e-18 price arrive as the exact decimal strings."""
    order_id = simulator.orders.id("gemini", "high_precision")

    body = _post(http, simulator, _status(int(order_id))).json()

    assert (body["original_amount"], body["price"]) == ("12345678901234.5678901234567891", "0.000000000000000001")


def test_include_trades_returns_the_fills(http: httpx.Client, simulator: Simulator) -> None:
    """With include_trades the fills are listed, and an order without fills lists none."""
    with_trades = simulator.orders.named("gemini", "filled_with_trades")
    plain = simulator.orders.id("gemini", "filled")

    trades = _post(http, simulator, _status(int(with_trades.order_id), include_trades=True)).json()["trades"]
    none = _post(http, simulator, _status(int(plain), include_trades=True)).json()["trades"]

    assert (trades, none) == (with_trades.body["trades"], [])


def test_client_order_id_finds_the_order(http: httpx.Client, simulator: Simulator) -> None:
    """An order can be asked for by client_order_id instead of order_id."""
    order = simulator.orders.named("gemini", "cancelled_unfilled")
    payload = {"request": STATUS, "nonce": next_nonce(), "client_order_id": order.client_order_id}

    assert _post(http, simulator, payload).json()["order_id"] == order.order_id


def test_string_nonce_is_compared_by_value(http: httpx.Client, simulator: Simulator) -> None:
    """A nonce sent as a string of digits is accepted when its value is above the last."""
    payload = {"request": STATUS, "nonce": str(next_nonce()), "order_id": 44375901}

    assert _post(http, simulator, payload).status_code == 200


def test_active_orders_lists_the_live_ones(http: httpx.Client, simulator: Simulator) -> None:
    """POST /v1/orders answers with exactly the live orders."""
    live = {order.order_id for order in simulator.orders.of("gemini") if order.body["is_live"]}

    response = _post(http, simulator, {"request": "/v1/orders", "nonce": next_nonce()}, path="/v1/orders")

    assert response.status_code == 200
    assert {order["order_id"] for order in response.json()} == live


def test_wrong_secret_is_invalid_signature(http: httpx.Client, simulator: Simulator) -> None:
    """A payload signed with the wrong secret is refused with 400 InvalidSignature."""
    response = _post(http, simulator, _status(44375901), secret="not-the-secret")

    assert response.status_code == 400
    assert response.json() == _error("InvalidSignature", "The signature did not match the expected signature")


@pytest.mark.parametrize("step", [0, -1], ids=["repeated", "lower"])
def test_stale_nonce_is_invalid_nonce(http: httpx.Client, simulator: Simulator, step: int) -> None:
    """A nonce equal to or below the last accepted one gets Gemini's exact 400 InvalidNonce body."""
    nonce = next_nonce()
    first = _post(http, simulator, {"request": STATUS, "nonce": nonce, "order_id": 44375901})

    again = _post(http, simulator, {"request": STATUS, "nonce": nonce + step, "order_id": 44375901})

    assert first.status_code == 200
    assert again.status_code == 400
    assert again.content == (
        b'{"result":"error","reason":"InvalidNonce","message":"Nonce must be greater than the previous nonce"}'
    )


def test_seen_nonces_are_strictly_increasing(http: httpx.Client, simulator: Simulator) -> None:
    """seen_nonces records every accepted Gemini nonce in arrival order, each above the one before."""
    sent = [next_nonce() for _ in range(3)]
    for nonce in sent:
        _post(http, simulator, {"request": STATUS, "nonce": nonce, "order_id": 44375901})

    seen = simulator.seen_nonces("gemini", simulator.accounts.gemini.api_key)

    assert seen[-3:] == sent
    assert all(earlier < later for earlier, later in itertools.pairwise(seen))


@pytest.mark.parametrize(
    ("payload", "status", "reason"),
    [
        ({"request": "/v1/orders", "order_id": 1}, 400, "EndpointMismatch"),
        ({"order_id": 1}, 400, "MissingPayloadKey"),
        ({"request": STATUS, "order_id": 1, "nonce": None}, 400, "InvalidNonce"),
        ({"request": STATUS, "order_id": 1, "nonce": "1.5"}, 400, "InvalidNonce"),
        ({"request": STATUS}, 400, "MissingOrderField"),
        ({"request": STATUS, "order_id": "44375901x"}, 400, "InvalidJson"),
        ({"request": STATUS, "order_id": 1, "surprise": True}, 400, "InvalidJson"),
        ({"request": STATUS, "order_id": 1}, 404, "OrderNotFound"),
    ],
    ids=["endpoint", "no-request", "null-nonce", "fraction-nonce", "no-id", "string-id", "extra-key", "unknown"],
)
def test_bad_payload_gets_gemini_reason(
    http: httpx.Client, simulator: Simulator, payload: dict[str, Any], status: int, reason: str
) -> None:
    """Each malformed or unanswerable payload is refused with Gemini's own reason and HTTP status."""
    response = _post(http, simulator, {"nonce": next_nonce()} | payload)

    assert (response.status_code, response.json()["reason"]) == (status, reason)


def test_missing_nonce(http: httpx.Client, simulator: Simulator) -> None:
    """A signed payload without a nonce is refused with 400 MissingNonce."""
    response = _post(http, simulator, {"request": STATUS, "order_id": 44375901})

    assert (response.status_code, response.json()["reason"]) == (400, "MissingNonce")


@pytest.mark.parametrize(
    ("dropped", "reason"),
    [
        ("X-GEMINI-APIKEY", "MissingApikeyHeader"),
        ("X-GEMINI-PAYLOAD", "MissingPayloadHeader"),
        ("X-GEMINI-SIGNATURE", "MissingSignatureHeader"),
    ],
)
def test_missing_header(http: httpx.Client, simulator: Simulator, dropped: str, reason: str) -> None:
    """A request without one of the three auth headers is refused with 400 and the header's reason."""
    account = simulator.accounts.gemini
    headers = gemini_headers(account.api_key, account.api_secret, _status(44375901))
    del headers[dropped]

    response = http.post(simulator.base_url("gemini") + STATUS, headers=headers)

    assert (response.status_code, response.json()["reason"]) == (400, reason)


def test_auditor_key_lacks_the_trader_role(http: httpx.Client, simulator: Simulator) -> None:
    """An Auditor-only key gets 403 MissingRole on order status but may list active orders."""
    auditor = simulator.accounts.gemini_auditor
    url = simulator.base_url("gemini")

    status = http.post(url + STATUS, headers=gemini_headers(auditor.api_key, auditor.api_secret, _status(44375901)))
    listed = http.post(
        url + "/v1/orders",
        headers=gemini_headers(auditor.api_key, auditor.api_secret, {"request": "/v1/orders", "nonce": next_nonce()}),
    )

    # Gemini's `{"error": ...}` envelope (its conformance fixture missing-role-403-error-envelope).
    assert (status.status_code, status.json()["error"], listed.status_code) == (403, "MissingRole", 200)


def test_unknown_endpoint(http: httpx.Client, simulator: Simulator) -> None:
    """A path Gemini does not serve answers 404 EndpointNotFound in Gemini's error shape."""
    response = http.post(simulator.base_url("gemini") + "/v1/balances")

    assert (response.status_code, json.loads(response.content)["reason"]) == (404, "EndpointNotFound")
