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


ERROR_TABLE: Mapping[int, type[ExchangeError]] = MappingProxyType(
    {
        -32700: InvalidRequestError,
        -32600: InvalidRequestError,
        -32601: InvalidRequestError,
        -32602: InvalidRequestError,
        -32603: ExchangeUnavailableError,
        -32000: RateLimitError,
        -32100: RateLimitError,
        9000: ExchangeUnavailableError,
        9001: ExchangeUnavailableError,
        11006: OrderNotFoundError,
        # Order-state conflicts come from cancels; for a read they mean the request was not what it seemed.
        11003: InvalidRequestError,
        11004: InvalidRequestError,
        11005: InvalidRequestError,
        11017: NonceError,
        11018: NonceError,
        14000: AuthenticationError,
        14014: AuthenticationError,
        14020: AuthenticationError,
        14021: AuthenticationError,
        14023: AuthenticationError,
        14026: AuthenticationError,
        14030: AuthenticationError,
        # The wallet is valid but the subaccount is not one of its own, or the key lacks the scope.
        14001: InvalidRequestError,
        14031: PermissionDeniedError,
        16000: PermissionDeniedError,
    }
)
"""Every code of the spec's RpcErrorCode enum (derive-py's DeriveJSONRPCErrorCode); others fall back on status."""
