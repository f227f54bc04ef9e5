"""
DigiFinex: credentials, request signing and the signed generated client (`digifinex_api`).
"""

from exchange_clients.digifinex._auth import DigiFinexAuth, DigiFinexCredentials, sign, signed_parameters
from exchange_clients.digifinex._client import ENVIRONMENTS, client


__all__ = ["ENVIRONMENTS", "DigiFinexAuth", "DigiFinexCredentials", "client", "sign", "signed_parameters"]
