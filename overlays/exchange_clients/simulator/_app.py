"""
The one ASGI app behind all four sockets: it tells the exchanges apart by the local port a request arrived on.

Dispatching on the port lets every exchange be served at its production paths (Gemini's `/v1/...` and
DigiFinex's `/v3/...` would otherwise need prefixes that the clients' real base URLs do not have).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from exchange_clients.simulator import _derive, _digifinex, _gemini, _kraken
from exchange_clients.simulator._state import State
from exchange_clients.simulator._wire import Incoming, Reply


__all__ = ["HANDLERS", "build_app"]

logger = logging.getLogger("exchange_clients.simulator")

HANDLERS: Mapping[str, Callable[[Incoming, State], Reply]] = {
    "gemini": _gemini.handle,
    "kraken_futures": _kraken.handle,
    "digifinex": _digifinex.handle,
    "derive": _derive.handle,
}
_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


def build_app(state: State, exchange_by_port: Mapping[int, str]) -> Starlette:
    """The app: each request goes through the fault queue, then to the handler of the exchange its port serves."""

    async def dispatch(request: Request) -> Response:
        server = request.scope.get("server")
        exchange = exchange_by_port.get(server[1]) if server else None
        if exchange is None:
            return Response("no exchange is served on this port", status_code=404, media_type="text/plain")
        incoming = Incoming(
            exchange=exchange,
            method=request.method,
            path=request.scope["path"],
            query=request.scope["query_string"],
            headers=tuple(request.headers.items()),
            body=await request.body(),
        )
        fault = state.faults.take(incoming)
        reply = fault if fault is not None else HANDLERS[exchange](incoming, state)
        record = state.log.add(incoming, reply, fault=fault is not None)
        # Method, path and verdict only: headers and bodies carry keys and signatures, which stay out of logs.
        logger.info("%s %s %s -> %s %s", exchange, incoming.method, incoming.path, reply.status, record.reason or "ok")
        if reply.delay:
            await asyncio.sleep(reply.delay)
        return Response(
            reply.content, status_code=reply.status, headers=dict(reply.headers), media_type=reply.media_type
        )

    return Starlette(routes=[Route("/{path:path}", dispatch, methods=_METHODS)])
