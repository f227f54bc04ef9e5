"""
What an HTTP status alone says, for answers that carry no exchange error code we can read.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from exchange_clients._errors import (
    AuthenticationError,
    ExchangeError,
    ExchangeUnavailableError,
    InvalidRequestError,
    PermissionDeniedError,
    RateLimitError,
    UnexpectedResponseError,
)


_STATUS_CLASSES: Mapping[int, type[ExchangeError]] = {
    400: InvalidRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    # A 404 that names no order-not-found code is a path the server does not know (Gemini's conformance fixture
    # not-found-404-empty-body expects a generic not-found, not an order-not-found): only an exchange's own code
    # says that an order is missing.
    404: InvalidRequestError,
    # 418 is Binance-style "IP banned after rate limits"; treated as throttling wherever it appears.
    418: RateLimitError,
    429: RateLimitError,
}


def class_for_status(http_status: int) -> type[ExchangeError]:
    """The error an HTTP status means when the body names no documented error: 5xx is an outage."""
    if http_status >= 500:
        return ExchangeUnavailableError
    return _STATUS_CLASSES.get(http_status, UnexpectedResponseError)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header, in either of its forms (seconds or an HTTP-date).

    None when absent or unreadable; never negative (a date in the past means "now").
    """
    if value is None:
        return None
    text = value.strip()
    # ASCII digits only: str.isdigit also takes "²", "③" and other digits that float() refuses (RFC 9110's
    # delay-seconds is 1*DIGIT, ASCII). Anything else that is not an HTTP-date is ignored, never an exception.
    if text.isascii() and text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
