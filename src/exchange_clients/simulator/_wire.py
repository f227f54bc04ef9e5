"""
What a handler sees of a request (`Incoming`) and what it answers (`Reply`), free of any web framework.

Each exchange's handler is a plain function from `Incoming` to `Reply`, so it can be driven without a server and
a fault can replace its answer before it is sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from exchange_clients.simulator._json import dumps


__all__ = ["Incoming", "Reply", "json_reply"]


@attrs.frozen
class Incoming:
    """One HTTP request as received: the raw query string and body, headers in arrival order."""

    exchange: str
    method: str
    path: str
    query: bytes
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        """The first value of header `name` (any case), or None when absent."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)


@attrs.frozen
class Reply:
    """
    One HTTP answer, and whether the simulator accepted the request it answers.

    `rejection` is None for an accepted request, else the exchange's own reason or code for refusing it.
    `delay` is the number of seconds to wait before sending, for faults that simulate a slow exchange.
    """

    status: int
    content: bytes
    media_type: str = "application/json"
    headers: Mapping[str, str] = attrs.field(factory=dict)
    rejection: str | None = None
    delay: float = 0.0
    passthrough: bool = False
    """Answer as the exchange would (after `delay`): for faults that only slow a request down."""
    cut_after: int | None = None
    """Declare the full Content-Length, send only this many bytes of the body, then drop the connection."""


def json_reply(
    status: int, body: Any, *, rejection: str | None = None, headers: Mapping[str, str] | None = None
) -> Reply:
    """A JSON answer, numbers exact."""
    return Reply(status=status, content=dumps(body), headers=dict(headers or {}), rejection=rejection)
