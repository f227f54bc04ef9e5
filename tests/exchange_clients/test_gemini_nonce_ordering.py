"""
One Gemini key used from many threads or tasks at once: strictly increasing nonces, and no nonce errors.
"""

from __future__ import annotations

import asyncio
import itertools
from concurrent.futures import ThreadPoolExecutor

import exchange_clients as ec
from exchange_clients.simulator import Simulator


THREADS = 8
REQUESTS_PER_THREAD = 25
TASKS = 200


def _strictly_increasing(values: list[int]) -> bool:
    return all(earlier < later for earlier, later in itertools.pairwise(values))


def test_eight_threads_share_one_key_without_nonce_errors(fresh_simulator: Simulator) -> None:
    """8 threads x 25 requests through one client: every answer is right, every nonce above the one before."""
    simulator = fresh_simulator
    order_id = simulator.orders.id("gemini", "live_unfilled")
    credentials = simulator.accounts.credentials("gemini")

    with ec.connect("gemini", credentials, base_url=simulator.base_url("gemini")) as client:

        def work(_: int) -> list[ec.OrderStatus]:
            return [client.get_order(order_id).status for _ in range(REQUESTS_PER_THREAD)]

        with ThreadPoolExecutor(THREADS) as pool:
            statuses = [status for batch in pool.map(work, range(THREADS)) for status in batch]

    assert statuses == [ec.OrderStatus.OPEN] * THREADS * REQUESTS_PER_THREAD
    nonces = simulator.seen_nonces("gemini", simulator.accounts.gemini.api_key)
    assert len(nonces) == THREADS * REQUESTS_PER_THREAD
    assert _strictly_increasing(nonces)


def test_two_hundred_tasks_share_one_key_without_nonce_errors(fresh_simulator: Simulator) -> None:
    """200 asyncio tasks through one async client: every answer is the order, nonces strictly increasing."""
    simulator = fresh_simulator
    order_id = simulator.orders.id("gemini", "live_partially_filled")
    credentials = simulator.accounts.credentials("gemini")

    async def run() -> list[ec.OrderStatus]:
        async with ec.connect_async("gemini", credentials, base_url=simulator.base_url("gemini")) as client:
            orders = await asyncio.gather(*(client.get_order(order_id) for _ in range(TASKS)))
        return [order.status for order in orders]

    statuses = asyncio.run(run())

    assert statuses == [ec.OrderStatus.PARTIALLY_FILLED] * TASKS
    nonces = simulator.seen_nonces("gemini", simulator.accounts.gemini.api_key)
    assert len(nonces) == TASKS
    assert _strictly_increasing(nonces)


def test_sync_and_async_clients_of_one_key_together(fresh_simulator: Simulator) -> None:
    """A thread pool and an event loop using one key at once share its lock: no call fails, nonces increase."""
    simulator = fresh_simulator
    order_id = simulator.orders.id("gemini", "filled")
    credentials = simulator.accounts.credentials("gemini")
    url = simulator.base_url("gemini")

    async def in_loop() -> list[ec.OrderStatus]:
        async with ec.connect_async("gemini", credentials, base_url=url) as client:
            return [order.status for order in await asyncio.gather(*(client.get_order(order_id) for _ in range(50)))]

    with ec.connect("gemini", credentials, base_url=url) as client, ThreadPoolExecutor(4) as pool:
        threaded = pool.map(lambda _: client.get_order(order_id).status, range(50))
        awaited = asyncio.run(in_loop())
        statuses = [*threaded, *awaited]

    assert statuses == [ec.OrderStatus.FILLED] * 100
    assert _strictly_increasing(simulator.seen_nonces("gemini", simulator.accounts.gemini.api_key))
