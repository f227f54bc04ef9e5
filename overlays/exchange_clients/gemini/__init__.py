"""
Gemini: credentials, request signing and the signed generated client (`gemini_api`).
"""

from exchange_clients.gemini._auth import GeminiAuth, GeminiCredentials, sign_payload
from exchange_clients.gemini._client import ENVIRONMENTS, client


__all__ = ["ENVIRONMENTS", "GeminiAuth", "GeminiCredentials", "client", "sign_payload"]
