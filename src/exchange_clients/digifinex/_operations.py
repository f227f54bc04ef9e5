"""
DigiFinex's operations for the unified client: order status, 20 ids of one market per call; a market's open orders.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from exchange_clients._calls import Call, ErrorFormat, declared_idempotent
from exchange_clients._errors import InvalidRequestError
from exchange_clients._order import Exchange, Order
from exchange_clients.digifinex._errors import ERROR_TABLE
from exchange_clients.digifinex._normalize import to_order
from exchange_clients.generated.digifinex import AuthenticatedClient
from exchange_clients.generated.digifinex.api.orders import get_current_orders, get_order_status
from exchange_clients.generated.digifinex.errors import ResponseParseError
from exchange_clients.generated.digifinex.models import ErrorCode, Market, OrderStatusResponse
from exchange_clients.generated.digifinex.retry_safety import IDEMPOTENT_OPERATIONS
from exchange_clients.generated.digifinex.types import Response
from exchange_clients.runtime import decode_json


BATCH_SIZE = 20
"""DigiFinex's documented maximum of order ids per order-status call."""

NOT_FOUND_HINT = "DigiFinex has no such order in this market for this API key"

DigiFinexCall = Call[AuthenticatedClient, Any]


def _error_fields(body: Mapping[str, Any]) -> tuple[object, str | None] | None:
    # {"code": <non-zero int>}: DigiFinex sends no message, so the code's documented meaning is used instead.
    code = body.get("code")
    if not isinstance(code, int) or isinstance(code, bool) or code == 0:
        return None
    known = ErrorCode(code)
    return code, known.name.replace("_", " ").lower() if known.is_recognized else None


ERRORS = ErrorFormat(exchange=Exchange.DIGIFINEX, table=ERROR_TABLE, fields=_error_fields, decode=decode_json)


def order_calls(order_ids: Sequence[str], market: str | None) -> list[DigiFinexCall]:
    """Order-status calls of at most BATCH_SIZE ids each, in `market` ("spot" unless said otherwise)."""
    chosen = _market(market or "spot")
    return [
        _status_call(order_ids[start : start + BATCH_SIZE], chosen) for start in range(0, len(order_ids), BATCH_SIZE)
    ]


def _status_call(batch: Sequence[str], market: Market) -> DigiFinexCall:
    # The signer encodes the commas exactly as sent (%2C); see exchange_clients.digifinex._auth.
    joined = ",".join(batch)

    call: DigiFinexCall = Call(
        operation="get_orders" if len(batch) > 1 else "get_order",
        send=lambda client: get_order_status.sync_detailed(market, client=client, order_id=joined),
        send_async=lambda client: get_order_status.asyncio_detailed(market, client=client, order_id=joined),
        read=lambda answer: _orders_in(answer, call),
        errors=ERRORS,
        parse_failure=ResponseParseError,
        idempotent=declared_idempotent(get_order_status, IDEMPOTENT_OPERATIONS),
        order_ids=tuple(batch),
    )
    return call


def open_orders_call(market: str | None) -> DigiFinexCall:
    """The current-active-orders call of `market` ("spot" unless said otherwise), every trading pair."""
    chosen = _market(market or "spot", "list_open_orders")

    call: DigiFinexCall = Call(
        operation="list_open_orders",
        send=lambda client: get_current_orders.sync_detailed(chosen, client=client),
        send_async=lambda client: get_current_orders.asyncio_detailed(chosen, client=client),
        read=lambda answer: _orders_in(answer, call),
        errors=ERRORS,
        parse_failure=ResponseParseError,
        idempotent=declared_idempotent(get_current_orders, IDEMPOTENT_OPERATIONS),
    )
    return call


def _orders_in(answer: Response[OrderStatusResponse], call: DigiFinexCall) -> list[Order]:
    """The orders of a successful answer (both calls answer the same shape); the call's error otherwise."""
    parsed = answer.parsed
    if isinstance(parsed, OrderStatusResponse) and parsed.code == ErrorCode.SUCCESS:
        return [to_order(order) for order in parsed.data or []]
    raise call.error(answer)


def _market(market: str, operation: str = "get_order") -> Market:
    chosen = Market(market)
    if not chosen.is_recognized:
        raise InvalidRequestError(
            f"market {market!r} is not one of {', '.join(m.value for m in Market)}",
            exchange=Exchange.DIGIFINEX,
            operation=operation,
        )
    return chosen
