"""
End to end over loopback: client CPU per `get_order`, ours against the hand-written floor, per exchange.

The simulator runs in its own process; each side makes CALLS sequential calls per repeat over one kept-alive
connection, rotating through the catalogue's orders, the two sides taking turns in ROUNDS rounds. The figure is the
client process's CPU time (`time.process_time`) per call: signing, HTTP, decoding and (ours) the model,
normalization and error checks; the server's work and the waiting are not in it. The floor is `bench._floor`: the
same signed request and `json.loads`.
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable
from typing import Any

import httpx

import exchange_clients as ec
from bench._floor import Floor
from bench._measure import Row, Stats, Target, interleaved
from bench._orders import ACCOUNTS, EXCHANGES, order_ids
from bench._simulator import simulator_process


TARGET = Target(1.3)
"""Our client CPU per call at most 1.3x the floor's."""

CALLS = 2000
"""Sequential calls per repeat and side, in ROUNDS rounds."""

ROUNDS = 4
"""Turns per repeat: ours and the floor alternate every 500 calls, so a pause of the machine falls on both alike."""

WARM_UP = 20


def _run_calls(get_order: Callable[[str], object], ids: list[str], calls: int) -> tuple[float, float]:
    """(CPU seconds, wall seconds) per call for `calls` sequential calls, ids taken round-robin."""
    chosen = list(itertools.islice(itertools.cycle(ids), calls))
    cpu, wall = time.process_time(), time.perf_counter()
    for order_id in chosen:
        get_order(order_id)
    return (time.process_time() - cpu) / calls, (time.perf_counter() - wall) / calls


def run(repeats: int, scale: float = 1.0) -> list[Row]:
    """One row per exchange."""
    calls = max(50, int(CALLS * scale) // ROUNDS)
    rows = []
    with simulator_process() as urls:
        for exchange in EXCHANGES:
            ids = order_ids(exchange)
            floor = Floor(exchange)
            walls: dict[str, list[float]] = {"ours": [], "floor": []}
            credentials: Any = ACCOUNTS.credentials(exchange)
            with (
                ec.connect(exchange, credentials, base_url=urls[exchange]) as ours,
                httpx.Client(base_url=urls[exchange]) as bare,
            ):

                def ours_get(order_id: str, ours: ec.Client = ours) -> object:
                    return ours.get_order(order_id)

                def floor_get(order_id: str, floor: Floor = floor, bare: httpx.Client = bare) -> object:
                    return floor.get_order(bare, order_id)

                def measure(
                    name: str, get: Callable[[str], object], ids: list[str] = ids, walls: dict[str, list[float]] = walls
                ) -> float:
                    cpu, wall = _run_calls(get, ids, calls)
                    walls[name].append(wall * 1e6)
                    return cpu * 1e6

                _run_calls(ours_get, ids, WARM_UP)
                _run_calls(floor_get, ids, WARM_UP)
                samples = interleaved(
                    {"ours": lambda: measure("ours", ours_get), "floor": lambda: measure("floor", floor_get)},
                    repeats,
                    ROUNDS,
                )
            rows.append(
                Row(
                    benchmark="end to end",
                    case=exchange,
                    ours_label="connect().get_order: client CPU per call",
                    unit="us",
                    ours=Stats.of(samples["ours"]),
                    reference_label="hand-written httpx + json.loads (floor)",
                    reference=Stats.of(samples["floor"]),
                    target=TARGET,
                    note=(
                        f"{calls * ROUNDS} sequential calls per repeat; wall per call (server included): ours "
                        f"{statistics.median(walls['ours']):.0f} us, floor {statistics.median(walls['floor']):.0f} us"
                    ),
                )
            )
    return rows
