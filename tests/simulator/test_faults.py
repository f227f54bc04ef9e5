"""
The ready-made faults: a truncated body is an UnexpectedResponseError, `sometimes` strikes about its rate.
"""

from __future__ import annotations

import pytest

import exchange_clients as ec
from exchange_clients.simulator import Incoming, Simulator, faults


def test_truncated_body_is_an_unexpected_response(simulator: Simulator) -> None:
    """A 200 whose JSON never closes is UnexpectedResponseError with the status and the cut body, not retried."""
    simulator.faults.push(faults.truncated(), exchange="kraken_futures")
    order_id = simulator.orders.id("kraken_futures", "entered_book")
    credentials = simulator.accounts.credentials("kraken_futures")

    with (
        ec.connect("kraken_futures", credentials, base_url=simulator.base_url("kraken_futures")) as client,
        pytest.raises(ec.UnexpectedResponseError) as raised,
    ):
        client.get_order(order_id)

    assert raised.value.http_status == 200
    assert raised.value.body is not None
    assert raised.value.body.endswith('"orderId": "1f0b')


def test_sometimes_strikes_about_its_rate() -> None:
    """sometimes(fault, 0.1) answers about one request in ten and lets the others through (None)."""
    fault = faults.sometimes(faults.unavailable(503), 0.1, seed=3)
    incoming = Incoming(exchange="gemini", method="POST", path="/v1/order/status", query=b"", headers=(), body=b"")

    replies = [fault(incoming) for _ in range(2_000)]
    struck = [reply for reply in replies if reply is not None]

    assert 150 < len(struck) < 250
    assert {reply.status for reply in struck} == {503}


@pytest.mark.parametrize(("status", "phrase"), [(502, "Bad Gateway"), (503, "Service Unavailable")])
def test_an_outage_page_names_its_own_status(status: int, phrase: str) -> None:
    """unavailable(502) is a 502 page that says 502, not a 503 page with another status line."""
    incoming = Incoming(exchange="gemini", method="POST", path="/v1/order/status", query=b"", headers=(), body=b"")

    reply = faults.unavailable(status)(incoming)

    assert reply is not None
    assert reply.status == status
    assert f"<h1>{status} {phrase}</h1>".encode() in reply.content
    assert reply.media_type == "text/html"
