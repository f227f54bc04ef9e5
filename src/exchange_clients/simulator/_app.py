"""
The one ASGI app behind every exchange's socket: it tells the exchanges apart by the local port a request arrived on.

Dispatching on the port lets every exchange be served at its production paths (Gemini's `/v1/...` and
DigiFinex's `/v3/...` would otherwise need prefixes that the clients' real base URLs do not have).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping

import attrs
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect

from exchange_clients.simulator._exchange import simulated_exchanges
from exchange_clients.simulator._state import State
from exchange_clients.simulator._wire import Incoming, Reply


__all__ = ["build_app"]

logger = logging.getLogger("exchange_clients.simulator")

_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]


class _CutResponse(Response):
    """An answer that stops part-way: the headers promise the whole body, the connection drops after `cut_after`."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(
            reply.content, status_code=reply.status, headers=dict(reply.headers), media_type=reply.media_type
        )
        self._cut_after = reply.cut_after or 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:  # noqa: ARG002 - ASGI's signature
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        if self._cut_after:
            await send({"type": "http.response.body", "body": self.body[: self._cut_after], "more_body": True})
        # Raising after the response started makes uvicorn close the connection mid-answer, as a reset would.
        raise SimulatedDisconnectError


class SimulatedDisconnectError(ConnectionError):
    """Raised inside the app to drop a connection on purpose (uvicorn logs it; nothing is wrong)."""


def build_app(state: State, exchange_by_port: Mapping[int, str]) -> Starlette:
    """The app: each request goes through the fault queue, then to the handler of the exchange its port serves."""
    handlers = {exchange: simulated.handle for exchange, simulated in simulated_exchanges().items()}

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
        reply = fault if fault is not None and not fault.passthrough else handlers[exchange](incoming, state)
        if fault is not None and fault.passthrough:
            reply = attrs.evolve(reply, delay=fault.delay)
        record = state.log.add(incoming, reply, fault=fault is not None)
        # Method, path and verdict only: headers and bodies carry keys and signatures, which stay out of logs.
        logger.info("%s %s %s -> %s %s", exchange, incoming.method, incoming.path, reply.status, record.reason or "ok")
        if reply.delay:
            await asyncio.sleep(reply.delay)
        if reply.cut_after is not None:
            return _CutResponse(reply)
        return Response(
            reply.content, status_code=reply.status, headers=dict(reply.headers), media_type=reply.media_type
        )

    streams = {exchange: simulated.stream for exchange, simulated in simulated_exchanges().items() if simulated.stream}

    async def stream(websocket: WebSocket) -> None:
        server = websocket.scope.get("server")
        exchange = exchange_by_port.get(server[1]) if server else None
        handler = streams.get(exchange) if exchange is not None else None
        if handler is None:
            await websocket.close(code=1008, reason="no stream is served on this port")
            return
        logger.info("%s stream opened at %s", exchange, websocket.scope["path"])
        with contextlib.suppress(WebSocketDisconnect):
            await handler(websocket, state)
        logger.info("%s stream closed", exchange)

    return Starlette(routes=[Route("/{path:path}", dispatch, methods=_METHODS), WebSocketRoute("/{path:path}", stream)])
