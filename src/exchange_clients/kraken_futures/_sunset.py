"""
The end of Kraken's Derivatives REST API, which Kraken Futures' order status reads until then.

Kraken (docs.kraken.com, Derivatives REST API reference): "The Derivatives REST API is deprecated and will be
decommissioned on 1 March 2027 ... Do not start new integrations on it ... Migrate before 1 March 2027."
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import warnings
from collections.abc import Mapping

from exchange_clients._errors import UnsupportedOperationError
from exchange_clients.runtime import decode_json


__all__ = [
    "CLOSED_ORDERS_UNREADABLE",
    "REST_DECOMMISSIONED",
    "REST_DEPRECATION",
    "RestDecommissionedError",
    "is_removal",
    "rest_decommissioned",
    "today",
    "warn_rest_deprecated",
]

REST_DECOMMISSIONED = dt.date(2027, 3, 1)
"""The day Kraken decommissions its Derivatives REST API (and its Derivatives WebSocket)."""

REST_DEPRECATION = (
    "Kraken decommissions its Derivatives REST API, which Kraken Futures' get_order and get_orders read, on "
    "1 March 2027; from that day a Kraken Futures order's state exists only on Kraken's Unified WebSocket, which "
    "needs a Kraken API key with WebSocket access (KrakenFuturesCredentials(..., kraken_api_key=, "
    "kraken_api_secret=), or KRAKEN_API_KEY and KRAKEN_API_SECRET)"
)


CLOSED_ORDERS_UNREADABLE = (
    "Kraken offers no lookup of closed Futures orders after 1 March 2027; one that closed while no watch_orders of "
    "this client was running and connected cannot be read (keep watch_orders running to see orders close)"
)
"""Why an order is not found once the REST API is gone."""

# What a removed API answers: HTTP 410 Gone ("no longer available at the origin server and this condition is likely
# to be permanent", RFC 9110 section 15.5.11), or 404 Not Found from whatever serves the host once the API's own
# server is gone (a bare web server's or a CDN's page), which is not Kraken's JSON: Kraken's own 404 carries
# {"result": "error", ...}. Kraken says only that the API "will no longer be available".
_REMOVAL_STATUSES = frozenset({404, 410})


class RestDecommissionedError(UnsupportedOperationError):
    """Kraken's Derivatives REST API answered as a removed API does: the order is read from the stream instead."""


def today() -> dt.date:
    """Today in UTC: the day Kraken's dates are read in (the tests move it)."""
    return dt.datetime.now(dt.UTC).date()


def rest_decommissioned() -> bool:
    """Whether 1 March 2027 (UTC) has come."""
    return today() >= REST_DECOMMISSIONED


def is_removal(status: int, content: bytes) -> bool:
    """
    Whether an answer is a removed API's: HTTP 404 or 410 whose body is not a Kraken JSON answer.

    Decision: a 410 with Kraken's JSON is Kraken speaking, and so is a 404 with it (an unknown order or path); a
    redirect, a 5xx or a timeout is not taken as removal (an outage looks the same), so it stays the error it is.
    """
    if status not in _REMOVAL_STATUSES:
        return False
    try:
        body = decode_json(content)
    except ValueError:
        return True
    return not (isinstance(body, Mapping) and "result" in body)


@functools.cache
def warn_rest_deprecated() -> None:
    """Warn once per process, as a DeprecationWarning attributed to the caller's own line."""
    warnings.warn(REST_DEPRECATION, DeprecationWarning, stacklevel=_first_level_outside_the_package())


def _first_level_outside_the_package() -> int:
    # The warning belongs to the user's call (get_order), however many of this package's frames are between.
    frame = inspect.currentframe()
    level = 1
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("exchange_clients"):
        frame = frame.f_back
        level += 1
    return level - 1
