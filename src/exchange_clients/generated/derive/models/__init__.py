"""Contains all the data models used in inputs/outputs"""

from .algo_type import AlgoType
from .cancel_reason import CancelReason
from .direction import Direction
from .get_open_orders_params import GetOpenOrdersParams
from .get_open_orders_response import GetOpenOrdersResponse
from .get_order_params import GetOrderParams
from .get_order_response import GetOrderResponse
from .json_rpc_version import JsonRpcVersion
from .open_orders import OpenOrders
from .order import Order
from .order_status import OrderStatus
from .order_type import OrderType
from .rpc_error import RpcError
from .rpc_error_code import RpcErrorCode
from .rpc_error_response import RpcErrorResponse
from .time_in_force import TimeInForce
from .trigger_price_type import TriggerPriceType
from .trigger_type import TriggerType

__all__ = (
    "AlgoType",
    "CancelReason",
    "Direction",
    "GetOpenOrdersParams",
    "GetOpenOrdersResponse",
    "GetOrderParams",
    "GetOrderResponse",
    "JsonRpcVersion",
    "OpenOrders",
    "Order",
    "OrderStatus",
    "OrderType",
    "RpcError",
    "RpcErrorCode",
    "RpcErrorResponse",
    "TimeInForce",
    "TriggerPriceType",
    "TriggerType",
)
