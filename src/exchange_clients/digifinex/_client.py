"""
DigiFinex's environment and the factory for a signed generated client.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import httpx

from exchange_clients._http import resolve_base_url, signed_client
from exchange_clients._nonce import NonceSource
from exchange_clients._transport import DEFAULT_MAX_RESPONSE_BYTES
from exchange_clients.digifinex._auth import DigiFinexAuth, DigiFinexCredentials
from exchange_clients.generated.digifinex import AuthenticatedClient


# DigiFinex documents no sandbox; the simulator (exchange_clients.simulator) stands in for one.
ENVIRONMENTS = MappingProxyType({"production": "https://openapi.digifinex.com"})


def client(
    credentials: DigiFinexCredentials,
    *,
    environment: str = "production",
    base_url: str | None = None,
    nonce: NonceSource | None = None,
    timeout: float | httpx.Timeout | None = None,
    raise_on_unexpected_status: bool = True,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    **httpx_args: Any,
) -> AuthenticatedClient:
    """The generated DigiFinex client for `environment` (or `base_url`), every request signed by DigiFinexAuth."""
    return signed_client(
        AuthenticatedClient,
        credentials=credentials,
        base_url=resolve_base_url("DigiFinex", ENVIRONMENTS, environment, base_url),
        key=credentials.api_key,
        key_header="ACCESS-KEY",
        signer=DigiFinexAuth(credentials, nonce=nonce),
        timeout=timeout,
        raise_on_unexpected_status=raise_on_unexpected_status,
        httpx_args=httpx_args,
        max_response_bytes=max_response_bytes,
    )
