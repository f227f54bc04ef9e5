from http import HTTPStatus
from typing import Any

import httpx

from exchange_clients.runtime import decode_json

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.order import Order
from ...models.order_status_request import OrderStatusRequest
from ...types import Response


def _get_kwargs(
    *,
    body: OrderStatusRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/order/status",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorResponse | Order | None:
    if response.status_code == 200:
        response_200 = Order.from_dict(decode_json(response.content))

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
) -> Response[ErrorResponse | Order]:
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
    body: OrderStatusRequest,
) -> Response[ErrorResponse | Order]:
    """Get Order Status

     Get the status of one order, identified by `order_id` or by
    `client_order_id`. Set `include_trades` to get its fills in `trades`.

    Roles: the API key needs the Trader role; an OAuth token needs the
    `orders:read` scope.

    Enabled for perpetuals accounts from July 10th, 0100hrs ET onwards.
    Trade info for perpetuals orders submitted before then is not
    available through this endpoint.

    Args:
        body (OrderStatusRequest): Payload of `POST /v1/order/status`. Give either `order_id` or
            `client_order_id`, not both; neither is marked required because the choice is an
            alternative, not a pair (`MissingOrderField` is returned when no order is identified).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Order]
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
    body: OrderStatusRequest,
) -> ErrorResponse | Order | None:
    """Get Order Status

     Get the status of one order, identified by `order_id` or by
    `client_order_id`. Set `include_trades` to get its fills in `trades`.

    Roles: the API key needs the Trader role; an OAuth token needs the
    `orders:read` scope.

    Enabled for perpetuals accounts from July 10th, 0100hrs ET onwards.
    Trade info for perpetuals orders submitted before then is not
    available through this endpoint.

    Args:
        body (OrderStatusRequest): Payload of `POST /v1/order/status`. Give either `order_id` or
            `client_order_id`, not both; neither is marked required because the choice is an
            alternative, not a pair (`MissingOrderField` is returned when no order is identified).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Order
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OrderStatusRequest,
) -> Response[ErrorResponse | Order]:
    """Get Order Status

     Get the status of one order, identified by `order_id` or by
    `client_order_id`. Set `include_trades` to get its fills in `trades`.

    Roles: the API key needs the Trader role; an OAuth token needs the
    `orders:read` scope.

    Enabled for perpetuals accounts from July 10th, 0100hrs ET onwards.
    Trade info for perpetuals orders submitted before then is not
    available through this endpoint.

    Args:
        body (OrderStatusRequest): Payload of `POST /v1/order/status`. Give either `order_id` or
            `client_order_id`, not both; neither is marked required because the choice is an
            alternative, not a pair (`MissingOrderField` is returned when no order is identified).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Order]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OrderStatusRequest,
) -> ErrorResponse | Order | None:
    """Get Order Status

     Get the status of one order, identified by `order_id` or by
    `client_order_id`. Set `include_trades` to get its fills in `trades`.

    Roles: the API key needs the Trader role; an OAuth token needs the
    `orders:read` scope.

    Enabled for perpetuals accounts from July 10th, 0100hrs ET onwards.
    Trade info for perpetuals orders submitted before then is not
    available through this endpoint.

    Args:
        body (OrderStatusRequest): Payload of `POST /v1/order/status`. Give either `order_id` or
            `client_order_id`, not both; neither is marked required because the choice is an
            alternative, not a pair (`MissingOrderField` is returned when no order is identified).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Order
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
