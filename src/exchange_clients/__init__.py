"""
Typed, exact order-status clients for Gemini, Kraken Futures, DigiFinex and Derive.

The HTTP clients are generated from OpenAPI documents into `exchange_clients.generated.<exchange>`; the rest of
this package is the hand-written layer over them: per exchange (`exchange_clients.gemini`, ...) signing and
normalization, and for all of them one normalized `Order`, typed errors, and the unified clients from `connect`
and `connect_async`.
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
    from exchange_clients._http import InsecureBaseURLError
    from exchange_clients._unified import AsyncClient, Client, FoundOrders, Progress
    from exchange_clients._watch import StreamNotice
    from exchange_clients.generated.registry import RawOrder, connect, connect_async

# Imported on first use (PEP 562): the clients bring httpx, the generated packages and the signers, about two
# thirds of the import time, and a program that only handles Orders and errors needs none of them. Each exchange's
# subpackage (`exchange_clients.gemini`, ...) loads the same way, named by the Exchange enum.
_LAZY = {
    "InsecureBaseURLError": ("exchange_clients._http", "InsecureBaseURLError"),
    "RawOrder": ("exchange_clients._order", "RawOrder"),
    "AsyncClient": ("exchange_clients._unified", "AsyncClient"),
    "Client": ("exchange_clients._unified", "Client"),
    "FoundOrders": ("exchange_clients._unified", "FoundOrders"),
    "Progress": ("exchange_clients._unified", "Progress"),
    "StreamNotice": ("exchange_clients._watch", "StreamNotice"),
    "connect": ("exchange_clients.generated.registry", "connect"),
    "connect_async": ("exchange_clients.generated.registry", "connect_async"),
}
_SUBPACKAGES = frozenset(exchange.value for exchange in Exchange)


def __getattr__(name: str) -> Any:
    if name in _LAZY or name in _SUBPACKAGES:
        import importlib  # noqa: PLC0415

        module_name, attribute = _LAZY.get(name, (f"exchange_clients.{name}", None))
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
    return sorted({*globals(), *_LAZY, *_SUBPACKAGES, "__version__"})


__all__ = [
    "AsyncClient",
    "AuthenticationError",
    "Client",
    "Exchange",
    "ExchangeError",
    "ExchangeUnavailableError",
    "FoundOrders",
    "InsecureBaseURLError",
    "InvalidRequestError",
    "MissingCredentialsError",
    "NonceError",
    "Order",
    "OrderNotFoundError",
    "OrderStatus",
    "OrderType",
    "PermissionDeniedError",
    "Progress",
    "RateLimitError",
    "RawOrder",
    "SharedNonceStore",
    "Side",
    "StreamNotice",
    "TransportError",
    "UnexpectedResponseError",
    "UnsupportedOperationError",
    "__version__",
    "connect",
    "connect_async",
]
# And each exchange's subpackage (exchange_clients.gemini, ...), named by the registry.
__all__ += [exchange.value for exchange in Exchange]
