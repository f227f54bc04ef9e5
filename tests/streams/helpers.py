"""
What the stream tests share: bounded waits, and a client pointed at the simulator's REST and stream URLs.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import exchange_clients as ec
from exchange_clients.simulator import Simulator


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
