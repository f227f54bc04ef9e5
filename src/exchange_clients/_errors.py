"""
The errors every client raises: one hierarchy under `ExchangeError`, whatever the exchange.
"""

from __future__ import annotations

from exchange_clients._order import Exchange
from exchange_clients._redact import redact_text


BODY_EXCERPT_CHARS = 500
"""How much of a response body an error keeps: enough to read the exchange's message, never a 10 MB page."""
MESSAGE_CHARS = 300
CODE_CHARS = 100
"""The exchange's message and code come from the answer too: an error string of 10 MB must not become one."""


class ExchangeError(Exception):
    """Something went wrong talking to an exchange: what, where, and what the exchange said.

    `exchange`, `operation` (e.g. "get_order"), `http_status` (None before any answer), `code` (the
    exchange's own error code or reason, as text) and `body` (an excerpt of the answer, redacted) are all
    in the message, so a log line alone says what happened.
    """

    def __init__(
        self,
        message: str,
        *,
        exchange: Exchange | None = None,
        operation: str | None = None,
        http_status: int | None = None,
        code: str | None = None,
        body: str | bytes | None = None,
    ) -> None:
        self.message = _redacted(message, MESSAGE_CHARS)
        self.exchange = exchange
        self.operation = operation
        self.http_status = int(http_status) if http_status is not None else None
        self.code = _redacted(code, CODE_CHARS) if code is not None else None
        self.body = excerpt(body) if body is not None else None
        # Every failed attempt, oldest first and this one last, when the call was retried; else empty.
        self.attempts: tuple[ExchangeError, ...] = ()
        super().__init__(self.message)

    def __str__(self) -> str:
        where = " ".join(part for part in (self._exchange_name(), self.operation) if part)
        details = ", ".join(
            part
            for part in (
                f"HTTP {self.http_status}" if self.http_status is not None else "",
                f"code {self.code}" if self.code is not None else "",
            )
            if part
        )
        prefix = f"{where} ({details})" if details else where
        text = f"{prefix}: {self.message}" if prefix else self.message
        if len(self.attempts) > 1:
            text += f" [gave up after {len(self.attempts)} attempts: {_history(self.attempts)}]"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, exchange={self._exchange_name()!r}, "
            f"operation={self.operation!r}, http_status={self.http_status!r}, code={self.code!r})"
        )

    def _exchange_name(self) -> str:
        return self.exchange.display_name if self.exchange is not None else ""


class AuthenticationError(ExchangeError):
    """The exchange did not accept the credentials or the signature (wrong key, wrong secret, bad signature)."""


class PermissionDeniedError(ExchangeError):
    """The credentials are valid but may not do this (missing API-key scope, IP allow-list, account role)."""


class NonceError(ExchangeError):
    """The exchange refused the nonce or timestamp: reused, not increasing, or outside its clock window.

    Not an `AuthenticationError`: the credentials are fine, and a fresh nonce usually succeeds. If it keeps
    happening, another process is probably using the same key (see SharedNonceStore in docs/guide/reliability.md) or the
    machine's clock is off.
    """


class RateLimitError(ExchangeError):
    """The exchange is throttling these credentials; `retry_after` is its advice in seconds, when it gave one."""

    def __init__(self, message: str, *, retry_after: float | None = None, **context: object) -> None:
        super().__init__(message, **context)  # type: ignore[arg-type]
        self.retry_after = retry_after


class OrderNotFoundError(ExchangeError):
    """The exchange does not know this order for these credentials (or, for Kraken, not any more)."""

    def __init__(self, message: str, *, order_id: str | None = None, **context: object) -> None:
        super().__init__(message, **context)  # type: ignore[arg-type]
        self.order_id = order_id


class InvalidRequestError(ExchangeError):
    """The exchange rejected the request itself: a malformed id, an unknown symbol, a missing parameter."""


class ExchangeUnavailableError(ExchangeError):
    """The exchange is down, in maintenance or overloaded (HTTP 5xx or its own equivalent); try again later."""


class UnexpectedResponseError(ExchangeError):
    """The answer is not what the exchange documents: not JSON, HTML, truncated, or not the documented shape.

    `body` keeps a redacted excerpt so the surprise can be read; `__cause__` says what did not fit.
    """


class TransportError(ExchangeError):
    """No answer arrived: the connection failed, was reset, or timed out. `http_status` is None."""


def _history(attempts: tuple[ExchangeError, ...]) -> str:
    """What each attempt met, runs of the same failure folded: `1-3: ExchangeUnavailableError HTTP 503; 4: ...`."""
    runs: list[tuple[int, int, str]] = []
    for number, error in enumerate(attempts, 1):
        summary = _summary(error)
        if runs and runs[-1][2] == summary:
            runs[-1] = (runs[-1][0], number, summary)
        else:
            runs.append((number, number, summary))
    return "; ".join(
        f"{first}: {summary}" if first == last else f"{first}-{last}: {summary}" for first, last, summary in runs
    )


def _summary(error: ExchangeError) -> str:
    parts = [type(error).__name__]
    if error.http_status is not None:
        parts.append(f"HTTP {error.http_status}")
    if error.code is not None:
        parts.append(f"code {error.code}")
    if error.http_status is None:
        parts.append(error.message)
    return " ".join(parts)


def _redacted(text: str, limit: int) -> str:
    """At most `limit` characters of `text`, redacted, saying how much was cut.

    Redacted before it is cut, over a margin longer than any credential: a secret that straddles the cut would
    otherwise show its first half. Only the window is redacted, so a 10 MB answer costs no more than a short one.
    """
    shown = redact_text(text[: limit + _REDACTION_MARGIN])
    if len(text) > limit or len(shown) > limit:
        return f"{shown[:limit]}... [{max(len(text) - limit, 0)} more characters]"
    return shown


_REDACTION_MARGIN = 1024


def excerpt(body: str | bytes) -> str:
    """At most BODY_EXCERPT_CHARS of `body` as text, redacted, saying how much was cut."""
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
    return _redacted(text, BODY_EXCERPT_CHARS)


class UnsupportedOperationError(ExchangeError, NotImplementedError):
    """The operation is not available for this exchange (its spec has no such endpoint); nothing was sent."""
