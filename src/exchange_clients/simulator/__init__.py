"""
A simulated exchange for tests and demos: a real HTTP server on loopback playing every registered exchange.

It plays Gemini, Kraken Futures, DigiFinex and Derive, each on its own port at its production paths; each one's
simulator lives in `exchange_clients.simulator.exchanges.<exchange>` (with its account type, such as
`GeminiAccount`), its default orders in `exchange_clients.simulator.catalogue.<exchange>`.

It verifies every request's signature with its own code, written from each exchange's documentation and sharing
nothing with the clients' signers, so it is an independent check of them. It enforces each nonce and timestamp
rule, serves orders in every status as bodies valid against our specs, and refuses in each exchange's own error
format. Every exchange also streams (Kraken Futures on Kraken's Unified WebSocket, with the Spot token request that
opens it): `change_order` fills or cancels an order on REST and on the stream at once, `stream_fault` makes the
stream duplicate, reorder, lose, stall, drop or expire, and `decommission_rest` switches Kraken Futures' REST API
off as it goes on 1 March 2027.

    with Simulator() as simulator:
        url = simulator.base_url("gemini")
        order_id = simulator.orders.id("gemini", "filled")
"""

from exchange_clients.simulator import catalogue, exchanges, faults
from exchange_clients.simulator._accounts import SimulatedAccounts
from exchange_clients.simulator._cli import main
from exchange_clients.simulator._exchange import SimulatedExchange
from exchange_clients.simulator._faults import Fault, FaultQueue
from exchange_clients.simulator._orders import SimulatedOrder, SimulatedOrders
from exchange_clients.simulator._simulator import EXCHANGES, Simulator
from exchange_clients.simulator._state import RecordedRequest
from exchange_clients.simulator._streams import StreamFault
from exchange_clients.simulator._wire import Incoming, Reply, json_reply


__all__ = [
    "EXCHANGES",
    "Fault",
    "FaultQueue",
    "Incoming",
    "RecordedRequest",
    "Reply",
    "SimulatedAccounts",
    "SimulatedExchange",
    "SimulatedOrder",
    "SimulatedOrders",
    "Simulator",
    "StreamFault",
    "catalogue",
    "exchanges",
    "faults",
    "json_reply",
    "main",
]
