"""Contains all the data models used in inputs/outputs"""

from .cached_order_json import CachedOrderJson
from .cached_order_json_type import CachedOrderJsonType
from .error import Error
from .error_response import ErrorResponse
from .get_order_status_success_response import GetOrderStatusSuccessResponse
from .order_error import OrderError
from .order_status_details_json import OrderStatusDetailsJson
from .order_status_json import OrderStatusJson
from .order_update_reason import OrderUpdateReason
from .result_error import ResultError
from .result_error_result import ResultErrorResult
from .result_success import ResultSuccess
from .result_success_result import ResultSuccessResult
from .server_time_fields import ServerTimeFields
from .success_response import SuccessResponse
from .trigger_options import TriggerOptions
from .trigger_options_trigger_side import TriggerOptionsTriggerSide
from .trigger_options_trigger_signal import TriggerOptionsTriggerSignal

__all__ = (
    "CachedOrderJson",
    "CachedOrderJsonType",
    "Error",
    "ErrorResponse",
    "GetOrderStatusSuccessResponse",
    "OrderError",
    "OrderStatusDetailsJson",
    "OrderStatusJson",
    "OrderUpdateReason",
    "ResultError",
    "ResultErrorResult",
    "ResultSuccess",
    "ResultSuccessResult",
    "ServerTimeFields",
    "SuccessResponse",
    "TriggerOptions",
    "TriggerOptionsTriggerSide",
    "TriggerOptionsTriggerSignal",
)
