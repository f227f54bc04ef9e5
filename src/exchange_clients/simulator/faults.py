"""
Ready-made faults: throttling in each exchange's own shape, outages, HTML pages, drops, slow and truncated answers.

Each function returns a `Fault` to push: `simulator.faults.push(rate_limited("gemini", retry_after="1"),
exchange="gemini", times=2)`. `sometimes(fault, rate)` wraps any of them to strike a fraction of requests.
"""

from __future__ import annotations

import random
from http import HTTPStatus

from exchange_clients.simulator._exchange import simulated_exchanges
from exchange_clients.simulator._faults import Fault
from exchange_clients.simulator._json import dumps
from exchange_clients.simulator._wire import Incoming, Reply, json_reply


__all__ = ["dropped", "html_page", "rate_limited", "slow", "sometimes", "truncated", "unavailable"]


def rate_limited(exchange: str, *, retry_after: str | None = "1") -> Fault:
    """The exchange's own throttling answer, with `Retry-After` when given (seconds or an HTTP-date).

    Each exchange's module gives its own (Gemini 429 RateLimit, Kraken apiLimitExceeded, DigiFinex 10005, Derive 429
    with -32000).
    """
    headers = {} if retry_after is None else {"Retry-After": retry_after}
    exchanges = simulated_exchanges()
    if exchange not in exchanges:
        msg = f"unknown exchange {exchange!r}; expected one of {', '.join(exchanges)}"
        raise ValueError(msg)
    status, body = exchanges[exchange].rate_limited
    reply = json_reply(status, body, headers=headers)
    return lambda _incoming: reply


def unavailable(status: int = 503) -> Fault:
    """A bare 5xx with an HTML body, as a load balancer in front of any exchange sends it."""
    return html_page(status, f"<h1>{status} {HTTPStatus(status).phrase}</h1>")


def html_page(status: int, text: str = "<h1>Error</h1>") -> Fault:
    """An HTML page with `status` instead of the exchange's answer."""
    page = f"<!DOCTYPE html><html><head><title>{status}</title></head><body>{text}</body></html>".encode()
    reply = Reply(status=status, content=page, media_type="text/html")
    return lambda _incoming: reply


def dropped(*, after_bytes: int = 0) -> Fault:
    """The connection drops after the headers (and `after_bytes` of an empty JSON object's body): no answer."""
    reply = Reply(status=200, content=dumps({"dropped": True}) + b" " * 64, cut_after=after_bytes)
    return lambda _incoming: reply


def truncated() -> Fault:
    """A 200 whose body stops half-way through a JSON object (complete at the HTTP level)."""
    reply = Reply(status=200, content=b'{"result": "success", "orders": [{"order": {"orderId": "1f0b')
    return lambda _incoming: reply


def slow(seconds: float) -> Fault:
    """The exchange's real answer, `seconds` late."""
    reply = Reply(status=200, content=b"", passthrough=True, delay=seconds)
    return lambda _incoming: reply


def sometimes(fault: Fault, rate: float, *, seed: int | None = None) -> Fault:
    """`fault` for about `rate` of requests (0.01: one in a hundred), the rest untouched; push it with times=None."""
    chooser = random.Random(seed)  # noqa: S311 - choosing requests to fail, not cryptography

    def maybe(incoming: Incoming) -> Reply | None:
        return fault(incoming) if chooser.random() < rate else None

    return maybe
