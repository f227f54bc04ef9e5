"""
Concurrency: calls per second with CALLS calls and IN_FLIGHT at a time, `connect_async` against a bare httpx client.

Both sides run CALLS `get_order` calls as asyncio tasks, at most IN_FLIGHT in flight, against the simulator in its
own process, and must finish without a single error. The bare side is `bench._floor` on an `httpx.AsyncClient` with
httpx's defaults (as ours uses); for Gemini and Kraken it holds one lock per key from signing until the answer,
the least any client must do so that the exchange sees each key's nonces in increasing order (ours does the same
in its signer).
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

import exchange_clients as ec
from bench._floor import Floor
from bench._measure import Row, Stats, Target, interleaved
from bench._orders import ACCOUNTS, EXCHANGES, order_ids
from bench._simulator import simulator_process


TARGET = Target(0.8, kind="at_least")
"""Our throughput at least 0.8x the bare httpx.AsyncClient's."""

CALLS = 2000
IN_FLIGHT = 50


class Failures:
    """The calls that failed in a run, counted by kind: the benchmark requires none."""

    def __init__(self) -> None:
        self.count = 0
        self.calls = 0
        self.kinds: dict[str, int] = {}

    def add(self, error: BaseException) -> None:
        """Count one failed call."""
        self.count += 1
        kind = f"{type(error).__name__}: {str(error)[:100]}"
        self.kinds[kind] = self.kinds.get(kind, 0) + 1

    def summary(self) -> str | None:
        """How many calls failed and the commonest failure; None when none did."""
        if not self.count:
            return None
        commonest = max(self.kinds, key=self.kinds.__getitem__)
        return f"{self.count} of {self.calls} calls failed, e.g. {commonest}"


async def _throughput(
    get_order: Callable[[str], Awaitable[object]], ids: list[str], calls: int, failures: Failures
) -> float:
    """Calls per second for `calls` calls with IN_FLIGHT in flight; each failure goes to `failures`."""
    limit = asyncio.Semaphore(IN_FLIGHT)

    async def one(order_id: str) -> None:
        async with limit:
            try:
                await get_order(order_id)
            except Exception as error:  # noqa: BLE001 - every failure is counted, and voids the row
                failures.add(error)

    chosen = list(itertools.islice(itertools.cycle(ids), calls))
    start = time.perf_counter()
    async with asyncio.TaskGroup() as group:
        for order_id in chosen:
            group.create_task(one(order_id))
    failures.calls += calls
    return calls / (time.perf_counter() - start)


async def _ours(exchange: str, url: str, ids: list[str], calls: int, failures: Failures) -> float:
    credentials: Any = ACCOUNTS.credentials(exchange)
    async with ec.connect_async(exchange, credentials, base_url=url) as client:
        await _throughput(client.get_order, ids[:1], IN_FLIGHT, failures)  # warm: open the connections
        return await _throughput(client.get_order, ids, calls, failures)


async def _bare(exchange: str, url: str, ids: list[str], calls: int, failures: Failures) -> float:
    floor = Floor(exchange)  # one per event loop: its lock belongs to this loop
    async with httpx.AsyncClient(base_url=url) as client:

        async def get_order(order_id: str) -> object:
            return await floor.get_order_async(client, order_id)

        await _throughput(get_order, ids[:1], IN_FLIGHT, failures)
        return await _throughput(get_order, ids, calls, failures)


def run(repeats: int, scale: float = 1.0) -> list[Row]:
    """One row per exchange; any failed call (ours or the bare client's) voids the row."""
    calls = max(IN_FLIGHT * 2, int(CALLS * scale))
    rows = []
    with simulator_process() as urls:
        for exchange in EXCHANGES:
            ids = order_ids(exchange)
            url = urls[exchange]
            ours_failures, bare_failures = Failures(), Failures()

            def ours(
                exchange: str = exchange, url: str = url, ids: list[str] = ids, f: Failures = ours_failures
            ) -> float:
                return asyncio.run(_ours(exchange, url, ids, calls, f))

            def bare(
                exchange: str = exchange, url: str = url, ids: list[str] = ids, f: Failures = bare_failures
            ) -> float:
                return asyncio.run(_bare(exchange, url, ids, calls, f))

            samples = interleaved({"ours": ours, "bare": bare}, repeats)
            errors = [
                f"{side}: {summary}"
                for side, summary in (("ours", ours_failures.summary()), ("bare", bare_failures.summary()))
                if summary
            ]
            rows.append(
                Row(
                    benchmark="concurrency",
                    case=exchange,
                    ours_label=f"connect_async: calls/s, {IN_FLIGHT} in flight",
                    unit="calls/s",
                    ours=Stats.of(samples["ours"]),
                    reference_label="bare httpx.AsyncClient + json.loads",
                    reference=Stats.of(samples["bare"]),
                    target=TARGET,
                    note=f"{calls} calls per repeat; zero errors required",
                    errors="; ".join(errors) or None,
                )
            )
    return rows
