"""
When a read is sent again, and how long to wait: stamina's exponential backoff with jitter, bounded twice.

Only operations the spec marks `x-idempotent: true` are retried (reading an order is, although three of the
four are POSTs); only failures that a later attempt can cure are retried: throttling (RateLimitError, waiting
as long as Retry-After asks), outages (ExchangeUnavailableError) and lost connections or timeouts
(TransportError). Authentication, permission, nonce, not-found and invalid-request errors are final. Every
attempt goes through the signer again, so it carries a fresh nonce.
"""

from __future__ import annotations

import random
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

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


class _Attempts:
    """The failures of one call, and stamina's hook that decides whether another attempt follows."""

    def __init__(self, policy: RetryPolicy) -> None:
        self.policy = policy
        self.failures: list[ExchangeError] = []
        self._started = time.monotonic()

    def should_retry(self, error: Exception) -> bool | float:
        if not isinstance(error, ExchangeError):
            return False
        self.failures.append(error)
        if not isinstance(error, TRANSIENT):
            return False
        if isinstance(error, RateLimitError) and error.retry_after is not None:
            wait = error.retry_after
        else:
            wait = self._backoff(len(self.failures))
        remaining = self.policy.deadline - (time.monotonic() - self._started)
        # No attempt starts past the deadline (stamina's timeout is only looked at when an attempt fails, before
        # the wait): waiting longer than the budget allows only to fail later; giving up now says so sooner.
        return wait if wait <= remaining else False

    def _backoff(self, retry: int) -> float:
        """Stamina's jittered exponential backoff before retry number `retry` (1-based).

        Computed here so the deadline can be checked against it; stamina's testing mode still makes it 0.
        """
        policy = self.policy
        jitter = random.uniform(0, policy.wait_jitter)  # noqa: S311 - spreading retries, not cryptography
        growth = 2.0 ** min(retry - 1, 64)  # far past any wait_max, and never a float overflow
        return min(policy.wait_max, policy.wait_initial * growth + jitter)

    def final(self, error: ExchangeError) -> ExchangeError:
        """`error`, carrying every attempt's failure when there was more than one."""
        attempts = self.failures if self.failures and self.failures[-1] is error else [*self.failures, error]
        if len(attempts) > 1:
            error.attempts = tuple(attempts)
        return error

    def first_is_final(self, error: ExchangeError) -> bool:
        """Whether the first attempt's failure ends the call without entering stamina at all."""
        spent = time.monotonic() - self._started >= self.policy.deadline
        return spent or self.policy.max_retries == 0 or not isinstance(error, TRANSIENT)

    def retrying(self) -> Any:
        """Stamina's attempts for the rest of this call (an iterator, sync or async), the first one included.

        The first attempt already ran, outside stamina (its machinery was ~5% of a call's CPU, and most calls
        succeed at once); stamina's first iteration replays its failure so backoff and Retry-After apply as usual,
        and its time budget is what remains of the deadline.
        """
        import stamina  # noqa: PLC0415 - ~30 ms at import, and only a failing call needs it

        return stamina.retry_context(
            on=self.should_retry,
            attempts=self.policy.max_retries + 1,
            # first_is_final saw time left; never 0, which stamina reads as "no retries" and warns about.
            timeout=max(1e-6, self.policy.deadline - (time.monotonic() - self._started)),
            wait_initial=self.policy.wait_initial,
            wait_max=self.policy.wait_max,
            wait_jitter=self.policy.wait_jitter,
        )


def call_with_retries(attempt: Callable[[], T], policy: RetryPolicy) -> T:
    """`attempt()`, tried again on transient ExchangeErrors as `policy` allows."""
    attempts = _Attempts(policy)
    try:
        return attempt()
    except ExchangeError as error:
        if attempts.first_is_final(error):
            raise attempts.final(error) from error.__cause__
        first_failure: ExchangeError | None = error
    try:
        for retry in attempts.retrying():
            with retry:
                if first_failure is not None:
                    replayed, first_failure = first_failure, None
                    raise replayed
                return attempt()
    except ExchangeError as error:
        raise attempts.final(error) from error.__cause__
    raise AssertionError  # pragma: no cover - stamina either returns through the body or raises


async def call_with_retries_async(attempt: Callable[[], Awaitable[T]], policy: RetryPolicy) -> T:
    """`await attempt()`, tried again on transient ExchangeErrors as `policy` allows."""
    attempts = _Attempts(policy)
    try:
        return await attempt()
    except ExchangeError as error:
        if attempts.first_is_final(error):
            raise attempts.final(error) from error.__cause__
        first_failure: ExchangeError | None = error
    try:
        async for retry in attempts.retrying():
            with retry:
                if first_failure is not None:
                    replayed, first_failure = first_failure, None
                    raise replayed
                return await attempt()
    except ExchangeError as error:
        raise attempts.final(error) from error.__cause__
    raise AssertionError  # pragma: no cover - stamina either returns through the body or raises
