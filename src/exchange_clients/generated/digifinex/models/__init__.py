"""Contains all the data models used in inputs/outputs"""

from .error_code import ErrorCode
from .market import Market
from .order import Order
from .order_kind import OrderKind
from .order_status import OrderStatus
from .order_status_response import OrderStatusResponse
from .order_type import OrderType

__all__ = (
    "ErrorCode",
    "Market",
    "Order",
    "OrderKind",
    "OrderStatus",
    "OrderStatusResponse",
    "OrderType",
)
