"""
When a read is sent again, and how long to wait: exponential backoff with jitter, bounded twice, in a plain loop.

Only operations the spec marks `x-idempotent: true` are retried (reading an order is, although three of the
four are POSTs); only failures that a later attempt can cure are retried: throttling (RateLimitError, waiting
as long as Retry-After asks), outages (ExchangeUnavailableError) and lost connections or timeouts
(TransportError). Authentication, permission, nonce, not-found and invalid-request errors are final. Every
attempt goes through the signer again, so it carries a fresh nonce.

Why a loop of our own and not a retry library: the two bounds (`max_retries`, and no attempt started past
`deadline`, a Retry-After included) and the list of every attempt's failure are the whole of it; openai-python's
client does the same in about as many lines.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import attrs

from exchange_clients._errors import (
    ExchangeError,
    ExchangeUnavailableError,
    RateLimitError,
    TransportError,
)


T = TypeVar("T")

TRANSIENT = (RateLimitError, ExchangeUnavailableError, TransportError)


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How many times and for how long a failed idempotent call is tried again."""

    max_retries: int = 3
    """Attempts after the first; 0 turns retrying off."""
    deadline: float = 30.0
    """Seconds from the first attempt after which no new attempt starts (a Retry-After beyond it ends at once)."""
    wait_initial: float = 0.2
    """Seconds before the first retry; each later wait doubles, up to `wait_max`, plus up to `wait_jitter`."""
    wait_max: float = 5.0
    wait_jitter: float = 0.3
    attempt_timeout: float | None = None
    """Seconds one attempt may last, whatever the server does (from `timeout`); None leaves httpx's own bounds."""


def _wait_before_retry(
    error: ExchangeError, failures: list[ExchangeError], policy: RetryPolicy, started: float
) -> float | None:
    """Seconds to wait before the next attempt after `error`, or None when the call ends with it."""
    failures.append(error)
    if not isinstance(error, TRANSIENT) or len(failures) > policy.max_retries:
        return None
    if isinstance(error, RateLimitError) and error.retry_after is not None:
        wait = error.retry_after
    else:
        wait = _backoff(len(failures), policy)
    # No attempt starts past the deadline: waiting longer than the budget allows only to fail later.
    remaining = policy.deadline - (time.monotonic() - started)
    return wait if wait <= remaining else None


def _backoff(retry: int, policy: RetryPolicy) -> float:
    """The jittered exponential wait before retry number `retry` (1-based), at most `wait_max`."""
    jitter = random.uniform(0, policy.wait_jitter)  # noqa: S311 - spreading retries, not cryptography
    growth = 2.0 ** min(retry - 1, 64)  # far past any wait_max, and never a float overflow
    return min(policy.wait_max, policy.wait_initial * growth + jitter)


def _final(error: ExchangeError, failures: list[ExchangeError]) -> ExchangeError:
    """`error`, carrying every attempt's failure when there was more than one."""
    if len(failures) > 1:
        error.attempts = tuple(failures)
    return error


def call_with_retries(attempt: Callable[[], T], policy: RetryPolicy) -> T:
    """`attempt()`, tried again on transient ExchangeErrors as `policy` allows."""
    started = time.monotonic()
    failures: list[ExchangeError] = []
    while True:
        try:
            return attempt()
        except ExchangeError as error:
            wait = _wait_before_retry(error, failures, policy, started)
            if wait is None:
                raise _final(error, failures) from None
        time.sleep(wait)


async def call_with_retries_async(attempt: Callable[[], Awaitable[T]], policy: RetryPolicy) -> T:
    """`await attempt()`, tried again on transient ExchangeErrors as `policy` allows."""
    started = time.monotonic()
    failures: list[ExchangeError] = []
    while True:
        try:
            return await attempt()
        except ExchangeError as error:
            wait = _wait_before_retry(error, failures, policy, started)
            if wait is None:
                raise _final(error, failures) from None
        await asyncio.sleep(wait)
