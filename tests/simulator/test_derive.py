"""
The simulated Derive over real HTTP, v3 and v2 ("lyra"): EIP-191 session auth, JSON-RPC answers and errors.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from exchange_clients.simulator import Simulator
from tests.clock import Clock
from tests.simulator.signing import derive_headers


NOW_MS = 1_790_000_000_000
# Hardhat development key #0: a valid key that is neither the wallet's owner nor a registered session key.
STRANGER = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
GENERATIONS = {"production": "X-Derive", "lyra": "X-Lyra"}  # v3 and the v2 ("lyra") generation


@pytest.fixture(autouse=True)
def _frozen(clock: Clock) -> None:
    clock.frozen = NOW_MS / 1000


def _post(
    http: httpx.Client,
    simulator: Simulator,
    params: Any,
    *,
    environment: str = "production",
    key: str | None = None,
    timestamp: int = NOW_MS,
    with_0x: bool = True,
) -> httpx.Response:
    account = simulator.accounts.derive
    headers = derive_headers(
        account.wallet, key or account.private_key, timestamp, prefix=GENERATIONS[environment], with_0x=with_0x
    )
    content = params if isinstance(params, bytes) else json.dumps(params).encode()
    url = simulator.base_url("derive", environment) + "/private/get_order"
    return http.post(url, headers=headers | {"Content-Type": "application/json"}, content=content)


def _params(simulator: Simulator, name: str) -> dict[str, Any]:
    return {"order_id": simulator.orders.id("derive", name), "subaccount_id": simulator.accounts.derive.subaccount_id}


NAMES = ["open", "open_partially_filled", "filled", "cancelled", "expired", "untriggered", "rejected", "high_precision"]


@pytest.mark.parametrize("name", NAMES)
def test_v3_signed_request_gets_the_order(http: httpx.Client, simulator: Simulator, name: str) -> None:
    """A v3 request signed by the owner key answers a JSON-RPC 2.0 result holding the order, nonce a string."""
    order = simulator.orders.named("derive", name)

    response = _post(http, simulator, _params(simulator, name))

    body = response.json()
    assert (response.status_code, body["jsonrpc"], body["result"]) == (200, "2.0", order.body)
    assert isinstance(body["result"]["nonce"], str)


@pytest.mark.parametrize("name", [name for name in NAMES if name != "rejected"])
def test_lyra_signed_request_gets_the_v2_order(http: httpx.Client, simulator: Simulator, name: str) -> None:
    """A v2 request with X-Lyra headers gets the order in v2's shape: integer nonce, no jsonrpc, no v3 members."""
    order = simulator.orders.named("derive", name)

    body = _post(http, simulator, _params(simulator, name), environment="lyra").json()

    assert "jsonrpc" not in body
    assert body["result"]["nonce"] == int(order.body["nonce"])
    assert "extra_fee" not in body["result"]
    assert body["result"]["order_status"] == order.body["order_status"]


def test_lyra_does_not_know_rejected_orders(http: httpx.Client, simulator: Simulator) -> None:
    """v2 has no `rejected` status, so it answers 11006 for the rejected order."""
    body = _post(http, simulator, _params(simulator, "rejected"), environment="lyra").json()

    assert body["error"]["code"] == 11006


def test_session_key_and_bare_hex_are_accepted(http: httpx.Client, simulator: Simulator) -> None:
    """A registered session key may sign, and the signature may come without its 0x prefix."""
    session_key = simulator.accounts.derive.session_private_keys[0]

    body = _post(http, simulator, _params(simulator, "open"), key=session_key, with_0x=False).json()

    assert body["result"]["order_id"] == simulator.orders.id("derive", "open")


def test_wrong_key_is_14014(http: httpx.Client, simulator: Simulator) -> None:
    """A signature by a key that is neither the owner nor a session key is JSON-RPC error 14014 on HTTP 200."""
    response = _post(http, simulator, _params(simulator, "open"), key=STRANGER)

    assert response.status_code == 200
    assert response.json()["error"] == {"code": 14014, "message": "Invalid signature", "data": None}


@pytest.mark.parametrize("offset_ms", [-30_001, 30_001], ids=["stale", "future"])
def test_timestamp_outside_the_window_is_14014(http: httpx.Client, simulator: Simulator, offset_ms: int) -> None:
    """A correctly signed timestamp more than 30 s from the server's clock is refused with 14014."""
    response = _post(http, simulator, _params(simulator, "open"), timestamp=NOW_MS + offset_ms)

    assert response.json()["error"]["code"] == 14014


def test_lyra_headers_are_not_read_by_v3(http: httpx.Client, simulator: Simulator) -> None:
    """v3 reads only X-Derive* headers: X-Lyra* ones leave the wallet missing (14021)."""
    account = simulator.accounts.derive
    headers = derive_headers(account.wallet, account.private_key, NOW_MS, prefix="X-Lyra")

    response = http.post(
        simulator.base_url("derive") + "/private/get_order", headers=headers, json=_params(simulator, "open")
    )

    assert response.json()["error"]["code"] == 14021


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"order_id": "00000000-0000-4000-8000-000000000000", "subaccount_id": 30769}, 11006),
        ({"order_id": "3e334e85-9879-4f25-ad38-27d651b7804a", "subaccount_id": 1}, 14001),
        ({"order_id": "3e334e85-9879-4f25-ad38-27d651b7804a", "subaccount_id": "30769"}, -32602),
        ({"order_id": "3e334e85-9879-4f25-ad38-27d651b7804a"}, -32602),
    ],
    ids=["unknown-order", "other-subaccount", "string-subaccount", "no-subaccount"],
)
def test_bad_params(http: httpx.Client, simulator: Simulator, params: dict[str, Any], code: int) -> None:
    """Unknown orders, foreign subaccounts and malformed params get Derive's JSON-RPC codes."""
    assert _post(http, simulator, params).json()["error"]["code"] == code


def test_unreadable_body_is_a_parse_error_with_null_id(http: httpx.Client, simulator: Simulator) -> None:
    """A body that is not JSON is error -32700 and, as JSON-RPC requires, id null."""
    body = _post(http, simulator, b"{not json").json()

    assert (body["id"], body["error"]["code"]) == (None, -32700)


def test_accepted_timestamps_are_recorded(http: httpx.Client, simulator: Simulator) -> None:
    """Each accepted timestamp is recorded under the wallet, whatever its letter case."""
    _post(http, simulator, _params(simulator, "filled"), timestamp=NOW_MS - 7)

    assert simulator.seen_nonces("derive", simulator.accounts.derive.wallet.upper())[-1] == NOW_MS - 7


def test_high_precision_values_are_exact_strings(http: httpx.Client, simulator: Simulator) -> None:
    """The 30-digit amount and the 1e-18 limit price arrive as the exact decimal strings."""
    result = _post(http, simulator, _params(simulator, "high_precision")).json()["result"]

    assert (result["amount"], result["limit_price"]) == ("12345678901234.5678901234567891", "0.000000000000000001")
