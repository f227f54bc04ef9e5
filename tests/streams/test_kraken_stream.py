"""
Kraken Futures' order stream on the simulated Unified WebSocket.

Its token, its snapshot, its numbered messages, and what a reconnect can and cannot recover without the Derivatives
REST API.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncGenerator, Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest

import exchange_clients as ec
from exchange_clients.kraken_futures._stream import _refusal
from exchange_clients.simulator import Reply, Simulator
from tests.streams.helpers import KRAKEN_FILLED, KRAKEN_PARTLY_FILLED, WAIT, client, until


KRAKEN = "kraken_futures"


class Watch:
    """A running watch_orders of one client, its orders and notices as they arrive."""

    def __init__(self, connected: ec.AsyncClient, **options: Any) -> None:
        self.client = connected
        self.seen: list[ec.Order] = []
        self.notices: list[ec.StreamNotice] = []
        self.stream: AsyncGenerator[ec.Order, None] = connected.watch_orders(on_notice=self.notices.append, **options)
        self.task = asyncio.ensure_future(self._consume())

    async def _consume(self) -> None:
        async for order in self.stream:
            self.seen.append(order)

    def kinds(self) -> list[str]:
        """The notices' kinds, in order."""
        return [notice.kind for notice in self.notices]

    def alive(self) -> bool:
        """True while the stream runs; its error, if it ended with one."""
        if self.task.done():
            self.task.result()  # the stream's own error, raised in the test rather than waited out
        return True

    async def until(self, condition: Callable[[], bool]) -> None:
        """Wait, bounded, until `condition` holds, failing at once if the stream fails."""
        await until(lambda: self.alive() and condition())

    def ended(self, order_id: str) -> ec.Order | None:
        """The terminal state delivered for `order_id`, if any."""
        return next((order for order in self.seen if order.order_id == order_id and order.status.is_final), None)

    async def close(self) -> None:
        """Stop consuming and close the stream."""
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)
        await self.stream.aclose()


async def _subscribed(simulator: Simulator, watch: Watch, times: int = 1) -> None:
    await watch.until(lambda: watch.kinds().count("connected") >= times)
    await until(lambda: simulator.stream_connections(KRAKEN) == 1)


def test_each_connection_asks_for_a_fresh_token(fresh_simulator: Simulator, caplog: pytest.LogCaptureFixture) -> None:
    """Kraken: "obtain a fresh token on each connection"; after an expired session the second token is a new one.

    Neither token appears in any log line, at DEBUG, of the client or of the libraries under it.
    """

    async def play() -> None:
        async with client(fresh_simulator, KRAKEN) as connected:
            watch = Watch(connected, stall_after=2)
            await _subscribed(fresh_simulator, watch)
            fresh_simulator.stream_fault(KRAKEN, "expire_auth")
            await _subscribed(fresh_simulator, watch, times=2)
            await watch.close()

    with caplog.at_level("DEBUG"):
        asyncio.run(play())

    tokens = fresh_simulator.stream_tokens()
    assert len(tokens) == 2
    assert tokens[0] != tokens[1]
    client_lines = [record.getMessage() for record in caplog.records if not record.name.startswith("uvicorn")]
    assert client_lines
    assert not [line for line in client_lines if any(token in line for token in tokens)]


def test_a_skipped_sequence_number_subscribes_afresh_and_finds_the_fill(fresh_simulator: Simulator) -> None:
    """A lost message shows as a gap at the next one: the stream says so, resubscribes, and the snapshot resolves it."""
    order_id = fresh_simulator.orders.id(KRAKEN, "entered_book")

    async def play() -> Watch:
        async with client(fresh_simulator, KRAKEN) as connected:
            # No periodic reconciliation: only the numbers can show the loss.
            watch = Watch(connected, stall_after=2, reconcile_every=None)
            await _subscribed(fresh_simulator, watch)
            fresh_simulator.stream_fault(KRAKEN, "lose")
            fresh_simulator.change_order(KRAKEN, "entered_book", **KRAKEN_PARTLY_FILLED)  # never sent
            fresh_simulator.change_order(KRAKEN, "entered_book", **KRAKEN_FILLED)  # numbered one too far
            await watch.until(lambda: watch.ended(order_id) is not None)
            await watch.close()
            return watch

    watch = asyncio.run(play())

    gaps = [notice.detail for notice in watch.notices if notice.kind == "disconnected"]
    assert gaps
    assert "skipped from sequence" in gaps[0]
    final = watch.ended(order_id)
    assert final is not None
    assert (final.status, final.filled) == (ec.OrderStatus.FILLED, Decimal(1))


async def _change_while_down(simulator: Simulator, watch: Watch, name: str, fields: dict[str, Any]) -> None:
    """Drop the stream, change the order while no connection hears it, and wait for the reconnect's reconciliation."""
    await _subscribed(simulator, watch)
    simulator.stream_fault(KRAKEN, "drop")
    await until(lambda: simulator.stream_connections(KRAKEN) == 0)
    simulator.change_order(KRAKEN, name, **fields)  # published to no connection: nobody hears it
    await watch.until(lambda: "reconciled" in watch.kinds())


@pytest.mark.parametrize("rest", ["alive", "switched_off"])
def test_an_order_filled_while_down_is_delivered_from_the_snapshots_fills(
    fresh_simulator: Simulator, rest: str
) -> None:
    """The snapshot holds open orders only; its last fills show the order filled whole, REST or no REST."""
    if rest == "switched_off":
        fresh_simulator.decommission_rest(KRAKEN)
    order_id = fresh_simulator.orders.id(KRAKEN, "entered_book")

    async def play() -> Watch:
        async with client(fresh_simulator, KRAKEN) as connected:
            watch = Watch(connected, stall_after=2)
            await _change_while_down(fresh_simulator, watch, "entered_book", KRAKEN_FILLED)
            await watch.until(lambda: watch.ended(order_id) is not None)
            await watch.close()
            return watch

    watch = asyncio.run(play())

    final = watch.ended(order_id)
    assert final is not None
    assert (final.status, final.filled, final.remaining) == (ec.OrderStatus.FILLED, Decimal(1), Decimal(0))
    assert "unconfirmed" not in watch.kinds()


def test_a_cancel_while_down_is_read_over_rest_while_it_lives(fresh_simulator: Simulator) -> None:
    """Partly filled, then cancelled while unheard: the fills cannot tell, the REST answer can."""
    order_id = fresh_simulator.orders.id(KRAKEN, "entered_book_partially_filled")

    async def play() -> Watch:
        async with client(fresh_simulator, KRAKEN) as connected:
            watch = Watch(connected, stall_after=2)
            cancel = {"status": "CANCELLED", "updateReason": "CANCELLED_BY_USER"}
            await _change_while_down(fresh_simulator, watch, "entered_book_partially_filled", cancel)
            await watch.until(lambda: watch.ended(order_id) is not None)
            await watch.close()
            return watch

    watch = asyncio.run(play())

    final = watch.ended(order_id)
    assert final is not None
    assert (final.status, final.filled) == (ec.OrderStatus.CANCELED, Decimal("0.75"))


def test_without_rest_a_cancel_while_down_is_reported_unconfirmed_not_guessed(fresh_simulator: Simulator) -> None:
    """
    Nothing Kraken still serves can tell a cancel from older fills: the order is named once, and no end is invented.

    Nor is its last state, open, given again: get_order, reading the running watch, finds it no longer open and
    says it cannot be read; the next reconciliations (subscribing afresh every 0.3 s here) do not name it again.
    """
    fresh_simulator.decommission_rest(KRAKEN)
    order_id = fresh_simulator.orders.id(KRAKEN, "entered_book_partially_filled")

    async def play() -> tuple[Watch, BaseException | ec.Order]:
        async with client(fresh_simulator, KRAKEN) as connected:
            watch = Watch(connected, stall_after=2, reconcile_every=0.3)
            cancel = {"status": "CANCELLED", "updateReason": "CANCELLED_BY_USER"}
            await _change_while_down(fresh_simulator, watch, "entered_book_partially_filled", cancel)
            await watch.until(lambda: watch.kinds().count("reconciled") >= 3)
            try:
                read: BaseException | ec.Order = await connected.get_order(order_id)
            except ec.OrderNotFoundError as error:
                read = error
            await watch.close()
            return watch, read

    watch, read = asyncio.run(play())

    unconfirmed = [notice for notice in watch.notices if notice.kind == "unconfirmed"]
    assert [notice.order_ids for notice in unconfirmed] == [(order_id,)]
    assert watch.ended(order_id) is None
    assert isinstance(read, ec.OrderNotFoundError), read
    assert "no lookup of closed Futures orders" in str(read)


def test_a_token_older_than_fifteen_minutes_is_refused_as_authentication() -> None:
    """Kraken's token "should be used within 15 minutes of creation": a refused subscription ends the watch, typed."""
    clock = itertools.count(time.time(), 1000)  # every reading of the simulator's clock 1,000 s after the last

    async def play(simulator: Simulator) -> None:
        async with client(simulator, KRAKEN) as connected:
            stream = connected.watch_orders(stall_after=2)
            async with asyncio.timeout(WAIT):
                await anext(stream)

    with Simulator(clock=lambda: next(clock)) as simulator, pytest.raises(ec.AuthenticationError) as raised:
        asyncio.run(play(simulator))

    assert raised.value.code == "ESession:Invalid session"
    assert raised.value.exchange is ec.Exchange.KRAKEN_FUTURES
    assert raised.value.operation == "watch_orders"


def test_the_snapshots_untriggered_stop_is_untriggered(fresh_simulator: Simulator) -> None:
    """A stop order waiting for its trigger (REST: TRIGGER_PLACED) is UNTRIGGERED, not OPEN, read from the stream."""
    fresh_simulator.decommission_rest(KRAKEN)

    async def read() -> ec.Order:
        async with client(fresh_simulator, KRAKEN) as connected:
            return await connected.get_order("stop-1")

    order = asyncio.run(read())

    assert order.status is ec.OrderStatus.UNTRIGGERED
    assert order.order_id == fresh_simulator.orders.id(KRAKEN, "trigger_placed")
    assert order.client_order_id == "stop-1"


def test_an_outage_of_the_token_request_is_waited_out_not_raised(fresh_simulator: Simulator) -> None:
    """Kraken's Spot REST API unavailable once: the watch says it is disconnected, tries again, and subscribes."""
    outage = Reply(status=503, content=b"<html>503 Service Unavailable</html>", media_type="text/html")
    fresh_simulator.faults.push(lambda _incoming: outage, exchange=KRAKEN, times=1)

    async def play() -> Watch:
        async with client(fresh_simulator, KRAKEN) as connected:
            watch = Watch(connected, stall_after=2)
            await _subscribed(fresh_simulator, watch)
            await watch.close()
            return watch

    watch = asyncio.run(play())

    assert watch.kinds()[:2] == ["disconnected", "connected"]
    assert "ExchangeUnavailableError" in watch.notices[0].detail
    assert len(fresh_simulator.stream_tokens()) == 1


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        ("ESession:Invalid session", ec.AuthenticationError),
        ("EAPI:Invalid key", ec.AuthenticationError),
        ("EGeneral:Permission denied", ec.PermissionDeniedError),
        ("EService:Unavailable", ec.ExchangeUnavailableError),
        ("EAPI:Rate limit exceeded", ec.RateLimitError),
        ("EGeneral:Invalid arguments", ec.InvalidRequestError),
        ("", ec.InvalidRequestError),
    ],
)
def test_a_refused_subscription_is_classed_by_krakens_error(error: str, kind: type[ec.ExchangeError]) -> None:
    """Each refusal takes the class a watch acts on: transient for outages and throttling, final for the rest."""
    refusal = _refusal({"method": "subscribe", "success": False, "error": error, "req_id": 1})

    assert type(refusal) is kind
    assert refusal.code == (error or None)
    assert refusal.exchange is ec.Exchange.KRAKEN_FUTURES


def test_the_token_request_goes_through_the_clients_own_httpx_options(fresh_simulator: Simulator) -> None:
    """A transport (or proxy) given in httpx_args carries the token request too: here one that answers a bad token."""
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(200, json={"error": [], "result": {"token": "not-issued-by-kraken", "expires": 900}})

    async def play() -> None:
        async with ec.connect_async(
            KRAKEN,
            fresh_simulator.accounts.credentials(KRAKEN),
            base_url=fresh_simulator.base_url(KRAKEN),
            stream_url=fresh_simulator.stream_url(KRAKEN),
            httpx_args={"transport": httpx.MockTransport(answer)},
        ) as connected:
            stream = connected.watch_orders(stall_after=2)
            try:
                await asyncio.wait_for(anext(stream), WAIT)
            finally:
                await stream.aclose()

    with pytest.raises(ec.AuthenticationError) as raised:
        asyncio.run(play())

    assert seen == ["/0/private/GetWebSocketsToken"]
    assert raised.value.code == "ESession:Invalid session"
