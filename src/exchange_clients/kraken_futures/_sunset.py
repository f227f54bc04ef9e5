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


__all__ = ["REST_DECOMMISSIONED", "REST_DEPRECATION", "warn_rest_deprecated"]

REST_DECOMMISSIONED = dt.date(2027, 3, 1)
"""The day Kraken decommissions its Derivatives REST API (and its Derivatives WebSocket)."""

REST_DEPRECATION = (
    "Kraken decommissions its Derivatives REST API, which Kraken Futures' get_order and get_orders read, on "
    "1 March 2027; from that day a Kraken Futures order's state exists only on Kraken's Unified WebSocket, which "
    "needs a Kraken API key with WebSocket access (KrakenFuturesCredentials(..., kraken_api_key=, "
    "kraken_api_secret=), or KRAKEN_API_KEY and KRAKEN_API_SECRET)"
)


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
