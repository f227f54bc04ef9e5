"""
Derive's JSON-RPC error codes and the error class each one raises.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from exchange_clients._errors import (
    AuthenticationError,
    ExchangeError,
    ExchangeUnavailableError,
    InvalidRequestError,
    NonceError,
    OrderNotFoundError,
    PermissionDeniedError,
    RateLimitError,
)


# Codes a read can meet only as a sign that the request was not the read it seemed: order entry and RFQ rejections,
# account and asset constraints, unknown instruments, session-key registration, vaults (derive-py's
# DeriveJSONRPCErrorCode, transcribed in specs/derive/error_codes.yaml).
_REQUEST_CODES = (
    *range(10000, 10016),
    11000, 11002, 11003, 11004, 11005, *range(11007, 11017), 11019, 11020, 11021,
    *range(11050, 11056), *range(11100, 11108), *range(11200, 11204),
    12000, 12001, 12002, 12003, 13000,
    14001, 14002, 14009, 14010, 14011, *range(14016, 14020), 14022, 14024, 14028, 14034,
    18000, 18002, 18003, 18004, 18005, 18006, 18007, 19000,
)  # fmt: skip

ERROR_TABLE: Mapping[int, type[ExchangeError]] = MappingProxyType(
    {
        **dict.fromkeys(_REQUEST_CODES, InvalidRequestError),
        -32700: InvalidRequestError,
        -32600: InvalidRequestError,
        -32601: InvalidRequestError,
        -32602: InvalidRequestError,
        -32603: ExchangeUnavailableError,
        -32000: RateLimitError,
        -32100: RateLimitError,
        9000: ExchangeUnavailableError,
        9001: ExchangeUnavailableError,
        # Derive could not estimate a block: its own chain access failed, not the request.
        18001: ExchangeUnavailableError,
        11006: OrderNotFoundError,
        11017: NonceError,
        11018: NonceError,
        14015: NonceError,
        # The wallet, its signature or the session key is not what Derive accepts for this account.
        14000: AuthenticationError,
        14012: AuthenticationError,
        14013: AuthenticationError,
        14014: AuthenticationError,
        14020: AuthenticationError,
        14021: AuthenticationError,
        14023: AuthenticationError,
        14025: AuthenticationError,
        14026: AuthenticationError,
        14030: AuthenticationError,
        16100: AuthenticationError,
        # Valid credentials that may not do this: key scope, IP allow-list, region, compliance.
        14027: PermissionDeniedError,
        14029: PermissionDeniedError,
        14031: PermissionDeniedError,
        14032: PermissionDeniedError,
        14033: PermissionDeniedError,
        16000: PermissionDeniedError,
        16001: PermissionDeniedError,
    }
)
"""Every code Derive documents (specs/derive/error_codes.yaml, checked by `nox -s check_upstream`); others fall back
on the HTTP status."""
