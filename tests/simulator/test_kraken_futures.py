"""
The simulated Kraken Futures over real HTTP: signed requests get the orders asked for, refusals come as Kraken's.
"""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from exchange_clients.simulator import Simulator
from tests.simulator.signing import kraken_headers, next_nonce


def _post(
    http: httpx.Client,
    simulator: Simulator,
    query: str,
    *,
    nonce: int | None = None,
    secret: str | None = None,
    body: str = "",
) -> httpx.Response:
    account = simulator.accounts.kraken_futures
    headers = kraken_headers(account.api_key, secret or account.api_secret, query + body, nonce)
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    url = simulator.base_url("kraken_futures") + "/orders/status" + (f"?{query}" if query else "")
    return http.post(url, headers=headers, content=body)


NAMES = [
    "entered_book",
    "entered_book_partially_filled",
    "fully_executed",
    "cancelled",
    "rejected",
    "trigger_placed",
    "trigger_activation_failure",
    "high_precision",
]


def test_signed_request_gets_every_order(http: httpx.Client, simulator: Simulator) -> None:
    """Repeated orderIds keys return every order asked for, in that order, as Kraken's success body."""
    orders = [simulator.orders.named("kraken_futures", name) for name in NAMES]
    query = "&".join(f"orderIds={order.order_id}" for order in orders)

    response = _post(http, simulator, query, nonce=next_nonce())

    assert response.status_code == 200
    body = response.json(parse_float=Decimal)
    assert body["result"] == "success"
    assert body["orders"] == [order.body for order in orders]


def test_comma_list_client_ids_and_form_body(http: httpx.Client, simulator: Simulator) -> None:
    """Ids may come as a comma list, as cliOrdIds, or in a signed form body; each order appears once."""
    first, second = (simulator.orders.named("kraken_futures", name) for name in ("entered_book", "cancelled"))

    from_query = _post(
        http, simulator, f"orderIds={first.order_id},{second.order_id}&cliOrdIds={first.client_order_id}"
    )
    from_body = _post(http, simulator, "", body=f"cliOrdIds={second.client_order_id}")

    assert [order["order"]["orderId"] for order in from_query.json()["orders"]] == [first.order_id, second.order_id]
    assert [order["order"]["orderId"] for order in from_body.json()["orders"]] == [second.order_id]


def test_high_precision_values_are_exact_numbers(http: httpx.Client, simulator: Simulator) -> None:
    """The 30-digit quantity and the 1e-18 limit price are JSON numbers with every digit."""
    order_id = simulator.orders.id("kraken_futures", "high_precision")

    response = _post(http, simulator, f"orderIds={order_id}")

    assert b'"quantity":12345678901234.5678901234567891' in response.content
    assert b'"limitPrice":0.000000000000000001' in response.content


def test_unknown_id_is_left_out(http: httpx.Client, simulator: Simulator) -> None:
    """An id the simulator does not have is simply absent from a success answer."""
    response = _post(http, simulator, "orderIds=00000000-0000-4000-8000-000000000000")

    assert (response.json()["result"], response.json()["orders"]) == ("success", [])


def test_wrong_secret_is_authentication_error(http: httpx.Client, simulator: Simulator) -> None:
    """A request signed with the wrong secret gets HTTP 200 with error authenticationError."""
    wrong = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="
    order_id = simulator.orders.id("kraken_futures", "entered_book")

    response = _post(http, simulator, f"orderIds={order_id}", nonce=next_nonce(), secret=wrong)

    assert response.status_code == 200
    assert (response.json()["result"], response.json()["error"]) == ("error", "authenticationError")


@pytest.mark.parametrize(("step", "error"), [(0, "nonceDuplicate"), (-1, "nonceBelowThreshold")])
def test_stale_nonce_is_refused(http: httpx.Client, simulator: Simulator, step: int, error: str) -> None:
    """A repeated Nonce is nonceDuplicate and a lower one nonceBelowThreshold, both on HTTP 200."""
    order_id = simulator.orders.id("kraken_futures", "entered_book")
    nonce = next_nonce()
    first = _post(http, simulator, f"orderIds={order_id}", nonce=nonce)

    again = _post(http, simulator, f"orderIds={order_id}", nonce=nonce + step)

    assert first.json()["result"] == "success"
    assert (again.status_code, again.json()["error"]) == (200, error)


def test_nonces_are_recorded(http: httpx.Client, simulator: Simulator) -> None:
    """Every accepted Nonce header is recorded for the key, in order."""
    sent = [next_nonce(), next_nonce()]
    for nonce in sent:
        _post(http, simulator, "cliOrdIds=stop-1", nonce=nonce)

    assert simulator.seen_nonces("kraken_futures", simulator.accounts.kraken_futures.api_key)[-2:] == sent


@pytest.mark.parametrize(
    ("query", "error"),
    [("", "requiredArgumentMissing"), ("orderIds=not-a-uuid", "invalidArgument")],
    ids=["no-ids", "bad-uuid"],
)
def test_bad_arguments(http: httpx.Client, simulator: Simulator, query: str, error: str) -> None:
    """Asking for nothing, or for an id that is not a UUID, is refused with Kraken's argument errors."""
    assert _post(http, simulator, query).json()["error"] == error
