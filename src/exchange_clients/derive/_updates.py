"""
Derive's `{subaccount_id}.orders` notifications as normalized `Order`s.

A notification's `data` is an array of the very `Order` that `private/get_order` answers with (Derive's
subscriptions document refers to the same schema), so each element is read by the REST model and normalizer:
one schema and one mapping of statuses serve the answer and the stream; a misfit is named as watch_orders'.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from exchange_clients._messages import MessageShapeError, read_message
from exchange_clients._normalize import MALFORMED, unexpected
from exchange_clients._order import Exchange, Order
from exchange_clients.derive._normalize import to_order
from exchange_clients.generated.derive.models import Order as DeriveOrder
from exchange_clients.generated.streams.derive import OrdersNotification


__all__ = ["parse_notification"]


def parse_notification(message: Mapping[str, Any]) -> list[Order]:
    """The normalized orders of one decoded notification; UnexpectedResponseError if it is not one."""
    try:
        notification = read_message(message, OrdersNotification)
    except MessageShapeError as error:
        raise unexpected(Exchange.DERIVE, "watch_orders", message, error) from None
    try:
        models = [DeriveOrder.from_dict(order) for order in notification.params.data]
    except MALFORMED as error:
        raise unexpected(Exchange.DERIVE, "watch_orders", message, error) from None
    return [to_order(model, operation="watch_orders") for model in models]
