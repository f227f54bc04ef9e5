"""
Derive's environments and the factory for a signed generated client.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import httpx

from exchange_clients._http import resolve_base_url, signed_client
from exchange_clients._nonce import NonceSource
from exchange_clients._transport import DEFAULT_MAX_RESPONSE_BYTES
from exchange_clients.derive._auth import DeriveAuth, DeriveCredentials, Generation
from exchange_clients.generated.derive import AuthenticatedClient


ENVIRONMENTS = MappingProxyType(
    {
        "production": "https://api.derive.xyz/v3",
        "testnet": "https://testnet.api.derive.xyz/v3",
        "lyra": "https://api.lyra.finance",
        "lyra-demo": "https://api-demo.lyra.finance",
    }
)

# Whether the v2 hosts still answer after Derive v3 is unconfirmed; they stay selectable, with v2 headers.
GENERATIONS: MappingProxyType[str, Generation] = MappingProxyType(
    {"production": "v3", "testnet": "v3", "lyra": "v2", "lyra-demo": "v2"}
)


def client(
    credentials: DeriveCredentials,
    *,
    environment: str = "production",
    base_url: str | None = None,
    nonce: NonceSource | None = None,
    timeout: float | httpx.Timeout | None = None,
    raise_on_unexpected_status: bool = True,
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    **httpx_args: Any,
) -> AuthenticatedClient:
    """
    The generated Derive client for `environment`, every request signed by DeriveAuth.

    With `base_url`, `environment` still chooses the header family (v3 for production and testnet, v2 for
    lyra and lyra-demo).
    """
    url = resolve_base_url("Derive", ENVIRONMENTS, environment, base_url)
    generation = GENERATIONS[environment]
    return signed_client(
        AuthenticatedClient,
        credentials=credentials,
        base_url=url,
        key=credentials.wallet,
        key_header="X-DeriveWallet" if generation == "v3" else "X-LyraWallet",
        signer=DeriveAuth(credentials, nonce=nonce, generation=generation),
        timeout=timeout,
        raise_on_unexpected_status=raise_on_unexpected_status,
        httpx_args=httpx_args,
        max_response_bytes=max_response_bytes,
    )
