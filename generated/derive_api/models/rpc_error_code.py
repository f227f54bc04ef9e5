from enum import IntEnum
from typing import Any

from ..types import ByValue


class _IntegersOnly(ByValue):
    def __call__(cls, value: object, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{cls.__name__} takes a JSON integer, not {type(value).__name__} {value!r:.60}")
        return super().__call__(value, *args, **kwargs)


class RpcErrorCode(IntEnum, metaclass=_IntegersOnly):
    PARSE_ERROR = -32700
    INVALID_REQUEST = -32600
    METHOD_NOT_FOUND = -32601
    INVALID_PARAMS = -32602
    INTERNAL_ERROR = -32603
    RATE_LIMIT_EXCEEDED = -32000
    CONCURRENT_WS_CLIENTS_LIMIT_EXCEEDED = -32100
    ORDER_CONFIRMATION_TIMEOUT = 9000
    ENGINE_CONFIRMATION_TIMEOUT = 9001
    ALREADY_CANCELLED = 11003
    ALREADY_FILLED = 11004
    ALREADY_EXPIRED = 11005
    ORDER_NOT_EXIST = 11006
    NON_UNIQUE_NONCE = 11017
    INVALID_NONCE_DATE = 11018
    ACCOUNT_NOT_FOUND = 14000
    SUBACCOUNT_NOT_FOUND = 14001
    INVALID_SIGNATURE = 14014
    HEADER_WALLET_MISMATCH = 14020
    HEADER_WALLET_MISSING = 14021
    SIGNER_NOT_OWNER = 14023
    SESSIONKEY_NOT_FOUND = 14026
    SESSIONKEY_EXPIRED = 14030
    UNAUTHORIZED_KEY_SCOPE = 14031
    RESTRICTED_REGION = 16000

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "RpcErrorCode | None":
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = "UNRECOGNIZED"
        member._value_ = value
        return member

    @property
    def is_recognized(self) -> bool:
        """False for a value the spec does not list (an UNRECOGNIZED pseudo-member)."""
        return self._value_ in type(self)._value2member_map_
