"""
Request and response lines on the `exchange_clients` logger at DEBUG, with the client's credentials redacted.

Every credential-bearing header's value is replaced, and the client's own credentials wherever else they appear.

Logging happens in an `httpx.Auth` wrapper around each exchange's signer, because that is the one place that
sees the request as signed and sent (every retry and Gemini's resend included), for sync and async clients alike.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncGenerator, Generator, Mapping

import httpx

from exchange_clients._redact import REDACTED, SIGNATURES_ONLY, Redactor
from exchange_clients.generated.registry import SECRET_HEADERS


logger = logging.getLogger("exchange_clients")

# Each exchange's own (from the registry), and generic ones a proxy or a user's transport might add.
_SECRET_HEADERS = SECRET_HEADERS | {"authorization", "proxy-authorization", "cookie", "set-cookie"}


def redacted_headers(headers: Mapping[str, str], redact: Redactor = SIGNATURES_ONLY) -> dict[str, str]:
    """The headers with every credential-bearing value replaced, names kept so a reader sees what was sent."""
    return {name: REDACTED if name.lower() in _SECRET_HEADERS else redact(value) for name, value in headers.items()}


def _body_size(request: httpx.Request) -> int:
    # The length the request declares is what goes on the wire: Gemini's signer moves the body into a header and
    # sends none, while the request still holds what the caller built.
    declared = request.headers.get("content-length")
    if declared is not None and declared.isascii() and declared.isdecimal():
        return int(declared)
    try:
        return len(request.content)
    except httpx.RequestNotRead:
        return -1


def _log_request(request: httpx.Request, redact: Redactor) -> float:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "request %s %s headers=%s body=%d bytes (-1: streamed)",
            request.method,
            redact(str(request.url)),
            redacted_headers(request.headers, redact),
            _body_size(request),
        )
    return time.perf_counter()


def _log_response(request: httpx.Request, response: httpx.Response, started: float, redact: Redactor) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "response %s %s -> HTTP %d in %.1f ms headers=%s",
            request.method,
            redact(str(request.url)),
            response.status_code,
            (time.perf_counter() - started) * 1000,
            redacted_headers(response.headers, redact),
        )


class LoggedAuth(httpx.Auth):
    """Runs `signer`'s flow unchanged, logging each request it sends and each response it gets, redacted by `redact`."""

    def __init__(self, signer: httpx.Auth, redact: Redactor = SIGNATURES_ONLY) -> None:
        self.signer = signer
        self.redact = redact

    def __repr__(self) -> str:
        return f"LoggedAuth({self.signer!r})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """The signer's own flow, unlogged, for callers that drive `auth_flow` themselves."""
        return self.signer.auth_flow(request)

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """The signer's sync flow (its locks included), logged when DEBUG is on as the request starts."""
        if not logger.isEnabledFor(logging.DEBUG):
            return self.signer.sync_auth_flow(request)  # nothing to log: no wrapper on the hot path
        return self._logged_sync_flow(request)

    def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """The signer's async flow (its locks included), logged when DEBUG is on as the request starts."""
        if not logger.isEnabledFor(logging.DEBUG):
            return self.signer.async_auth_flow(request)
        return self._logged_async_flow(request)

    # Both wrappers close the signer's flow however they end: when httpx abandons the request (a transport error, a
    # cancellation) it closes only this flow, and the signer's, paused inside the key's locks, would keep them.
    def _logged_sync_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        flow = self.signer.sync_auth_flow(request)
        try:
            outgoing = next(flow)
            while True:
                started = _log_request(outgoing, self.redact)
                response = yield outgoing
                _log_response(outgoing, response, started, self.redact)
                try:
                    outgoing = flow.send(response)
                except StopIteration:
                    return
        finally:
            flow.close()

    async def _logged_async_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        flow = self.signer.async_auth_flow(request)
        try:
            outgoing = await flow.__anext__()
            while True:
                started = _log_request(outgoing, self.redact)
                response = yield outgoing
                _log_response(outgoing, response, started, self.redact)
                try:
                    outgoing = await flow.asend(response)
                except StopAsyncIteration:
                    return
        finally:
            await flow.aclose()
