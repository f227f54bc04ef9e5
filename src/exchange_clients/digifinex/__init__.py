"""
DigiFinex: credentials, request signing and the signed generated client (`exchange_clients.generated.digifinex`).
"""

from exchange_clients.digifinex._auth import DigiFinexAuth, DigiFinexCredentials, sign, signed_parameters
from exchange_clients.digifinex._client import ENVIRONMENTS, client
from exchange_clients.digifinex._normalize import parse_order, to_order


__all__ = [
    "ENVIRONMENTS",
    "DigiFinexAuth",
    "DigiFinexCredentials",
    "client",
    "parse_order",
    "sign",
    "signed_parameters",
    "to_order",
]
