"""
Typed, exact order-status clients for Gemini, Kraken Futures, DigiFinex and Derive.

The HTTP clients are generated from OpenAPI documents into the packages `gemini_api`, `kraken_futures_api`,
`digifinex_api` and `derive_api` (shipped in the same wheel); this package is the hand-written layer over them:
signing (`gemini`, `kraken_futures`, `digifinex`, `derive`), one normalized `Order`, typed errors, and the
unified clients from `connect` and `connect_async`.
"""

from exchange_clients import derive, digifinex, gemini, kraken_futures
from exchange_clients._credentials import MissingCredentialsError
from exchange_clients._errors import (
    AuthenticationError,
    ExchangeError,
    ExchangeUnavailableError,
    InvalidRequestError,
    NonceError,
    OrderNotFoundError,
    PermissionDeniedError,
    RateLimitError,
    TransportError,
    UnexpectedResponseError,
    UnsupportedOperationError,
)
from exchange_clients._http import InsecureBaseURLError
from exchange_clients._nonce_store import SharedNonceStore
from exchange_clients._order import Exchange, Order, OrderStatus, OrderType, RawOrder, Side
from exchange_clients._unified import AsyncClient, Client, connect, connect_async


def __getattr__(name: str) -> str:
    # importlib.metadata costs ~40 ms at import; most programs never ask for the version.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("exchange-clients")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AsyncClient",
    "AuthenticationError",
    "Client",
    "Exchange",
    "ExchangeError",
    "ExchangeUnavailableError",
    "InsecureBaseURLError",
    "InvalidRequestError",
    "MissingCredentialsError",
    "NonceError",
    "Order",
    "OrderNotFoundError",
    "OrderStatus",
    "OrderType",
    "PermissionDeniedError",
    "RateLimitError",
    "RawOrder",
    "SharedNonceStore",
    "Side",
    "TransportError",
    "UnexpectedResponseError",
    "UnsupportedOperationError",
    "__version__",
    "connect",
    "connect_async",
    "derive",
    "digifinex",
    "gemini",
    "kraken_futures",
]
