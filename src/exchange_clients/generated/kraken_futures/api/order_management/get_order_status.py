from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from exchange_clients.runtime import DiscriminatorMismatch, UnionMismatchError, decode_json

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.get_order_status_success_response import GetOrderStatusSuccessResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    order_ids: list[UUID] | Unset = UNSET,
    cli_ord_ids: list[str] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_order_ids: list[str] | Unset = UNSET
    if not isinstance(order_ids, Unset):
        json_order_ids = []
        for order_ids_item_data in order_ids:
            order_ids_item = str(order_ids_item_data)
            json_order_ids.append(order_ids_item)

    params["orderIds"] = json_order_ids

    json_cli_ord_ids: list[str] | Unset = UNSET
    if not isinstance(cli_ord_ids, Unset):
        json_cli_ord_ids = cli_ord_ids

    params["cliOrdIds"] = json_cli_ord_ids

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/orders/status",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GetOrderStatusSuccessResponse | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorResponse | GetOrderStatusSuccessResponse:
            mismatches: list[tuple[str, Exception]] = []
            try:
                if not isinstance(data, dict):
                    raise TypeError(f"expected GetOrderStatusSuccessResponse, got {type(data).__name__}")
                absent = {"result", "serverTime", "orders"} - data.keys()
                if absent:
                    raise DiscriminatorMismatch(f"lacks {', '.join(sorted(absent))}")
                response_200_success_response = GetOrderStatusSuccessResponse.from_dict(data)

                return response_200_success_response
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("GetOrderStatusSuccessResponse", error))
            try:
                if not isinstance(data, dict):
                    raise TypeError(f"expected ErrorResponse, got {type(data).__name__}")
                absent = {"result", "serverTime", "error"} - data.keys()
                if absent:
                    raise DiscriminatorMismatch(f"lacks {', '.join(sorted(absent))}")
                response_200_type_1 = ErrorResponse.from_dict(data)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError) as error:
                mismatches.append(("ErrorResponse", error))
            raise UnionMismatchError("response_200", mismatches)

        response_200 = _parse_response_200(decode_json(response.content))

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | GetOrderStatusSuccessResponse]:
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
    order_ids: list[UUID] | Unset = UNSET,
    cli_ord_ids: list[str] | Unset = UNSET,
) -> Response[ErrorResponse | GetOrderStatusSuccessResponse]:
    """Get Specific Orders' Status

     Returns information on specified orders which are open or were filled/cancelled in the last
    5 seconds.

    Args:
        order_ids (list[UUID] | Unset):
        cli_ord_ids (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetOrderStatusSuccessResponse]
    """

    kwargs = _get_kwargs(
        order_ids=order_ids,
        cli_ord_ids=cli_ord_ids,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    order_ids: list[UUID] | Unset = UNSET,
    cli_ord_ids: list[str] | Unset = UNSET,
) -> ErrorResponse | GetOrderStatusSuccessResponse | None:
    """Get Specific Orders' Status

     Returns information on specified orders which are open or were filled/cancelled in the last
    5 seconds.

    Args:
        order_ids (list[UUID] | Unset):
        cli_ord_ids (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetOrderStatusSuccessResponse
    """

    return sync_detailed(
        client=client,
        order_ids=order_ids,
        cli_ord_ids=cli_ord_ids,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    order_ids: list[UUID] | Unset = UNSET,
    cli_ord_ids: list[str] | Unset = UNSET,
) -> Response[ErrorResponse | GetOrderStatusSuccessResponse]:
    """Get Specific Orders' Status

     Returns information on specified orders which are open or were filled/cancelled in the last
    5 seconds.

    Args:
        order_ids (list[UUID] | Unset):
        cli_ord_ids (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GetOrderStatusSuccessResponse]
    """

    kwargs = _get_kwargs(
        order_ids=order_ids,
        cli_ord_ids=cli_ord_ids,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    order_ids: list[UUID] | Unset = UNSET,
    cli_ord_ids: list[str] | Unset = UNSET,
) -> ErrorResponse | GetOrderStatusSuccessResponse | None:
    """Get Specific Orders' Status

     Returns information on specified orders which are open or were filled/cancelled in the last
    5 seconds.

    Args:
        order_ids (list[UUID] | Unset):
        cli_ord_ids (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GetOrderStatusSuccessResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            order_ids=order_ids,
            cli_ord_ids=cli_ord_ids,
        )
    ).parsed
