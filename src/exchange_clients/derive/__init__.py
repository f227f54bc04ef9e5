"""
Derive: credentials, request signing and the signed generated client (`exchange_clients.generated.derive`).
"""

from exchange_clients.derive._auth import DeriveAuth, DeriveCredentials, sign
from exchange_clients.derive._client import ENVIRONMENTS, GENERATIONS, client
from exchange_clients.derive._normalize import parse_order, to_order


__all__ = [
    "ENVIRONMENTS",
    "GENERATIONS",
    "DeriveAuth",
    "DeriveCredentials",
    "client",
    "parse_order",
    "sign",
    "to_order",
]
