"""
A stream connection's frames: the JSON they carry, and the answer to one request sent on it.

Gemini, DigiFinex and Derive answer a request on their stream as JSON-RPC does: the answer carries the request's
`id`, and other frames (pushes, heartbeats) may arrive before it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from websockets.asyncio.client import ClientConnection

from exchange_clients.runtime import decode_json


__all__ = ["answer_to", "frame_json"]


def frame_json(frame: str | bytes) -> Any:
    """The JSON a text or binary frame carries, every number exact; ValueError if it is not JSON."""
    return decode_json(frame.encode() if isinstance(frame, str) else frame)


async def answer_to(
    connection: ClientConnection,
    request: dict[str, Any],
    *,
    exchange: str,
    decode: Callable[[str | bytes], Any] = frame_json,
) -> dict[str, Any]:
    """Send `request`; the first frame that answers its `id` (the frames before it are passed over)."""
    await connection.send(json.dumps(request))
    async for frame in connection:
        answer = decode(frame)
        if isinstance(answer, dict) and answer.get("id") == request["id"]:
            return answer
    msg = f"the connection closed before {exchange} answered {request.get('method')}"
    raise ConnectionError(msg)
