"""
Type-checked, never executed: the generated clients used the way a user would, under mypy --strict.

A JSON number is annotated Decimal, so Decimal arithmetic needs no cast; an open enum still exposes its
recognition flag; decimal strings are str.
"""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from exchange_clients.generated.derive.models import GetOrderResponse
from exchange_clients.generated.digifinex import AuthenticatedClient as DigiFinexClient
from exchange_clients.generated.digifinex.api.orders import get_order_status as digifinex_get_order_status
from exchange_clients.generated.digifinex.models import Market, OrderStatusResponse
from exchange_clients.generated.gemini.models import Order as GeminiOrder
from exchange_clients.generated.gemini.types import Unset
from exchange_clients.generated.kraken_futures import AuthenticatedClient
from exchange_clients.generated.kraken_futures.api.order_management import get_order_status
from exchange_clients.generated.kraken_futures.models import GetOrderStatusSuccessResponse


def kraken_notional(client: AuthenticatedClient, order_id: UUID) -> Decimal:
    answer = get_order_status.sync(client=client, order_ids=[order_id])
    total = Decimal(0)
    if isinstance(answer, GetOrderStatusSuccessResponse):
        for detail in answer.orders:
            quantity, price = detail.order.quantity, detail.order.limit_price
            if quantity is not None and price is not None:
                total += (quantity * price).quantize(Decimal("0.01"))
            if not detail.status.is_recognized:
                raw: str = detail.status.value
                del raw
    return total


def digifinex_remaining(answer: OrderStatusResponse) -> list[Decimal]:
    if isinstance(answer.data, list):
        return [order.amount - order.executed_amount for order in answer.data]
    return []


async def digifinex_fetch(client: DigiFinexClient) -> OrderStatusResponse | None:
    return await digifinex_get_order_status.asyncio(Market.SPOT, client=client, order_id="a,b")


def gemini_price(order: GeminiOrder) -> Decimal | None:
    # Gemini's document requires no order field: a market order has no price.
    return None if isinstance(order.price, Unset) else Decimal(order.price)


def derive_filled(answer: GetOrderResponse) -> Decimal:
    return Decimal(answer.result.filled_amount)
