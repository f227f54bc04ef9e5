"""A client library for accessing DigiFinex REST API v3 (order status)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
