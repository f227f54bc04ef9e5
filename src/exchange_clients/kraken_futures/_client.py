"""
Kraken Futures' environments and the factory for a signed generated client.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import httpx

from exchange_clients._http import resolve_base_url, signed_client
from exchange_clients._nonce import NonceSource
from exchange_clients._nonce_store import SharedNonceStore
from exchange_clients._transport import DEFAULT_MAX_RESPONSE_BYTES
from exchange_clients.generated.kraken_futures import AuthenticatedClient
from exchange_clients.kraken_futures._auth import KrakenFuturesAuth, KrakenFuturesCredentials


# Kraken deprecates the Derivatives REST API on 1 March 2027, and a third party reports the demo
# environment retired in July 2026 (unconfirmed): both are kept until Kraken's own pages say otherwise.
ENVIRONMENTS = MappingProxyType(
    {
        "production": "https://futures.kraken.com/derivatives/api/v3",
        "demo": "https://demo-futures.kraken.com/derivatives/api/v3",
    }
)


def client(
    credentials: KrakenFuturesCredentials,
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
    """The generated Kraken Futures client for `environment` (or `base_url`), signed by KrakenFuturesAuth."""
    return signed_client(
        AuthenticatedClient,
        credentials=credentials,
        base_url=resolve_base_url("Kraken Futures", ENVIRONMENTS, environment, base_url),
        key=credentials.api_key,
        key_header="APIKey",
        signer=KrakenFuturesAuth(credentials, nonce=nonce, nonce_store=nonce_store),
        timeout=timeout,
        raise_on_unexpected_status=raise_on_unexpected_status,
        httpx_args=httpx_args,
        max_response_bytes=max_response_bytes,
    )
