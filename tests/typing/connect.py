"""
Type-checked, never executed: the unified entry point is as typed as the generated code.

The exchange's name picks its credentials type and the generated client under `client.generated`.
"""

from __future__ import annotations

import exchange_clients as ec
import exchange_clients.generated.gemini
import exchange_clients.generated.kraken_futures
from exchange_clients.gemini import GeminiCredentials
from exchange_clients.generated.gemini.api.orders import get_order_status
from exchange_clients.generated.gemini.models import OrderStatusRequest
from exchange_clients.kraken_futures import KrakenFuturesCredentials


def gemini_orders(credentials: GeminiCredentials) -> list[ec.Order]:
    with ec.connect("gemini", credentials) as client:
        generated: exchange_clients.generated.gemini.AuthenticatedClient = client.generated
        get_order_status.sync(client=generated, body=OrderStatusRequest(order_id=1))
        return client.get_orders(["1", "2"]) + client.get_orders(("3",))


async def kraken_order(credentials: KrakenFuturesCredentials) -> ec.Order:
    async with ec.connect_async(ec.Exchange.KRAKEN_FUTURES, credentials) as client:
        generated: exchange_clients.generated.kraken_futures.AuthenticatedClient = client.generated
        del generated
        return await client.get_order("a1108796-1996-4da9-a1f2-af7463586234")


def from_the_environment(name: str) -> ec.Client:
    # A name known only at run time goes through Exchange, whose constructor refuses an unknown one.
    return ec.connect(ec.Exchange(name))


def what_was_found(credentials: GeminiCredentials, ids: list[str]) -> tuple[tuple[ec.Order, ...], tuple[str, ...]]:
    seen: list[tuple[int, int]] = []
    with ec.connect("gemini", credentials) as client:
        result: ec.FoundOrders = client.find_orders(ids, progress=lambda done, total: seen.append((done, total)))
        failures: dict[str, ec.ExchangeError] = dict(result.failed)
        del failures
        return result.found, result.missing
