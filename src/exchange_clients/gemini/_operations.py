"""
Gemini's operations for the unified client: one order-status call per id, and the active-orders list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from exchange_clients._calls import Call, ErrorFormat, declared_idempotent
from exchange_clients._errors import InvalidRequestError
from exchange_clients._order import Exchange, Order
from exchange_clients.gemini._errors import ERROR_TABLE
from exchange_clients.gemini._normalize import to_order
from exchange_clients.generated.gemini import AuthenticatedClient
from exchange_clients.generated.gemini.api.orders import get_order_status, list_active_orders
from exchange_clients.generated.gemini.errors import ResponseParseError
from exchange_clients.generated.gemini.models import ActiveOrdersRequest, ErrorResponse, OrderStatusRequest
from exchange_clients.generated.gemini.models import Order as GeminiOrder
from exchange_clients.generated.gemini.retry_safety import IDEMPOTENT_OPERATIONS
from exchange_clients.generated.gemini.types import Response
from exchange_clients.runtime import decode_json


MAX_ORDER_ID = 2**64 - 1
"""Gemini order ids are unsigned 64-bit integers."""

GeminiCall = Call[AuthenticatedClient, Any]


def _error_fields(body: Mapping[str, Any]) -> tuple[object, str | None] | None:
    # Gemini writes errors in two envelopes (its conformance fixtures missing-role-403-result-envelope and
    # missing-role-403-error-envelope): {"result": "error", "reason": R, "message": M} and {"error": R, "message": M}.
    message = body.get("message")
    text = message if isinstance(message, str) else None
    if body.get("result") == "error":
        return body.get("reason"), text
    if "error" in body:
        return body["error"], text
    return None


ERRORS = ErrorFormat(exchange=Exchange.GEMINI, table=ERROR_TABLE, fields=_error_fields, decode=decode_json)


def canonical_id(order_id: str) -> str:
    """An id of ASCII digits as the integer it spells (Gemini answers order 123 for "0123"); anything else as given."""
    if order_id.isascii() and order_id.isdecimal():
        return str(int(order_id))
    return order_id


def order_calls(order_ids: Sequence[str]) -> list[GeminiCall]:
    """One Get Order Status call per id, with trades so that fees are known."""
    return [_order_call(order_id) for order_id in order_ids]


def _order_call(order_id: str) -> GeminiCall:
    body = OrderStatusRequest(order_id=_numeric_id(order_id), include_trades=True)

    def read(answer: Response[ErrorResponse | GeminiOrder]) -> list[Order]:
        if isinstance(answer.parsed, GeminiOrder):
            return [to_order(answer.parsed)]
        raise call.error(answer)

    call: GeminiCall = Call(
        operation="get_order",
        send=lambda client: get_order_status.sync_detailed(client=client, body=body),
        send_async=lambda client: get_order_status.asyncio_detailed(client=client, body=body),
        read=read,
        errors=ERRORS,
        parse_failure=ResponseParseError,
        idempotent=declared_idempotent(get_order_status, IDEMPOTENT_OPERATIONS),
        order_ids=(order_id,),
    )
    return call


def open_orders_call() -> GeminiCall:
    """The List Active Orders call."""

    def read(answer: Response[ErrorResponse | list[GeminiOrder]]) -> list[Order]:
        if isinstance(answer.parsed, list):
            return [to_order(order) for order in answer.parsed]
        raise call.error(answer)

    call: GeminiCall = Call(
        operation="list_open_orders",
        send=lambda client: list_active_orders.sync_detailed(client=client, body=ActiveOrdersRequest()),
        send_async=lambda client: list_active_orders.asyncio_detailed(client=client, body=ActiveOrdersRequest()),
        read=read,
        errors=ERRORS,
        parse_failure=ResponseParseError,
        idempotent=declared_idempotent(list_active_orders, IDEMPOTENT_OPERATIONS),
    )
    return call


def _numeric_id(order_id: str) -> int:
    # Gemini's order ids are integers; refusing anything else here beats a confusing InvalidJson from Gemini.
    if not (order_id.isascii() and order_id.isdecimal()) or not 0 < int(order_id) <= MAX_ORDER_ID:
        raise InvalidRequestError(
            f"{order_id!r} is not a Gemini order id (a positive 64-bit integer)",
            exchange=Exchange.GEMINI,
            operation="get_order",
        )
    return int(order_id)
