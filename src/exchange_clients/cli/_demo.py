"""
The demo: the simulator on free loopback ports, and every simulated order read through the real clients.
"""

from __future__ import annotations

import click

from exchange_clients._order import Exchange, Order
from exchange_clients.cli._render import orders_json, print_table
from exchange_clients.generated.registry import connect
from exchange_clients.simulator import Simulator


def demo_orders(simulator: Simulator) -> dict[Exchange, list[Order]]:
    """Every order the simulator serves, read through `connect` with its fake credentials, per exchange."""
    results: dict[Exchange, list[Order]] = {}
    for exchange in Exchange:
        names = simulator.orders.names(exchange.value)
        credentials = simulator.accounts.credentials(exchange.value)
        with connect(exchange, credentials, base_url=simulator.base_url(exchange.value)) as client:
            orders: list[Order] = []
            # DigiFinex answers for one market per call; its catalogue has spot and margin orders.
            for market in _markets(simulator, exchange, names):
                ids = [
                    simulator.orders.id(exchange.value, name)
                    for name in names
                    if _market_of(simulator, exchange, name) == market
                ]
                orders.extend(client.get_orders(ids, market=market))
        results[exchange] = orders
    return results


def _markets(simulator: Simulator, exchange: Exchange, names: list[str]) -> list[str | None]:
    return sorted({_market_of(simulator, exchange, name) for name in names}, key=lambda market: market or "")


def _market_of(simulator: Simulator, exchange: Exchange, name: str) -> str | None:
    if exchange is not Exchange.DIGIFINEX:
        return None
    return str(simulator.orders.named(exchange.value, name).body["kind"])


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
