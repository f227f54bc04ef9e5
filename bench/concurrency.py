"""
Many calls, async: CALLS `get_order` calls with IN_FLIGHT in flight, ours against ccxt's asyncio client.

Each side runs the calls as asyncio tasks, at most IN_FLIGHT at a time, against the simulator in its own process, and
must finish without a single error. Ours runs twice: on its default transport (aiohttp's pool, through httpx-aiohttp)
and on httpx's own (httpcore's pool); ccxt's asyncio client rides aiohttp. A fourth side is the floor of any httpx
client: `bench._floor`'s hand-written signed request and json.loads on a bare httpx.AsyncClient over the same aiohttp
transport. The figures are calls per second and the client process's CPU time per call, the sides taking turns
within each repeat.
"""

from __future__ import annotations

import asyncio
import itertools
import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from httpx_aiohttp import AiohttpTransport

import exchange_clients as ec
from bench import _ccxt
from bench._floor import Floor
from bench._measure import Row, Stats, Target, interleaved
from bench._orders import ACCOUNTS, CATALOGUE, order_ids
from bench._simulator import simulator_process


TARGET = Target(1.0, kind="at_least")
"""Our throughput at least ccxt's."""

CALLS = 2000
IN_FLIGHT = 50
SIDES = ("ours", "ours_httpcore", "ccxt", "floor")


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


async def _run(
    get_order: Callable[[str], Awaitable[object]], ids: list[str], calls: int, failures: Failures
) -> tuple[float, float]:
    """(calls per second, CPU seconds per call) for `calls` calls with IN_FLIGHT in flight."""
    limit = asyncio.Semaphore(IN_FLIGHT)

    async def one(order_id: str) -> None:
        async with limit:
            try:
                await get_order(order_id)
            except Exception as error:  # noqa: BLE001 - every failure is counted, and voids the row
                failures.add(error)

    chosen = list(itertools.islice(itertools.cycle(ids), calls))
    cpu, start = time.process_time(), time.perf_counter()
    async with asyncio.TaskGroup() as group:
        for order_id in chosen:
            group.create_task(one(order_id))
    failures.calls += calls
    return calls / (time.perf_counter() - start), (time.process_time() - cpu) / calls


async def _ours(exchange: str, url: str, calls: int, failures: Failures, *, httpcore: bool) -> tuple[float, float]:
    credentials: Any = ACCOUNTS.credentials(exchange)
    transport = {"httpx_args": {"transport": httpx.AsyncHTTPTransport()}} if httpcore else {}
    async with ec.connect_async(exchange, credentials, base_url=url, **transport) as client:
        ids = order_ids(exchange)
        await _run(client.get_order, ids[:1], IN_FLIGHT, failures)  # warm: open the connections
        return await _run(client.get_order, ids, calls, failures)


async def _ccxt_side(exchange: str, url: str, calls: int, failures: Failures) -> tuple[float, float]:
    instance = _ccxt.live_async(exchange, url)
    bodies = {order.order_id: order.body for order in CATALOGUE.of(exchange)}
    try:

        async def get_order(order_id: str) -> object:
            symbol, params = _ccxt.fetch_order_arguments(exchange, instance, bodies[order_id])
            return await instance.fetch_order(order_id, symbol, params)

        ids = order_ids(exchange)
        await _run(get_order, ids[:1], IN_FLIGHT, failures)
        return await _run(get_order, ids, calls, failures)
    finally:
        await instance.close()


async def _floor(exchange: str, url: str, calls: int, failures: Failures) -> tuple[float, float]:
    floor = Floor(exchange)  # one per event loop: its lock belongs to this loop
    async with httpx.AsyncClient(base_url=url, transport=AiohttpTransport()) as client:

        async def get_order(order_id: str) -> object:
            return await floor.get_order_async(client, order_id)

        ids = order_ids(exchange)
        await _run(get_order, ids[:1], IN_FLIGHT, failures)
        return await _run(get_order, ids, calls, failures)


def _side(side: str, exchange: str, url: str, calls: int, failures: Failures) -> tuple[float, float]:
    if side == "ccxt":
        return asyncio.run(_ccxt_side(exchange, url, calls, failures))
    if side == "floor":
        return asyncio.run(_floor(exchange, url, calls, failures))
    return asyncio.run(_ours(exchange, url, calls, failures, httpcore=side == "ours_httpcore"))


def run(repeats: int, scale: float = 1.0) -> list[Row]:
    """Per exchange, throughput and CPU per call of ours (both transports) against ccxt; any failed call voids it."""
    calls = max(IN_FLIGHT * 2, int(CALLS * scale))
    rows = []
    with simulator_process() as urls:
        for exchange in _ccxt.COMPARED:
            rows.extend(_rows(exchange, urls[exchange], calls, repeats))
    return rows


def _rows(exchange: str, url: str, calls: int, repeats: int) -> list[Row]:
    failures = {side: Failures() for side in SIDES}
    figures: dict[str, list[tuple[float, float]]] = {side: [] for side in SIDES}

    def sample(side: str) -> float:
        figures[side].append(_side(side, exchange, url, calls, failures[side]))
        return figures[side][-1][0]

    samples = interleaved({side: lambda side=side: sample(side) for side in SIDES}, repeats)
    cpu = {side: [seconds * 1e6 for _, seconds in figures[side]] for side in SIDES}
    # Our failures void our rows; another side's are reported beside its figure (its failed calls count as calls).
    errors = "; ".join(
        f"{side}: {summary}" for side in ("ours", "ours_httpcore") if (summary := failures[side].summary())
    )
    elsewhere = "; ".join(f"{side}: {summary}" for side in ("ccxt", "floor") if (summary := failures[side].summary()))
    note = f"{calls} calls per repeat; zero errors required" + (f"; {elsewhere}" if elsewhere else "")
    ccxt_rate, ccxt_cpu = Stats.of(samples["ccxt"]), Stats.of(cpu["ccxt"])
    reference = "ccxt.async_support fetch_order"
    rows = []
    for side, label in (("ours", "default (aiohttp) transport"), ("ours_httpcore", "httpx's own transport")):
        rows.append(
            Row(
                benchmark="50 in flight, async",
                case=exchange,
                ours_label=f"connect_async, {label}: calls/s",
                unit="calls/s",
                ours=Stats.of(samples[side]),
                reference_label=reference,
                reference=ccxt_rate,
                target=TARGET if side == "ours" else None,
                note=note,
                errors=errors or None,
            )
        )
        rows.append(
            Row(
                benchmark="50 in flight, async",
                case=exchange,
                ours_label=f"connect_async, {label}: client CPU per call",
                unit="us",
                ours=Stats.of(cpu[side]),
                reference_label=reference,
                reference=ccxt_cpu,
                note="diagnostic",
            )
        )
    rows.append(
        Row(
            benchmark="50 in flight, async",
            case=exchange,
            ours_label="floor: bare httpx.AsyncClient on aiohttp + json.loads, calls/s",
            unit="calls/s",
            ours=Stats.of(samples["floor"]),
            reference_label=reference,
            reference=ccxt_rate,
            note=f"the most a client on httpx reaches; CPU per call {statistics.median(cpu['floor']):.0f} us",
        )
    )
    return rows
