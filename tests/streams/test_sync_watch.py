"""
Client.watch_orders: the asynchronous stream, iterated with a plain `for` from blocking code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import exchange_clients as ec
from exchange_clients.simulator import Simulator
from tests.streams.helpers import WAIT, next_within, wait_until, when_subscribed


def test_a_blocking_for_loop_gets_the_same_updates(fresh_simulator: Simulator) -> None:
    """A partial fill then the fill, read with next(); leaving the block closes the stream's connection."""
    credentials = fresh_simulator.accounts.credentials("derive")
    urls = {"base_url": fresh_simulator.base_url("derive"), "stream_url": fresh_simulator.stream_url("derive")}

    def trade() -> None:
        fresh_simulator.change_order("derive", "open", filled_amount="0.5")
        fresh_simulator.change_order("derive", "open", filled_amount="1", order_status="filled")

    with ec.connect("derive", credentials, **urls) as client, client.watch_orders() as updates:
        changer = when_subscribed(fresh_simulator, "derive", trade)
        orders = [next_within(updates), next_within(updates)]
        changer.join(WAIT)

    assert [(order.status, order.filled) for order in orders] == [
        (ec.OrderStatus.PARTIALLY_FILLED, Decimal("0.5")),
        (ec.OrderStatus.FILLED, Decimal(1)),
    ]
    wait_until(lambda: fresh_simulator.stream_connections("derive") == 0)
    assert list(updates) == []  # closed: iteration ends


def test_an_error_of_the_stream_is_raised_to_the_loop(fresh_simulator: Simulator) -> None:
    """Refused credentials reach the blocking caller as AuthenticationError at the next item."""
    account = fresh_simulator.accounts.derive
    stranger = ec.derive.DeriveCredentials(
        wallet=account.wallet,
        private_key="0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        subaccount_id=account.subaccount_id,
    )
    urls = {"base_url": fresh_simulator.base_url("derive"), "stream_url": fresh_simulator.stream_url("derive")}

    with ec.connect("derive", stranger, **urls) as client, client.watch_orders() as updates:
        with pytest.raises(ec.AuthenticationError):
            next_within(updates)
        assert list(updates) == []
