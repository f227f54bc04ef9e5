"""
Load: 10,000 get_order calls, 100 in flight, over the four simulated exchanges.

Strict nonce rules and 1% transient faults: every call answered, every answer right.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections import Counter

import pytest

import exchange_clients as ec
from exchange_clients.simulator import Incoming, Reply, Simulator, faults


CALLS = 10_000
IN_FLIGHT = 100
FAULT_RATE = 0.01


def _transient_fault(exchange_faults: dict[str, list[faults.Fault]], seed: int) -> faults.Fault:
    chooser = random.Random(seed)  # noqa: S311 - picking requests to fail, not cryptography

    def strike(incoming: Incoming) -> Reply | None:
        if chooser.random() >= FAULT_RATE:
            return None
        return chooser.choice(exchange_faults[incoming.exchange])(incoming)

    return strike


@pytest.mark.load
def test_ten_thousand_calls_with_one_percent_faults(fresh_simulator: Simulator) -> None:
    """Every one of 10,000 concurrent calls returns the order asked for, with the status the catalogue gives it."""
    simulator = fresh_simulator
    exchanges = list(ec.Exchange)
    transient = {
        exchange.value: [
            faults.rate_limited(exchange.value, retry_after="0"),
            faults.unavailable(503),
            faults.dropped(),
        ]
        for exchange in exchanges
    }
    simulator.faults.push(_transient_fault(transient, seed=7), times=None)
    # DigiFinex looks in one market per call; the load uses its spot orders.
    catalogue = {
        exchange: [
            order
            for order in simulator.orders.of(exchange.value)
            if exchange is not ec.Exchange.DIGIFINEX or order.body.get("kind") == "spot"
        ]
        for exchange in exchanges
    }
    plan = [exchanges[index % len(exchanges)] for index in range(CALLS)]
    chooser = random.Random(11)  # noqa: S311
    latencies: list[float] = []
    wrong: list[str] = []

    async def run() -> Counter[str]:
        limit = asyncio.Semaphore(IN_FLIGHT)
        clients = {
            exchange: ec.connect_async(
                exchange,
                simulator.accounts.credentials(exchange.value),
                base_url=simulator.base_url(exchange.value),
                httpx_args={"limits": __import__("httpx").Limits(max_connections=IN_FLIGHT)},
            )
            for exchange in exchanges
        }

        async def one(exchange: ec.Exchange) -> str:
            expected = chooser.choice(catalogue[exchange])
            async with limit:
                started = time.perf_counter()
                order = await clients[exchange].get_order(expected.order_id)
                latencies.append(time.perf_counter() - started)
            if order.order_id.lower() != expected.order_id.lower() or order.status.name != expected.expected_status:
                wrong.append(f"{exchange} {expected.name}: {order.order_id} {order.status}")
            return exchange.value

        try:
            answered = await asyncio.gather(*(one(exchange) for exchange in plan))
        finally:
            for client in clients.values():
                await client.aclose()
        return Counter(answered)

    started = time.perf_counter()
    answered = asyncio.run(run())
    elapsed = time.perf_counter() - started

    faulted = sum(1 for request in simulator.requests() if request.outcome == "fault")
    latencies.sort()
    print(  # the figures docs/guide/reliability.md quotes
        f"\nload: {CALLS} calls in {elapsed:.1f} s ({CALLS / elapsed:.0f}/s), {faulted} faults injected, "
        f"p50 {statistics.median(latencies) * 1000:.1f} ms, p99 {latencies[int(len(latencies) * 0.99)] * 1000:.1f} ms"
    )
    assert wrong == []
    assert sum(answered.values()) == CALLS
    assert faulted > 0
