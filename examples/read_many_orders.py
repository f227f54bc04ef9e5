"""Read a batch of orders: all or nothing with get_orders, or what was found with find_orders."""

import exchange_clients as ec
from exchange_clients.simulator import Simulator


def report(done: int, total: int) -> None:
    print(f"  {done}/{total} ids answered")


def main() -> None:
    with Simulator() as simulator:
        credentials = simulator.accounts.credentials("kraken_futures")
        ids = [simulator.orders.id("kraken_futures", name) for name in ("entered_book", "fully_executed", "cancelled")]
        with ec.connect("kraken_futures", credentials, base_url=simulator.base_url("kraken_futures")) as client:
            # One call for all three: Kraken takes up to 50 ids per call.
            for order in client.get_orders(ids):
                print(order.order_id, order.status, order.filled)

            # An id Kraken does not return (it answers for orders open or closed in the last 5 seconds only).
            gone = "0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a"
            result = client.find_orders([*ids, gone], progress=report)
            print(f"found {len(result.found)}, missing {list(result.missing)}, complete: {result.complete}")


if __name__ == "__main__":
    main()

# Prints:
# 1f0b5c3e-7c4d-4e8a-9b1a-2c3d4e5f6a70 open 0
# 3b2d7e5a-9e6f-4a0c-9d3c-4e5f6a7b8c92 filled 0.001
# 4c3e8f6b-0f7a-4b1d-8e4d-5f6a7b8c9da3 canceled 1
#   4/4 ids answered
# found 3, missing ['0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a'], complete: False
