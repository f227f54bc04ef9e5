"""
A pytest module of your own: your code tested against the simulated exchange, with a fault injected.

Run it with `pytest examples/test_with_the_simulator.py`.
"""

from collections.abc import Iterator
from decimal import Decimal

import pytest

import exchange_clients as ec
from exchange_clients.simulator import Simulator, faults


def filled_notional(client: ec.Client, order_ids: list[str]) -> Decimal:
    """Your code: the filled amount times the average price, summed over the orders that exist."""
    result = client.find_orders(order_ids)
    # An amount an exchange does not report is None, never a guessed zero.
    fills = [(order.filled, order.average_price) for order in result.found]
    return sum((filled * price for filled, price in fills if filled is not None and price is not None), Decimal(0))


@pytest.fixture
def simulator() -> Iterator[Simulator]:
    with Simulator() as running:
        yield running


@pytest.fixture
def client(simulator: Simulator) -> Iterator[ec.Client]:
    credentials = simulator.accounts.credentials("digifinex")
    with ec.connect("digifinex", credentials, base_url=simulator.base_url("digifinex")) as connected:
        yield connected


def test_notional_of_filled_orders(simulator: Simulator, client: ec.Client) -> None:
    ids = [simulator.orders.id("digifinex", name) for name in ("filled", "partially_filled", "open")]

    # The filled order: 0.5 at 10998.75; the partially filled one: 0.75 so far, at 310.25; the open one: none.
    assert filled_notional(client, ids) == Decimal("0.5") * Decimal("10998.75") + Decimal("0.75") * Decimal("310.25")


def test_a_passing_outage_is_retried_away(simulator: Simulator, client: ec.Client) -> None:
    simulator.faults.push(faults.unavailable(503), exchange="digifinex", times=2)

    assert filled_notional(client, [simulator.orders.id("digifinex", "filled")]) == Decimal("5499.375")
    # The client retried the two 503s away: the third request was answered.
    assert [request.outcome for request in simulator.requests()] == ["fault", "fault", "accepted"]
