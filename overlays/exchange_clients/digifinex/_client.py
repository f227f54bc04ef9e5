"""
DigiFinex's environment and the factory for a signed generated client.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from digifinex_api import AuthenticatedClient

from exchange_clients._http import resolve_base_url
from exchange_clients._nonce import NonceSource
from exchange_clients.digifinex._auth import DigiFinexAuth, DigiFinexCredentials


# DigiFinex documents no sandbox; the simulator (exchange_clients.simulator) stands in for one.
ENVIRONMENTS = MappingProxyType({"production": "https://openapi.digifinex.com"})


def client(
    credentials: DigiFinexCredentials,
    *,
    environment: str = "production",
    base_url: str | None = None,
    nonce: NonceSource | None = None,
    **httpx_args: Any,
) -> AuthenticatedClient:
    """The generated DigiFinex client for `environment` (or `base_url`), every request signed by DigiFinexAuth."""
    return AuthenticatedClient(
        base_url=resolve_base_url("DigiFinex", ENVIRONMENTS, environment, base_url),
        token=credentials.api_key,
        prefix="",
        auth_header_name="ACCESS-KEY",
        raise_on_unexpected_status=True,
        httpx_args={**httpx_args, "auth": DigiFinexAuth(credentials, nonce=nonce)},
    )
