"""
The `exchange-clients` commands.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import click

from exchange_clients import __version__
from exchange_clients._credentials import MissingCredentialsError
from exchange_clients._errors import ExchangeError
from exchange_clients._http import InsecureBaseURLError
from exchange_clients._order import Exchange, Order
from exchange_clients._unified import Client, connect
from exchange_clients.cli._exit_codes import exit_code_for
from exchange_clients.cli._render import orders_json, print_table


T = TypeVar("T")

_EXCHANGE = click.Choice([exchange.value for exchange in Exchange])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="exchange-clients")
def cli() -> None:
    """Read order status on Gemini, Kraken Futures, DigiFinex and Derive.

    Credentials come from the environment (GEMINI_API_KEY, KRAKEN_FUTURES_API_KEY, DIGIFINEX_API_KEY,
    DERIVE_WALLET, ...: see the README). Exit codes: 0 ok, 1 unexpected answer, 2 usage, 3 credentials
    or permission, 4 order not found, 5 exchange unavailable, throttling or unreachable.
    """


def _connection_options(command: Callable[..., T]) -> Callable[..., T]:
    command = click.option(
        "--json", "as_json", is_flag=True, help="Print JSON (amounts as exact decimal strings) instead of a table."
    )(command)
    command = click.option(
        "--base-url", default=None, help="Use this URL instead of the environment's (plain http: loopback only)."
    )(command)
    command = click.option(
        "--env",
        "environment",
        default="production",
        show_default=True,
        help="The exchange's environment: production, sandbox (Gemini), demo (Kraken), testnet, lyra, lyra-demo.",
    )(command)
    return click.argument("exchange", type=_EXCHANGE)(command)


@cli.command()
@_connection_options
@click.argument("order_ids", nargs=-1, required=True)
@click.option("--market", default=None, help="DigiFinex: spot (default) or margin.")
@click.option("--subaccount-id", type=int, default=None, help="Derive: the subaccount (default DERIVE_SUBACCOUNT_ID).")
def order(
    *,
    exchange: str,
    order_ids: tuple[str, ...],
    environment: str,
    base_url: str | None,
    as_json: bool,
    market: str | None,
    subaccount_id: int | None,
) -> None:
    """Show the orders ORDER_IDS on EXCHANGE."""
    with _reported_errors(), _client(exchange, environment, base_url) as client:
        orders = client.get_orders(list(order_ids), market=market, subaccount_id=subaccount_id)
    _show(orders, as_json=as_json)


@cli.command(name="open-orders")
@_connection_options
def open_orders(*, exchange: str, environment: str, base_url: str | None, as_json: bool) -> None:
    """Show every open order on EXCHANGE (Gemini; the others have no such endpoint in their spec)."""
    with _reported_errors(), _client(exchange, environment, base_url) as client:
        orders = client.list_open_orders()
    _show(orders, as_json=as_json)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="The loopback address to listen on.")
@click.option("--port", type=int, default=None, help="First of four consecutive ports (default: four free ports).")
def simulate(*, host: str, port: int | None) -> None:
    """Run the simulated exchanges on loopback until Ctrl-C, printing their URLs and fake credentials."""
    from exchange_clients.simulator import main  # noqa: PLC0415 - needs the simulator extra

    argv = ["--host", host] + ([] if port is None else ["--port", str(port)])
    sys.exit(main(argv))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
def demo(*, as_json: bool) -> None:
    """Start the simulator and read orders in every status from all four exchanges through the real clients."""
    from exchange_clients.cli._demo import run_demo  # noqa: PLC0415 - needs the simulator extra

    with _reported_errors():
        run_demo(as_json=as_json)


def _client(exchange: str, environment: str, base_url: str | None) -> Client:
    return connect(exchange, environment=environment, base_url=base_url)


def _show(orders: list[Order], *, as_json: bool) -> None:
    if as_json:
        click.echo(orders_json(orders))
    else:
        print_table(orders)


@contextmanager
def _reported_errors() -> Iterator[None]:
    """Turn a refusal into one line on stderr and its exit code; a traceback is for bugs only."""
    try:
        yield
    except (ExchangeError, MissingCredentialsError, InsecureBaseURLError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(exit_code_for(error))
