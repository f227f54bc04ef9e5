"""
Derive's `private/get_order` over REST, in both generations: v3 and v2 ("lyra").

v3 is served at `/v3/private/get_order` with `X-Derive*` headers, v2 at `/private/get_order` with `X-Lyra*` headers.

Verification follows https://docs.derive.xyz/authentication/session-login (exchange_facts.md section 4.2): the
timestamp header is the time in milliseconds as a decimal string, and the signature header is its EIP-191
personal_sign by the wallet's owner key or a registered session key. Errors are JSON-RPC error objects on HTTP 200
(section 4.5; the spec's Decision).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import attrs
from eth_keys.exceptions import BadSignature
from eth_utils.exceptions import ValidationError
from starlette.websockets import WebSocket

from exchange_clients.derive import DeriveCredentials
from exchange_clients.simulator._eth import Account, encode_defunct
from exchange_clients.simulator._exchange import SimulatedExchange
from exchange_clients.simulator._json import dumps
from exchange_clients.simulator._orders import SimulatedOrder
from exchange_clients.simulator._state import State
from exchange_clients.simulator._streams import frame_object, serve_queue, stream_logins
from exchange_clients.simulator._wire import Incoming, Reply, json_reply


__all__ = ["FRESHNESS_MS", "SIMULATED", "DeriveAccount", "handle", "recover_signer"]

EXCHANGE = "derive"
# Decision: a timestamp is fresh within 30 s either side of the simulator's clock; Derive publishes no window.
FRESHNESS_MS = 30_000
# Path -> (generation, header prefix). The header family follows the generation: v3 does not accept X-Lyra*.
_GENERATIONS = {"/v3/private/get_order": ("v3", "X-Derive"), "/private/get_order": ("lyra", "X-Lyra")}
_OPEN_ORDERS_PATHS = {"/v3/private/get_open_orders": ("v3", "X-Derive"), "/private/get_open_orders": ("lyra", "X-Lyra")}
# Members of a v3 order that the v2 ("lyra") generation does not send.
_V3_ONLY = {
    "extra_fee",
    "signed_limit_price",
    "algo_type",
    "algo_duration_sec",
    "algo_num_slices",
    "algo_slices_completed",
}
_DIGITS = re.compile(r"[0-9]+")
_HEX = re.compile(r"(0[xX])?([0-9a-fA-F]{130})")


@attrs.frozen
class DeriveAccount:
    """
    A Derive smart-contract wallet, the owner key that signs for it, its registered session keys and subaccount.

    The wallet is a contract address that cannot sign; requests are signed by the owner's key (`private_key`) or by
    one of `session_private_keys`, and the simulator accepts exactly the addresses of those keys (`signers`).
    """

    wallet: str
    private_key: str = attrs.field(repr=False)
    subaccount_id: int
    session_private_keys: tuple[str, ...] = attrs.field(default=(), repr=False)

    @property
    def owner(self) -> str:
        """The checksummed address of the owner key."""
        return str(Account.from_key(self.private_key).address)

    @property
    def signers(self) -> frozenset[str]:
        """Every address whose signature the simulator accepts for this wallet, lowercased."""
        keys = (self.private_key, *self.session_private_keys)
        return frozenset(str(Account.from_key(key).address).lower() for key in keys)


def recover_signer(timestamp: str, signature: str) -> str | None:
    """
    The lowercased address that signed `timestamp` with EIP-191 personal_sign, or None if the signature is unusable.

    The signature is 65 bytes (r, s, v) of hex, with or without `0x` (Derive's JS example sends it prefixed, its
    Python SDK may not).
    """
    match = _HEX.fullmatch(signature)
    if match is None:
        return None
    try:
        address = Account.recover_message(encode_defunct(text=timestamp), signature=bytes.fromhex(match.group(2)))
    except (BadSignature, ValidationError, ValueError):
        return None
    return str(address).lower()


class _RefusalError(Exception):
    """A JSON-RPC error answer, raised where the check that fails it sits."""

    def __init__(self, code: int, message: str, *, data: Any = None, status: int = 200, null_id: bool = False) -> None:
        super().__init__(code, message)
        self.code, self.message, self.data, self.status, self.null_id = code, message, data, status, null_id


def handle(incoming: Incoming, state: State) -> Reply:
    """Verify a Derive `private/get_order` or `private/get_open_orders` request and answer it as Derive would."""
    listing = incoming.path in _OPEN_ORDERS_PATHS
    generation, prefix = (_OPEN_ORDERS_PATHS if listing else _GENERATIONS).get(incoming.path, ("v3", ""))
    answer = _Answerer(generation, state)
    if not prefix or incoming.method != "POST":
        return answer.error(_RefusalError(-32601, "Method not found", status=404))
    try:
        _authenticate(incoming, prefix, state)
        if listing:
            return answer.open_orders(_open_orders(incoming, state))
        return answer.result(_find_order(incoming, generation, state))
    except _RefusalError as refusal:
        return answer.error(refusal)


def _authenticate(incoming: Incoming, prefix: str, state: State) -> None:
    # Decision: the three values are read from headers only. Derive's docs say its server also takes them from the
    # request params; a REST client sends headers, and accepting both would hide a client that forgot them.
    wallet = incoming.header(f"{prefix}Wallet")
    if wallet is None:
        raise _RefusalError(14021, "Header wallet missing")
    timestamp = incoming.header(f"{prefix}Timestamp")
    refusal = _login_refusal(wallet, timestamp, incoming.header(f"{prefix}Signature"), prefix, state)
    if refusal is not None:
        raise refusal
    # Decision: only the window is enforced; a timestamp may be reused (Derive calls it the anti-replay token but
    # documents no uniqueness rule for REST). Each accepted one is recorded.
    account = state.accounts.named(EXCHANGE, DeriveAccount)
    state.nonces.record(EXCHANGE, account.wallet.lower(), int(str(timestamp)))


def _login_refusal(
    wallet: str, timestamp: str | None, signature: str | None, prefix: str, state: State
) -> _RefusalError | None:
    """Why a signed login is refused (a REST request's headers, or the stream's public/login), or None."""
    account = state.accounts.named(EXCHANGE, DeriveAccount)
    if wallet.lower() not in _wallets(account, prefix):
        return _RefusalError(14000, "Account not found")
    if timestamp is None or signature is None or not _DIGITS.fullmatch(timestamp):
        return _RefusalError(14014, "Invalid signature")
    if recover_signer(timestamp, signature) not in account.signers:
        return _RefusalError(14014, "Invalid signature")
    if abs(int(timestamp) - state.clock() * 1000) > FRESHNESS_MS:
        # Decision: a stale or future timestamp is reported as 14014 too; Derive names no code for it.
        return _RefusalError(14014, "Invalid signature", data="timestamp outside the freshness window")
    return None


def _wallets(account: DeriveAccount, prefix: str) -> frozenset[str]:
    # v2's docs say X-LyraWallet is the smart-contract (LightAccount) wallet, not the owner EOA. Decision: v3 also
    # takes the owner's address: ccxt's Derive v3 support (4.5.88 and later) says v3 abolished the separate wallet
    # and sends the owner's address, and Derive's v3 session-login docs sign with the owner key. The contract wallet
    # stays accepted on v3 too, since Derive does not say it was refused; the client still sends the configured one.
    if prefix == "X-Lyra":
        return frozenset({account.wallet.lower()})
    return frozenset({account.wallet.lower(), account.owner.lower()})


def _find_order(incoming: Incoming, generation: str, state: State) -> Any:
    params = _params(incoming)
    problem = _params_problem(params)
    if problem is not None:
        raise _RefusalError(-32602, "Invalid params", data=problem)
    if params["subaccount_id"] != state.accounts.named(EXCHANGE, DeriveAccount).subaccount_id:
        raise _RefusalError(14001, "Subaccount not found")
    order = state.orders.by_id(EXCHANGE, params["order_id"])
    # The subaccount filter "enforces ownership"; v2 has no `rejected` status, so it does not know such an order.
    if (
        order is None
        or order.body["subaccount_id"] != params["subaccount_id"]
        or (generation == "lyra" and order.body["order_status"] == "rejected")
    ):
        raise _RefusalError(11006, "Order does not exist")
    return order.body


def _open_orders(incoming: Incoming, state: State) -> tuple[int, list[Any]]:
    # "Only orders resting on the order book are returned: pending trigger orders that have not yet fired are
    # available from get_trigger_orders" (Derive's OpenAPI document): the subaccount's `open` orders.
    params = _params(incoming)
    subaccount_id = params.get("subaccount_id") if isinstance(params, dict) else None
    if isinstance(subaccount_id, bool) or not isinstance(subaccount_id, int):
        raise _RefusalError(-32602, "Invalid params", data="subaccount_id: expected an integer")
    if subaccount_id != state.accounts.named(EXCHANGE, DeriveAccount).subaccount_id:
        raise _RefusalError(14001, "Subaccount not found")
    orders = [
        order.body
        for order in state.orders.of(EXCHANGE)
        if order.body["subaccount_id"] == subaccount_id and order.body["order_status"] == "open"
    ]
    return subaccount_id, orders


def _params(incoming: Incoming) -> Any:
    try:
        return json.loads(incoming.body, parse_float=Decimal)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise _RefusalError(-32700, "Parse error", null_id=True) from None


def _params_problem(params: Any) -> str | None:
    # The REST body is the params object itself, not a JSON-RPC frame; the docs' required members, typed.
    if not isinstance(params, dict):
        return "params must be an object"
    if not isinstance(params.get("order_id"), str):
        return "order_id: expected a string"
    subaccount_id = params.get("subaccount_id")
    if isinstance(subaccount_id, bool) or not isinstance(subaccount_id, int):
        return "subaccount_id: expected an integer"
    return None


class _Answerer:
    """JSON-RPC envelopes in one generation's shape: v3 adds `"jsonrpc": "2.0"`, v2 leaves it out."""

    def __init__(self, generation: str, state: State) -> None:
        self._generation = generation
        # Decision: REST requests carry no JSON-RPC id, so the simulator numbers its answers 1, 2, 3, ...
        self._rpc_id = state.next_rpc_id()

    def _envelope(self, rpc_id: int | None, **members: Any) -> dict[str, Any]:
        head: dict[str, Any] = {"jsonrpc": "2.0"} if self._generation == "v3" else {}
        return head | {"id": rpc_id} | members

    def error(self, refusal: _RefusalError) -> Reply:
        """The refusal as a JSON-RPC error; an unreadable request's id is null, as JSON-RPC says."""
        error = {"code": refusal.code, "message": refusal.message, "data": refusal.data}
        envelope = self._envelope(None if refusal.null_id else self._rpc_id, error=error)
        return json_reply(refusal.status, envelope, rejection=str(refusal.code))

    def result(self, order: Any) -> Reply:
        """The order, in this generation's shape (v2: integer nonce, no v3-only members)."""
        return json_reply(200, self._envelope(self._rpc_id, result=self._shaped(order)))

    def open_orders(self, listing: tuple[int, list[Any]]) -> Reply:
        """A subaccount's open orders: `{subaccount_id, orders}`, each order in this generation's shape."""
        subaccount_id, orders = listing
        result = {"subaccount_id": subaccount_id, "orders": [self._shaped(order) for order in orders]}
        return json_reply(200, self._envelope(self._rpc_id, result=result))

    def _shaped(self, order: Any) -> Any:
        if self._generation == "lyra":
            return {key: value for key, value in order.items() if key not in _V3_ONLY} | {"nonce": int(order["nonce"])}
        return order


STREAM_PATH = "/v3/ws"
STREAM_LOGINS = stream_logins(EXCHANGE)
"""Where the login timestamps of stream connections are recorded, apart from REST's (Simulator.stream_logins)."""


async def stream(websocket: WebSocket, state: State) -> None:
    """
    Derive's WebSocket: `public/login`, then `subscribe` to `{subaccount_id}.orders`, then order notifications.

    Login is checked as REST's headers are (the same signers, the same freshness window); a private channel asked
    for before login, or another subaccount's, answers with its error text in the subscribe result's `status`, which
    Derive's document says maps each channel to "ok" or an error string. Decision: only the v3 path is served; the
    v2 ("lyra") hosts' stream is not simulated.
    """
    if websocket.scope["path"] != STREAM_PATH:
        await websocket.close(code=1008, reason="not a stream path")
        return
    await websocket.accept()
    account = state.accounts.named(EXCHANGE, DeriveAccount)
    logged_in = False
    while True:
        request = frame_object(await websocket.receive_text())
        method, request_id, params = request.get("method"), request.get("id"), request.get("params") or {}
        if method == "public/login":
            logged_in = _logged_in(params, account, state)
            reply = {"id": request_id, "result": [account.subaccount_id]} if logged_in else _ws_error(request_id)
            await websocket.send_text(json.dumps(reply))
        elif method == "subscribe":
            wanted = f"{account.subaccount_id}.orders"
            channels = [channel for channel in params.get("channels") or [] if isinstance(channel, str)]
            status = {channel: _channel_status(channel, wanted, logged_in=logged_in) for channel in channels}
            result = {"status": status, "current_subscriptions": [c for c, s in status.items() if s == "ok"]}
            await websocket.send_text(json.dumps({"id": request_id, "result": result}))
            if status.get(wanted) == "ok":
                break
        else:
            error = {"code": -32601, "message": "Method not found"}
            await websocket.send_text(json.dumps({"id": request_id, "error": error}))
    with state.streams.connection(EXCHANGE) as subscribed:
        await serve_queue(websocket, subscribed.queue, answer=lambda text: _time(text, state))


def _time(text: str, state: State) -> str | None:
    # `public/get_time` (Derive's OpenAPI document: the server time in milliseconds, no parameters, no login).
    request = frame_object(text)
    if request.get("method") == "public/get_time":
        return json.dumps({"id": request.get("id"), "result": int(state.clock() * 1000)})
    return None


def _logged_in(params: Any, account: DeriveAccount, state: State) -> bool:
    wallet, timestamp, signature = (params.get(key) for key in ("wallet", "timestamp", "signature"))
    if not (isinstance(wallet, str) and isinstance(signature, str)):
        return False
    text = str(timestamp) if isinstance(timestamp, int) and not isinstance(timestamp, bool) else timestamp
    if not isinstance(text, str) or _login_refusal(wallet, text, signature, "X-Derive", state) is not None:
        return False
    state.nonces.record(STREAM_LOGINS, account.wallet.lower(), int(text))
    return True


def _ws_error(request_id: object) -> dict[str, Any]:
    # The REST refusal's code and message for a signature Derive does not accept (error_codes.yaml: 14014).
    return {"id": request_id, "error": {"code": 14014, "message": "Invalid signature"}}


def _channel_status(channel: str, wanted: str, *, logged_in: bool) -> str:
    if channel != wanted:
        return "error: not this account's channel"
    return "ok" if logged_in else "error: not logged in"


def stream_message(order: SimulatedOrder, _before: SimulatedOrder | None = None) -> str:
    """The notification announcing `order`'s state on `{subaccount_id}.orders` (the v3 body, as REST serves it)."""
    channel = f"{order.body['subaccount_id']}.orders"
    notification = {"method": "subscription", "params": {"channel": channel, "data": [order.body]}}
    return dumps(notification).decode()


SIMULATED = SimulatedExchange(
    handle=handle,
    accounts={
        "derive": DeriveAccount(
            # A made-up contract address: the LightAccount wallet, distinct from every signer's address.
            wallet="0x5a1A5a1a5A1A5a1a5a1A5A1a5a1a5A1A5a1A5A1a",
            # Hardhat development keys #1 (owner) and #2 (session key): public test keys, never real funds.
            private_key="0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
            subaccount_id=30769,
            session_private_keys=("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",),
        ),
    },
    credentials=lambda account: DeriveCredentials(
        wallet=account.wallet, private_key=account.private_key, subaccount_id=account.subaccount_id
    ),
    rate_limited=(429, {"jsonrpc": "2.0", "id": None, "error": {"code": -32000, "message": "Rate limit exceeded"}}),
    # The nonce book keys Derive by wallet address, which is case-insensitive.
    nonce_key=str.lower,
    stream=stream,
    stream_path=STREAM_PATH,
    stream_message=stream_message,
    lifecycle=(
        ("open", {}),  # placed: announced as it stands, open and unfilled
        ("open", {"filled_amount": "0.4"}),
        ("open", {"filled_amount": "1.5", "order_status": "filled"}),
        ("open_partially_filled", {"order_status": "cancelled", "cancel_reason": "user_request"}),
    ),
)
