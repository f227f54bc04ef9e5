"""
The public API as a user writes it, checked by mypy --strict (never run: it would need real credentials).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import exchange_clients as ec
from exchange_clients import derive, digifinex, gemini, kraken_futures


def read_one(order_id: str) -> Decimal | None:
    with ec.connect("kraken_futures", timeout=5.0) as client:
        order: ec.Order = client.get_order(order_id)
    if order.status is ec.OrderStatus.PARTIALLY_FILLED and order.remaining is not None:
        return order.remaining * Decimal(2)
    return order.filled


def read_many(ids: list[str]) -> list[str]:
    credentials = digifinex.DigiFinexCredentials.from_env()
    with ec.connect(ec.Exchange.DIGIFINEX, credentials, environment="production") as client:
        orders: list[ec.Order] = client.get_orders(ids, market="spot")
    return [f"{order.symbol} {order.side.value} {order.status.value}" for order in orders]


async def read_async(ids: list[str]) -> list[datetime | None]:
    credentials = derive.DeriveCredentials(wallet="0x" + "00" * 20, private_key="0x" + "01" * 32, subaccount_id=1)
    async with ec.connect_async("derive", credentials) as client:
        orders = await client.get_orders(ids, subaccount_id=2)
        open_orders: list[ec.Order] = []
    return [order.created_at for order in [*orders, *open_orders]]


def handle_errors(order_id: str) -> str:
    try:
        with ec.connect("gemini", gemini.GeminiCredentials(api_key="k", api_secret="s")) as client:
            return client.get_order(order_id).raw_status
    except ec.RateLimitError as error:
        wait: float | None = error.retry_after
        return f"retry in {wait}"
    except ec.OrderNotFoundError as error:
        missing: str | None = error.order_id
        return f"no {missing}"
    except ec.ExchangeError as error:
        status: int | None = error.http_status
        code: str | None = error.code
        return f"{error.exchange} {error.operation} {status} {code}"


def narrow_raw(order: ec.Order) -> str | None:
    import exchange_clients.generated.gemini.models  # noqa: PLC0415 - shows where the model comes from

    if isinstance(order.raw, exchange_clients.generated.gemini.models.Order) and isinstance(
        order.raw.avg_execution_price, str
    ):
        return order.raw.avg_execution_price
    return None


def parse(body: bytes) -> ec.Order:
    kraken_futures.parse_order(body)
    return gemini.parse_order(body)
