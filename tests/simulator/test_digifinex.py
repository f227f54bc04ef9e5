"""
The simulated DigiFinex over real HTTP: signed requests get their orders, the timestamp window and codes hold.
"""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from exchange_clients.simulator import Simulator
from tests.clock import Clock
from tests.simulator.signing import digifinex_headers


NOW = 1_700_000_000


def _get(
    http: httpx.Client,
    simulator: Simulator,
    query: str,
    *,
    market: str = "spot",
    timestamp: int = NOW,
    secret: str | None = None,
    key: str | None = None,
) -> httpx.Response:
    account = simulator.accounts.digifinex
    headers = digifinex_headers(key or account.api_key, secret or account.api_secret, query, timestamp)
    return http.get(f"{simulator.base_url('digifinex')}/v3/{market}/order?{query}", headers=headers)


@pytest.fixture(autouse=True)
def _frozen(clock: Clock) -> None:
    clock.frozen = NOW


NAMES = ["open", "partially_filled", "filled", "cancelled_unfilled", "market_buy", "high_precision"]


@pytest.mark.parametrize("name", NAMES)
def test_signed_request_gets_the_order(http: httpx.Client, simulator: Simulator, name: str) -> None:
    """A correctly signed request for one spot order answers code 0 with exactly that order."""
    order = simulator.orders.named("digifinex", name)

    response = _get(http, simulator, f"order_id={order.order_id}")

    assert response.status_code == 200
    assert response.json(parse_float=Decimal) == {"code": 0, "data": [order.body]}


def test_margin_order_is_found_under_margin(http: httpx.Client, simulator: Simulator) -> None:
    """The margin order (status 4) is served under /v3/margin/order and not under /v3/spot/order."""
    order_id = simulator.orders.id("digifinex", "cancelled_partially_filled")

    margin = _get(http, simulator, f"order_id={order_id}", market="margin")
    spot = _get(http, simulator, f"order_id={order_id}")

    assert [order["status"] for order in margin.json()["data"]] == [4]
    assert spot.json() == {"code": 20013}


@pytest.mark.parametrize("separator", [",", "%2C", "%2c"])
def test_comma_list_verifies_as_sent(http: httpx.Client, simulator: Simulator, separator: str) -> None:
    """Two ids joined by a raw or percent-encoded comma both verify when signed exactly as sent."""
    ids = [simulator.orders.id("digifinex", name) for name in ("open", "filled")]

    response = _get(http, simulator, f"order_id={separator.join(ids)}")

    assert [order["order_id"] for order in response.json()["data"]] == ids


def test_high_precision_values_are_exact_numbers(http: httpx.Client, simulator: Simulator) -> None:
    """The 30-digit amount and the 1e-18 price are JSON numbers with every digit."""
    order_id = simulator.orders.id("digifinex", "high_precision")

    response = _get(http, simulator, f"order_id={order_id}")

    assert b'"amount":12345678901234.5678901234567891' in response.content
    assert b'"price":0.000000000000000001' in response.content


def test_signature_case_does_not_matter(http: httpx.Client, simulator: Simulator) -> None:
    """An upper-case hex ACCESS-SIGN verifies, as DigiFinex says the signature is not case sensitive."""
    account = simulator.accounts.digifinex
    query = f"order_id={simulator.orders.id('digifinex', 'open')}"
    headers = digifinex_headers(account.api_key, account.api_secret, query, NOW)
    headers["ACCESS-SIGN"] = headers["ACCESS-SIGN"].upper()

    response = http.get(f"{simulator.base_url('digifinex')}/v3/spot/order?{query}", headers=headers)

    assert response.json()["code"] == 0


@pytest.mark.parametrize("offset", [-5, 1], ids=["5s-behind", "1s-ahead"])
def test_timestamp_at_the_window_edge_is_accepted(http: httpx.Client, simulator: Simulator, offset: int) -> None:
    """A timestamp 5 s behind or 1 s ahead of the server's clock is still inside the window."""
    response = _get(http, simulator, f"order_id={simulator.orders.id('digifinex', 'open')}", timestamp=NOW + offset)

    assert response.json()["code"] == 0


@pytest.mark.parametrize("offset", [-6, 2], ids=["6s-behind", "2s-ahead"])
def test_timestamp_outside_the_window_is_10008(http: httpx.Client, simulator: Simulator, offset: int) -> None:
    """A timestamp more than 5 s behind or more than 1 s ahead is refused with code 10008 on HTTP 200."""
    response = _get(http, simulator, f"order_id={simulator.orders.id('digifinex', 'open')}", timestamp=NOW + offset)

    assert (response.status_code, response.json()) == (200, {"code": 10008})


@pytest.mark.parametrize(
    ("secret", "key", "code"),
    [("wrong-secret", None, 10003), (None, "unknown-key", 10002)],
    ids=["wrong-secret", "unknown-key"],
)
def test_bad_credentials(
    http: httpx.Client, simulator: Simulator, secret: str | None, key: str | None, code: int
) -> None:
    """A wrong secret is code 10003 and an unknown key 10002, both on HTTP 200."""
    response = _get(http, simulator, f"order_id={simulator.orders.id('digifinex', 'open')}", secret=secret, key=key)

    assert (response.status_code, response.json()) == (200, {"code": code})


@pytest.mark.parametrize(
    ("query", "code"),
    [
        (",".join(f"{index:032x}" for index in range(21)), 10004),
        ("a,,b", 10004),
        ("ffffffffffffffffffffffffffffffff", 20013),
    ],
    ids=["21-ids", "empty-item", "unknown-id"],
)
def test_bad_id_lists(http: httpx.Client, simulator: Simulator, query: str, code: int) -> None:
    """More than 20 ids or an empty item is 10004; ids none of which exist are 20013."""
    assert _get(http, simulator, f"order_id={query}").json() == {"code": code}


def test_accepted_timestamps_are_recorded(http: httpx.Client, simulator: Simulator) -> None:
    """Each accepted ACCESS-TIMESTAMP is recorded for the key."""
    _get(http, simulator, f"order_id={simulator.orders.id('digifinex', 'open')}", timestamp=NOW - 3)

    assert simulator.seen_nonces("digifinex", simulator.accounts.digifinex.api_key)[-1] == NOW - 3
