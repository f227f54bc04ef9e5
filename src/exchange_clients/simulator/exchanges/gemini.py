"""
Gemini's private REST v1: `POST /v1/order/status` and `POST /v1/orders`, signed with an HMAC-SHA384 payload header.

Verification follows https://developer.gemini.com/authentication/api-key (exchange_facts.md section 1.2): the JSON
payload travels base64-encoded in `X-GEMINI-PAYLOAD`, and `X-GEMINI-SIGNATURE` is the lowercase hex HMAC-SHA384 of
that base64 text as sent, keyed with the API secret's UTF-8 bytes. Errors are non-200 answers with
`{"result": "error", "reason", "message"}` (section 1.5).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import re
import time
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs
from starlette.websockets import WebSocket

from exchange_clients.gemini import GeminiCredentials
from exchange_clients.simulator._exchange import SimulatedExchange
from exchange_clients.simulator._orders import SimulatedOrder
from exchange_clients.simulator._state import State
from exchange_clients.simulator._streams import frame_object, serve_queue, stream_logins
from exchange_clients.simulator._wire import Incoming, Reply, json_reply


__all__ = ["SIMULATED", "GeminiAccount", "handle", "signature"]

EXCHANGE = "gemini"
logger = logging.getLogger("exchange_clients.simulator")
TIME_BASED_WINDOW = 30
"""Seconds a time-based nonce may be from the clock, either way (Gemini's API-key page)."""


@attrs.frozen
class GeminiAccount:
    """
    A Gemini API key, its secret and the roles it holds.

    `roles` decides which endpoints answer: order status needs `Trader`, the active-orders list `Trader` or
    `Auditor`; anything else is `MissingRole` (HTTP 403). `time_based_nonce`: the key "uses a time based nonce",
    seconds within 30 s of the clock (Gemini's API-key page); only such keys may open the WebSocket.
    """

    api_key: str
    api_secret: str = attrs.field(repr=False)
    roles: frozenset[str] = frozenset({"Trader"})
    time_based_nonce: bool = False


# The roles each endpoint accepts, from the endpoints' "Roles" paragraphs.
_ROLES = {"/v1/order/status": {"Trader"}, "/v1/orders": {"Trader", "Auditor"}}
# Gemini's conformance fixtures: a payload holds only `request`, `nonce` and the endpoint's own fields.
_FIELDS = {
    "/v1/order/status": {"request", "nonce", "order_id", "client_order_id", "include_trades", "account"},
    "/v1/orders": {"request", "nonce", "account"},
}
_MESSAGES = {
    "EndpointNotFound": "API entry point not found",
    "MissingApikeyHeader": "The X-GEMINI-APIKEY header was missing",
    "MissingPayloadHeader": "The X-GEMINI-PAYLOAD header was missing",
    "MissingSignatureHeader": "The X-GEMINI-SIGNATURE header was missing",
    "InvalidSignature": "The signature did not match the expected signature",
    "InvalidJson": "The JSON provided is invalid",
    "MissingPayloadKey": "The payload is missing the required key 'request'",
    "EndpointMismatch": "The request was submitted to an endpoint different than the one in the payload",
    "MissingNonce": "The nonce was not provided in the payload",
    # The exact text of Gemini's conformance fixture for a nonce that does not increase.
    "InvalidNonce": "Nonce must be greater than the previous nonce",
    "MissingRole": "The API key is missing the role necessary to access this private API endpoint",
    "MissingOrderField": "A required order_id field was not specified",
    "ClientOrderIdMustBeString": "The client_order_id must be a string",
    "OrderNotFound": "The order specified was not found",
}
_STATUS = {"EndpointNotFound": 404, "MissingRole": 403, "OrderNotFound": 404}
_DIGITS = re.compile(r"[0-9]+")
_UINT64_MAX = 2**64 - 1


def signature(api_secret: str, payload_base64: str) -> str:
    """X-GEMINI-SIGNATURE: lowercase hex HMAC-SHA384 of the base64 payload text, keyed with the secret's UTF-8."""
    return hmac.new(api_secret.encode(), payload_base64.encode(), hashlib.sha384).hexdigest()


def _error(reason: str, message: str | None = None) -> Reply:
    # Every reason not listed in _STATUS is a malformed request or malformed authentication: HTTP 400 by Gemini's
    # status table; InvalidSignature's 400 is the spec's Decision (Gemini does not state it).
    body = {"result": "error", "reason": reason, "message": message or _MESSAGES[reason]}
    return json_reply(_STATUS.get(reason, 400), body, rejection=reason)


class _RefusalError(Exception):
    """A Gemini error answer, raised where the check that fails it sits."""

    def __init__(self, reason: str, message: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = message


def handle(incoming: Incoming, state: State) -> Reply:
    """Verify a Gemini private request and answer it as Gemini would."""
    try:
        return _answer(incoming, state)
    except _RefusalError as refusal:
        return _error(refusal.reason, refusal.message)


def _answer(incoming: Incoming, state: State) -> Reply:
    if incoming.method != "POST" or incoming.path not in _ROLES:
        raise _RefusalError("EndpointNotFound")
    account = _authenticate(incoming, state)
    # Decision: the request body is ignored. Gemini's header table sends none (Content-Length: 0); its curl
    # snippets send the JSON as well, and only the header payload is signed.
    payload = _payload(incoming)
    if not _nonce_accepted(account, _nonce(payload), state):
        raise _RefusalError("InvalidNonce")
    # Decision: a nonce that passed is spent even if the request then fails (role, unknown order), as it would be
    # once an authenticated request reached the exchange.
    if not account.roles & _ROLES[incoming.path]:
        # Gemini writes MissingRole in two envelopes (its conformance fixtures missing-role-403-result-envelope and
        # missing-role-403-error-envelope). Decision: this one is served in the second, whose message names the
        # role Get Order Status needs, so that clients meet the `{"error": ...}` body too.
        return json_reply(403, {"error": "MissingRole", "message": "OrderStatus required"}, rejection="MissingRole")
    if incoming.path == "/v1/orders":
        live = [order for order in state.orders.of(EXCHANGE) if order.body["is_live"]]
        return json_reply(200, [_render(order.body, trades=False) for order in live])
    return _order_status(payload, state)


def _nonce_accepted(account: GeminiAccount, nonce: int, state: State) -> bool:
    # An ordinary key's nonce must increase; a time-based key's must be seconds within 30 s of the clock, which is
    # all Gemini's page asks of it (Decision: it may repeat, as the window is the only rule stated).
    if not account.time_based_nonce:
        return state.nonces.advance(EXCHANGE, account.api_key, nonce) == "accepted"
    if not _within_window(nonce, state):
        return False
    state.nonces.record(EXCHANGE, account.api_key, nonce)
    return True


def _within_window(nonce: int, state: State) -> bool:
    """A time-based nonce: seconds within TIME_BASED_WINDOW of the clock, either way."""
    return abs(nonce - state.clock()) <= TIME_BASED_WINDOW


def _account(state: State, api_key: str | None) -> GeminiAccount | None:
    return next((key for key in state.accounts.of_type(GeminiAccount) if key.api_key == api_key), None)


def _signed(account: GeminiAccount, payload_text: str, sent: str) -> bool:
    # Decision: the comparison is exact, so an upper-case hex signature is refused: Gemini documents lowercase.
    return hmac.compare_digest(signature(account.api_secret, payload_text), sent)


def _authenticate(incoming: Incoming, state: State) -> GeminiAccount:
    api_key = incoming.header("X-GEMINI-APIKEY")
    payload_text = incoming.header("X-GEMINI-PAYLOAD")
    sent_signature = incoming.header("X-GEMINI-SIGNATURE")
    if api_key is None:
        raise _RefusalError("MissingApikeyHeader")
    if payload_text is None:
        raise _RefusalError("MissingPayloadHeader")
    if sent_signature is None:
        raise _RefusalError("MissingSignatureHeader")
    account = _account(state, api_key)
    # Decision: an unknown key is InvalidSignature (400): Gemini's reasons have no "unknown key" entry, and to the
    # server a key it does not know has no secret that could match.
    if account is None or not _signed(account, payload_text, sent_signature):
        raise _RefusalError("InvalidSignature")
    return account


def _payload(incoming: Incoming) -> dict[str, Any]:
    # "Whitespace is ignored by the server": drop it, then insist on strict base64. Floats become Decimal so that a
    # fractional nonce is seen for what it is; Python's json keeps integers exact (order_id 2^63-1 survives).
    text = incoming.header("X-GEMINI-PAYLOAD") or ""
    try:
        payload = json.loads(base64.b64decode("".join(text.split()), validate=True), parse_float=Decimal)
    except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError):
        raise _RefusalError("InvalidJson") from None
    if not isinstance(payload, dict):
        raise _RefusalError("InvalidJson")
    if "request" not in payload:
        raise _RefusalError("MissingPayloadKey")
    if payload["request"] != incoming.path:
        raise _RefusalError("EndpointMismatch")
    unexpected = sorted(set(payload) - _FIELDS[incoming.path])
    if unexpected:
        # Decision: Gemini names no reason for an unexpected payload key; InvalidJson says the payload is wrong.
        raise _RefusalError("InvalidJson", f"Unexpected payload key(s): {', '.join(unexpected)}")
    return payload


def _nonce(payload: dict[str, Any]) -> int:
    # A JSON integer or a string of decimal digits, compared by value (Gemini's conformance fixtures). Decision: a
    # fractional or exponent nonce is refused, although some of Gemini's samples send float seconds.
    if "nonce" not in payload:
        raise _RefusalError("MissingNonce")
    value = payload["nonce"]
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and _DIGITS.fullmatch(value):
        return int(value)
    raise _RefusalError("InvalidNonce", "Nonce must be a whole number, as a JSON integer or a string of digits")


def _order_id(value: object) -> int:
    # Gemini documents order_id as "an unsigned 64-bit integer in JSON format", and our client sends one. Decision:
    # a string of decimal digits is accepted too, compared by value: ccxt, the most widely used multi-exchange
    # client, has for years sent Gemini's order_id as a JSON string (gemini.ts fetchOrder, `'order_id': id`),
    # and nothing says Gemini refuses it. The simulator is never stricter than the exchange without evidence.
    if isinstance(value, str) and _DIGITS.fullmatch(value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _UINT64_MAX:
        raise _RefusalError("InvalidJson", "order_id must be an unsigned 64-bit integer")
    return value


def _order_status(payload: dict[str, Any], state: State) -> Reply:
    order_id = payload.get("order_id")
    client_order_id = payload.get("client_order_id")
    include_trades = payload.get("include_trades", False)
    if order_id is not None and client_order_id is not None:
        raise _RefusalError("InvalidJson", "Give order_id or client_order_id, not both")
    if not isinstance(include_trades, bool):
        raise _RefusalError("InvalidJson", "include_trades must be a boolean")
    if client_order_id is not None:
        if not isinstance(client_order_id, str):
            raise _RefusalError("ClientOrderIdMustBeString")
        order = state.orders.by_client_id(EXCHANGE, client_order_id)
    elif order_id is None:
        raise _RefusalError("MissingOrderField")
    else:
        order = state.orders.by_id(EXCHANGE, str(_order_id(order_id)))
    if order is None:
        raise _RefusalError("OrderNotFound")
    return json_reply(200, _render(order.body, trades=include_trades))


def _render(body: Any, *, trades: bool) -> dict[str, Any]:
    # Fills are served only when asked for with include_trades, and then always as a list (empty if none).
    rendered = {key: value for key, value in body.items() if key != "trades"}
    if trades:
        rendered["trades"] = list(body.get("trades", []))
    return rendered


STREAM_PATH = "/"
_STREAM_NONCES = stream_logins(EXCHANGE)
"""The nonce book's name for the WebSocket's nonces, which must increase from one connection to the next."""


def _upgrade_refusal(headers: Mapping[str, str], state: State) -> str | None:
    """Why the upgrade's authentication is refused, or None (Gemini's WebSocket authentication page)."""
    api_key = headers.get("x-gemini-apikey")
    nonce, payload, sent = (headers.get(name) for name in ("x-gemini-nonce", "x-gemini-payload", "x-gemini-signature"))
    account = _account(state, api_key)
    if account is None or nonce is None or payload is None or sent is None or not _DIGITS.fullmatch(nonce):
        return "missing or unknown authentication headers"
    if not (account.time_based_nonce and account.api_key.startswith("account-")):
        return "only account-scoped keys with time-based nonces are accepted"
    if payload != base64.b64encode(nonce.encode()).decode() or not _signed(account, payload, sent):
        return "signature"
    if not _within_window(int(nonce), state):
        return "nonce outside the time window"
    if state.nonces.advance(_STREAM_NONCES, account.api_key, int(nonce)) != "accepted":
        return "nonce not above the last connection's"
    return None


async def stream(websocket: WebSocket, state: State) -> None:
    """
    Gemini's WebSocket: authenticated at the upgrade, `subscribe` to `orders@account`, then `orderUpdate` events.

    A refused upgrade is closed before it is accepted, which the client sees as HTTP 403 (Gemini answers 401; the
    server in front of the simulator cannot choose the status of a refused upgrade). Decision: the nonce of each new
    connection of a key must be above the last one's ("the value must increase across connections for the same key",
    Gemini's prediction-markets WebSocket page), and within the time-based window.
    """
    refusal = "no stream here" if websocket.scope["path"] != STREAM_PATH else _upgrade_refusal(websocket.headers, state)
    if refusal is not None:
        logger.info("gemini stream upgrade refused: %s", refusal)
        await websocket.close(code=1008)
        return
    await websocket.accept()
    while True:
        request = frame_object(await websocket.receive_text())
        method, request_id, params = request.get("method"), request.get("id"), request.get("params")
        if str(method).lower() == "subscribe" and isinstance(params, list) and "orders@account" in params:
            await websocket.send_text(json.dumps({"id": request_id, "status": 200, "result": None}))
            break
        error = {"code": -1002, "msg": "Invalid stream name"}
        await websocket.send_text(json.dumps({"id": request_id, "status": 400, "error": error}))
    with state.streams.connection(EXCHANGE) as subscribed:
        await serve_queue(websocket, subscribed.queue, answer=_pong)


def _pong(text: str) -> str | None:
    # `ping` is a request of Gemini's AsyncAPI document (PingRequest); its answer there is the generic success
    # response, {id, status: 200, result}.
    request = frame_object(text)
    if request.get("method") == "ping":
        return json.dumps({"id": request.get("id"), "status": 200, "result": None})
    return None


_FILL_EVENTS = frozenset({"FILLED", "PARTIALLY_FILLED"})


def stream_message(order: SimulatedOrder, before: SimulatedOrder | None = None) -> str:
    """
    The `orderUpdate` event announcing `order`'s state, from its REST body; zero and empty fields left out.

    `Z` is "for FILLED / PARTIALLY_FILLED, the last execution quantity; for CANCELED and other events, the cumulative
    executed quantity" (Gemini's AsyncAPI document): the last execution is what was executed since `before`.
    """
    body = order.body
    executed, remaining = Decimal(body["executed_amount"]), Decimal(body["remaining_amount"])
    executed_before = Decimal(before.body["executed_amount"]) if before is not None else Decimal(0)
    if body["is_cancelled"]:
        status = "CANCELED"
    elif not body["is_live"]:
        status = "FILLED"
    else:
        status = "PARTIALLY_FILLED" if executed else "OPEN"
    now = time.time_ns()
    event = {
        "e": "orderUpdate",
        "E": now,
        "s": body["symbol"],
        "i": int(body["order_id"]),
        "c": body.get("client_order_id"),
        "S": str(body["side"]).upper(),
        "o": "MARKET" if "market" in str(body["type"]) else "LIMIT",
        "X": status,
        "p": body.get("price"),
        "q": body["original_amount"],
        "z": body["remaining_amount"] if remaining else None,
        "Z": str(executed - executed_before if status in _FILL_EVENTS else executed) if executed else None,
        "T": now,
    }
    return json.dumps({key: value for key, value in event.items() if value not in (None, "", "0")})


SIMULATED = SimulatedExchange(
    handle=handle,
    accounts={
        "gemini": GeminiAccount(
            api_key="account-SimulatedGeminiTrader01",
            api_secret="simulated-gemini-secret-0123456789",  # noqa: S106 - a fake credential
        ),
        "gemini_second_trader": GeminiAccount(
            api_key="account-SimulatedGeminiTrader02",
            api_secret="simulated-gemini-second-secret-987",  # noqa: S106 - a fake credential
        ),
        "gemini_auditor": GeminiAccount(
            api_key="account-SimulatedGeminiAuditor1",
            api_secret="simulated-gemini-auditor-secret-42",  # noqa: S106 - a fake credential
            roles=frozenset({"Auditor"}),
        ),
        # An account-scoped key with a time-based nonce: the only kind Gemini's WebSocket accepts.
        "gemini_time_based": GeminiAccount(
            api_key="account-SimulatedGeminiTimeBased",
            api_secret="simulated-gemini-time-based-secret",  # noqa: S106 - a fake credential
            time_based_nonce=True,
        ),
    },
    credentials=lambda account: GeminiCredentials(
        api_key=account.api_key, api_secret=account.api_secret, time_based_nonce=account.time_based_nonce
    ),
    rate_limited=(429, {"result": "error", "reason": "RateLimit", "message": "Requests were made too frequently"}),
    stream=stream,
    stream_path=STREAM_PATH,
    stream_message=stream_message,
    stream_account="gemini_time_based",
    lifecycle=(
        ("live_unfilled", {}),  # placed: announced as it stands, open and unfilled
        ("live_unfilled", {"executed_amount": "0.4", "remaining_amount": "0.6"}),
        ("live_unfilled", {"executed_amount": "1", "remaining_amount": "0", "is_live": False}),
        ("live_partially_filled", {"is_live": False, "is_cancelled": True}),
    ),
)
