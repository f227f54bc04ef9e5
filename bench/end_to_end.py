"""
One call, sync: client CPU and wall time per `get_order`, ours against ccxt's `fetch_order`, per exchange.

The simulator runs in its own process; each side makes CALLS sequential calls per repeat over one kept-alive
connection, rotating through the catalogue's orders, the sides taking turns in ROUNDS rounds. The figure is the
client process's CPU time (`time.process_time`) per call: signing, HTTP, decoding, the model, normalization and
error checks; the server's work and the waiting are not in it. ccxt reads the same orders from the same simulator
(its own rate limiter off). The floor, `bench._floor` (the same signed request and `json.loads` on a bare
httpx.Client), is a diagnostic: what any client on httpx pays.
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable
from typing import Any

import httpx

import exchange_clients as ec
from bench import _ccxt
from bench._floor import Floor
from bench._measure import Row, Stats, Target, interleaved
from bench._orders import ACCOUNTS, CATALOGUE, order_ids
from bench._simulator import simulator_process


TARGET = Target(0.8)
"""Our client CPU per call at most 0.8x ccxt's."""

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
    """Two rows per exchange: ours against ccxt (the target) and the floor against ccxt (a diagnostic)."""
    calls = max(50, int(CALLS * scale) // ROUNDS)
    rows = []
    with simulator_process() as urls:
        for exchange in _ccxt.COMPARED:
            rows.extend(_rows(exchange, urls[exchange], calls, repeats))
    return rows


def _rows(exchange: str, url: str, calls: int, repeats: int) -> list[Row]:
    ids = order_ids(exchange)
    bodies = {order.order_id: order.body for order in CATALOGUE.of(exchange)}
    floor = Floor(exchange)
    reference = _ccxt.live(exchange, url)
    walls: dict[str, list[float]] = {"ours": [], "ccxt": [], "floor": []}
    credentials: Any = ACCOUNTS.credentials(exchange)
    with ec.connect(exchange, credentials, base_url=url) as ours, httpx.Client(base_url=url) as bare:
        gets: dict[str, Callable[[str], object]] = {
            "ours": ours.get_order,
            "ccxt": lambda order_id: reference.fetch_order(
                order_id, *_ccxt.fetch_order_arguments(exchange, reference, bodies[order_id])
            ),
            "floor": lambda order_id: floor.get_order(bare, order_id),
        }

        def measure(name: str) -> float:
            cpu, wall = _run_calls(gets[name], ids, calls)
            walls[name].append(wall * 1e6)
            return cpu * 1e6

        for get in gets.values():
            _run_calls(get, ids, WARM_UP)
        samples = interleaved({name: lambda name=name: measure(name) for name in gets}, repeats, ROUNDS)
    wall = {name: statistics.median(figures) for name, figures in walls.items()}
    return [
        Row(
            benchmark="one call, sync",
            case=exchange,
            ours_label="connect().get_order: client CPU per call",
            unit="us",
            ours=Stats.of(samples["ours"]),
            reference_label="ccxt fetch_order",
            reference=Stats.of(samples["ccxt"]),
            target=TARGET,
            note=(
                f"{calls * ROUNDS} sequential calls per repeat; wall per call (server included): ours "
                f"{wall['ours']:.0f} us, ccxt {wall['ccxt']:.0f} us"
            ),
        ),
        Row(
            benchmark="one call, sync",
            case=exchange,
            ours_label="floor: bare httpx.Client + json.loads, client CPU per call",
            unit="us",
            ours=Stats.of(samples["floor"]),
            reference_label="ccxt fetch_order",
            reference=Stats.of(samples["ccxt"]),
            note=f"diagnostic: what any client on httpx pays; wall per call {wall['floor']:.0f} us",
        ),
    ]
