"""
The `exchange-clients` commands.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import click
import httpx

from exchange_clients import __version__
from exchange_clients._credentials import MissingCredentialsError
from exchange_clients._errors import ExchangeError
from exchange_clients._exchanges import BINDINGS
from exchange_clients._http import InsecureBaseURLError
from exchange_clients._order import Exchange, Order
from exchange_clients._redact import redact_text
from exchange_clients._unified import Client, FoundOrders
from exchange_clients._watch import StreamNotice
from exchange_clients.cli._exit_codes import ConfigurationError, ExitCode, exit_code_for
from exchange_clients.cli._progress import PROGRESS_FROM, progress_bar
from exchange_clients.cli._render import order_as_json, order_line, orders_json, print_table
from exchange_clients.generated.registry import connect, connect_async


if TYPE_CHECKING:
    from exchange_clients.generated.registry import AnyCredentials


T = TypeVar("T")

_EXCHANGE = click.Choice([exchange.value for exchange in Exchange])


_HELP = f"""Read order status on {", ".join(exchange.display_name for exchange in Exchange)}.

    Credentials come from the environment (GEMINI_API_KEY, KRAKEN_FUTURES_API_KEY, ...: each exchange's
    credentials class names its variables: docs/guide/credentials.md). Exit codes: 0 ok, 1 unexpected answer, 2 usage,
    3 credentials or permission, 4 order not found, 5 exchange unavailable, throttling or unreachable.
    """


def _environments_help() -> str:
    """Every exchange's environments, from its binding: "production, sandbox (Gemini), demo (Kraken Futures), ..."."""
    shared = set.intersection(*(set(binding.environments) for binding in BINDINGS.values()))
    own = [
        f"{environment} ({exchange.display_name})"
        for exchange, binding in BINDINGS.items()
        for environment in binding.environments
        if environment not in shared
    ]
    return ", ".join([*sorted(shared), *own])


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, help=_HELP)
@click.version_option(__version__, prog_name="exchange-clients")
def cli() -> None:
    """The `exchange-clients` command (its help is _HELP, which names the registered exchanges)."""


def _connection_options(command: Callable[..., T]) -> Callable[..., T]:
    command = click.option(
        "--json", "as_json", is_flag=True, help="Print JSON (amounts as exact decimal strings) instead of a table."
    )(command)
    command = click.option(
        "--base-url", default=None, help="Use this URL instead of the environment's (plain http: loopback only)."
    )(command)
    # Every exchange's live orders (watch), and Kraken Futures' open orders and, once its REST API is gone
    # (1 March 2027), its orders: all read from the exchange's stream.
    command = click.option(
        "--stream-url", default=None, help="Use this stream URL instead of the environment's (plain ws: loopback only)."
    )(command)
    command = click.option(
        "--env",
        "environment",
        default="production",
        show_default=True,
        help=f"The exchange's environment: {_environments_help()}.",
    )(command)
    return click.argument("exchange", type=_EXCHANGE)(command)


@cli.command()
@_connection_options
@click.argument("order_ids", nargs=-1, required=True)
@click.option("--market", default=None, help="DigiFinex: spot (default) or margin.")
@click.option("--subaccount-id", type=int, default=None, help="Derive: the subaccount (default DERIVE_SUBACCOUNT_ID).")
@click.option(
    "--progress/--no-progress",
    default=None,
    help=f"A progress bar on stderr (default: for more than {PROGRESS_FROM} ids, when stderr is a terminal).",
)
def order(
    *,
    exchange: str,
    order_ids: tuple[str, ...],
    environment: str,
    base_url: str | None,
    stream_url: str | None,
    as_json: bool,
    market: str | None,
    subaccount_id: int | None,
    progress: bool | None,
) -> None:
    """Show the orders ORDER_IDS on EXCHANGE: every one found, then the ids that were not, on stderr."""
    with (
        _reported_errors(),
        _client(exchange, environment, base_url, stream_url) as client,
        progress_bar(len(order_ids), shown=progress) as advance,
    ):
        result = client.find_orders(list(order_ids), market=market, subaccount_id=subaccount_id, progress=advance)
    _show(list(result.found), as_json=as_json)
    _report_the_rest(Exchange(exchange), result)


def _report_the_rest(exchange: Exchange, result: FoundOrders) -> None:
    """One line on stderr for the ids not found and one per failed id; the exit code of the worst of them."""
    if result.missing:
        click.echo(
            f"error: no {exchange.display_name} order {', '.join(result.missing)}: {result.why_missing}", err=True
        )
    for order_id, error in result.failed.items():
        click.echo(f"error: {order_id}: {error}", err=True)
    if result.failed:
        sys.exit(exit_code_for(next(iter(result.failed.values()))))
    if result.missing:
        sys.exit(ExitCode.NOT_FOUND)


@cli.command(name="open-orders")
@_connection_options
@click.option("--market", default=None, help="DigiFinex: spot (default) or margin.")
@click.option("--subaccount-id", type=int, default=None, help="Derive: the subaccount (default DERIVE_SUBACCOUNT_ID).")
def open_orders(
    *,
    exchange: str,
    environment: str,
    base_url: str | None,
    stream_url: str | None,
    as_json: bool,
    market: str | None,
    subaccount_id: int | None,
) -> None:
    """Show every open order on EXCHANGE (Kraken Futures: from its Unified WebSocket, with KRAKEN_API_KEY)."""
    with _reported_errors(), _client(exchange, environment, base_url, stream_url) as client:
        orders = client.list_open_orders(market=market, subaccount_id=subaccount_id)
    _show(orders, as_json=as_json)


@cli.command()
@_connection_options
@click.option("--symbols", default=None, help="DigiFinex: the markets to follow, comma-separated (BTC_USDT,ETH_USDT).")
@click.option("--subaccount-id", type=int, default=None, help="Derive: the subaccount (default DERIVE_SUBACCOUNT_ID).")
@click.option(
    "--count", type=click.IntRange(min=1), default=None, help="Stop after this many updates (default: never)."
)
def watch(
    *,
    exchange: str,
    environment: str,
    base_url: str | None,
    as_json: bool,
    stream_url: str | None,
    symbols: str | None,
    subaccount_id: int | None,
    count: int | None,
) -> None:
    """Print every change of the account's orders on EXCHANGE as it happens, until Ctrl-C (or --count updates).

    One line per update: a table row, or with --json one JSON object per line. Connection events go to stderr.
    """
    markets = [symbol.strip() for symbol in symbols.split(",") if symbol.strip()] if symbols is not None else None

    def tell(notice: StreamNotice) -> None:
        click.echo(
            f"{notice.kind}: {notice.detail}" + (f" ({', '.join(notice.order_ids)})" if notice.order_ids else ""),
            err=True,
        )

    async def follow() -> None:
        kind, credentials = _checked_settings(exchange, environment, base_url)
        async with connect_async(
            kind, credentials, environment=environment, base_url=base_url, stream_url=stream_url
        ) as client:
            stream = client.watch_orders(subaccount_id=subaccount_id, symbols=markets, on_notice=tell)
            seen = 0
            async for order in stream:
                click.echo(json.dumps(order_as_json(order)) if as_json else order_line(order))
                seen += 1
                if count is not None and seen >= count:
                    break
            await stream.aclose()

    with _reported_errors(), contextlib.suppress(KeyboardInterrupt):
        asyncio.run(follow())


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="The loopback address to listen on.")
@click.option(
    "--port", type=int, default=None, help="First of consecutive ports, one per exchange (default: free ports)."
)
def simulate(*, host: str, port: int | None) -> None:
    """Run the simulated exchanges on loopback until Ctrl-C, printing their URLs and fake credentials."""
    from exchange_clients.simulator import main  # noqa: PLC0415 - needs the simulator extra

    argv = ["--host", host] + ([] if port is None else ["--port", str(port)])
    sys.exit(main(argv))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
def demo(*, as_json: bool) -> None:
    """Start the simulator and read orders in every status from every exchange through the real clients."""
    from exchange_clients.cli._demo import run_demo  # noqa: PLC0415 - needs the simulator extra

    with _reported_errors():
        run_demo(as_json=as_json)


def _client(exchange: str, environment: str, base_url: str | None, stream_url: str | None) -> Client[Any]:
    """A client for the command's options, each setting checked first: a mistake raises ConfigurationError."""
    kind, credentials = _checked_settings(exchange, environment, base_url)
    # The URL's scheme is left to connect(), whose InsecureBaseURLError states the rule (https, or http to loopback).
    return connect(kind, credentials, environment=environment, base_url=base_url, stream_url=stream_url)


def _checked_settings(exchange: str, environment: str, base_url: str | None) -> tuple[Exchange, Any]:
    """The exchange and its credentials from the environment, once `--env` and `--base-url` are checked."""
    kind = Exchange(exchange)
    _check_environment(kind, environment)
    if base_url is not None:
        _check_base_url(base_url)
    return kind, _credentials_from_environment(kind)


def _check_environment(exchange: Exchange, environment: str) -> None:
    # connect() refuses an unknown name with a plain ValueError, which a bug may raise too: checked here instead.
    environments = BINDINGS[exchange].environments
    if environment not in environments:
        message = (
            f"--env: {exchange.display_name} has no environment {environment!r}; "
            f"choose one of {', '.join(sorted(environments))}"
        )
        raise ConfigurationError(message, ExitCode.USAGE)


_HIGHEST_PORT = 65535


def _check_base_url(base_url: str) -> None:
    # A URL httpx cannot parse raises httpx.InvalidURL deep in connect(); one without a host, or with a port no
    # socket has, parses, and would be retried against the network for seconds before failing as "unavailable".
    try:
        url = httpx.URL(base_url)
    except httpx.InvalidURL as error:
        message = f"--base-url {base_url!r} is not a URL: {error}"
        raise ConfigurationError(message, ExitCode.USAGE) from error
    if not url.host:
        message = f"--base-url {base_url!r} has no host: write it as https://host[:port][/path]"
        raise ConfigurationError(message, ExitCode.USAGE)
    if url.port is not None and not 0 < url.port <= _HIGHEST_PORT:
        message = f"--base-url {base_url!r} has port {url.port}, not one of 1 to {_HIGHEST_PORT}"
        raise ConfigurationError(message, ExitCode.USAGE)


def _credentials_from_environment(exchange: Exchange) -> AnyCredentials:
    """The exchange's credentials from the environment; ConfigurationError (exit 3) for a value they cannot use."""
    # from_env raises ValueError for a variable's value it refuses (a Kraken secret that is not base64, a
    # DERIVE_SUBACCOUNT_ID that is not a number), and check_credentials for a key that cannot sign; nothing else they
    # do raises one. MissingCredentialsError (no variable at all) goes on to _reported_errors as it is.
    binding = BINDINGS[exchange]
    try:
        credentials: AnyCredentials = binding.credentials_type.from_env()
        binding.check_credentials(credentials)
    except ValueError as error:
        # The checks name the variable and never quote its value; redacted all the same, for anything signature-shaped.
        raise _unusable(exchange, redact_text(str(error))) from error
    return credentials


def _unusable(exchange: Exchange, reason: str) -> ConfigurationError:
    message = f"{exchange.display_name} credentials in the environment are unusable: {reason}"
    return ConfigurationError(message, ExitCode.AUTH)


def _show(orders: list[Order], *, as_json: bool) -> None:
    if as_json:
        click.echo(orders_json(orders))
    else:
        print_table(orders)


@contextmanager
def _reported_errors() -> Iterator[None]:
    """Turn a refusal or a configuration mistake into one line on stderr and its exit code; a traceback is for bugs."""
    try:
        yield
    except (ExchangeError, MissingCredentialsError, InsecureBaseURLError, ConfigurationError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(exit_code_for(error))
