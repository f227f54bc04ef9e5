"""
Kraken Futures' get_order and get_orders before and after the Derivatives REST API goes (1 March 2027).

Before: the REST API answers. After (the simulator's REST switched off, or the date come): an open order is read
from a short-lived subscription's snapshot, a closed order seen by a running watch from that watch, and a closed
order nobody saw closing raises the error that says why it cannot be read.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from decimal import Decimal

import pytest

import exchange_clients as ec
from exchange_clients.kraken_futures import _sunset
from exchange_clients.kraken_futures._sunset import is_removal
from exchange_clients.simulator import Simulator
from tests.streams.helpers import WAIT, client, next_within, when_subscribed


KRAKEN = "kraken_futures"
ORDER_STATUS = "/derivatives/api/v3/orders/status"
TOKEN = "/0/private/GetWebSocketsToken"


def _paths(simulator: Simulator) -> list[str]:
    return [request.path for request in simulator.requests()]


def test_before_the_switch_off_the_rest_api_answers(fresh_simulator: Simulator) -> None:
    """While Kraken's REST API lives, get_order reads it, and opens no stream."""

    async def read() -> ec.Order:
        async with client(fresh_simulator, KRAKEN) as connected:
            return await connected.get_order(fresh_simulator.orders.id(KRAKEN, "cancelled"))

    order = asyncio.run(read())

    assert (order.status, order.filled) == (ec.OrderStatus.CANCELED, Decimal(1))
    assert _paths(fresh_simulator) == [ORDER_STATUS]
    assert fresh_simulator.stream_tokens() == []


def test_after_the_switch_off_an_open_order_comes_from_a_snapshot(fresh_simulator: Simulator) -> None:
    """The REST API's removal page is recognized once; from then on the client reads a snapshot without asking it."""
    fresh_simulator.decommission_rest(KRAKEN)
    open_id = fresh_simulator.orders.id(KRAKEN, "entered_book_partially_filled")

    async def read() -> list[ec.Order]:
        async with client(fresh_simulator, KRAKEN) as connected:
            return [await connected.get_order(open_id), await connected.get_order("my-order-1")]

    first, by_client_id = asyncio.run(read())

    assert (first.order_id, first.status, first.filled) == (open_id, ec.OrderStatus.PARTIALLY_FILLED, Decimal("0.75"))
    assert first.amount == Decimal("3.25")  # Kraken's REST `quantity` 2.5 still open, plus 0.75 filled
    assert by_client_id.order_id == fresh_simulator.orders.id(KRAKEN, "entered_book")
    # One removal page; then a token for each snapshot's connection, and no REST call again.
    assert _paths(fresh_simulator) == [ORDER_STATUS, TOKEN, TOKEN]
    assert len(set(fresh_simulator.stream_tokens())) == 2


def test_after_the_switch_off_a_closed_order_nobody_saw_closing_cannot_be_read(fresh_simulator: Simulator) -> None:
    """No lookup of closed orders exists after 1 March 2027: the error says so and says what would have found it."""
    fresh_simulator.decommission_rest(KRAKEN)
    closed_id = fresh_simulator.orders.id(KRAKEN, "cancelled")

    with ec.connect(KRAKEN, fresh_simulator.accounts.credentials(KRAKEN), **_urls(fresh_simulator)) as connected:
        found = connected.find_orders([closed_id, "my-order-1"])
        with pytest.raises(ec.OrderNotFoundError) as raised:
            connected.get_order(closed_id)

    message = str(raised.value)
    assert raised.value.order_id == closed_id
    assert "no lookup of closed Futures orders after 1 March 2027" in message
    assert "watch_orders running to see orders close" in message
    assert [order.client_order_id for order in found.found] == ["my-order-1"]
    assert found.missing == (closed_id,)
    assert "no lookup of closed Futures orders after 1 March 2027" in found.why_missing


def _urls(simulator: Simulator) -> dict[str, str]:
    return {"base_url": simulator.base_url(KRAKEN), "stream_url": simulator.stream_url(KRAKEN)}


def test_after_the_switch_off_a_running_watch_answers_for_the_orders_it_saw_close(fresh_simulator: Simulator) -> None:
    """Blocking code: the watch runs in its thread; get_order, in the caller's, reads what it saw, with no snapshot."""
    fresh_simulator.decommission_rest(KRAKEN)
    order_id = fresh_simulator.orders.id(KRAKEN, "entered_book_partially_filled")
    cancel = {"status": "CANCELLED", "updateReason": "CANCELLED_BY_USER"}

    connected = ec.connect(KRAKEN, fresh_simulator.accounts.credentials(KRAKEN), **_urls(fresh_simulator))
    with connected, connected.watch_orders() as updates:
        when_subscribed(
            fresh_simulator,
            KRAKEN,
            lambda: fresh_simulator.change_order(KRAKEN, "entered_book_partially_filled", **cancel),
        )
        seen = next_within(updates)
        tokens_before = len(fresh_simulator.stream_tokens())
        order = connected.get_order(order_id)
        assert len(fresh_simulator.stream_tokens()) == tokens_before, "read from the watch, not a new snapshot"

    assert (seen.order_id, seen.status) == (order_id, ec.OrderStatus.CANCELED)
    assert (order.status, order.filled) == (ec.OrderStatus.CANCELED, Decimal("0.75"))


def test_from_the_first_of_march_2027_the_rest_api_is_not_asked(
    fresh_simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the day, the client does not wait for a removal page: the REST API is not called at all."""
    monkeypatch.setattr(_sunset, "today", lambda: dt.date(2027, 3, 1))

    async def read() -> ec.Order:
        async with client(fresh_simulator, KRAKEN) as connected:
            return await connected.get_order(fresh_simulator.orders.id(KRAKEN, "entered_book"))

    order = asyncio.run(read())

    assert order.status is ec.OrderStatus.OPEN
    assert ORDER_STATUS not in _paths(fresh_simulator)


def test_the_day_before_the_rest_api_is_still_asked(
    fresh_simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_sunset, "today", lambda: dt.date(2027, 2, 28))

    async def read() -> ec.Order:
        async with client(fresh_simulator, KRAKEN) as connected:
            return await connected.get_order(fresh_simulator.orders.id(KRAKEN, "entered_book"))

    asyncio.run(read())

    assert _paths(fresh_simulator) == [ORDER_STATUS]


@pytest.mark.parametrize(
    ("status", "body", "removed"),
    [
        (404, b"<html><body>404 Not Found</body></html>", True),
        (404, b"", True),
        (410, b"Gone", True),
        (410, b'{"message": "gone"}', True),
        # Kraken speaking: its own JSON, whatever the status.
        (404, b'{"result": "error", "serverTime": "2027-03-01T00:00:00.000Z", "error": "notFound"}', False),
        (410, b'{"result": "error", "error": "Unavailable"}', False),
        # An outage looks like these too: they stay what they are.
        (503, b"<html>Service Unavailable</html>", False),
        (301, b"", False),
        (200, b"<html></html>", False),
    ],
)
def test_what_counts_as_a_removed_api(status: int, body: bytes, *, removed: bool) -> None:
    assert is_removal(status, body) is removed


def test_a_snapshot_that_cannot_be_read_is_a_transport_error_in_bounded_time(fresh_simulator: Simulator) -> None:
    """No stream to read from (nothing listens at its URL): a TransportError naming Kraken, not a hang."""
    fresh_simulator.decommission_rest(KRAKEN)
    with Simulator() as elsewhere:
        url = elsewhere.stream_url(KRAKEN)
    # Stopped: nothing listens at that port now.

    async def read() -> None:
        async with ec.connect_async(
            KRAKEN,
            fresh_simulator.accounts.credentials(KRAKEN),
            base_url=fresh_simulator.base_url(KRAKEN),
            stream_url=url,
            timeout=2,
        ) as connected:
            await connected.get_order(fresh_simulator.orders.id(KRAKEN, "entered_book"))

    started = time.monotonic()
    with pytest.raises(ec.TransportError) as raised:
        asyncio.run(read())

    assert time.monotonic() - started < WAIT
    assert raised.value.exchange is ec.Exchange.KRAKEN_FUTURES
    assert raised.value.operation == "get_order"


def test_without_the_kraken_key_pair_the_fallback_says_which_key_is_needed(fresh_simulator: Simulator) -> None:
    """After the switch-off only the Kraken key pair can read orders: its absence is named, not a crash."""
    fresh_simulator.decommission_rest(KRAKEN)
    full = fresh_simulator.accounts.credentials(KRAKEN)
    futures_only = ec.kraken_futures.KrakenFuturesCredentials(api_key=full.api_key, api_secret=full.api_secret)

    async def read() -> None:
        async with ec.connect_async(KRAKEN, futures_only, **_urls(fresh_simulator)) as connected:
            await connected.get_order(fresh_simulator.orders.id(KRAKEN, "entered_book"))

    with pytest.raises(ec.AuthenticationError) as raised:
        asyncio.run(read())

    assert "KRAKEN_API_KEY" in str(raised.value)
    assert "WebSocket" in str(raised.value)


def _many_ids(simulator: Simulator) -> list[str]:
    # Three calls' worth (50 ids each): the two open orders, and ids no order has.
    known = [simulator.orders.id(KRAKEN, "entered_book"), simulator.orders.id(KRAKEN, "entered_book_partially_filled")]
    return known + [f"00000000-0000-4000-8000-{number:012d}" for number in range(118)]


def test_one_get_orders_reads_one_snapshot_however_many_calls_it_makes(fresh_simulator: Simulator) -> None:
    """One token request per get_orders, not one per batch of 50 ids: Kraken counts each against the key's limit."""
    fresh_simulator.decommission_rest(KRAKEN)
    ids = _many_ids(fresh_simulator)

    async def read_async() -> ec.FoundOrders:
        async with client(fresh_simulator, KRAKEN) as connected:
            return await connected.find_orders(ids)

    found_async = asyncio.run(read_async())
    tokens_async = len(fresh_simulator.stream_tokens())
    with ec.connect(KRAKEN, fresh_simulator.accounts.credentials(KRAKEN), **_urls(fresh_simulator)) as connected:
        found_sync = connected.find_orders(ids)

    assert tokens_async == 1
    assert len(fresh_simulator.stream_tokens()) == 2
    for found in (found_async, found_sync):
        assert [order.order_id for order in found.found] == ids[:2]
        assert found.missing == tuple(ids[2:])


def test_a_snapshot_answered_with_a_page_is_a_typed_error(fresh_simulator: Simulator) -> None:
    """A stream that answers the subscription with HTML, not JSON: UnexpectedResponseError, as watch_orders says."""
    from websockets.asyncio.server import ServerConnection, serve  # noqa: PLC0415 - the test's own server

    fresh_simulator.decommission_rest(KRAKEN)

    async def page(connection: ServerConnection) -> None:
        await connection.recv()
        await connection.send("<html><body>502 Bad Gateway</body></html>")
        await connection.wait_closed()

    async def read() -> None:
        async with serve(page, "127.0.0.1", 0) as server:
            port = next(iter(server.sockets)).getsockname()[1]
            async with ec.connect_async(
                KRAKEN,
                fresh_simulator.accounts.credentials(KRAKEN),
                base_url=fresh_simulator.base_url(KRAKEN),
                stream_url=f"ws://127.0.0.1:{port}/v2/private",
                timeout=5,
            ) as connected:
                await connected.get_order(fresh_simulator.orders.id(KRAKEN, "entered_book"))

    with pytest.raises(ec.UnexpectedResponseError) as raised:
        asyncio.run(read())

    assert raised.value.exchange is ec.Exchange.KRAKEN_FUTURES
    assert raised.value.operation == "get_order"
