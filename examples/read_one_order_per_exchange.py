"""Read one order from each exchange and print the normalized fields every exchange shares."""

import exchange_clients as ec
from exchange_clients.simulator import Simulator


def main() -> None:
    with Simulator() as simulator:
        for exchange in ec.Exchange:
            credentials = simulator.accounts.credentials(exchange)
            with ec.connect(exchange, credentials, base_url=simulator.base_url(exchange)) as client:
                order = client.get_order(simulator.orders.id(exchange, "high_precision"))
            print(f"{exchange.display_name:<15} {order.symbol:<10} {order.side} {order.status} amount={order.amount}")


if __name__ == "__main__":
    main()

# Prints:
# Gemini          ethusd     buy open amount=12345678901234.5678901234567891
# Kraken Futures  PF_XBTUSD  buy open amount=12345678901234.5678901234567891
# DigiFinex       BTC_USDT   buy open amount=12345678901234.5678901234567891
# Derive          ETH-PERP   buy open amount=12345678901234.5678901234567891
