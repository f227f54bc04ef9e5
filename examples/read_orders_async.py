"""Read orders with the asyncio client: Derive takes one call per order, run four at a time."""

import asyncio

import exchange_clients as ec
from exchange_clients.simulator import Simulator


async def read(simulator: Simulator) -> list[ec.Order]:
    credentials = simulator.accounts.credentials("derive")
    ids = [order.order_id for order in simulator.orders.of("derive")]
    async with ec.connect_async("derive", credentials, base_url=simulator.base_url("derive")) as client:
        return await client.get_orders(ids)


def main() -> None:
    with Simulator() as simulator:
        orders = asyncio.run(read(simulator))
    counts: dict[str, int] = {}
    for order in orders:
        counts[order.status] = counts.get(order.status, 0) + 1
    print(", ".join(f"{status}: {count}" for status, count in counts.items()))


if __name__ == "__main__":
    main()

# Prints:
# open: 2, partially_filled: 1, filled: 1, canceled: 1, expired: 1, untriggered: 1, rejected: 1
