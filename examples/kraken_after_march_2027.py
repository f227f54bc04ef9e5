"""
Kraken Futures once its Derivatives REST API is gone (1 March 2027): orders from the Unified WebSocket.

The simulator switches its REST API off as Kraken will. `list_open_orders` and `get_order` then read a short-lived
subscription's snapshot; a running `watch_orders` sees orders close, and `get_order` answers from it; an order that
closed with no watch running cannot be read at all, and the error says so.
"""

import asyncio

import exchange_clients as ec
from exchange_clients.simulator import Simulator


async def follow(simulator: Simulator) -> None:
    # The Futures key pair and the Kraken key pair (with WebSocket access) that requests the stream's token.
    credentials = simulator.accounts.credentials("kraken_futures")
    base_url, stream_url = simulator.base_url("kraken_futures"), simulator.stream_url("kraken_futures")
    async with ec.connect_async("kraken_futures", credentials, base_url=base_url, stream_url=stream_url) as client:
        print("open:", len(await client.list_open_orders()))
        updates = client.watch_orders()
        first = asyncio.ensure_future(anext(updates))
        while simulator.stream_connections("kraken_futures") == 0:  # noqa: ASYNC110 - the simulator's own counter
            await asyncio.sleep(0.01)
        order_id = simulator.orders.id("kraken_futures", "entered_book")
        filled = {**simulator.orders.named("kraken_futures", "entered_book").body["order"], "quantity": 0, "filled": 1}
        simulator.change_order("kraken_futures", "entered_book", order=filled, status="FULLY_EXECUTED")
        update = await first  # a fill, then Kraken's separate completion
        while not (update.order_id == order_id and update.status.is_final):
            update = await anext(updates)
        order = await client.get_order(order_id)  # from the running watch
        print("seen closing:", order.status, order.filled)
        try:
            await client.get_order(simulator.orders.id("kraken_futures", "cancelled"))
        except ec.OrderNotFoundError as error:
            print("closed before the watch:", type(error).__name__)
        await updates.aclose()


def main() -> None:
    with Simulator() as simulator:
        simulator.decommission_rest("kraken_futures")
        asyncio.run(follow(simulator))


if __name__ == "__main__":
    main()

# Prints:
# open: 4
# seen closing: filled 1
# closed before the watch: OrderNotFoundError
