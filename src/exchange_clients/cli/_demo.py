"""
The demo: the simulated exchanges, every order read through the real clients, then orders changing live.

The simulator runs on free loopback ports; each order is read over REST, then each exchange's stream shows an
order placed, partly filled and filled, and another cancelled, as they happen.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import click

from exchange_clients._order import Exchange, Order
from exchange_clients.cli._render import order_line, orders_json, print_table
from exchange_clients.generated.registry import connect, connect_async
from exchange_clients.simulator import Simulator
from exchange_clients.simulator._exchange import simulated_exchanges


def demo_orders(simulator: Simulator) -> dict[Exchange, list[Order]]:
    """Every order the simulator serves, read through `connect` with its fake credentials, per exchange."""
    results: dict[Exchange, list[Order]] = {}
    for exchange in Exchange:
        credentials = simulator.accounts.credentials(exchange.value)
        # One call per set of request options: DigiFinex answers for one market per call, say.
        batches: dict[tuple[tuple[str, Any], ...], list[str]] = {}
        for order in simulator.orders.of(exchange.value):
            batches.setdefault(tuple(sorted(order.read_with.items())), []).append(order.order_id)
        with connect(exchange, credentials, base_url=simulator.base_url(exchange.value)) as client:
            results[exchange] = [
                order for options, ids in batches.items() for order in client.get_orders(ids, **dict(options))
            ]
    return results


async def live_orders(simulator: Simulator, exchange: str, show: Callable[[Order], None]) -> list[Order]:
    """Follow `exchange`'s stream while the simulator plays its demo lifecycle; every update, as it arrived."""
    steps = simulated_exchanges()[exchange].lifecycle
    symbols = sorted({str(simulator.orders.named(exchange, name).body.get("symbol")) for name, _ in steps})
    options: dict[str, Any] = {"symbols": symbols} if exchange == "digifinex" else {}
    credentials = simulator.accounts.stream_credentials(exchange)
    base_url, stream_url = simulator.base_url(exchange), simulator.stream_url(exchange)
    async with connect_async(Exchange(exchange), credentials, base_url=base_url, stream_url=stream_url) as client:
        updates = client.watch_orders(**options)
        first = asyncio.ensure_future(anext(updates))
        async with asyncio.timeout(_LIVE_WAIT):
            while simulator.stream_connections(exchange) == 0:  # noqa: ASYNC110 - the simulator's counter
                await asyncio.sleep(0.01)
        for name, fields in steps:
            simulator.change_order(exchange, name, **fields)
        seen = [await asyncio.wait_for(first, _LIVE_WAIT)]
        show(seen[0])
        # Until each order of the lifecycle has ended: an exchange may say one step in two updates (Kraken's fill,
        # then its completion).
        names = {simulator.orders.id(exchange, name) for name, _ in steps}
        while any(not _ended(seen, order_id) for order_id in names):
            seen.append(await asyncio.wait_for(anext(updates), _LIVE_WAIT))
            show(seen[-1])
        await updates.aclose()
    return seen


def _ended(seen: list[Order], order_id: str) -> bool:
    return any(order.order_id == order_id and order.status.is_final for order in seen)


_LIFECYCLE = "an order placed, partly filled, then filled; another cancelled after a partial fill"
_LIVE_WAIT = 10.0
"""Seconds the demo waits for a live update before it gives up (an update arrives in milliseconds)."""


def run_demo(*, as_json: bool) -> None:
    """Start the simulator, read every order from every exchange, print them, then follow live updates."""
    with Simulator() as simulator:
        results = demo_orders(simulator)
        if as_json:
            click.echo(orders_json(order for orders in results.values() for order in orders))
            return
        for exchange, orders in results.items():
            print_table(orders, title=f"{exchange.display_name} (simulated)")
        total = sum(len(orders) for orders in results.values())
        click.echo(
            f"{total} orders read from {len(results)} simulated exchanges over loopback HTTP, signed and verified."
        )
        for streaming in simulator.streaming():
            name = Exchange(streaming).display_name
            click.echo(f"\n{name}, live: {_LIFECYCLE}")
            asyncio.run(live_orders(simulator, streaming, lambda order: click.echo("  " + order_line(order))))
