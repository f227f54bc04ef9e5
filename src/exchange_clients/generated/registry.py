"""
The registry of exchanges (specs/exchanges.toml), written out for type checkers by `nox -s generate`; never edit.

It holds the `Exchange` enum, `RawOrder` and the overloads that make `connect` and `connect_async` typed per exchange:
the exchange's own credentials class, and `client.generated` as that exchange's generated client.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, overload

if TYPE_CHECKING:
    from typing_extensions import Unpack

    import exchange_clients.generated.derive.models
    import exchange_clients.generated.digifinex.models
    import exchange_clients.generated.gemini.models
    import exchange_clients.generated.kraken_futures.models
    import exchange_clients.generated.streams.digifinex
    import exchange_clients.generated.streams.gemini
    import exchange_clients.generated.streams.kraken_futures
    from exchange_clients._unified import AsyncClient, Client, ConnectOptions
    from exchange_clients.derive import DeriveCredentials
    from exchange_clients.digifinex import DigiFinexCredentials
    from exchange_clients.gemini import GeminiCredentials
    from exchange_clients.kraken_futures import KrakenFuturesCredentials


class Exchange(StrEnum):
    """The exchanges this package reads orders from; the values are the subpackage names."""

    GEMINI = "gemini"
    KRAKEN_FUTURES = "kraken_futures"
    DIGIFINEX = "digifinex"
    DERIVE = "derive"

    @property
    def display_name(self) -> str:
        """The exchange's own spelling, for messages and tables."""
        return DISPLAY_NAMES[self]


DISPLAY_NAMES: dict[Exchange, str] = {
    Exchange.GEMINI: "Gemini",
    Exchange.KRAKEN_FUTURES: "Kraken Futures",
    Exchange.DIGIFINEX: "DigiFinex",
    Exchange.DERIVE: "Derive",
}
"""Each exchange's own spelling."""

RAW_ORDER_MODELS: dict[Exchange, tuple[tuple[str, str], ...]] = {
    Exchange.GEMINI: (
        ("exchange_clients.generated.gemini.models", "Order"),
        ("exchange_clients.generated.streams.gemini", "OrderUpdate"),
    ),
    Exchange.KRAKEN_FUTURES: (
        ("exchange_clients.generated.kraken_futures.models", "OrderStatusDetailsJson"),
        ("exchange_clients.generated.streams.kraken_futures", "ExecutionReport"),
    ),
    Exchange.DIGIFINEX: (
        ("exchange_clients.generated.digifinex.models", "Order"),
        ("exchange_clients.generated.streams.digifinex", "OrderUpdateItem"),
    ),
    Exchange.DERIVE: (("exchange_clients.generated.derive.models", "Order"),),
}
"""Where each exchange's raw order models live, (module, class): its REST answer's, and its stream message's."""

STATUS_ENUMS: dict[Exchange, str] = {
    Exchange.KRAKEN_FUTURES: "OrderStatusJson",
    Exchange.DIGIFINEX: "OrderStatus",
    Exchange.DERIVE: "OrderStatus",
}
"""The spec schema of each exchange's order-status enum, which exchange_clients.<exchange>._status.STATUS_TABLE maps."""

SECRET_HEADERS: frozenset[str] = frozenset(
    {
        "access-key",
        "access-sign",
        "api-key",
        "api-sign",
        "apikey",
        "authent",
        "x-derivesignature",
        "x-gemini-apikey",
        "x-gemini-payload",
        "x-gemini-signature",
        "x-lyrasignature",
    }
)
"""Every exchange's request headers that carry a credential or a signature (lowercase)."""

if TYPE_CHECKING:
    RawOrder: TypeAlias = (
        exchange_clients.generated.gemini.models.Order
        | exchange_clients.generated.kraken_futures.models.OrderStatusDetailsJson
        | exchange_clients.generated.digifinex.models.Order
        | exchange_clients.generated.derive.models.Order
        | exchange_clients.generated.streams.gemini.OrderUpdate
        | exchange_clients.generated.streams.kraken_futures.ExecutionReport
        | exchange_clients.generated.streams.digifinex.OrderUpdateItem
    )
    """The generated model an `Order` was made from: narrow it with `isinstance` to read exchange-specific fields."""

    AnyCredentials: TypeAlias = GeminiCredentials | KrakenFuturesCredentials | DigiFinexCredentials | DeriveCredentials
    """Credentials of any exchange."""


@overload
def connect(
    exchange: Literal["gemini", Exchange.GEMINI],
    credentials: GeminiCredentials | None = None,
    **options: Unpack[ConnectOptions],
) -> Client[exchange_clients.generated.gemini.AuthenticatedClient]: ...


@overload
def connect(
    exchange: Literal["kraken_futures", Exchange.KRAKEN_FUTURES],
    credentials: KrakenFuturesCredentials | None = None,
    **options: Unpack[ConnectOptions],
) -> Client[exchange_clients.generated.kraken_futures.AuthenticatedClient]: ...


@overload
def connect(
    exchange: Literal["digifinex", Exchange.DIGIFINEX],
    credentials: DigiFinexCredentials | None = None,
    **options: Unpack[ConnectOptions],
) -> Client[exchange_clients.generated.digifinex.AuthenticatedClient]: ...


@overload
def connect(
    exchange: Literal["derive", Exchange.DERIVE],
    credentials: DeriveCredentials | None = None,
    **options: Unpack[ConnectOptions],
) -> Client[exchange_clients.generated.derive.AuthenticatedClient]: ...


@overload
def connect(
    exchange: Exchange,
    credentials: AnyCredentials | None = None,
    **options: Unpack[ConnectOptions],
) -> Client[Any]: ...


def connect(
    exchange: Exchange | str, credentials: object | None = None, **options: Unpack[ConnectOptions]
) -> Client[Any]:
    """A synchronous client for `exchange`; credentials from the environment when not given.

    `environment` picks the exchange's URL (see each module's ENVIRONMENTS); `base_url` overrides it (plain
    http only to loopback, and never through a proxy). `timeout=T` in seconds bounds each whole attempt, whatever
    the server does (default: 10 s); no call lasts longer than `retry_deadline` + T. An answer larger than
    `max_response_bytes` once decoded (default 32 MiB) is abandoned while it streams: UnexpectedResponseError, not
    retried. Idempotent reads failing with a 429, a 5xx or a lost connection are retried up to `max_retries` times
    (default 3) within `retry_deadline` seconds (default 30; 0 retries turns it off). `nonce_store` (a
    SharedNonceStore) keeps Gemini and Kraken nonces in order across processes sharing a key. `httpx_args` go to
    httpx.Client (transport, proxies, limits).
    """
    from exchange_clients._unified import open_client  # noqa: PLC0415 - the clients load on first use

    return open_client(exchange, credentials, **options)


@overload
def connect_async(
    exchange: Literal["gemini", Exchange.GEMINI],
    credentials: GeminiCredentials | None = None,
    **options: Unpack[ConnectOptions],
) -> AsyncClient[exchange_clients.generated.gemini.AuthenticatedClient]: ...


@overload
def connect_async(
    exchange: Literal["kraken_futures", Exchange.KRAKEN_FUTURES],
    credentials: KrakenFuturesCredentials | None = None,
    **options: Unpack[ConnectOptions],
) -> AsyncClient[exchange_clients.generated.kraken_futures.AuthenticatedClient]: ...


@overload
def connect_async(
    exchange: Literal["digifinex", Exchange.DIGIFINEX],
    credentials: DigiFinexCredentials | None = None,
    **options: Unpack[ConnectOptions],
) -> AsyncClient[exchange_clients.generated.digifinex.AuthenticatedClient]: ...


@overload
def connect_async(
    exchange: Literal["derive", Exchange.DERIVE],
    credentials: DeriveCredentials | None = None,
    **options: Unpack[ConnectOptions],
) -> AsyncClient[exchange_clients.generated.derive.AuthenticatedClient]: ...


@overload
def connect_async(
    exchange: Exchange,
    credentials: AnyCredentials | None = None,
    **options: Unpack[ConnectOptions],
) -> AsyncClient[Any]: ...


def connect_async(
    exchange: Exchange | str, credentials: object | None = None, **options: Unpack[ConnectOptions]
) -> AsyncClient[Any]:
    """An asyncio client for `exchange`: the same options and methods as `connect`, awaitable."""
    from exchange_clients._unified import open_async_client  # noqa: PLC0415 - the clients load on first use

    return open_async_client(exchange, credentials, **options)
