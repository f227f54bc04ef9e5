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
        "ApiKeyIpFilteringFailure": PermissionDeniedError,
        # Gemini's conformance fixtures (terms-required-400-*): the account must accept Gemini's terms first.
        "AcceptTermsRequired": PermissionDeniedError,
        "MustAccepTerms": PermissionDeniedError,
        # Gemini refuses plain HTTP outright; only a misconfigured proxy could cause it.
        "NoSSL": PermissionDeniedError,
        "OrderNotFound": OrderNotFoundError,
        "RateLimit": RateLimitError,
        # The reasons of the 429 and 500 examples in Gemini's published document, spaces included.
        "Too Many Requests": RateLimitError,
        "Maintenance": ExchangeUnavailableError,
        "System": ExchangeUnavailableError,
        "Internal Server Error": ExchangeUnavailableError,
        # The rest describe a malformed request; for a read, that means a bad id or a client bug.
        "EndpointMismatch": InvalidRequestError,
        "EndpointNotFound": InvalidRequestError,
        "InvalidJson": InvalidRequestError,
        "MissingPayloadKey": InvalidRequestError,
        "MissingOrderField": InvalidRequestError,
        "ClientOrderIdTooLong": InvalidRequestError,
        "ClientOrderIdMustBeString": InvalidRequestError,
        "InsufficientFunds": InvalidRequestError,
        # Gemini's conformance fixture market-closed-400; an order can be read while its market is closed, so
        # this answer means the request was not the read it seemed.
        "MarketClosed": InvalidRequestError,
    }
)
"""Every reason in Gemini's error-codes page, published document and conformance fixtures.

Other reasons fall back on the HTTP status."""
