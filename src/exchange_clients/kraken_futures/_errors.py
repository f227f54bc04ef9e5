"""
Kraken Futures' `error` values and the error class each one raises.
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


ERROR_TABLE: Mapping[str, type[ExchangeError]] = MappingProxyType(
    {
        "authenticationError": AuthenticationError,
        "nonceBelowThreshold": NonceError,
        "nonceDuplicate": NonceError,
        "apiLimitExceeded": RateLimitError,
        "accountInactive": PermissionDeniedError,
        "invalidAccount": PermissionDeniedError,
        "notFound": OrderNotFoundError,
        "marketUnavailable": ExchangeUnavailableError,
        "Server Error": ExchangeUnavailableError,
        "Unavailable": ExchangeUnavailableError,
        # Kraken's catch-all; most likely transient, and a read is safe to try again.
        "unknownError": ExchangeUnavailableError,
        "invalidArgument": InvalidRequestError,
        "requiredArgumentMissing": InvalidRequestError,
        "Json Parse Error": InvalidRequestError,
        "invalidAmount": InvalidRequestError,
        "invalidUnit": InvalidRequestError,
        "insufficientFunds": InvalidRequestError,
    }
)
"""Every value of the `Error` enum in Kraken's published spec; others fall back on the HTTP status."""
