"""
The async clients send through aiohttp's pool by default, and keep httpx's own transport where aiohttp would not.

That is where it cannot honour an option, and where yarl would rewrite a signed URL; a dropped connection is named.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import httpx
import pytest
from httpx_aiohttp import AiohttpTransport

import exchange_clients as ec
from codegen.specs import EXCHANGES
from exchange_clients._aiohttp import aiohttp_transport
from exchange_clients.simulator import SimulatedAccounts, Simulator
from tests.hostile import hostile


ACCOUNTS = SimulatedAccounts()


def _aiohttp_sends(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs aiohttp sends from now on (the default transport's parent class, which it calls for each request)."""
    sent: list[str] = []
    send = AiohttpTransport.handle_async_request

    async def counted(self: AiohttpTransport, request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return await send(self, request)

    monkeypatch.setattr(AiohttpTransport, "handle_async_request", counted)
    return sent


def test_connect_async_sends_through_aiohttp_by_default(simulator: Simulator, monkeypatch: pytest.MonkeyPatch) -> None:
    sent = _aiohttp_sends(monkeypatch)
    credentials: Any = ACCOUNTS.credentials("gemini")

    async def read() -> ec.Order:
        async with ec.connect_async("gemini", credentials, base_url=simulator.base_url("gemini")) as client:
            return await client.get_order(simulator.orders.id("gemini", "filled"))

    assert asyncio.run(read()).status is ec.OrderStatus.FILLED
    assert sent == [simulator.base_url("gemini") + "/v1/order/status"]


def test_a_url_yarl_would_rewrite_goes_through_httpx_as_signed(
    simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DigiFinex's batched ids are signed as `order_id=a%2Cb`; yarl would send `a,b`, so httpx's transport sends it."""
    sent = _aiohttp_sends(monkeypatch)
    credentials: Any = ACCOUNTS.credentials("digifinex")
    ids = [order.order_id for order in simulator.orders.of("digifinex") if order.body.get("kind") == "spot"][:2]

    async def read() -> list[ec.Order]:
        async with ec.connect_async("digifinex", credentials, base_url=simulator.base_url("digifinex")) as client:
            return await client.get_orders(ids)

    assert [order.order_id for order in asyncio.run(read())] == ids
    assert sent == []


@pytest.mark.parametrize(
    "options",
    [
        pytest.param({"http2": True}, id="http2"),
        pytest.param({"proxy": "socks5://127.0.0.1:1080"}, id="socks-proxy"),
        pytest.param({"socket_options": [(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)]}, id="socket-options"),
        pytest.param({"retries": 2}, id="connect-retries"),
    ],
)
def test_an_option_aiohttp_cannot_honour_keeps_httpx_transport(options: dict[str, Any]) -> None:
    """HTTP/2, SOCKS, socket options and connect retries are httpx's; aiohttp would drop them silently."""
    assert aiohttp_transport(options) is None


def test_an_http_proxy_is_given_to_aiohttp_as_httpx_proxy() -> None:
    transport = aiohttp_transport({"proxy": "http://user:pass@proxy.example:3128"})

    assert isinstance(transport, AiohttpTransport)
    assert isinstance(transport.proxy, httpx.Proxy)
    assert transport.proxy.url.host == "proxy.example"


@pytest.mark.parametrize("exchange", list(EXCHANGES))
def test_async_client_reads_orders_through_the_default_transport(simulator: Simulator, exchange: str) -> None:
    """Each catalogue order, read by connect_async over aiohttp from the simulator, is the one the sync client reads."""
    credentials: Any = ACCOUNTS.credentials(exchange)
    url = simulator.base_url(exchange)
    ids = [order.order_id for order in simulator.orders.of(exchange) if order.body.get("kind", "spot") == "spot"]

    async def read() -> list[ec.Order]:
        async with ec.connect_async(exchange, credentials, base_url=url) as client:
            return await client.get_orders(ids)

    with ec.connect(exchange, credentials, base_url=url) as client:
        expected = client.get_orders(ids)
    assert [(order.order_id, order.status, order.filled) for order in asyncio.run(read())] == [
        (order.order_id, order.status, order.filled) for order in expected
    ]


def _drops_after_reading(connection: socket.socket, deadline: float) -> None:
    """Reads the request (the server does that), then closes without a byte of answer."""


def test_a_dropped_connection_is_named_as_lost_not_as_a_connect_timeout() -> None:
    """httpx-aiohttp reports a server that closes after reading the request as ConnectTimeout; ours says read."""
    credentials: Any = ACCOUNTS.credentials("digifinex")

    async def call(url: str) -> None:
        async with ec.connect_async("digifinex", credentials, base_url=url, max_retries=0) as client:
            await client.get_order("1")

    with hostile(_drops_after_reading) as server, pytest.raises(ec.TransportError) as raised:
        asyncio.run(call(server.url))

    assert "ConnectTimeout" not in str(raised.value)
    assert "ReadError" in str(raised.value) or "RemoteProtocolError" in str(raised.value)


def test_clients_share_one_tls_context_unless_they_choose_their_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading the CA bundle costs ~16 ms a time: the default context is built once; a caller's choice is kept."""
    from exchange_clients import _transport  # noqa: PLC0415 - the module under test

    built: list[dict[str, object]] = []
    real = _transport._built  # noqa: SLF001 - the one place transports are built, observed

    def recording(factory: object, options: dict[str, object]) -> object:
        if factory is _transport.DeadlineHTTPTransport:  # each client's blocking transport, built once
            built.append(dict(options))
        return real(factory, options)

    monkeypatch.setattr(_transport, "_built", recording)
    for httpx_args in ({}, {}, {"verify": False}, {"http2": True}, {"trust_env": False}):
        _transport.guarded_transport("https://api.gemini.com", 1_000_000, httpx_args)

    shared = _transport.default_tls_context(trust_env=True)
    assert built[0]["verify"] is shared
    assert built[1]["verify"] is shared
    assert built[2]["verify"] is False
    assert "verify" not in built[3]  # HTTP/2 sets its own ALPN protocols on the context: it gets one of its own
    assert built[4]["verify"] is _transport.default_tls_context(trust_env=False)
    assert built[4]["verify"] is not shared
