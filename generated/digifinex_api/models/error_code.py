from enum import IntEnum
from typing import Any

from ..types import ByValue


class _IntegersOnly(ByValue):
    def __call__(cls, value: object, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{cls.__name__} takes a JSON integer, not {type(value).__name__} {value!r:.60}")
        return super().__call__(value, *args, **kwargs)


class ErrorCode(IntEnum, metaclass=_IntegersOnly):
    SUCCESS = 0
    WRONG_REQUEST_METHOD = 10001
    INVALID_API_KEY = 10002
    SIGN_MISMATCH = 10003
    ILLEGAL_REQUEST_PARAMETERS = 10004
    RATE_LIMIT_EXCEEDED = 10005
    UNAUTHORIZED_REQUEST = 10006
    IP_UNAUTHORIZED = 10007
    INVALID_TIMESTAMP = 10008
    ENDPOINT_NOT_FOUND_OR_MISSING_ACCESS_KEY = 10009
    API_KEY_EXPIRED = 10011
    TRADING_PAIR_SUSPENDED = 20002
    PRICE_PRECISION_ERROR = 20007
    AMOUNT_PRECISION_ERROR = 20008
    AMOUNT_BELOW_MINIMUM = 20009
    CASH_AMOUNT_BELOW_MINIMUM = 20010
    INSUFFICIENT_BALANCE = 20011
    INVALID_TRADE_TYPE = 20012
    NO_ORDER_INFO_FOUND = 20013
    INVALID_DATE = 20014
    DATE_EXCEEDS_LIMIT = 20015
    API_TRADING_BANNED = 20018
    WRONG_TRADING_PAIR_SYMBOL = 20019
    API_TRADING_RULES_VIOLATED = 20020
    INVALID_CURRENCY = 20021
    END_TIMESTAMP_NOT_AFTER_START = 20022
    INVALID_TRANSFER_TYPE = 20023
    INVALID_AMOUNT = 20024
    CURRENCY_NOT_TRANSFERABLE = 20025
    TRANSFER_AMOUNT_EXCEEDS_BALANCE = 20026
    ABNORMAL_ACCOUNT_STATUS = 20027
    TRANSFER_BLACKLISTED = 20028
    TRANSFER_DAILY_LIMIT_EXCEEDED = 20029
    NO_POSITION_ON_TRADING_PAIR = 20030
    WITHDRAWAL_LIMITED = 20032
    WRONG_WITHDRAWAL_ID = 20033
    WITHDRAWAL_SERVICE_CLOSED = 20034
    WITHDRAWAL_LIMIT = 20035
    WITHDRAWAL_CANCELLATION_FAILED = 20036
    WITHDRAWAL_ADDRESS_NOT_IN_MANAGEMENT_LIST = 20037
    WITHDRAWAL_ADDRESS_NOT_WHITELISTED = 20038
    NOT_CANCELABLE_IN_CURRENT_STATUS = 20039
    WITHDRAW_TOO_FREQUENTLY = 20040
    DAILY_WITHDRAWAL_LIMIT_EXCEEDED = 20041
    API_TRADING_UNSUPPORTED_FOR_PAIR = 20042
    EXCEPTION_ERROR = 50000

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ErrorCode | None":
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = "UNRECOGNIZED"
        member._value_ = value
        return member

    @property
    def is_recognized(self) -> bool:
        """False for a value the spec does not list (an UNRECOGNIZED pseudo-member)."""
        # A member the class lists, by value (a pseudo-member's value is never one of theirs).
        return self in type(self).__members__.values()
