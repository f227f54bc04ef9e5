"""
One call of a generated endpoint, and turning whatever happens to it into orders or one typed error.

Each exchange describes its operations as `Call`s (what to send, how to read the answer); the unified
clients only run them, synchronously or not. Everything that can go wrong between sending and reading
becomes an `ExchangeError` here, in one place for all four exchanges.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from types import ModuleType
from typing import Any, Generic, Protocol, TypeVar

import attrs
import httpx

from exchange_clients._deadline import attempt_deadline
from exchange_clients._error_mapping import class_for_status, parse_retry_after
from exchange_clients._errors import (
    ExchangeError,
    OrderNotFoundError,
    RateLimitError,
    TransportError,
    UnexpectedResponseError,
)
from exchange_clients._order import Exchange, Order
from exchange_clients._retry import RetryPolicy, call_with_retries, call_with_retries_async
from exchange_clients._transport import ResponseTooLargeError


ClientT = TypeVar("ClientT")
AnswerT = TypeVar("AnswerT")


class Answer(Protocol):
    """What every generated package's `Response` carries."""

    @property
    def status_code(self) -> int: ...
    @property
    def content(self) -> bytes: ...
    @property
    def headers(self) -> Mapping[str, str]: ...


class ParseFailure(Protocol):
    """What every generated package's `errors.ResponseParseError` carries."""

    status_code: int
    content: bytes
    headers: Mapping[str, str]
    cause: Exception


@attrs.frozen
class ErrorFormat:
    """How an exchange writes errors: where the code and message sit in a body, and what each code means."""

    exchange: Exchange
    table: Mapping[Any, type[ExchangeError]]
    """The exchange's documented codes (as they appear in JSON) and the class each one raises."""
    fields: Callable[[Mapping[str, Any]], tuple[object, str | None] | None]
    """(code, message) from a JSON error body, or None when the body is not this exchange's error format."""
    decode: Callable[[bytes], Any]
    """The generated package's `types.decode_json`: exact numbers, NaN and absurd nesting refused."""

    def from_answer(
        self,
        operation: str,
        *,
        http_status: int,
        headers: Mapping[str, str],
        content: bytes,
        order_ids: tuple[str, ...] = (),
    ) -> ExchangeError:
        """The error an answer means: the exchange's own code when the body carries one, else the HTTP status."""
        body = json_object(content, self.decode)
        found = self.fields(body) if body is not None else None
        code, message = found if found is not None else (None, None)
        return error_from_answer(
            self.exchange,
            operation,
            http_status=http_status,
            headers=headers,
            body=content,
            code=None if code is None else str(code),
            message=message,
            error_class=self.table.get(code) if _hashable(code) else None,
            order_ids=order_ids,
        )

    def from_parse_failure(self, operation: str, failure: ParseFailure, order_ids: tuple[str, ...]) -> ExchangeError:
        """A documented answer whose body did not fit: a 2xx is a surprise, anything else an error to read."""
        if 200 <= failure.status_code < 300:
            # What did not fit (a missing field, a number beyond Decimal's range), without the body: that is `body`.
            cause = failure.cause
            return UnexpectedResponseError(
                f"the answer does not have the documented shape: {type(cause).__name__}: {cause}",
                exchange=self.exchange,
                operation=operation,
                http_status=failure.status_code,
                body=failure.content,
            )
        return self.from_answer(
            operation,
            http_status=failure.status_code,
            headers=failure.headers,
            content=failure.content,
            order_ids=order_ids,
        )


def _hashable(code: object) -> bool:
    return isinstance(code, str | int) and not isinstance(code, bool)


@attrs.frozen
class Call(Generic[ClientT, AnswerT]):
    """One request: `send`/`send_async` make it with a generated client, `read` turns the answer into orders."""

    operation: str
    send: Callable[[ClientT], AnswerT]
    send_async: Callable[[ClientT], Awaitable[AnswerT]]
    read: Callable[[AnswerT], list[Order]]
    errors: ErrorFormat
    parse_failure: type[Exception]
    """The generated package's ResponseParseError: the answer was documented but did not fit its schema."""
    order_ids: tuple[str, ...] = ()
    """The orders asked for: an OrderNotFoundError names them."""
    idempotent: bool = False
    """The spec marks the operation `x-idempotent` (generated `retry_safety.py`): only then is it retried."""

    def run(self, client: ClientT, policy: RetryPolicy) -> list[Order]:
        """Send and read, retried as `policy` allows when idempotent; every failure an ExchangeError."""
        if not self.idempotent:
            return self._attempt(client, policy.attempt_timeout)
        return call_with_retries(lambda: self._attempt(client, policy.attempt_timeout), policy)

    async def run_async(self, client: ClientT, policy: RetryPolicy) -> list[Order]:
        """Send and read without blocking, retried as `policy` allows when idempotent."""
        if not self.idempotent:
            return await self._attempt_async(client, policy.attempt_timeout)
        return await call_with_retries_async(lambda: self._attempt_async(client, policy.attempt_timeout), policy)

    # Every failure is raised `from None`: what went wrong is in the ExchangeError's own redacted text, while the
    # exception it replaces (the generated ResponseParseError with a kilobyte of raw body, an httpx error quoting a
    # header) is not, and would put it into every logged traceback.

    def _attempt(self, client: ClientT, seconds: float | None) -> list[Order]:
        try:
            with attempt_deadline(seconds):
                answer = self.send(client)
        except httpx.HTTPError as error:
            raise self._transport_error(error) from None
        except ResponseTooLargeError as error:
            raise self._too_large(error) from None
        except self.parse_failure as error:
            raise self.errors.from_parse_failure(self.operation, _as_parse_failure(error), self.order_ids) from None
        return self._read(answer)

    async def _attempt_async(self, client: ClientT, seconds: float | None) -> list[Order]:
        try:
            # asyncio.timeout bounds every await of the attempt, a key's lock and each header line included.
            with attempt_deadline(seconds):
                async with asyncio.timeout(seconds):
                    answer = await self.send_async(client)
        except TimeoutError:
            raise self._transport_error(httpx.TimeoutException(f"the attempt took longer than {seconds} s")) from None
        except httpx.HTTPError as error:
            raise self._transport_error(error) from None
        except ResponseTooLargeError as error:
            raise self._too_large(error) from None
        except self.parse_failure as error:
            raise self.errors.from_parse_failure(self.operation, _as_parse_failure(error), self.order_ids) from None
        return self._read(answer)

    def _too_large(self, error: ResponseTooLargeError) -> UnexpectedResponseError:
        return UnexpectedResponseError(
            str(error), exchange=self.errors.exchange, operation=self.operation, http_status=error.status_code
        )

    def _read(self, answer: AnswerT) -> list[Order]:
        try:
            return self.read(answer)
        except UnexpectedResponseError as error:
            if error.http_status is not None:
                raise
            # Normalization refused a field of a documented answer: the answer is what the caller needs to see.
            reply: Any = answer
            raise UnexpectedResponseError(
                error.message,
                exchange=self.errors.exchange,
                operation=self.operation,
                http_status=reply.status_code,
                body=reply.content,
            ) from None

    def error(self, answer: Answer) -> ExchangeError:
        """The error a non-success answer to this call means."""
        return self.errors.from_answer(
            self.operation,
            http_status=answer.status_code,
            headers=answer.headers,
            content=answer.content,
            order_ids=self.order_ids,
        )

    def _transport_error(self, error: httpx.HTTPError) -> TransportError:
        what = "timed out" if isinstance(error, httpx.TimeoutException) else "failed"
        return TransportError(
            f"the request {what} before an answer arrived: {type(error).__name__}: {error}",
            exchange=self.errors.exchange,
            operation=self.operation,
        )


def declared_idempotent(endpoint: ModuleType, idempotent_operations: frozenset[str]) -> bool:
    """Whether the generated endpoint module is one its package's `retry_safety.py` lists."""
    return endpoint.__name__.rpartition(".")[2] in idempotent_operations


def _as_parse_failure(error: Exception) -> ParseFailure:
    # Every generated ResponseParseError has these attributes (specs/templates/errors.py.jinja).
    failure: Any = error
    return failure  # type: ignore[no-any-return]


def error_from_answer(
    exchange: Exchange,
    operation: str,
    *,
    http_status: int,
    headers: Mapping[str, str],
    body: bytes,
    code: str | None = None,
    message: str | None = None,
    error_class: type[ExchangeError] | None = None,
    order_ids: tuple[str, ...] = (),
) -> ExchangeError:
    """The error an answer means: `error_class` from the exchange's table when its code is known, else by status.

    A 2xx answer that is an error but whose code the table does not know is UnexpectedResponseError: the
    status says nothing about what went wrong.
    """
    cls = error_class or (class_for_status(http_status) if http_status >= 300 else UnexpectedResponseError)
    if message is None:
        message = f"HTTP {http_status} with no error the exchange documents" if code is None else code
    context: dict[str, Any] = {
        "exchange": exchange,
        "operation": operation,
        "http_status": http_status,
        "code": code,
        "body": body,
    }
    if issubclass(cls, RateLimitError):
        return cls(message, retry_after=parse_retry_after(headers.get("retry-after")), **context)
    if issubclass(cls, OrderNotFoundError):
        named = f" (order {', '.join(order_ids)})" if order_ids else ""
        return cls(message + named, order_id=order_ids[0] if order_ids else None, **context)
    return cls(message, **context)


def json_object(content: bytes, decode: Callable[[bytes], Any]) -> Mapping[str, Any] | None:
    """The body as a JSON object, or None when it is not one (HTML, truncated, a list): for reading error bodies."""
    try:
        # The generated decoder refuses absurd nesting before recursing (a deep error body is no reason to crash).
        decoded = decode(content)
    except (ValueError, RecursionError):
        return None
    return decoded if isinstance(decoded, dict) else None
