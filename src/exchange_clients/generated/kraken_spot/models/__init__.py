"""Contains all the data models used in inputs/outputs"""

from .get_websockets_token_body import GetWebsocketsTokenBody
from .get_websockets_token_response_200 import GetWebsocketsTokenResponse200
from .get_websockets_token_response_200_result import GetWebsocketsTokenResponse200Result

__all__ = (
    "GetWebsocketsTokenBody",
    "GetWebsocketsTokenResponse200",
    "GetWebsocketsTokenResponse200Result",
)
