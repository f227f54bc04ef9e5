"""
The demo: the simulator on free loopback ports, and every simulated order read through the real clients.
"""

from __future__ import annotations

from typing import Any

import click

from exchange_clients._order import Exchange, Order
from exchange_clients.cli._render import orders_json, print_table
from exchange_clients.generated.registry import connect
from exchange_clients.simulator import Simulator


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


def run_demo(*, as_json: bool) -> None:
    """Start the simulator, read every order from every exchange, print them, stop the simulator."""
    with Simulator() as simulator:
        results = demo_orders(simulator)
    if as_json:
        click.echo(orders_json(order for orders in results.values() for order in orders))
        return
    for exchange, orders in results.items():
        print_table(orders, title=f"{exchange.display_name} (simulated)")
    total = sum(len(orders) for orders in results.values())
    click.echo(f"{total} orders read from {len(results)} simulated exchanges over loopback HTTP, signed and verified.")
