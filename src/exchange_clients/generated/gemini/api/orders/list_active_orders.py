from http import HTTPStatus
from typing import Any

import httpx

from exchange_clients.runtime import decode_json

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.active_orders_request import ActiveOrdersRequest
from ...models.error_response import ErrorResponse
from ...models.order import Order
from ...types import Response


def _get_kwargs(
    *,
    body: ActiveOrdersRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/orders",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | list[Order] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = decode_json(response.content)
        if not isinstance(_response_200, list):
            raise TypeError(f"expected a JSON array, got {type(_response_200).__name__}")
        for response_200_item_data in _response_200:
            response_200_item = Order.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(decode_json(response.content))

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(decode_json(response.content))

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(decode_json(response.content))

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(decode_json(response.content))

        return response_404

    if response.status_code == 406:
        response_406 = ErrorResponse.from_dict(decode_json(response.content))

        return response_406

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(decode_json(response.content))

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(decode_json(response.content))

        return response_500

    if response.status_code == 502:
        response_502 = ErrorResponse.from_dict(decode_json(response.content))

        return response_502

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(decode_json(response.content))

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | list[Order]]:
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
    client: AuthenticatedClient,
    body: ActiveOrdersRequest,
) -> Response[ErrorResponse | list[Order]]:
    """List Active Orders

     Get all active orders for your account.

    Roles: the API key needs the Trader or Auditor role; an OAuth token
    needs the `orders:read` scope.

    Enabled for perpetuals accounts from July 10th, 0100hrs ET onwards.

    Args:
        body (ActiveOrdersRequest): Payload of `POST /v1/orders`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[Order]]
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
    client: AuthenticatedClient,
    body: ActiveOrdersRequest,
) -> ErrorResponse | list[Order] | None:
    """List Active Orders

     Get all active orders for your account.

    Roles: the API key needs the Trader or Auditor role; an OAuth token
    needs the `orders:read` scope.

    Enabled for perpetuals accounts from July 10th, 0100hrs ET onwards.

    Args:
        body (ActiveOrdersRequest): Payload of `POST /v1/orders`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[Order]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ActiveOrdersRequest,
) -> Response[ErrorResponse | list[Order]]:
    """List Active Orders

     Get all active orders for your account.

    Roles: the API key needs the Trader or Auditor role; an OAuth token
    needs the `orders:read` scope.

    Enabled for perpetuals accounts from July 10th, 0100hrs ET onwards.

    Args:
        body (ActiveOrdersRequest): Payload of `POST /v1/orders`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[Order]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ActiveOrdersRequest,
) -> ErrorResponse | list[Order] | None:
    """List Active Orders

     Get all active orders for your account.

    Roles: the API key needs the Trader or Auditor role; an OAuth token
    needs the `orders:read` scope.

    Enabled for perpetuals accounts from July 10th, 0100hrs ET onwards.

    Args:
        body (ActiveOrdersRequest): Payload of `POST /v1/orders`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[Order]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
