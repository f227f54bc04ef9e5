from enum import StrEnum

from exchange_clients.runtime import is_listed, unrecognized_member


class OrderUpdateReason(StrEnum):
    CANCELLED_BY_ADMIN = "CANCELLED_BY_ADMIN"
    CANCELLED_BY_USER = "CANCELLED_BY_USER"
    CONTRACT_EXPIRED = "CONTRACT_EXPIRED"
    DEAD_MAN_SWITCH = "DEAD_MAN_SWITCH"
    EDITED_BY_USER = "EDITED_BY_USER"
    EXPIRED = "EXPIRED"
    FULL_FILL = "FULL_FILL"
    IOC_WOULD_NOT_EXECUTE_REASON = "IOC_WOULD_NOT_EXECUTE_REASON"
    LIMIT_FROM_STOP = "LIMIT_FROM_STOP"
    LIQUIDATION_ORDER = "LIQUIDATION_ORDER"
    LOADING_MARKET = "LOADING_MARKET"
    MARKET_INACTIVE = "MARKET_INACTIVE"
    NEW_USER_ORDER = "NEW_USER_ORDER"
    NOT_ENOUGH_MARGIN = "NOT_ENOUGH_MARGIN"
    ORDER_FOR_EDIT_NOT_FOUND_REASON = "ORDER_FOR_EDIT_NOT_FOUND_REASON"
    PARTIAL_FILL = "PARTIAL_FILL"
    POST_WOULD_EXECUTE_REASON = "POST_WOULD_EXECUTE_REASON"
    STOP_ORDER_TRIGGERED = "STOP_ORDER_TRIGGERED"
    TRAILING_STOP_CANCELLED_AND_REPLACED_BY_ADMIN = "TRAILING_STOP_CANCELLED_AND_REPLACED_BY_ADMIN"
    TRAILING_STOP_PRICE_UPDATED = "TRAILING_STOP_PRICE_UPDATED"
    UNKNOWN = "unknown"
    WOULD_EXECUTE_SELF_REASON = "WOULD_EXECUTE_SELF_REASON"
    WOULD_NOT_REDUCE_POSITION = "WOULD_NOT_REDUCE_POSITION"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "OrderUpdateReason | None":
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the spec does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)
