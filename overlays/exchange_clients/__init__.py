"""
Typed, exact order-status clients for Gemini, Kraken Futures, DigiFinex and Derive.

The HTTP clients are generated from OpenAPI documents into the packages `gemini_api`, `kraken_futures_api`,
`digifinex_api` and `derive_api` (shipped in the same wheel); this package is the hand-written layer over them:
signing (`gemini`, `kraken_futures`, `digifinex`, `derive`), one normalized `Order`, typed errors, and the
unified clients from `connect` and `connect_async`.
"""

from typing import TYPE_CHECKING, Any

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
from exchange_clients._nonce_store import SharedNonceStore
from exchange_clients._order import Exchange, Order, OrderStatus, OrderType, Side


if TYPE_CHECKING:
    from exchange_clients import derive, digifinex, gemini, kraken_futures
    from exchange_clients._http import InsecureBaseURLError
    from exchange_clients._order import RawOrder
    from exchange_clients._unified import AsyncClient, Client, connect, connect_async

# Imported on first use (PEP 562): the clients bring httpx, the four generated packages and the signers, about
# two thirds of the import time, and a program that only handles Orders and errors needs none of them.
_LAZY = {
    "derive": ("exchange_clients.derive", None),
    "digifinex": ("exchange_clients.digifinex", None),
    "gemini": ("exchange_clients.gemini", None),
    "kraken_futures": ("exchange_clients.kraken_futures", None),
    "InsecureBaseURLError": ("exchange_clients._http", "InsecureBaseURLError"),
    "RawOrder": ("exchange_clients._order", "RawOrder"),
    "AsyncClient": ("exchange_clients._unified", "AsyncClient"),
    "Client": ("exchange_clients._unified", "Client"),
    "connect": ("exchange_clients._unified", "connect"),
    "connect_async": ("exchange_clients._unified", "connect_async"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib  # noqa: PLC0415

        module_name, attribute = _LAZY[name]
        module = importlib.import_module(module_name)
        value = module if attribute is None else getattr(module, attribute)
        globals()[name] = value
        return value
    # importlib.metadata costs ~40 ms at import; most programs never ask for the version.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("exchange-clients")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, "__version__"})


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
