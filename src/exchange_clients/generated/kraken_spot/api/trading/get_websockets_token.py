from http import HTTPStatus
from typing import Any

import httpx

from exchange_clients.runtime import decode_json

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_websockets_token_body import GetWebsocketsTokenBody
from ...models.get_websockets_token_response_200 import GetWebsocketsTokenResponse200
from ...types import Response


def _get_kwargs(
    *,
    body: GetWebsocketsTokenBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/private/GetWebSocketsToken",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetWebsocketsTokenResponse200 | None:
    if response.status_code == 200:
        response_200 = GetWebsocketsTokenResponse200.from_dict(decode_json(response.content))

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetWebsocketsTokenResponse200]:
    try:
        status_code = HTTPStatus(response.status_code)
        parsed = _parse_response(client=client, response=response)
    except (TypeError, ValueError, AttributeError, KeyError, RecursionError) as error:
        raise errors.ResponseParseError(response.status_code, response.content, error, response.headers) from error
    return Response(
        status_code=status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetWebsocketsTokenBody,
) -> Response[GetWebsocketsTokenResponse200]:
    """Get Websockets Token

     An authentication token must be requested via this REST API endpoint in order to connect to and
    authenticate with our [Websockets API](../guides/spot-ws-auth). The token should be used within 15
    minutes of creation, but it does not expire once a successful Websockets connection and private
    subscription has been made and is maintained.

    **API Key Permissions Required:** `WebSocket interface - On`

    Args:
        body (GetWebsocketsTokenBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetWebsocketsTokenResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: GetWebsocketsTokenBody,
) -> GetWebsocketsTokenResponse200 | None:
    """Get Websockets Token

     An authentication token must be requested via this REST API endpoint in order to connect to and
    authenticate with our [Websockets API](../guides/spot-ws-auth). The token should be used within 15
    minutes of creation, but it does not expire once a successful Websockets connection and private
    subscription has been made and is maintained.

    **API Key Permissions Required:** `WebSocket interface - On`

    Args:
        body (GetWebsocketsTokenBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetWebsocketsTokenResponse200
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetWebsocketsTokenBody,
) -> Response[GetWebsocketsTokenResponse200]:
    """Get Websockets Token

     An authentication token must be requested via this REST API endpoint in order to connect to and
    authenticate with our [Websockets API](../guides/spot-ws-auth). The token should be used within 15
    minutes of creation, but it does not expire once a successful Websockets connection and private
    subscription has been made and is maintained.

    **API Key Permissions Required:** `WebSocket interface - On`

    Args:
        body (GetWebsocketsTokenBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetWebsocketsTokenResponse200]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GetWebsocketsTokenBody,
) -> GetWebsocketsTokenResponse200 | None:
    """Get Websockets Token

     An authentication token must be requested via this REST API endpoint in order to connect to and
    authenticate with our [Websockets API](../guides/spot-ws-auth). The token should be used within 15
    minutes of creation, but it does not expire once a successful Websockets connection and private
    subscription has been made and is maintained.

    **API Key Permissions Required:** `WebSocket interface - On`

    Args:
        body (GetWebsocketsTokenBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetWebsocketsTokenResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
