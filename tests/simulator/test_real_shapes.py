"""
The simulator serves orders shaped like the exchanges' real answers, and errors in the envelopes they really use.

The Gemini tests read through the client on a simulator of their own: the raw-request tests of this folder move
the shared simulator's Gemini nonce ahead of the client's clock.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import exchange_clients as ec
from exchange_clients.simulator import Simulator


def test_kraken_plain_orders_leave_out_the_trigger_fields(simulator: Simulator) -> None:
    """A plain ORDER has no priceTriggerOptions, triggerTime or algoId at all, as real answers (ccxt #27894) show."""
    plain = [order for order in simulator.orders.of("kraken_futures") if order.body["order"]["type"] == "ORDER"]

    assert plain
    for order in plain:
        assert not {"priceTriggerOptions", "triggerTime", "algoId"} & order.body["order"].keys()


def test_gemini_market_buy_reads_as_gemini_documents_it(fresh_simulator: Simulator) -> None:
    """Gemini's own market-buy example, served over HTTP, is a filled MARKET order with no price."""
    credentials = fresh_simulator.accounts.credentials("gemini")
    with ec.connect("gemini", credentials, base_url=fresh_simulator.base_url("gemini"), max_retries=0) as client:
        order = client.get_order(fresh_simulator.orders.id("gemini", "market_buy"))

    assert (order.order_type, order.status, order.price) == (ec.OrderType.MARKET, ec.OrderStatus.FILLED, None)
    # No original_amount: the amount is what was executed plus what remains.
    assert (order.amount, order.filled, order.remaining) == (
        Decimal("0.0219983861"),
        Decimal("0.0219983861"),
        Decimal(0),
    )


def test_gemini_missing_role_comes_in_the_error_envelope(fresh_simulator: Simulator) -> None:
    """The auditor key's order status is refused with `{"error": "MissingRole"}`, which the client reads."""
    with (
        ec.connect(
            "gemini",
            ec.gemini.GeminiCredentials(
                api_key=fresh_simulator.accounts.gemini_auditor.api_key,
                api_secret=fresh_simulator.accounts.gemini_auditor.api_secret,
            ),
            base_url=fresh_simulator.base_url("gemini"),
            max_retries=0,
        ) as client,
        pytest.raises(ec.PermissionDeniedError) as raised,
    ):
        client.get_order(fresh_simulator.orders.id("gemini", "filled"))

    assert (raised.value.http_status, raised.value.code) == (403, "MissingRole")
