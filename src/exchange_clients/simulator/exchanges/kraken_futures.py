"""
Kraken Futures (Derivatives REST v3): `POST /derivatives/api/v3/orders/status`, signed with the `Authent` header.

Verification follows https://docs.kraken.com/api/docs/guides/futures-rest (exchange_facts.md section 2.2):
Authent = base64(HMAC-SHA512(key=base64decode(secret), msg=SHA256(postData + Nonce + endpointPath))), where
endpointPath is the request path without its `/derivatives` prefix and the Nonce header is optional (the empty
string when absent). Errors are HTTP 200 with `{"result": "error", "serverTime", "error"}` (section 2.5).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from urllib.parse import parse_qsl

import attrs

from exchange_clients.kraken_futures import KrakenFuturesCredentials
from exchange_clients.simulator._exchange import SimulatedExchange, catalogue
from exchange_clients.simulator._state import State
from exchange_clients.simulator._wire import Incoming, Reply, json_reply
from exchange_clients.simulator.exchanges._kraken_token import TOKEN_PATH, handle_token
from exchange_clients.simulator.exchanges._kraken_unified import STREAM_PATH, stream, stream_message


__all__ = ["SIMULATED", "KrakenFuturesAccount", "authent", "handle", "server_time"]

EXCHANGE = "kraken_futures"
PATH = "/derivatives/api/v3/orders/status"
# Decision: what a decommissioned API answers is not said by Kraken ("will no longer be available"). The simulator
# answers as a host whose API server is gone does: HTTP 404 with a web server's HTML page, not Kraken's JSON.
_REMOVED_PAGE = (
    b"<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>"
    b"\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)
_DIGITS = re.compile(r"[0-9]+")


@attrs.frozen
class KrakenFuturesAccount:
    """A Kraken Futures API key and its base64-encoded secret, and the account's Kraken API key pair (the token's)."""

    api_key: str
    api_secret: str = attrs.field(repr=False)
    kraken_api_key: str | None = None
    kraken_api_secret: str | None = attrs.field(default=None, repr=False)


def authent(api_secret: str, post_data: bytes, nonce: str, endpoint_path: str) -> str:
    """The Authent header for a request: Kraken's five documented steps."""
    digest = hashlib.sha256(post_data + nonce.encode() + endpoint_path.encode()).digest()
    return base64.b64encode(hmac.new(base64.b64decode(api_secret), digest, hashlib.sha512).digest()).decode()


def server_time(now: float) -> str:
    """Kraken's ISO 8601 UTC time with milliseconds: `2020-08-27T17:03:33.196Z`."""
    moment = datetime.fromtimestamp(now, UTC)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"


def _error(state: State, error: str, status: int = 200) -> Reply:
    # The spec models errors as a branch of the HTTP 200 answer; Kraken's real status for them is unconfirmed.
    return json_reply(
        status, {"result": "error", "serverTime": server_time(state.clock()), "error": error}, rejection=error
    )


def handle(incoming: Incoming, state: State) -> Reply:
    """Verify a Kraken Futures order-status request, or a Spot token request, and answer it as Kraken would."""
    if incoming.path == TOKEN_PATH:
        pairs = state.accounts.of_type(KrakenFuturesAccount)
        keys = {pair.kraken_api_key: pair.kraken_api_secret for pair in pairs if pair.kraken_api_key}
        return handle_token(incoming, state, {key: str(secret) for key, secret in keys.items()})
    if EXCHANGE in state.rest_off:
        return Reply(status=404, content=_REMOVED_PAGE, media_type="text/html", rejection="decommissioned")
    return _order_status(incoming, state)


def _order_status(incoming: Incoming, state: State) -> Reply:  # noqa: PLR0911 - one return per documented refusal
    # Kraken's document gives POST; ccxt, the most widely used multi-exchange client, has read order status with
    # `GET /orders/status` (privateGetOrdersStatus) for years. Decision: both are served, since nothing says Kraken
    # refuses GET; the signed postData is the query string either way.
    if incoming.method not in ("POST", "GET") or incoming.path != PATH:
        # Decision: an unknown endpoint is HTTP 404 with the `notFound` error body.
        return _error(state, "notFound", 404)
    api_key = incoming.header("APIKey")
    sent = incoming.header("Authent")
    nonce = incoming.header("Nonce") or ""
    account = next((key for key in state.accounts.of_type(KrakenFuturesAccount) if key.api_key == api_key), None)
    if account is None or sent is None:
        return _error(state, "authenticationError")
    # postData is the query string exactly as received followed by the raw body, no separator: Kraken's official
    # Python sample (cfRestApiV3.py) signs `postUrl + postBody`. A client puts its parameters in one of the two,
    # so in practice this is whichever it used. Only the post-2024 rule (sign the URL-encoded text as sent) is
    # checked; the older "hash before url-encoding" form was due to be phased out on 1 October 2025.
    expected = authent(account.api_secret, incoming.query + incoming.body, nonce, PATH.removeprefix("/derivatives"))
    if not hmac.compare_digest(expected, sent):
        return _error(state, "authenticationError")
    if nonce:
        if not _DIGITS.fullmatch(nonce):
            # Decision: a Nonce that is not an integer is `invalidArgument`; Kraken documents it as an integer.
            return _error(state, "invalidArgument")
        # Decision: strictly increasing per key, no tolerance for out-of-order nonces (Kraken says it "tolerates
        # nonces that are out of order for a brief period" without saying how long). A nonce seen before is
        # `nonceDuplicate`, one below the last accepted is `nonceBelowThreshold`.
        verdict = state.nonces.advance(EXCHANGE, account.api_key, int(nonce))
        if verdict != "accepted":
            return _error(state, "nonceDuplicate" if verdict == "duplicate" else "nonceBelowThreshold")
    order_ids, client_ids = _requested(incoming)
    if not order_ids and not client_ids:
        # Decision: asking for nothing is `requiredArgumentMissing`.
        return _error(state, "requiredArgumentMissing")
    if not all(_is_uuid(order_id) for order_id in order_ids):
        return _error(state, "invalidArgument")
    found = [state.orders.by_id(EXCHANGE, order_id) for order_id in order_ids]
    found += [state.orders.by_client_id(EXCHANGE, client_id) for client_id in client_ids]
    # Only the ids that exist, each once, in the order asked. Decision: every simulated order counts as open or
    # closed within Kraken's 5-second window, so a missing id is simply one the simulator does not have.
    unique = {order.order_id: order for order in found if order is not None}
    orders = [order.body for order in unique.values()]
    return json_reply(200, {"result": "success", "serverTime": server_time(state.clock()), "orders": orders})


def _requested(incoming: Incoming) -> tuple[list[str], list[str]]:
    # Decision: ids are read from the query string and from a form-encoded body alike, each key repeated
    # (`orderIds=a&orderIds=b`, what httpx sends for a list) and/or holding a comma-separated list: Kraken does
    # not document the array encoding.
    order_ids: list[str] = []
    client_ids: list[str] = []
    for source in (incoming.query, incoming.body):
        for key, value in parse_qsl(source.decode("utf-8", "replace"), keep_blank_values=True):
            target = {"orderIds": order_ids, "cliOrdIds": client_ids}.get(key)
            if target is not None:
                target.extend(item for item in value.split(",") if item)
    return order_ids, client_ids


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


_ENTERED_BOOK = next(order for order in catalogue(EXCHANGE) if order.name == "entered_book").body["order"]

SIMULATED = SimulatedExchange(
    handle=handle,
    accounts={
        "kraken_futures": KrakenFuturesAccount(
            api_key="simulated-kraken-futures-public-key",
            # base64 of the 64 bytes 0x00..0x3f, the secret of exchange_facts.md section 2.3.
            api_secret="AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==",  # noqa: S106
            kraken_api_key="simulated-kraken-spot-public-key",
            # The private key of Kraken's Spot REST authentication guide's worked example: public, and fake.
            kraken_api_secret="kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==",  # noqa: S106
        ),
    },
    credentials=lambda account: KrakenFuturesCredentials(
        api_key=account.api_key,
        api_secret=account.api_secret,
        kraken_api_key=account.kraken_api_key,
        kraken_api_secret=account.kraken_api_secret,
    ),
    # Decision (unconfirmed upstream): Kraken reports throttling in a 200, like its other errors.
    rate_limited=(200, {"result": "error", "serverTime": "2026-11-22T10:00:00.000Z", "error": "apiLimitExceeded"}),
    stream=stream,
    stream_path=STREAM_PATH,
    stream_message=stream_message,
    lifecycle=(
        ("entered_book", {}),  # placed: announced as it stands, open and unfilled
        # Kraken's `quantity` is what is still open: it falls as the order fills.
        ("entered_book", {"order": {**_ENTERED_BOOK, "quantity": Decimal("0.6"), "filled": Decimal("0.4")}}),
        ("entered_book", {"order": {**_ENTERED_BOOK, "quantity": 0, "filled": 1}, "status": "FULLY_EXECUTED"}),
        ("entered_book_partially_filled", {"status": "CANCELLED", "updateReason": "CANCELLED_BY_USER"}),
    ),
)
