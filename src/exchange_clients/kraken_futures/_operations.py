"""
Kraken Futures' operations for the unified client: many orders per order-status call.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from exchange_clients._calls import Call, ErrorFormat, declared_idempotent
from exchange_clients._order import Exchange, Order
from exchange_clients.generated.kraken_futures import AuthenticatedClient
from exchange_clients.generated.kraken_futures.api.order_management import get_order_status
from exchange_clients.generated.kraken_futures.errors import ResponseParseError
from exchange_clients.generated.kraken_futures.models import ErrorResponse, GetOrderStatusSuccessResponse
from exchange_clients.generated.kraken_futures.retry_safety import IDEMPOTENT_OPERATIONS
from exchange_clients.generated.kraken_futures.types import UNSET, Response
from exchange_clients.kraken_futures._errors import ERROR_TABLE
from exchange_clients.kraken_futures._normalize import to_order
from exchange_clients.kraken_futures._sunset import RestDecommissionedError, is_removal
from exchange_clients.runtime import decode_json


BATCH_SIZE = 50
"""Ids per call. Kraken states no limit; 50 UUIDs keep the query string near 2.5 KB, far below proxies' 8 KB."""

NOT_FOUND_HINT = (
    "Kraken Futures answers order status only for orders that are open or that were filled or cancelled within "
    "the last 5 seconds; an older closed order is absent from its answer (use the fills or history endpoints)"
)

KrakenCall = Call[AuthenticatedClient, Any]


def _error_fields(body: Mapping[str, Any]) -> tuple[object, str | None] | None:
    # Kraken errors are {"result": "error", "error": <Error>, "serverTime": <time>}.
    if body.get("result") != "error":
        return None
    return body.get("error"), None


ERRORS = ErrorFormat(exchange=Exchange.KRAKEN_FUTURES, table=ERROR_TABLE, fields=_error_fields, decode=decode_json)


def canonical_id(order_id: str) -> str:
    """A UUID in Kraken's lower-case form; anything else is a client order id, kept as given."""
    try:
        return str(uuid.UUID(order_id))
    except ValueError:
        return order_id


def is_client_order_id(order_id: str) -> bool:
    """Whether the id is looked up as a client order id (`cliOrdIds`): every id that is not a UUID."""
    return not _is_uuid(order_id)


def order_calls(order_ids: Sequence[str]) -> list[KrakenCall]:
    """Order-status calls of at most BATCH_SIZE ids each.

    Ids that are UUIDs go in `orderIds`; any other id is taken as a client order id (`cliOrdIds`), which the
    same endpoint accepts, so a caller can look up orders by the ids it chose.
    """
    return [_status_call(order_ids[start : start + BATCH_SIZE]) for start in range(0, len(order_ids), BATCH_SIZE)]


def _status_call(batch: Sequence[str]) -> KrakenCall:
    uuids = [uuid.UUID(canonical_id(order_id)) for order_id in batch if _is_uuid(order_id)]
    client_ids = [order_id for order_id in batch if not _is_uuid(order_id)]
    arguments: dict[str, Any] = {"order_ids": uuids or UNSET, "cli_ord_ids": client_ids or UNSET}

    def read(answer: Response[ErrorResponse | GetOrderStatusSuccessResponse]) -> list[Order]:
        if isinstance(answer.parsed, GetOrderStatusSuccessResponse):
            return [to_order(detail) for detail in answer.parsed.orders]
        if is_removal(int(answer.status_code), answer.content):
            message = f"Kraken's Derivatives REST API answered HTTP {int(answer.status_code)} as a removed API does"
            raise RestDecommissionedError(
                message, exchange=Exchange.KRAKEN_FUTURES, operation=call.operation, http_status=int(answer.status_code)
            )
        raise call.error(answer)

    call: KrakenCall = Call(
        operation="get_orders" if len(batch) > 1 else "get_order",
        send=lambda client: get_order_status.sync_detailed(client=client, **arguments),
        send_async=lambda client: get_order_status.asyncio_detailed(client=client, **arguments),
        read=read,
        errors=ERRORS,
        parse_failure=ResponseParseError,
        idempotent=declared_idempotent(get_order_status, IDEMPOTENT_OPERATIONS),
        order_ids=tuple(batch),
    )
    return call


def _is_uuid(order_id: str) -> bool:
    try:
        uuid.UUID(order_id)
    except ValueError:
        return False
    return True
