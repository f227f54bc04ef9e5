"""
The `Simulator`: every registered exchange, faked on loopback, one socket each, started and stopped together.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, Self
from urllib.parse import urlsplit

from exchange_clients._exchanges import BINDINGS
from exchange_clients.generated.registry import Exchange
from exchange_clients.simulator._accounts import SimulatedAccounts
from exchange_clients.simulator._app import build_app
from exchange_clients.simulator._exchange import simulated_exchanges
from exchange_clients.simulator._faults import FaultQueue
from exchange_clients.simulator._orders import SimulatedOrder, SimulatedOrders
from exchange_clients.simulator._server import ServerThread, bind_sockets
from exchange_clients.simulator._state import RecordedRequest, State
from exchange_clients.simulator._streams import StreamFault
from exchange_clients.simulator._streams import stream_logins as login_book


__all__ = ["EXCHANGES", "Simulator"]

EXCHANGES = tuple(simulated_exchanges())
"""The exchanges served, in the registry's order: the order of the sockets and of `ports`."""


def _path_prefixes(exchange: str) -> Mapping[str | None, str]:
    # Every environment of the client (its ENVIRONMENTS) is served by the one simulated exchange, at the path its
    # real URL has (Kraken's /derivatives/api/v3; Derive's /v3, or none for the v2 "lyra" hosts, whose headers
    # differ). None is the client's default environment, production.
    environments = BINDINGS[Exchange(exchange)].environments
    prefixes: dict[str | None, str] = {name: urlsplit(url).path.rstrip("/") for name, url in environments.items()}
    return {None: prefixes["production"], **prefixes}


class Simulator:
    """
    A real HTTP server on loopback that plays every registered exchange (Gemini, Kraken Futures, DigiFinex, Derive).

    Each exchange listens on its own port and is served at its production paths, so a client only needs
    `base_url(exchange)` in place of the exchange's URL and `accounts`' credentials in place of real ones. Requests
    are verified exactly as each exchange documents, and answered with `orders` or with the exchange's own errors.
    Use it as a context manager, or call `start()` and `stop()`.

    `ports` are one port per exchange, in `EXCHANGES` order (None: free ports); `clock` is the time in Unix seconds
    that timestamps are judged against and `serverTime` reports.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        ports: Sequence[int] | None = None,
        accounts: SimulatedAccounts | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.host = host
        self.accounts = accounts if accounts is not None else SimulatedAccounts()
        self.orders = SimulatedOrders()
        self._state = State(accounts=self.accounts, orders=self.orders, clock=clock)
        if ports is not None and len(ports) != len(EXCHANGES):
            msg = f"ports must be {len(EXCHANGES)}, one per exchange ({', '.join(EXCHANGES)}), not {len(ports)}"
            raise ValueError(msg)
        self._wanted_ports = tuple(ports) if ports is not None else (0,) * len(EXCHANGES)
        self._server: ServerThread | None = None
        self._ports: tuple[int, ...] | None = None

    @property
    def faults(self) -> FaultQueue:
        """Faults to serve instead of the exchanges' answers (see `FaultQueue`)."""
        return self._state.faults

    @property
    def ports(self) -> tuple[int, ...]:
        """The ports served, in `EXCHANGES` order; only while running."""
        if self._ports is None:
            msg = "the simulator is not running"
            raise RuntimeError(msg)
        return self._ports

    @property
    def running(self) -> bool:
        """Whether the server is up."""
        return self._server is not None and self._server.alive

    def start(self) -> Self:
        """Bind one socket per exchange and serve until `stop()`."""
        if self._server is not None:
            msg = "the simulator is already running"
            raise RuntimeError(msg)
        sockets = bind_sockets(self.host, self._wanted_ports)
        ports = tuple(int(sock.getsockname()[1]) for sock in sockets)
        server = ServerThread(build_app(self._state, dict(zip(ports, EXCHANGES, strict=True))), sockets)
        server.start()
        self._server, self._ports = server, ports
        return self

    def stop(self) -> None:
        """Stop serving and release the ports; the request log and nonces are kept. Does nothing if stopped."""
        server, self._server, self._ports = self._server, None, None
        if server is not None:
            server.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()

    def base_url(self, exchange: str, environment: str | None = None) -> str:
        """
        The URL to use instead of the exchange's own base URL.

        `environment` is any of the client's own (`exchange_clients.<exchange>.ENVIRONMENTS`), all served alike but
        for the path: it picks Derive's generation, v3 (the default, "production", "testnet") or v2 ("lyra",
        "lyra-demo").
        """
        if exchange not in EXCHANGES:
            msg = f"unknown exchange {exchange!r}; expected one of {', '.join(EXCHANGES)}"
            raise ValueError(msg)
        environments = _path_prefixes(exchange)
        if environment not in environments:
            choices = ", ".join(name for name in environments if name is not None)
            msg = f"unknown {exchange} environment {environment!r}; expected one of {choices}"
            raise ValueError(msg)
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = self.ports[EXCHANGES.index(exchange)]
        return f"http://{host}:{port}{environments[environment]}"

    def seen_nonces(self, exchange: str, key: str) -> list[int]:
        """
        Every nonce or timestamp accepted for `key`, in arrival order.

        `key` is the API key (Gemini, Kraken Futures, DigiFinex) or the wallet address (Derive, any case).
        """
        simulated = simulated_exchanges().get(exchange)
        if simulated is None:
            msg = f"unknown exchange {exchange!r}; expected one of {', '.join(EXCHANGES)}"
            raise ValueError(msg)
        return self._state.nonces.seen(exchange, simulated.nonce_key(key))

    def stream_logins(self, exchange: str, key: str) -> list[int]:
        """
        Every nonce or timestamp a stream connection of `key` was accepted with, in arrival order.

        Gemini: the upgrade's nonces; DigiFinex: `server.auth`'s timestamps; Derive: `public/login`'s. `key` as for
        seen_nonces, which holds the REST requests' only.
        """
        return self._state.nonces.seen(login_book(exchange), simulated_exchanges()[exchange].nonce_key(key))

    def stream_url(self, exchange: str) -> str:
        """The URL of the exchange's simulated order stream, to give `connect_async(..., stream_url=)`."""
        simulated = simulated_exchanges().get(exchange)
        if simulated is None or simulated.stream is None:
            msg = f"{exchange!r} has no simulated stream; streams: {', '.join(self.streaming())}"
            raise ValueError(msg)
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"ws://{host}:{self.ports[EXCHANGES.index(exchange)]}{simulated.stream_path}"

    @staticmethod
    def streaming() -> list[str]:
        """The exchanges whose order stream the simulator plays."""
        return [exchange for exchange, simulated in simulated_exchanges().items() if simulated.stream is not None]

    def change_order(self, exchange: str, name: str, **fields: Any) -> SimulatedOrder:
        """
        Change the order called `name` as the exchange would (fill it, cancel it), on REST and on its stream.

        From now on its REST answer is the changed body, and a stream message announces it to every subscribed
        connection. `fields` replace fields of the order's body as the exchange's REST API sends it;
        `expected_status=` names the OrderStatus it now normalizes to.
        """
        before, changed = self.orders.replace(exchange, name, **fields)
        simulated = simulated_exchanges()[exchange]
        if simulated.stream_message is not None:
            self._state.streams.publish(exchange, simulated.stream_message(changed, before))
        return changed

    def push(self, exchange: str, message: str) -> int:
        """Send `message` (JSON text, as the exchange would) to every subscribed connection; how many there were."""
        return self._state.streams.publish(exchange, message)

    def drop_streams(self, exchange: str) -> int:
        """End every stream connection of `exchange` at once, as a lost connection does; how many there were."""
        return self._state.streams.inject(exchange, "drop")

    def stream_fault(self, exchange: str, fault: StreamFault) -> int:
        """
        Make `fault` happen on `exchange`'s stream; how many connections are open now.

        `duplicate`, `reorder` and `lose` strike the next message announced (by change_order or push): it is sent
        twice, after the message that follows it, or never. `stall` silences every open connection (nothing sent, no
        ping answered, the connection kept open), `drop` ends them, `expire_auth` ends them as an expired login does
        (close 1008, "authentication expired"); the next connection is served normally.
        """
        return self._state.streams.inject(exchange, fault)

    def stream_connections(self, exchange: str) -> int:
        """How many stream connections of `exchange` are subscribed now."""
        return self._state.streams.count(exchange)

    def decommission_rest(self, exchange: str) -> None:
        """
        From now on answer `exchange`'s REST API as a decommissioned one does: HTTP 404 with a web server's HTML page.

        Only an exchange with a successor to its REST API (Kraken Futures: the Unified WebSocket, from 1 March 2027)
        can be switched off; its stream and Kraken's Spot token request go on being served.
        """
        if exchange not in EXCHANGES or BINDINGS[Exchange(exchange)].successor is None:
            with_successor = [name for name in EXCHANGES if BINDINGS[Exchange(name)].successor is not None]
            msg = f"{exchange!r} has no REST API to decommission; only {', '.join(with_successor)}"
            raise ValueError(msg)
        self._state.rest_off.add(exchange)

    def stream_tokens(self) -> list[str]:
        """Each token a Kraken Unified WebSocket subscription was accepted with, in order."""
        return list(self._state.tokens_used)

    def requests(self) -> list[RecordedRequest]:
        """Every request answered so far, oldest first."""
        return self._state.log.all()
