"""
Derive: credentials, request signing and the signed generated client (`derive_api`).
"""

from exchange_clients.derive._auth import DeriveAuth, DeriveCredentials, sign
from exchange_clients.derive._client import ENVIRONMENTS, GENERATIONS, client


__all__ = ["ENVIRONMENTS", "GENERATIONS", "DeriveAuth", "DeriveCredentials", "client", "sign"]
