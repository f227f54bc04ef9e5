"""
What the stream tests share: bounded waits, and a client pointed at the simulator's REST and stream URLs.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from decimal import Decimal
from typing import TypeVar

import exchange_clients as ec
from exchange_clients.simulator import SimulatedOrders, Simulator


T = TypeVar("T")

_KRAKEN_OPEN = SimulatedOrders().named("kraken_futures", "entered_book").body["order"]
KRAKEN_FILLED = {"order": {**_KRAKEN_OPEN, "quantity": 0, "filled": 1}, "status": "FULLY_EXECUTED"}
"""Kraken Futures' `entered_book` (a limit buy of 1) filled whole: REST's `quantity` is what is still open."""
KRAKEN_PARTLY_FILLED = {"order": {**_KRAKEN_OPEN, "quantity": Decimal("0.6"), "filled": Decimal("0.4")}}
"""The same order with 0.4 filled and 0.6 still open."""

WAIT = 10.0
"""Every wait in the stream tests is bounded: a stream that never delivers fails its test, it does not hang it."""


async def until(condition: Callable[[], bool], seconds: float = WAIT) -> None:
    """Wait until `condition` holds, at most `seconds`."""
    async with asyncio.timeout(seconds):
        # The simulator's counters live in its own thread, with nothing to await: a short poll, bounded above.
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0.01)


async def take(stream: AsyncIterator[ec.Order], count: int) -> list[ec.Order]:
    """The next `count` orders of the stream, within WAIT."""
    async with asyncio.timeout(WAIT):
        return [await anext(stream) for _ in range(count)]


def client(simulator: Simulator, exchange: str, credentials: object | None = None) -> ec.AsyncClient:
    """An async client of `exchange` on the simulator, its stream included."""
    return ec.connect_async(
        ec.Exchange(exchange),
        credentials or simulator.accounts.credentials(exchange),  # type: ignore[arg-type]
        base_url=simulator.base_url(exchange),
        stream_url=simulator.stream_url(exchange),
    )


def next_within(updates: Iterator[T], seconds: float = WAIT) -> T:
    """The blocking iterator's next item, within `seconds` (TimeoutError, not a hung suite, if it never comes)."""
    worker = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        return worker.submit(next, updates).result(seconds)
    finally:
        worker.shutdown(wait=False)  # a still-blocked next() ends when the test closes the iterator


def wait_until(condition: Callable[[], bool], seconds: float = WAIT) -> None:
    """Block until `condition` holds; AssertionError after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not within {seconds} s"
        time.sleep(0.01)


def when_subscribed(simulator: Simulator, exchange: str, then: Callable[[], object]) -> threading.Thread:
    """A daemon thread that runs `then` once `exchange`'s stream has a connection (within WAIT)."""

    def run() -> None:
        wait_until(lambda: simulator.stream_connections(exchange) > 0)
        then()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread
