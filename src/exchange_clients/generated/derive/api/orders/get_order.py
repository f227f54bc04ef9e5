from http import HTTPStatus
from typing import Any

import httpx

from exchange_clients.runtime import DiscriminatorMismatch, UnionMismatchError, decode_json

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_order_params import GetOrderParams
from ...models.get_order_response import GetOrderResponse
from ...models.rpc_error_response import RpcErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: GetOrderParams,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/private/get_order",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetOrderResponse | RpcErrorResponse | RpcErrorResponse | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> GetOrderResponse | RpcErrorResponse:
            mismatches: list[tuple[str, Exception]] = []
            try:
                if not isinstance(data, dict):
                    raise TypeError(f"expected GetOrderResponse, got {type(data).__name__}")
                absent = {"id", "result"} - data.keys()
                if absent:
                    raise DiscriminatorMismatch(f"lacks {', '.join(sorted(absent))}")
                response_200_type_0 = GetOrderResponse.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("GetOrderResponse", error))
            try:
                if not isinstance(data, dict):
                    raise TypeError(f"expected RpcErrorResponse, got {type(data).__name__}")
                absent = {"id", "error"} - data.keys()
                if absent:
                    raise DiscriminatorMismatch(f"lacks {', '.join(sorted(absent))}")
                response_200_type_1 = RpcErrorResponse.from_dict(data)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("RpcErrorResponse", error))
            raise UnionMismatchError("response_200", mismatches)

        response_200 = _parse_response_200(decode_json(response.content))

        return response_200

    if response.status_code == 429:
        response_429 = RpcErrorResponse.from_dict(decode_json(response.content))

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetOrderResponse | RpcErrorResponse | RpcErrorResponse]:
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
    body: GetOrderParams,
) -> Response[GetOrderResponse | RpcErrorResponse | RpcErrorResponse]:
    """Get state of an order by order id

     JSON-RPC method `private/get_order`. Returns one order (active or
    completed) by `order_id` and `subaccount_id`; the subaccount filter
    enforces ownership. An unknown order gives error 11006
    (ORDER_NOT_EXIST).

    - Required minimum session key permission level: `read_only`.
    - v2 note: an MMP order does not show up once it is cancelled or
      expired.
    - Rate-limit class: non-matching. Over REST, non-matching requests are
      limited per IP at 10 TPS with a 5x burst; excess requests get HTTP
      429.
    - This is a read, so retrying it is safe (`x-idempotent`).

    Args:
        body (GetOrderParams): The `params` of `private/get_order`, sent as the whole REST body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetOrderResponse | RpcErrorResponse | RpcErrorResponse]
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
    body: GetOrderParams,
) -> GetOrderResponse | RpcErrorResponse | RpcErrorResponse | None:
    """Get state of an order by order id

     JSON-RPC method `private/get_order`. Returns one order (active or
    completed) by `order_id` and `subaccount_id`; the subaccount filter
    enforces ownership. An unknown order gives error 11006
    (ORDER_NOT_EXIST).

    - Required minimum session key permission level: `read_only`.
    - v2 note: an MMP order does not show up once it is cancelled or
      expired.
    - Rate-limit class: non-matching. Over REST, non-matching requests are
      limited per IP at 10 TPS with a 5x burst; excess requests get HTTP
      429.
    - This is a read, so retrying it is safe (`x-idempotent`).

    Args:
        body (GetOrderParams): The `params` of `private/get_order`, sent as the whole REST body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetOrderResponse | RpcErrorResponse | RpcErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GetOrderParams,
) -> Response[GetOrderResponse | RpcErrorResponse | RpcErrorResponse]:
    """Get state of an order by order id

     JSON-RPC method `private/get_order`. Returns one order (active or
    completed) by `order_id` and `subaccount_id`; the subaccount filter
    enforces ownership. An unknown order gives error 11006
    (ORDER_NOT_EXIST).

    - Required minimum session key permission level: `read_only`.
    - v2 note: an MMP order does not show up once it is cancelled or
      expired.
    - Rate-limit class: non-matching. Over REST, non-matching requests are
      limited per IP at 10 TPS with a 5x burst; excess requests get HTTP
      429.
    - This is a read, so retrying it is safe (`x-idempotent`).

    Args:
        body (GetOrderParams): The `params` of `private/get_order`, sent as the whole REST body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetOrderResponse | RpcErrorResponse | RpcErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GetOrderParams,
) -> GetOrderResponse | RpcErrorResponse | RpcErrorResponse | None:
    """Get state of an order by order id

     JSON-RPC method `private/get_order`. Returns one order (active or
    completed) by `order_id` and `subaccount_id`; the subaccount filter
    enforces ownership. An unknown order gives error 11006
    (ORDER_NOT_EXIST).

    - Required minimum session key permission level: `read_only`.
    - v2 note: an MMP order does not show up once it is cancelled or
      expired.
    - Rate-limit class: non-matching. Over REST, non-matching requests are
      limited per IP at 10 TPS with a 5x burst; excess requests get HTTP
      429.
    - This is a read, so retrying it is safe (`x-idempotent`).

    Args:
        body (GetOrderParams): The `params` of `private/get_order`, sent as the whole REST body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetOrderResponse | RpcErrorResponse | RpcErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
