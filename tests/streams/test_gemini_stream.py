"""
watch_orders on Gemini over a real WebSocket, against the simulator.

Authentication happens at the upgrade, with a time-based key whose nonce rises from one connection to the next;
`orderUpdate` events become Orders whose fill is q - z; a refused upgrade is an AuthenticationError.
"""

from __future__ import annotations

import asyncio
import base64
import time
from decimal import Decimal

import pytest
import websockets.asyncio.client
import websockets.exceptions

import exchange_clients as ec
from exchange_clients.simulator import Simulator
from exchange_clients.simulator.exchanges import gemini as gemini_simulator
from tests.streams.helpers import WAIT, client, take, until


def _time_based(simulator: Simulator) -> ec.gemini.GeminiCredentials:
    account = simulator.accounts.gemini_time_based
    return ec.gemini.GeminiCredentials(api_key=account.api_key, api_secret=account.api_secret, time_based_nonce=True)


def test_a_partial_fill_then_a_cancel_arrive_and_the_cancel_is_final(fresh_simulator: Simulator) -> None:
    """The live order fills partly, then is cancelled: two states, the fill kept, the cancel final."""

    async def watch() -> list[ec.Order]:
        async with client(fresh_simulator, "gemini", _time_based(fresh_simulator)) as connected:
            stream = connected.watch_orders()
            first = asyncio.ensure_future(anext(stream))
            await until(lambda: fresh_simulator.stream_connections("gemini") == 1)
            partial = {"executed_amount": "0.25", "remaining_amount": "0.75", "expected_status": "PARTIALLY_FILLED"}
            fresh_simulator.change_order("gemini", "live_unfilled", **partial)
            orders = [await asyncio.wait_for(first, WAIT)]
            fresh_simulator.change_order("gemini", "live_unfilled", is_live=False, is_cancelled=True)
            orders += await take(stream, 1)
            await stream.aclose()
            return orders

    orders = asyncio.run(watch())

    assert [(order.status, order.filled, order.remaining) for order in orders] == [
        (ec.OrderStatus.PARTIALLY_FILLED, Decimal("0.25"), Decimal("0.75")),
        (ec.OrderStatus.CANCELED, Decimal("0.25"), Decimal("0.75")),
    ]
    assert orders[0].order_id == fresh_simulator.orders.id("gemini", "live_unfilled")


def test_each_reconnect_authenticates_with_a_larger_nonce(fresh_simulator: Simulator) -> None:
    """Two drops in quick succession: each new upgrade is accepted, so each nonce was above the one before."""
    notices: list[ec.StreamNotice] = []

    async def watch() -> ec.Order:
        async with client(fresh_simulator, "gemini", _time_based(fresh_simulator)) as connected:
            stream = connected.watch_orders(on_notice=notices.append)
            first = asyncio.ensure_future(anext(stream))
            for _ in range(2):
                await until(lambda: fresh_simulator.stream_connections("gemini") == 1)
                fresh_simulator.drop_streams("gemini")
                await until(lambda: fresh_simulator.stream_connections("gemini") == 0)
            await until(lambda: fresh_simulator.stream_connections("gemini") == 1)
            fresh_simulator.change_order(
                "gemini", "live_unfilled", is_live=False, remaining_amount="0", executed_amount="1"
            )
            order = await asyncio.wait_for(first, WAIT)
            await stream.aclose()
            return order

    order = asyncio.run(watch())

    assert order.status is ec.OrderStatus.FILLED
    assert [notice.kind for notice in notices].count("connected") == 3


def test_a_key_without_time_based_nonces_is_refused_before_connecting(fresh_simulator: Simulator) -> None:
    """Gemini's WebSocket takes only time-based keys: an ordinary key is an InvalidRequestError saying so."""

    async def watch() -> None:
        async with client(fresh_simulator, "gemini") as connected:
            await anext(connected.watch_orders())

    with pytest.raises(ec.InvalidRequestError, match="time-based nonces"):
        asyncio.run(watch())


def test_a_wrong_signature_at_the_upgrade_is_an_authentication_error(fresh_simulator: Simulator) -> None:
    """The upgrade is refused: AuthenticationError with the HTTP status, and no reconnecting."""
    account = fresh_simulator.accounts.gemini_time_based
    wrong = ec.gemini.GeminiCredentials(api_key=account.api_key, api_secret="not-the-secret", time_based_nonce=True)

    async def watch() -> None:
        async with client(fresh_simulator, "gemini", wrong) as connected:
            async with asyncio.timeout(WAIT):
                await anext(connected.watch_orders())

    with pytest.raises(ec.AuthenticationError) as raised:
        asyncio.run(watch())

    assert (raised.value.exchange, raised.value.http_status) == ("gemini", 403)


def test_rest_calls_with_a_time_based_key_send_seconds(fresh_simulator: Simulator) -> None:
    """The same key reads orders over REST with time-based nonces: seconds, within Gemini's window."""
    with ec.connect("gemini", _time_based(fresh_simulator), base_url=fresh_simulator.base_url("gemini")) as connected:
        order = connected.get_order(fresh_simulator.orders.id("gemini", "filled"))

    (nonce,) = fresh_simulator.seen_nonces("gemini", fresh_simulator.accounts.gemini_time_based.api_key)
    assert order.status is ec.OrderStatus.FILLED
    assert 1_700_000_000 < nonce < 10_000_000_000  # seconds, not milliseconds


def test_a_reused_nonce_at_the_upgrade_is_refused(fresh_simulator: Simulator) -> None:
    """The same signed nonce twice: the first upgrade is accepted, the replay refused (HTTP 403)."""
    account = fresh_simulator.accounts.gemini_time_based
    nonce = str(int(time.time()))
    payload = base64.b64encode(nonce.encode()).decode()
    headers = {
        "X-GEMINI-APIKEY": account.api_key,
        "X-GEMINI-NONCE": nonce,
        "X-GEMINI-PAYLOAD": payload,
        "X-GEMINI-SIGNATURE": gemini_simulator.signature(account.api_secret, payload),
    }

    async def upgrade() -> None:
        async with websockets.asyncio.client.connect(fresh_simulator.stream_url("gemini"), additional_headers=headers):
            pass

    asyncio.run(upgrade())
    with pytest.raises(websockets.exceptions.InvalidStatus) as refused:
        asyncio.run(upgrade())

    assert refused.value.response.status_code == 403
