"""
The async clients' default transport: aiohttp's connection pool behind httpx's interface (httpx-aiohttp).

Decision: with 50 calls in flight, httpcore's async pool spent more client CPU per call than all the rest of a call,
and aiohttp's pool (the one ccxt's asyncio client rides) gave 1.3x to 4.5x the throughput on the same simulator
(`nox -s bench -- --only concurrency`, docs/maintainers/benchmarks.md). The whole test suite passes on it. It is
used wherever it honours every option given; HTTP/2, a SOCKS proxy, socket options and connect retries keep httpx's
own transport.

A signed request must leave as it was signed. aiohttp hands every URL to yarl, which rewrites some percent-escapes
(`order_id=a%2Cb` leaves as `order_id=a,b`, and DigiFinex then finds the signature over the query wrong), so a
request whose URL yarl would rewrite goes through httpx's own transport instead, byte for byte as signed.
"""

from __future__ import annotations

from typing import Any

import aiohttp
import httpx
import yarl
from httpx_aiohttp import AiohttpTransport


# The options AiohttpTransport honours as httpx's transport does; any other one keeps httpx's own transport.
_HONOURED = frozenset({"verify", "cert", "limits", "proxy", "trust_env", "http1", "local_address"})


def aiohttp_transport(options: dict[str, Any]) -> httpx.AsyncBaseTransport | None:
    """An aiohttp transport for these httpx transport options, or None when it cannot honour one of them."""
    if set(options) - _HONOURED or options.get("http2"):
        return None
    settings = dict(options)
    proxy = settings.get("proxy")
    if proxy is not None:
        proxy = proxy if isinstance(proxy, httpx.Proxy) else httpx.Proxy(proxy)
        if proxy.url.scheme not in ("http", "https"):
            return None  # aiohttp speaks no SOCKS: httpx's transport says what is missing
        settings["proxy"] = proxy
    return _AsSigned(httpx.AsyncHTTPTransport(**options), **settings)


class _AsSigned(AiohttpTransport):
    """AiohttpTransport for every request it sends as signed, naming its failures as httpx's transport would.

    httpx-aiohttp maps every aiohttp.ClientConnectionError to httpx.ConnectTimeout, so a server that drops the
    connection after reading the request, or a read that times out, would be reported as "could not connect".
    """

    def __init__(self, unchanged: httpx.AsyncBaseTransport, **settings: Any) -> None:
        super().__init__(**settings)
        self.unchanged = unchanged

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send as AiohttpTransport does, unless yarl would rewrite the URL; a lost connection is named as such."""
        url = str(request.url)
        if str(yarl.URL(url)) != url:
            return await self.unchanged.handle_async_request(request)
        try:
            return await super().handle_async_request(request)
        except httpx.ConnectTimeout as error:
            cause = error.__cause__
            if cause is None or isinstance(cause, (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)):
                raise
            if isinstance(cause, TimeoutError):
                raise httpx.ReadTimeout(str(error), request=request) from None
            raise httpx.ReadError(str(error) or type(cause).__name__, request=request) from None

    async def aclose(self) -> None:
        """Close both pools."""
        await super().aclose()
        await self.unchanged.aclose()
