"""
A simulated exchange for tests and demos: a real HTTP server on loopback playing all four exchanges.

It plays Gemini, Kraken Futures, DigiFinex and Derive, each on its own port at its production paths.

It verifies every request's signature with its own code, written from each exchange's documentation and sharing
nothing with the clients' signers, so it is an independent check of them. It enforces each nonce and timestamp
rule, serves orders in every status as bodies valid against our specs, and refuses in each exchange's own error
format.

    with Simulator() as simulator:
        url = simulator.base_url("gemini")
        order_id = simulator.orders.id("gemini", "filled")
"""

from exchange_clients.simulator import faults
from exchange_clients.simulator._accounts import (
    DeriveAccount,
    DigiFinexAccount,
    GeminiAccount,
    KrakenFuturesAccount,
    SimulatedAccounts,
)
from exchange_clients.simulator._cli import main
from exchange_clients.simulator._faults import Fault, FaultQueue
from exchange_clients.simulator._orders import SimulatedOrder, SimulatedOrders
from exchange_clients.simulator._simulator import EXCHANGES, Simulator
from exchange_clients.simulator._state import RecordedRequest
from exchange_clients.simulator._wire import Incoming, Reply, json_reply


__all__ = [
    "EXCHANGES",
    "DeriveAccount",
    "DigiFinexAccount",
    "Fault",
    "FaultQueue",
    "GeminiAccount",
    "Incoming",
    "KrakenFuturesAccount",
    "RecordedRequest",
    "Reply",
    "SimulatedAccounts",
    "SimulatedOrder",
    "SimulatedOrders",
    "Simulator",
    "faults",
    "json_reply",
    "main",
]
