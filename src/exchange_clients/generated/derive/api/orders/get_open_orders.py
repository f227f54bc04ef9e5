from http import HTTPStatus
from typing import Any

import httpx

from exchange_clients.runtime import DiscriminatorMismatch, UnionMismatchError, decode_json

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_open_orders_params import GetOpenOrdersParams
from ...models.get_open_orders_response import GetOpenOrdersResponse
from ...models.rpc_error_response import RpcErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: GetOpenOrdersParams,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/private/get_open_orders",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetOpenOrdersResponse | RpcErrorResponse | RpcErrorResponse | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> GetOpenOrdersResponse | RpcErrorResponse:
            mismatches: list[tuple[str, Exception]] = []
            try:
                if not isinstance(data, dict):
                    raise TypeError(f"expected GetOpenOrdersResponse, got {type(data).__name__}")
                absent = {"id", "result"} - data.keys()
                if absent:
                    raise DiscriminatorMismatch(f"lacks {', '.join(sorted(absent))}")
                response_200_type_0 = GetOpenOrdersResponse.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("GetOpenOrdersResponse", error))
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
) -> Response[GetOpenOrdersResponse | RpcErrorResponse | RpcErrorResponse]:
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
    body: GetOpenOrdersParams,
) -> Response[GetOpenOrdersResponse | RpcErrorResponse | RpcErrorResponse]:
    """Get the open orders of a subaccount

     JSON-RPC method `private/get_open_orders`. Derive's OpenAPI document
    (reference/upstream/derive/specs/openapi.json): "Returns all currently
    open orders for the given subaccount ... Only orders resting on the
    order book are returned: pending trigger orders that have not yet
    fired are available from get_trigger_orders". The result is
    `AggregatedOrdersResult`: `subaccount_id` and `orders`, each the same
    `Order` as `private/get_order` answers with.

    - watch_orders reads it when the stream starts and after every
      reconnect, so that an order that changes while the stream is down is
      found (reference/streaming.md section 5.5).
    - Rate-limit class: non-matching, as for `private/get_order`.
    - This is a read, so retrying it is safe (`x-idempotent`).

    Args:
        body (GetOpenOrdersParams): The `params` of `private/get_open_orders`, sent as the whole
            REST body (upstream `GetOpenOrdersRequest`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetOpenOrdersResponse | RpcErrorResponse | RpcErrorResponse]
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
    body: GetOpenOrdersParams,
) -> GetOpenOrdersResponse | RpcErrorResponse | RpcErrorResponse | None:
    """Get the open orders of a subaccount

     JSON-RPC method `private/get_open_orders`. Derive's OpenAPI document
    (reference/upstream/derive/specs/openapi.json): "Returns all currently
    open orders for the given subaccount ... Only orders resting on the
    order book are returned: pending trigger orders that have not yet
    fired are available from get_trigger_orders". The result is
    `AggregatedOrdersResult`: `subaccount_id` and `orders`, each the same
    `Order` as `private/get_order` answers with.

    - watch_orders reads it when the stream starts and after every
      reconnect, so that an order that changes while the stream is down is
      found (reference/streaming.md section 5.5).
    - Rate-limit class: non-matching, as for `private/get_order`.
    - This is a read, so retrying it is safe (`x-idempotent`).

    Args:
        body (GetOpenOrdersParams): The `params` of `private/get_open_orders`, sent as the whole
            REST body (upstream `GetOpenOrdersRequest`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetOpenOrdersResponse | RpcErrorResponse | RpcErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GetOpenOrdersParams,
) -> Response[GetOpenOrdersResponse | RpcErrorResponse | RpcErrorResponse]:
    """Get the open orders of a subaccount

     JSON-RPC method `private/get_open_orders`. Derive's OpenAPI document
    (reference/upstream/derive/specs/openapi.json): "Returns all currently
    open orders for the given subaccount ... Only orders resting on the
    order book are returned: pending trigger orders that have not yet
    fired are available from get_trigger_orders". The result is
    `AggregatedOrdersResult`: `subaccount_id` and `orders`, each the same
    `Order` as `private/get_order` answers with.

    - watch_orders reads it when the stream starts and after every
      reconnect, so that an order that changes while the stream is down is
      found (reference/streaming.md section 5.5).
    - Rate-limit class: non-matching, as for `private/get_order`.
    - This is a read, so retrying it is safe (`x-idempotent`).

    Args:
        body (GetOpenOrdersParams): The `params` of `private/get_open_orders`, sent as the whole
            REST body (upstream `GetOpenOrdersRequest`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetOpenOrdersResponse | RpcErrorResponse | RpcErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GetOpenOrdersParams,
) -> GetOpenOrdersResponse | RpcErrorResponse | RpcErrorResponse | None:
    """Get the open orders of a subaccount

     JSON-RPC method `private/get_open_orders`. Derive's OpenAPI document
    (reference/upstream/derive/specs/openapi.json): "Returns all currently
    open orders for the given subaccount ... Only orders resting on the
    order book are returned: pending trigger orders that have not yet
    fired are available from get_trigger_orders". The result is
    `AggregatedOrdersResult`: `subaccount_id` and `orders`, each the same
    `Order` as `private/get_order` answers with.

    - watch_orders reads it when the stream starts and after every
      reconnect, so that an order that changes while the stream is down is
      found (reference/streaming.md section 5.5).
    - Rate-limit class: non-matching, as for `private/get_order`.
    - This is a read, so retrying it is safe (`x-idempotent`).

    Args:
        body (GetOpenOrdersParams): The `params` of `private/get_open_orders`, sent as the whole
            REST body (upstream `GetOpenOrdersRequest`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetOpenOrdersResponse | RpcErrorResponse | RpcErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
