"""
DigiFinex's error codes and the error class each one raises.
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


_AUTHENTICATION = dict.fromkeys((10002, 10003, 10011), AuthenticationError)
_PERMISSION = dict.fromkeys((10006, 10007, 20018, 20020, 20027, 20042), PermissionDeniedError)
# Codes of endpoints other than order status (orders, transfers, withdrawals): for a read they can only mean the
# request was wrong, so they are InvalidRequestError rather than unknown.
_INVALID_REQUEST = dict.fromkeys(
    (
        10001,
        10004,
        10009,
        20002,
        *range(20007, 20013),
        20014,
        20015,
        20019,
        *range(20021, 20027),
        20028,
        20029,
        20030,
        *range(20032, 20042),
    ),
    InvalidRequestError,
)

ERROR_TABLE: Mapping[int, type[ExchangeError]] = MappingProxyType(
    {
        **_AUTHENTICATION,
        **_PERMISSION,
        **_INVALID_REQUEST,
        10005: RateLimitError,
        10008: NonceError,
        20013: OrderNotFoundError,
        50000: ExchangeUnavailableError,
    }
)
"""Every non-zero `code` in DigiFinex's error table (the spec's ErrorCode enum); others fall back on HTTP status."""
