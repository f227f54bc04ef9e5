"""
Gemini: credentials, request signing and the signed generated client (`exchange_clients.generated.gemini`).
"""

from exchange_clients.gemini._auth import GeminiAuth, GeminiCredentials, sign_payload
from exchange_clients.gemini._client import ENVIRONMENTS, client
from exchange_clients.gemini._normalize import parse_order, to_order


__all__ = ["ENVIRONMENTS", "GeminiAuth", "GeminiCredentials", "client", "parse_order", "sign_payload", "to_order"]
