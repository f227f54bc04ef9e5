"""
The `Simulator`: four fake exchanges on loopback, one socket each, started and stopped together.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import Self

from exchange_clients.simulator._accounts import SimulatedAccounts
from exchange_clients.simulator._app import build_app
from exchange_clients.simulator._faults import FaultQueue
from exchange_clients.simulator._orders import SimulatedOrders
from exchange_clients.simulator._server import ServerThread, bind_sockets
from exchange_clients.simulator._state import RecordedRequest, State


__all__ = ["EXCHANGES", "Simulator"]

# The order of the four sockets, and of `ports`: gemini, kraken_futures, digifinex, derive.
EXCHANGES = ("gemini", "kraken_futures", "digifinex", "derive")

# Every environment name the clients use, per exchange. All of an exchange's environments are the same simulated
# server except Derive's, where the generation decides the path prefix and the header family.
_ENVIRONMENTS: dict[str, dict[str | None, str]] = {
    "gemini": dict.fromkeys((None, "production", "sandbox"), ""),
    "kraken_futures": dict.fromkeys((None, "production", "demo"), "/derivatives/api/v3"),
    "digifinex": dict.fromkeys((None, "production"), ""),
    "derive": dict.fromkeys((None, "v3", "production", "testnet"), "/v3") | dict.fromkeys(("lyra", "lyra-demo"), ""),
}


class Simulator:
    """
    A real HTTP server on loopback that plays Gemini, Kraken Futures, DigiFinex and Derive.

    Each exchange listens on its own port and is served at its production paths, so a client only needs
    `base_url(exchange)` in place of the exchange's URL and `accounts`' credentials in place of real ones. Requests
    are verified exactly as each exchange documents, and answered with `orders` or with the exchange's own errors.
    Use it as a context manager, or call `start()` and `stop()`.

    `ports` are the four ports in `EXCHANGES` order (None: four free ports); `clock` is the time in Unix seconds
    that timestamps are judged against and `serverTime` reports.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        ports: tuple[int, int, int, int] | None = None,
        accounts: SimulatedAccounts | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.host = host
        self.accounts = accounts if accounts is not None else SimulatedAccounts()
        self.orders = SimulatedOrders()
        self._state = State(accounts=self.accounts, orders=self.orders, clock=clock)
        self._wanted_ports = ports if ports is not None else (0, 0, 0, 0)
        self._server: ServerThread | None = None
        self._ports: tuple[int, int, int, int] | None = None

    @property
    def faults(self) -> FaultQueue:
        """Faults to serve instead of the exchanges' answers (see `FaultQueue`)."""
        return self._state.faults

    @property
    def ports(self) -> tuple[int, int, int, int]:
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
        """Bind the four sockets and serve until `stop()`."""
        if self._server is not None:
            msg = "the simulator is already running"
            raise RuntimeError(msg)
        sockets = bind_sockets(self.host, self._wanted_ports)
        gemini, kraken, digifinex, derive = (sock.getsockname()[1] for sock in sockets)
        ports = (gemini, kraken, digifinex, derive)
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

        `environment` picks Derive's generation: "v3" (the default; also "production", "testnet") or "lyra"
        (also "lyra-demo"). For the other exchanges it may name any of their environments, all served alike.
        """
        if exchange not in _ENVIRONMENTS:
            msg = f"unknown exchange {exchange!r}; expected one of {', '.join(EXCHANGES)}"
            raise ValueError(msg)
        environments = _ENVIRONMENTS[exchange]
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
        return self._state.nonces.seen(exchange, key.lower() if exchange == "derive" else key)

    def requests(self) -> list[RecordedRequest]:
        """Every request answered so far, oldest first."""
        return self._state.log.all()
