"""Contains all the data models used in inputs/outputs"""

from .active_orders_request import ActiveOrdersRequest
from .error_reason import ErrorReason
from .error_response import ErrorResponse
from .error_result import ErrorResult
from .order import Order
from .order_side import OrderSide
from .order_status_request import OrderStatusRequest
from .order_type import OrderType
from .trade import Trade
from .trade_type import TradeType

__all__ = (
    "ActiveOrdersRequest",
    "ErrorReason",
    "ErrorResponse",
    "ErrorResult",
    "Order",
    "OrderSide",
    "OrderStatusRequest",
    "OrderType",
    "Trade",
    "TradeType",
)
