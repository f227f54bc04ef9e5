from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from exchange_clients.runtime import decode_json

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.market import Market
from ...models.order_status_response import OrderStatusResponse
from ...types import UNSET, Response


def _get_kwargs(
    market: Market,
    *,
    order_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["order_id"] = order_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/{market}/order".format(
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
    order_id: str,
) -> Response[OrderStatusResponse]:
    """Get order status

     Returns the status of up to 20 orders of one market (`spot` or
    `margin`), identified by order id.

    Private endpoint: the request must carry the `ACCESS-KEY`,
    `ACCESS-SIGN` and `ACCESS-TIMESTAMP` headers (see the `AccessKey`
    security scheme). They are added by the client's signer, not modelled
    as parameters.

    Rate limits: every endpoint has a weight, and the sum of weights per
    IP, API key or user must not exceed 1200; a breach bans for 2 minutes
    (10 and 30 minutes after repeated breaches). The time window of the
    1200 budget and the weight of this endpoint are UNCONFIRMED. A breach
    is signalled by `code` 10005.

    Decision: the path template is `/v3/{market}/order`; the seed's
    heading `/v3/%7Bmarket%7D/order` is only the URL-encoded braces of the
    docs page.

    Decision: this is a read with no side effects, so it is marked
    `x-idempotent: true` and may be retried.

    Args:
        market (Market): Market in the request path: `spot` or `margin`.
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderStatusResponse]
    """

    kwargs = _get_kwargs(
        market=market,
        order_id=order_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    market: Market,
    *,
    client: AuthenticatedClient,
    order_id: str,
) -> OrderStatusResponse | None:
    """Get order status

     Returns the status of up to 20 orders of one market (`spot` or
    `margin`), identified by order id.

    Private endpoint: the request must carry the `ACCESS-KEY`,
    `ACCESS-SIGN` and `ACCESS-TIMESTAMP` headers (see the `AccessKey`
    security scheme). They are added by the client's signer, not modelled
    as parameters.

    Rate limits: every endpoint has a weight, and the sum of weights per
    IP, API key or user must not exceed 1200; a breach bans for 2 minutes
    (10 and 30 minutes after repeated breaches). The time window of the
    1200 budget and the weight of this endpoint are UNCONFIRMED. A breach
    is signalled by `code` 10005.

    Decision: the path template is `/v3/{market}/order`; the seed's
    heading `/v3/%7Bmarket%7D/order` is only the URL-encoded braces of the
    docs page.

    Decision: this is a read with no side effects, so it is marked
    `x-idempotent: true` and may be retried.

    Args:
        market (Market): Market in the request path: `spot` or `margin`.
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrderStatusResponse
    """

    return sync_detailed(
        market=market,
        client=client,
        order_id=order_id,
    ).parsed


async def asyncio_detailed(
    market: Market,
    *,
    client: AuthenticatedClient,
    order_id: str,
) -> Response[OrderStatusResponse]:
    """Get order status

     Returns the status of up to 20 orders of one market (`spot` or
    `margin`), identified by order id.

    Private endpoint: the request must carry the `ACCESS-KEY`,
    `ACCESS-SIGN` and `ACCESS-TIMESTAMP` headers (see the `AccessKey`
    security scheme). They are added by the client's signer, not modelled
    as parameters.

    Rate limits: every endpoint has a weight, and the sum of weights per
    IP, API key or user must not exceed 1200; a breach bans for 2 minutes
    (10 and 30 minutes after repeated breaches). The time window of the
    1200 budget and the weight of this endpoint are UNCONFIRMED. A breach
    is signalled by `code` 10005.

    Decision: the path template is `/v3/{market}/order`; the seed's
    heading `/v3/%7Bmarket%7D/order` is only the URL-encoded braces of the
    docs page.

    Decision: this is a read with no side effects, so it is marked
    `x-idempotent: true` and may be retried.

    Args:
        market (Market): Market in the request path: `spot` or `margin`.
        order_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrderStatusResponse]
    """

    kwargs = _get_kwargs(
        market=market,
        order_id=order_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    market: Market,
    *,
    client: AuthenticatedClient,
    order_id: str,
) -> OrderStatusResponse | None:
    """Get order status

     Returns the status of up to 20 orders of one market (`spot` or
    `margin`), identified by order id.

    Private endpoint: the request must carry the `ACCESS-KEY`,
    `ACCESS-SIGN` and `ACCESS-TIMESTAMP` headers (see the `AccessKey`
    security scheme). They are added by the client's signer, not modelled
    as parameters.

    Rate limits: every endpoint has a weight, and the sum of weights per
    IP, API key or user must not exceed 1200; a breach bans for 2 minutes
    (10 and 30 minutes after repeated breaches). The time window of the
    1200 budget and the weight of this endpoint are UNCONFIRMED. A breach
    is signalled by `code` 10005.

    Decision: the path template is `/v3/{market}/order`; the seed's
    heading `/v3/%7Bmarket%7D/order` is only the URL-encoded braces of the
    docs page.

    Decision: this is a read with no side effects, so it is marked
    `x-idempotent: true` and may be retried.

    Args:
        market (Market): Market in the request path: `spot` or `margin`.
        order_id (str):

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
            order_id=order_id,
        )
    ).parsed
