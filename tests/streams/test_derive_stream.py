"""
watch_orders on Derive over a real WebSocket, against the simulator.

Every change is delivered once and never backwards, through a lost connection (reconciled over REST); refused
credentials are an error, not a retry loop.
"""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

import exchange_clients as ec
from exchange_clients.simulator import Simulator
from exchange_clients.simulator.exchanges.derive import stream_message
from tests.streams.helpers import WAIT, client, take, until


def _client(simulator: Simulator, credentials: ec.derive.DeriveCredentials | None = None) -> ec.AsyncClient:
    return client(simulator, "derive", credentials)


def test_a_lifecycle_arrives_in_order_and_ends_filled(fresh_simulator: Simulator) -> None:
    """Partly filled, the same again, then filled: two changes delivered (a repeat is none), the last final."""
    notices: list[ec.StreamNotice] = []

    async def watch() -> list[ec.Order]:
        async with _client(fresh_simulator) as client:
            stream = client.watch_orders(on_notice=notices.append)
            first = asyncio.ensure_future(anext(stream))
            await until(lambda: fresh_simulator.stream_connections("derive") == 1)
            fresh_simulator.change_order("derive", "open", filled_amount="0.5", order_status="open")
            orders = [await asyncio.wait_for(first, WAIT)]
            fresh_simulator.change_order("derive", "open", filled_amount="0.5", order_status="open")  # a repeat
            fresh_simulator.change_order("derive", "open", filled_amount="1", order_status="filled")
            orders += await take(stream, 1)
            await stream.aclose()
            return orders

    orders = asyncio.run(watch())

    assert [(order.status, order.filled) for order in orders] == [
        (ec.OrderStatus.PARTIALLY_FILLED, Decimal("0.5")),
        (ec.OrderStatus.FILLED, Decimal(1)),
    ]
    assert [notice.kind for notice in notices] == ["connected"]


def test_a_change_made_while_disconnected_is_delivered_by_reconciliation(fresh_simulator: Simulator) -> None:
    """The stream drops; the order fills meanwhile (no one is subscribed); after reconnecting, REST says so."""
    notices: list[ec.StreamNotice] = []
    order_id = fresh_simulator.orders.id("derive", "open")

    async def watch() -> list[ec.Order]:
        async with _client(fresh_simulator) as client:
            stream = client.watch_orders(on_notice=notices.append)
            first = asyncio.ensure_future(anext(stream))
            await until(lambda: fresh_simulator.stream_connections("derive") == 1)
            fresh_simulator.change_order("derive", "open", filled_amount="0.25", order_status="open")
            orders = [await asyncio.wait_for(first, WAIT)]
            fresh_simulator.drop_streams("derive")
            await until(lambda: fresh_simulator.stream_connections("derive") == 0)
            fresh_simulator.change_order("derive", "open", filled_amount="1", order_status="filled")
            orders += await take(stream, 1)
            await stream.aclose()
            return orders

    orders = asyncio.run(watch())

    assert [(order.order_id, order.status) for order in orders] == [
        (order_id, ec.OrderStatus.PARTIALLY_FILLED),
        (order_id, ec.OrderStatus.FILLED),
    ]
    kinds = [notice.kind for notice in notices]
    assert kinds[:2] == ["connected", "disconnected"]
    assert "reconciled" in kinds
    assert kinds.count("connected") == 2


def test_a_refused_login_is_an_authentication_error(fresh_simulator: Simulator) -> None:
    """A key that is not the wallet's signer is refused at login: AuthenticationError, no reconnecting."""
    account = fresh_simulator.accounts.derive
    stranger = ec.derive.DeriveCredentials(
        wallet=account.wallet,
        private_key="0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        subaccount_id=account.subaccount_id,
    )

    async def watch() -> None:
        async with _client(fresh_simulator, stranger) as client:
            async with asyncio.timeout(WAIT):
                await anext(client.watch_orders())

    with pytest.raises(ec.AuthenticationError) as raised:
        asyncio.run(watch())

    assert (raised.value.exchange, raised.value.operation, raised.value.code) == ("derive", "watch_orders", "14014")


def test_a_plain_stream_url_is_refused_unless_it_is_loopback(fresh_simulator: Simulator) -> None:
    """Credentials go over wss; ws:// only to this machine (the simulator). Refused at connect, as a bad base_url is."""
    with pytest.raises(ec.InvalidRequestError, match="plain ws to a loopback host"):
        ec.connect_async(
            "derive",
            fresh_simulator.accounts.credentials("derive"),
            base_url=fresh_simulator.base_url("derive"),
            stream_url="ws://stream.example.invalid/v3/ws",
        )
    assert fresh_simulator.requests() == []


def test_duplicated_and_reordered_notifications_never_move_an_order_back(fresh_simulator: Simulator) -> None:
    """The filled state, then an older partial one, then the filled one again: only the fill is delivered."""
    filled = fresh_simulator.orders.change("derive", "open", filled_amount="1", order_status="filled")
    partial = fresh_simulator.orders.change("derive", "open", filled_amount="0.5", order_status="open")

    async def watch() -> list[ec.Order]:
        async with _client(fresh_simulator) as connected:
            stream = connected.watch_orders()
            first = asyncio.ensure_future(anext(stream))
            await until(lambda: fresh_simulator.stream_connections("derive") == 1)
            for order in (filled, partial, filled):
                fresh_simulator.push("derive", stream_message(order))
            fresh_simulator.change_order("derive", "filled", order_status="filled")  # another order, to end the wait
            orders = [await asyncio.wait_for(first, WAIT), *await take(stream, 1)]
            await stream.aclose()
            return orders

    orders = asyncio.run(watch())

    assert [(order.order_id, order.status, order.filled) for order in orders] == [
        (filled.order_id, ec.OrderStatus.FILLED, Decimal(1)),
        (
            fresh_simulator.orders.id("derive", "filled"),
            ec.OrderStatus.FILLED,
            Decimal(str(fresh_simulator.orders.named("derive", "filled").body["filled_amount"])),
        ),
    ]


def test_without_a_subaccount_the_watch_is_refused_before_anything_is_sent(fresh_simulator: Simulator) -> None:
    """No subaccount_id and none in the credentials: InvalidRequestError naming both ways, as REST does; no login."""
    full = fresh_simulator.accounts.credentials("derive")
    without = ec.derive.DeriveCredentials(wallet=full.wallet, private_key=full.private_key)

    async def watch() -> None:
        async with _client(fresh_simulator, without) as connected:
            stream = connected.watch_orders()
            try:
                await asyncio.wait_for(anext(stream), WAIT)
            finally:
                await stream.aclose()

    with pytest.raises(ec.InvalidRequestError) as raised:
        asyncio.run(watch())

    assert "DERIVE_SUBACCOUNT_ID" in str(raised.value)
    assert raised.value.operation == "watch_orders"
    assert fresh_simulator.stream_logins("derive", full.wallet) == []
