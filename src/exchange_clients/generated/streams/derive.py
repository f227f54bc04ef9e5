"""
Stream messages of derive, from specs/derive/asyncapi.yaml: written by `nox -s generate` with
datamodel-code-generator 0.89.0; never edit. exchange_clients._messages.read_message reads a decoded message into them.
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import attrs

JsonRpcId: TypeAlias = str | int


@attrs.frozen(kw_only=True)
class LoginParams:
    wallet: str
    timestamp: int
    signature: str


@attrs.frozen(kw_only=True)
class LoginRequest:
    id: JsonRpcId
    method: Literal["public/login"]
    params: LoginParams


@attrs.frozen(kw_only=True)
class LoginResponse:
    id: JsonRpcId
    result: list[int]


@attrs.frozen(kw_only=True)
class SubscribeParams:
    channels: list[str]


@attrs.frozen(kw_only=True)
class SubscribeRequest:
    id: JsonRpcId
    method: Literal["subscribe"]
    params: SubscribeParams


@attrs.frozen(kw_only=True)
class TimeRequest:
    id: JsonRpcId
    method: Literal["public/get_time"]
    params: dict[str, Any] | None = None


@attrs.frozen(kw_only=True)
class TimeResponse:
    id: JsonRpcId
    result: int


@attrs.frozen(kw_only=True)
class SubscribeResult:
    current_subscriptions: list[str]
    status: dict[str, str]


@attrs.frozen(kw_only=True)
class SubscribeResponse:
    id: JsonRpcId
    result: SubscribeResult


@attrs.frozen(kw_only=True)
class RPCError:
    code: int
    message: str
    data: str | None = None


@attrs.frozen(kw_only=True)
class ErrorResponse:
    id: str | int | None
    error: RPCError


@attrs.frozen(kw_only=True)
class OrdersNotificationParams:
    channel: str
    data: list[dict[str, Any]]


@attrs.frozen(kw_only=True)
class OrdersNotification:
    method: Literal["subscription"]
    params: OrdersNotificationParams


LoginRequestPayload: TypeAlias = LoginRequest


LoginResponsePayload: TypeAlias = LoginResponse


SubscribeRequestPayload: TypeAlias = SubscribeRequest


SubscribeResponsePayload: TypeAlias = SubscribeResponse


TimeRequestPayload: TypeAlias = TimeRequest


TimeResponsePayload: TypeAlias = TimeResponse


ErrorResponsePayload: TypeAlias = ErrorResponse


OrdersNotificationPayload: TypeAlias = OrdersNotification
