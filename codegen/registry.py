"""
The registry of exchanges (specs/exchanges.toml), read and written out as the typed module the package imports.

A type checker cannot read a TOML file: for `connect("gemini", ...)` to be a `Client` of Gemini's generated client,
and `connect("gemini", KrakenFuturesCredentials(...))` an error, the names must be written in Python. They are
written here, from the registry, into `exchange_clients/generated/registry.py`, under the same drift gate as the
generated clients; nothing in the package spells the set of exchanges by hand.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


_NAME = re.compile(r"[a-z][a-z0-9_]*")
_CLASS = re.compile(r"[A-Z][A-Za-z0-9]*")


class RegistryError(Exception):
    """The registry names an exchange or a field the pipeline cannot use."""


@dataclass(frozen=True, slots=True)
class RegisteredExchange:
    """One entry of the registry (see specs/exchanges.toml for what each field means)."""

    name: str
    display_name: str
    credentials: str
    raw_order: str
    stream_order: str | None
    status_enum: str | None
    secret_headers: tuple[str, ...]
    documents: tuple[str, ...] = ()
    """Further OpenAPI documents the exchange's clients need (specs/<document>/), generated as their own packages."""

    @property
    def member(self) -> str:
        """The `Exchange` member's name: GEMINI, KRAKEN_FUTURES."""
        return self.name.upper()

    @property
    def generated_package(self) -> str:
        """The generated client's import name."""
        return f"exchange_clients.generated.{self.name}"


def _text(path: Path, name: str, entry: Mapping[str, object], field: str, pattern: re.Pattern[str] | None) -> str:
    value = entry.get(field)
    if not isinstance(value, str) or not value or (pattern is not None and not pattern.fullmatch(value)):
        shape = f" matching {pattern.pattern}" if pattern is not None else ""
        msg = f"{path}: [{name}] needs {field} as a non-empty string{shape}, not {value!r}"
        raise RegistryError(msg)
    return value


def read_registry(path: Path) -> tuple[RegisteredExchange, ...]:
    """Every exchange of the registry at `path`, in its order; RegistryError naming the entry and field if wrong."""
    with path.open("rb") as file:
        tables = tomllib.load(file)
    known = {"display_name", "credentials", "raw_order", "stream_order", "status_enum", "secret_headers", "documents"}
    exchanges = []
    for name, entry in tables.items():
        if not _NAME.fullmatch(name) or not isinstance(entry, dict):
            msg = f"{path}: [{name}] is not an exchange table named in lower_snake_case"
            raise RegistryError(msg)
        if unknown := sorted(entry.keys() - known):
            msg = f"{path}: [{name}] has unknown fields {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            raise RegistryError(msg)
        headers = entry.get("secret_headers", [])
        if not isinstance(headers, list) or not all(isinstance(h, str) and h == h.lower() for h in headers):
            msg = f"{path}: [{name}] secret_headers must be a list of lowercase header names"
            raise RegistryError(msg)
        documents = entry.get("documents", [])
        if not isinstance(documents, list) or not all(isinstance(d, str) and _NAME.fullmatch(d) for d in documents):
            msg = f"{path}: [{name}] documents must be a list of document names in lower_snake_case"
            raise RegistryError(msg)
        exchanges.append(
            RegisteredExchange(
                name=name,
                display_name=_text(path, name, entry, "display_name", None),
                credentials=_text(path, name, entry, "credentials", _CLASS),
                raw_order=_text(path, name, entry, "raw_order", _CLASS),
                stream_order=_text(path, name, entry, "stream_order", _CLASS) if "stream_order" in entry else None,
                status_enum=_text(path, name, entry, "status_enum", _CLASS) if "status_enum" in entry else None,
                secret_headers=tuple(headers),
                documents=tuple(documents),
            )
        )
    if not exchanges:
        msg = f"{path} names no exchange"
        raise RegistryError(msg)
    return tuple(exchanges)


_PACKAGE_INIT = '''"""
The generated clients, one subpackage per exchange of the registry, and the registry written out for type checkers.

Everything in this package is written by `nox -s generate` from specs/; never edit it (`nox -s check_generated`
fails on any difference).
"""
'''

_HEADER = '''"""
The registry of exchanges (specs/exchanges.toml), written out for type checkers by `nox -s generate`; never edit.

It holds the `Exchange` enum, `RawOrder` and the overloads that make `connect` and `connect_async` typed per exchange:
the exchange's own credentials class, and `client.generated` as that exchange's generated client.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, overload


if TYPE_CHECKING:
    from typing_extensions import Unpack

{imports}
    from exchange_clients._unified import AsyncClient, Client, ConnectOptions


class Exchange(StrEnum):
    """The exchanges this package reads orders from; the values are the subpackage names."""

{members}

    @property
    def display_name(self) -> str:
        """The exchange's own spelling, for messages and tables."""
        return DISPLAY_NAMES[self]


DISPLAY_NAMES: dict[Exchange, str] = {{
{display_names}
}}
"""Each exchange's own spelling."""

RAW_ORDER_MODELS: dict[Exchange, tuple[tuple[str, str], ...]] = {{
{raw_order_models}
}}
"""Where each exchange's raw order models live, (module, class): its REST answer's, and its stream message's."""

STATUS_ENUMS: dict[Exchange, str] = {{
{status_enums}
}}
"""The spec schema of each exchange's order-status enum, which exchange_clients.<exchange>._status.STATUS_TABLE maps."""

SECRET_HEADERS: frozenset[str] = frozenset(
    {{
{secret_headers}
    }}
)
"""Every exchange's request headers that carry a credential or a signature (lowercase)."""

if TYPE_CHECKING:
    RawOrder: TypeAlias = {raw_order_union}
    """The generated model an `Order` was made from: narrow it with `isinstance` to read exchange-specific fields."""

    AnyCredentials: TypeAlias = {credentials_union}
    """Credentials of any exchange."""

'''

_CONNECT = '''
def {function}(
    exchange: Exchange | str, credentials: object | None = None, **options: Unpack[ConnectOptions]
) -> {client}[Any]:
    """{doc}"""
    from exchange_clients._unified import {implementation}  # noqa: PLC0415 - the clients load on first use

    return {implementation}(exchange, credentials, **options)
'''

_OVERLOAD = """
@overload
def {function}(
    exchange: {exchange_type},
    credentials: {credentials} | None = None,
    **options: Unpack[ConnectOptions],
) -> {client}[{generated}]: ...
"""

_CONNECT_DOC = """A synchronous client for `exchange`; credentials from the environment when not given.

    `environment` picks the exchange's URL (see each module's ENVIRONMENTS); `base_url` overrides it (plain
    http only to loopback, and never through a proxy). `timeout=T` in seconds bounds each whole attempt, whatever
    the server does (default: 10 s); no call lasts longer than `retry_deadline` + T. An answer larger than
    `max_response_bytes` once decoded (default 32 MiB) is abandoned while it streams: UnexpectedResponseError, not
    retried. Idempotent reads failing with a 429, a 5xx or a lost connection are retried up to `max_retries` times
    (default 3) within `retry_deadline` seconds (default 30; 0 retries turns it off). `nonce_store` (a
    SharedNonceStore) keeps Gemini and Kraken nonces in order across processes sharing a key. `httpx_args` go to
    httpx.Client (transport, proxies, limits).
    """

_CONNECT_ASYNC_DOC = "An asyncio client for `exchange`: the same options and methods as `connect`, awaitable."


def _connect(
    function: str, client: str, implementation: str, doc: str, exchanges: tuple[RegisteredExchange, ...]
) -> str:
    overloads = [
        _OVERLOAD.format(
            function=function,
            exchange_type=f'Literal["{exchange.name}", Exchange.{exchange.member}]',
            credentials=exchange.credentials,
            client=client,
            generated=f"{exchange.generated_package}.AuthenticatedClient",
        )
        for exchange in exchanges
    ]
    overloads.append(
        _OVERLOAD.format(
            function=function, exchange_type="Exchange", credentials="AnyCredentials", client=client, generated="Any"
        )
    )
    body = _CONNECT.format(function=function, client=client, implementation=implementation, doc=doc)
    return "".join(overloads) + body


_STREAMS_INIT = '''"""
The stream message models: one module per exchange with an AsyncAPI document (specs/<exchange>/asyncapi.yaml).

Written by `nox -s generate` with datamodel-code-generator; never edit.
"""
'''


def render_streams_init() -> str:
    """exchange_clients/generated/streams/__init__.py."""
    return _STREAMS_INIT


def _raw_models(exchange: RegisteredExchange) -> tuple[tuple[str, str], ...]:
    models = [(f"{exchange.generated_package}.models", exchange.raw_order)]
    if exchange.stream_order:
        models.append((f"exchange_clients.generated.streams.{exchange.name}", exchange.stream_order))
    return tuple(models)


def render_package_init() -> str:
    """exchange_clients/generated/__init__.py."""
    return _PACKAGE_INIT


def render_registry(exchanges: tuple[RegisteredExchange, ...]) -> str:
    """exchange_clients/generated/registry.py, before formatting."""
    imports = [f"    import {exchange.generated_package}.models" for exchange in exchanges]
    imports += [f"    import exchange_clients.generated.streams.{e.name}" for e in exchanges if e.stream_order]
    imports += [f"    from exchange_clients.{exchange.name} import {exchange.credentials}" for exchange in exchanges]
    headers = sorted({header for exchange in exchanges for header in exchange.secret_headers})
    text = _HEADER.format(
        imports="\n".join(sorted(imports)),
        members="\n".join(f'    {exchange.member} = "{exchange.name}"' for exchange in exchanges),
        display_names="\n".join(f"    Exchange.{e.member}: {e.display_name!r}," for e in exchanges),
        raw_order_models="\n".join(f"    Exchange.{e.member}: {_raw_models(e)!r}," for e in exchanges),
        status_enums="\n".join(f'    Exchange.{e.member}: "{e.status_enum}",' for e in exchanges if e.status_enum),
        secret_headers="\n".join(f'        "{header}",' for header in headers),
        raw_order_union=" | ".join(
            [
                *(f"{e.generated_package}.models.{e.raw_order}" for e in exchanges),
                *(f"exchange_clients.generated.streams.{e.name}.{e.stream_order}" for e in exchanges if e.stream_order),
            ]
        ),
        credentials_union=" | ".join(exchange.credentials for exchange in exchanges),
    )
    text += _connect("connect", "Client", "open_client", _CONNECT_DOC, exchanges)
    text += "\n" + _connect("connect_async", "AsyncClient", "open_async_client", _CONNECT_ASYNC_DOC, exchanges)
    return text
