"""
Gemini's environments and the factory for a signed generated client.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import httpx

from exchange_clients._http import resolve_base_url, signed_client
from exchange_clients._nonce import NonceSource
from exchange_clients._nonce_store import SharedNonceStore
from exchange_clients._transport import DEFAULT_MAX_RESPONSE_BYTES
from exchange_clients.gemini._auth import GeminiAuth, GeminiCredentials
from exchange_clients.generated.gemini import AuthenticatedClient


ENVIRONMENTS = MappingProxyType(
    {
        "production": "https://api.gemini.com",
        "sandbox": "https://api.sandbox.gemini.com",
    }
)


def client(
    credentials: GeminiCredentials,
    *,
    environment: str = "production",
    base_url: str | None = None,
    nonce: NonceSource | None = None,
    nonce_store: SharedNonceStore | None = None,
    timeout: float | httpx.Timeout | None = None,
    raise_on_unexpected_status: bool = True,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    **httpx_args: Any,
) -> AuthenticatedClient:
    """The generated Gemini client for `environment` (or `base_url`), every request signed by GeminiAuth."""
    return signed_client(
        AuthenticatedClient,
        credentials=credentials,
        base_url=resolve_base_url("Gemini", ENVIRONMENTS, environment, base_url),
        key=credentials.api_key,
        key_header="X-GEMINI-APIKEY",
        signer=GeminiAuth(credentials, nonce=nonce, nonce_store=nonce_store),
        timeout=timeout,
        raise_on_unexpected_status=raise_on_unexpected_status,
        httpx_args=httpx_args,
        max_response_bytes=max_response_bytes,
    )
