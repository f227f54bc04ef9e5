"""
Derive's `{subaccount_id}.orders` notifications as normalized `Order`s.

A notification's `data` is an array of the very `Order` that `private/get_order` answers with (Derive's
subscriptions document refers to the same schema), so each element is read by the REST normalizer, `parse_order`:
one schema and one mapping of statuses serve the answer and the stream.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from exchange_clients._messages import MessageShapeError, read_message
from exchange_clients._normalize import unexpected
from exchange_clients._order import Exchange, Order
from exchange_clients.derive._normalize import parse_order
from exchange_clients.generated.streams.derive import OrdersNotification


__all__ = ["parse_notification"]


def parse_notification(message: Mapping[str, Any]) -> list[Order]:
    """The normalized orders of one decoded notification; UnexpectedResponseError if it is not one."""
    try:
        notification = read_message(message, OrdersNotification)
    except MessageShapeError as error:
        raise unexpected(Exchange.DERIVE, "watch_orders", message, error) from None
    return [parse_order(order) for order in notification.params.data]
