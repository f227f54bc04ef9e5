from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from exchange_clients.runtime import decode_json

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.market import Market
from ...models.order_status_response import OrderStatusResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    market: Market,
    *,
    symbol: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["symbol"] = symbol

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/{market}/order/current".format(
            market=quote(str(market), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OrderStatusResponse | None:
    if response.status_code == 200:
        response_200 = OrderStatusResponse.from_dict(decode_json(response.content))

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OrderStatusResponse]:
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
    market: Market,
    *,
    client: AuthenticatedClient,
    symbol: str | Unset = UNSET,
) -> Response[OrderStatusResponse]:
    """Current active orders

     Returns the orders of one market (`spot` or `margin`) that are still
    active: https://docs.digifinex.com/en-ww/spot/v3/rest.html#current-active-orders.
    The answer has the same shape as the order-status answer (the docs'
    example is byte-identical to that endpoint's; see
    tests/fixtures/real/digifinex/official_order_current_buy_partially_executed_margin.json).

    Private endpoint, signed as `/v3/{market}/order` is; the same rate
    limits apply. watch_orders reads it when the stream starts and after
    every reconnect, so that an order that changes while the stream is
    down is found (reference/streaming.md: "plus
    `/v3/{market}/order/current` for open orders").

    Decision: this is a read with no side effects, so it is marked
    `x-idempotent: true` and may be retried.

    Args:
        market (Market): Market in the request path: `spot` or `margin`.
        symbol (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderStatusResponse]
    """

    kwargs = _get_kwargs(
        market=market,
        symbol=symbol,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    market: Market,
    *,
    client: AuthenticatedClient,
    symbol: str | Unset = UNSET,
) -> OrderStatusResponse | None:
    """Current active orders

     Returns the orders of one market (`spot` or `margin`) that are still
    active: https://docs.digifinex.com/en-ww/spot/v3/rest.html#current-active-orders.
    The answer has the same shape as the order-status answer (the docs'
    example is byte-identical to that endpoint's; see
    tests/fixtures/real/digifinex/official_order_current_buy_partially_executed_margin.json).

    Private endpoint, signed as `/v3/{market}/order` is; the same rate
    limits apply. watch_orders reads it when the stream starts and after
    every reconnect, so that an order that changes while the stream is
    down is found (reference/streaming.md: "plus
    `/v3/{market}/order/current` for open orders").

    Decision: this is a read with no side effects, so it is marked
    `x-idempotent: true` and may be retried.

    Args:
        market (Market): Market in the request path: `spot` or `margin`.
        symbol (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderStatusResponse
    """

    return sync_detailed(
        market=market,
        client=client,
        symbol=symbol,
    ).parsed


async def asyncio_detailed(
    market: Market,
    *,
    client: AuthenticatedClient,
    symbol: str | Unset = UNSET,
) -> Response[OrderStatusResponse]:
    """Current active orders

     Returns the orders of one market (`spot` or `margin`) that are still
    active: https://docs.digifinex.com/en-ww/spot/v3/rest.html#current-active-orders.
    The answer has the same shape as the order-status answer (the docs'
    example is byte-identical to that endpoint's; see
    tests/fixtures/real/digifinex/official_order_current_buy_partially_executed_margin.json).

    Private endpoint, signed as `/v3/{market}/order` is; the same rate
    limits apply. watch_orders reads it when the stream starts and after
    every reconnect, so that an order that changes while the stream is
    down is found (reference/streaming.md: "plus
    `/v3/{market}/order/current` for open orders").

    Decision: this is a read with no side effects, so it is marked
    `x-idempotent: true` and may be retried.

    Args:
        market (Market): Market in the request path: `spot` or `margin`.
        symbol (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderStatusResponse]
    """

    kwargs = _get_kwargs(
        market=market,
        symbol=symbol,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    market: Market,
    *,
    client: AuthenticatedClient,
    symbol: str | Unset = UNSET,
) -> OrderStatusResponse | None:
    """Current active orders

     Returns the orders of one market (`spot` or `margin`) that are still
    active: https://docs.digifinex.com/en-ww/spot/v3/rest.html#current-active-orders.
    The answer has the same shape as the order-status answer (the docs'
    example is byte-identical to that endpoint's; see
    tests/fixtures/real/digifinex/official_order_current_buy_partially_executed_margin.json).

    Private endpoint, signed as `/v3/{market}/order` is; the same rate
    limits apply. watch_orders reads it when the stream starts and after
    every reconnect, so that an order that changes while the stream is
    down is found (reference/streaming.md: "plus
    `/v3/{market}/order/current` for open orders").

    Decision: this is a read with no side effects, so it is marked
    `x-idempotent: true` and may be retried.

    Args:
        market (Market): Market in the request path: `spot` or `margin`.
        symbol (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderStatusResponse
    """

    return (
        await asyncio_detailed(
            market=market,
            client=client,
            symbol=symbol,
        )
    ).parsed
