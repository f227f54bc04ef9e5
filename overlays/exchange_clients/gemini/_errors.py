"""
Gemini's error reasons and the error class each one raises.
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
        "InvalidSignature": AuthenticationError,
        "MissingApikeyHeader": AuthenticationError,
        "MissingPayloadHeader": AuthenticationError,
        "MissingSignatureHeader": AuthenticationError,
        "InvalidNonce": NonceError,
        "MissingNonce": NonceError,
        "InvalidTimestampInPayload": NonceError,
        "MissingRole": PermissionDeniedError,
        "RemoteAddressForbidden": PermissionDeniedError,
        # Gemini refuses plain HTTP outright; only a misconfigured proxy could cause it.
        "NoSSL": PermissionDeniedError,
        "OrderNotFound": OrderNotFoundError,
        "RateLimit": RateLimitError,
        "Maintenance": ExchangeUnavailableError,
        "System": ExchangeUnavailableError,
        # The rest describe a malformed request; for a read, that means a bad id or a client bug.
        "EndpointMismatch": InvalidRequestError,
        "EndpointNotFound": InvalidRequestError,
        "InvalidJson": InvalidRequestError,
        "MissingPayloadKey": InvalidRequestError,
        "MissingOrderField": InvalidRequestError,
        "ClientOrderIdTooLong": InvalidRequestError,
        "ClientOrderIdMustBeString": InvalidRequestError,
        "InsufficientFunds": InvalidRequestError,
    }
)
"""Every `reason` in Gemini's error-codes page (the spec's ErrorReason enum); others fall back on the HTTP status."""
