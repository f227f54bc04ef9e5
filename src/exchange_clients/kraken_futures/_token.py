"""
The Unified WebSocket's token: Kraken's Spot REST `GetWebSocketsToken`, requested with the Kraken API key pair.

Kraken's Unified WebSocket page: the token comes from the Spot REST endpoint, "Derivatives API keys ... are not used.
Tokens are short-lived; obtain a fresh token on each connection." The key needs the "WebSocket interface"
permission (the operation's own description in Kraken's document).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import httpx

from exchange_clients._error_mapping import class_for_status, parse_retry_after
from exchange_clients._errors import (
    AuthenticationError,
    ExchangeError,
    ExchangeUnavailableError,
    InvalidRequestError,
    NonceError,
    PermissionDeniedError,
    RateLimitError,
    UnexpectedResponseError,
)
from exchange_clients._http import resolve_base_url, signed_client
from exchange_clients._nonce import NonceSource, shared_clock
from exchange_clients._order import Exchange
from exchange_clients.generated.kraken_spot import AuthenticatedClient
from exchange_clients.generated.kraken_spot.api.trading import get_websockets_token
from exchange_clients.generated.kraken_spot.errors import ResponseParseError
from exchange_clients.generated.kraken_spot.models import GetWebsocketsTokenBody, GetWebsocketsTokenResponse200
from exchange_clients.kraken_futures._auth import KrakenFuturesCredentials
from exchange_clients.kraken_futures._spot_sign import KrakenSpotAuth


__all__ = ["SPOT_ENVIRONMENTS", "SPOT_ERRORS", "token_base_url", "token_client", "websocket_token"]

SPOT_ENVIRONMENTS = MappingProxyType({"production": "https://api.kraken.com/0"})
"""Kraken's Spot REST API (the document's `servers`); Kraken lists no test host for it."""

_OPERATION = "websocket_token"

# Kraken's Spot errors are "<severity><category>:<message>" strings (https://docs.kraken.com/api/docs/guides/
# spot-errors); these are the ones a token request can meet, each as the error class a caller acts on.
SPOT_ERRORS: Mapping[str, type[ExchangeError]] = MappingProxyType(
    {
        "EAPI:Invalid key": AuthenticationError,
        "EAPI:Invalid signature": AuthenticationError,
        "EAPI:Invalid nonce": NonceError,
        "EGeneral:Permission denied": PermissionDeniedError,
        "EAPI:Rate limit exceeded": RateLimitError,
        "EGeneral:Too many requests": RateLimitError,
        "EService:Unavailable": ExchangeUnavailableError,
        "EService:Busy": ExchangeUnavailableError,
        "EGeneral:Internal error": ExchangeUnavailableError,
    }
)


def token_base_url(base_url: str | None) -> str:
    """
    Where the token is requested: Kraken's Spot REST API, or with `base_url` given, the same origin's `/0`.

    Decision: one `base_url` serves both APIs (the issue's rule), so a simulator or a proxy on one origin plays
    Kraken Futures' REST API and Kraken's Spot token endpoint at their production paths.
    """
    if base_url is None:
        return SPOT_ENVIRONMENTS["production"]
    origin = httpx.URL(resolve_base_url("Kraken", SPOT_ENVIRONMENTS, "production", base_url))
    return str(origin.copy_with(path="/0", query=None, fragment=None))


def token_client(
    credentials: KrakenFuturesCredentials,
    *,
    base_url: str | None = None,
    timeout: float | httpx.Timeout | None = None,
    **httpx_args: Any,
) -> AuthenticatedClient:
    """The generated Spot REST client for the token, signed with the credentials' Kraken key pair."""
    if credentials.kraken_api_key is None or credentials.kraken_api_secret is None:
        message = (
            "Kraken's Unified WebSocket needs a Kraken API key with WebSocket access, not the Futures key: "
            "KrakenFuturesCredentials(..., kraken_api_key=, kraken_api_secret=), or KRAKEN_API_KEY and "
            "KRAKEN_API_SECRET"
        )
        raise AuthenticationError(message, exchange=Exchange.KRAKEN_FUTURES, operation=_OPERATION)
    return signed_client(
        AuthenticatedClient,
        credentials=credentials,
        base_url=token_base_url(base_url),
        key=credentials.kraken_api_key,
        key_header="API-Key",
        signer=KrakenSpotAuth(credentials.kraken_api_key, credentials.kraken_api_secret),
        timeout=timeout,
        raise_on_unexpected_status=False,
        httpx_args=httpx_args,
    )


def default_nonce(credentials: KrakenFuturesCredentials) -> NonceSource:
    """Kraken's Spot nonce: "always increasing, unsigned 64-bit integer"; milliseconds, per key, in this process."""
    return shared_clock("kraken_spot", str(credentials.kraken_api_key), "ms", strictly_increasing=True)


async def websocket_token(client: AuthenticatedClient, nonce: NonceSource) -> str:
    """A fresh token; the exchange's refusal as the ExchangeError that names it."""
    try:
        answer = await get_websockets_token.asyncio_detailed(client=client, body=GetWebsocketsTokenBody(nonce=nonce()))
    except ResponseParseError as error:
        # Not the parser's message: it quotes the body, which may hold a token.
        message = f"Kraken's token answer is not the documented JSON ({type(error.cause).__name__})"
        raise UnexpectedResponseError(
            message, exchange=Exchange.KRAKEN_FUTURES, operation=_OPERATION, http_status=error.status_code
        ) from None
    except httpx.HTTPError as error:
        message = f"Kraken's token request failed: {type(error).__name__}"
        raise ExchangeUnavailableError(message, exchange=Exchange.KRAKEN_FUTURES, operation=_OPERATION) from None
    parsed = answer.parsed
    status = int(answer.status_code)
    errors = parsed.error if isinstance(parsed, GetWebsocketsTokenResponse200) and parsed.error else []
    if errors or status != httpx.codes.OK:
        code = str(errors[0]) if errors else None
        # Kraken's own code first; without one, what the status means to every call here (a 429 is throttling, to
        # wait out); an unknown code in a 200 is a refusal of this request.
        fallback = class_for_status(status) if status != httpx.codes.OK else InvalidRequestError
        kind = SPOT_ERRORS.get(code or "", fallback)
        message = f"Kraken refused the Unified WebSocket token: {code or f'HTTP {status}'}"
        refusal = kind(message, exchange=Exchange.KRAKEN_FUTURES, operation=_OPERATION, http_status=status, code=code)
        if isinstance(refusal, RateLimitError):
            refusal.retry_after = parse_retry_after(answer.headers.get("Retry-After"))
        raise refusal
    result = parsed.result if isinstance(parsed, GetWebsocketsTokenResponse200) else None
    token = getattr(result, "token", None)
    if not isinstance(token, str) or not token:
        message = "Kraken's token answer carries no token"
        raise UnexpectedResponseError(
            message, exchange=Exchange.KRAKEN_FUTURES, operation=_OPERATION, http_status=status
        )
    return token
