"""
The shared signing machinery: one-pass header writes, keyed HMACs, Gemini's spliced payload, the unlogged path.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import json
import logging
import threading
import time
from pathlib import Path
from typing import Any

import filelock
import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import exchange_clients as ec
from exchange_clients import gemini
from exchange_clients._logging import LoggedAuth
from exchange_clients._ordering import _acquire_without_blocking, _enter_without_blocking
from exchange_clients._signing import SignedHeaders, keyed_mac
from exchange_clients.gemini._auth import payload_json


def _built_request() -> httpx.Request:
    # Not through an httpx.Client: building one loads an SSL context (tens of ms), past Hypothesis's deadline when a
    # few are built per example. The request still carries the headers a client's would: Host, Content-Length and
    # Content-Type from httpx, and one of the caller's.
    return httpx.Request(
        "POST", "https://api.example.com/v1/order/status", headers={"X-Custom": "kept"}, json={"order_id": 1}
    )


FIXED_NAMES = ("X-Signed-Key", "Content-Type")
SIGNED_NAMES = ("Content-Length", "x-custom-second")
HEADER_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
# What signers sign into headers: digits, hex and base64, printable ASCII.
SIGNED_TEXT = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=20)


@given(
    fixed=st.lists(HEADER_TEXT, min_size=2, max_size=2),
    signed=st.lists(SIGNED_TEXT, min_size=2, max_size=2),
    requests=st.integers(min_value=1, max_value=3),
)
def test_signed_headers_write_what_setitem_writes(fixed: list[str], signed: list[str], requests: int) -> None:
    """SignedHeaders writes the same headers and bytes as __setitem__ would, request after request."""
    writer = SignedHeaders(dict(zip(FIXED_NAMES, fixed, strict=True)), *SIGNED_NAMES)
    first, second = (value.encode() for value in signed)  # signers hand over the bytes they computed
    for _ in range(requests):  # the fixed triples are shared by every request the writer signs
        expected = _built_request()
        for name, value in zip(FIXED_NAMES + SIGNED_NAMES, fixed + signed, strict=True):
            expected.headers[name] = value
        actual = _built_request()

        writer.set(actual.headers, first, second)

        assert sorted(actual.headers.raw) == sorted(expected.headers.raw)
        for name in FIXED_NAMES + SIGNED_NAMES:
            assert actual.headers.get_list(name) == expected.headers.get_list(name)
        assert actual.headers["X-Custom"] == "kept"


def test_signed_headers_replace_duplicates_of_a_name() -> None:
    """Every earlier header of a signed or fixed name goes, so the exchange sees the signer's value only."""
    headers = httpx.Headers([("Nonce", "1"), ("nonce", "2"), ("apikey", "old"), ("authent", "old"), ("Other", "x")])

    SignedHeaders({"APIKey": "new"}, "Nonce", "Authent").set(headers, b"3", b"signed")

    assert headers.get_list("nonce") == ["3"]
    assert headers.get_list("authent") == ["signed"]
    assert headers.get_list("apikey") == ["new"]
    assert headers["other"] == "x"


def test_signed_headers_repr_names_no_value() -> None:
    writer = SignedHeaders({"X-Api-Key": "fake-api-key-value"}, "X-Timestamp", "X-Signature")

    assert repr(writer) == "SignedHeaders(X-Api-Key, X-Timestamp, X-Signature)"


@given(
    digest=st.sampled_from(["sha256", "sha384", "sha512"]),
    # Around both block sizes (64, 128): a longer key is hashed first, a shorter one padded.
    secret=st.binary(max_size=200) | st.sampled_from([bytes(n) for n in (63, 64, 65, 127, 128, 129)]),
    messages=st.lists(st.binary(max_size=300), min_size=1, max_size=3),
)
def test_keyed_mac_equals_hmac(digest: str, secret: bytes, messages: list[bytes]) -> None:
    """keyed_mac is hmac.new's HMAC, message after message from one keyed state."""
    mac = keyed_mac(secret, digest)

    for message in messages:
        assert mac.of(message).digest() == hmac.digest(secret, message, digest)
        assert mac.of(message).hexdigest() == hmac.new(secret, message, digest).hexdigest()


@pytest.mark.parametrize("digest", ["sha256", "sha384", "sha512"])
def test_keyed_mac_repr_names_the_digest_not_the_secret(digest: str) -> None:
    mac = keyed_mac(b"fake-secret", digest)

    assert "fake-secret" not in repr(mac)
    assert digest in repr(mac)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
SIGNER_KEYS = st.sampled_from(["request", "nonce", "account", "order_id", "re\\quest", "client_order_id"])


@given(
    fields=st.dictionaries(SIGNER_KEYS | st.text(max_size=8), JSON_VALUES, max_size=5),
    account=st.none() | st.text(min_size=1, max_size=8),
    compact=st.booleans(),
)
def test_gemini_payload_is_the_body_with_the_signers_keys(
    fields: dict[str, Any],
    account: str | None,
    compact: bool,  # noqa: FBT001 - drawn by hypothesis
) -> None:
    """Spliced or rewritten, the payload is the body's object with request and nonce set, account when missing."""
    body = json.dumps(fields, separators=(",", ":") if compact else None).encode()

    payload = json.loads(payload_json(body, "/v1/order/status", 1700000000000, account))

    expected = {**fields, "request": "/v1/order/status", "nonce": 1700000000000}
    if account is not None:
        expected.setdefault("account", account)
    assert payload == expected


def test_gemini_payload_splices_the_body_bytes_unchanged() -> None:
    """The fast path keeps the body's bytes, so an order_id beyond 2^53 stays exact without decoding."""
    body = b'{"order_id":9223372036854775807,"include_trades":true}'

    assert payload_json(body, "/v1/order/status", 7, None) == (
        b'{"request":"/v1/order/status","nonce":7,"order_id":9223372036854775807,"include_trades":true}'
    )


def test_unlogged_flow_is_the_signers_own_and_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    """Below DEBUG nothing is logged, and the request is signed as the signer alone signs it."""
    credentials = gemini.GeminiCredentials(api_key="fake-key", api_secret="fake-secret")
    signer = gemini.GeminiAuth(credentials, nonce=lambda: 42)
    caplog.set_level(logging.INFO, logger="exchange_clients")

    flow = LoggedAuth(signer).sync_auth_flow(httpx.Request("POST", "https://api.gemini.com/v1/order/status", json={}))
    signed = next(flow)
    flow.close()

    payload = json.loads(base64.b64decode(signed.headers["X-GEMINI-PAYLOAD"]))
    assert payload == {"request": "/v1/order/status", "nonce": 42}
    expected = hmac.new(b"fake-secret", signed.headers["X-GEMINI-PAYLOAD"].encode(), hashlib.sha384).hexdigest()
    assert signed.headers["X-GEMINI-SIGNATURE"] == expected
    assert not [record for record in caplog.records if record.name.startswith("exchange_clients")]


def test_a_blocking_call_from_a_coroutine_signs_without_waiting_for_the_keys_lock() -> None:
    """Inside an event loop the sync flow goes unlocked: the loop may hold the key's lock it cannot release."""
    credentials = gemini.GeminiCredentials(api_key="fake-key-loop", api_secret="fake-secret")
    signer = gemini.GeminiAuth(credentials, nonce=lambda: 42)
    held = signer._ordered.ordering.thread_lock  # noqa: SLF001 - the lock the flow would wait for
    held.acquire()
    # Released after 2 s at the latest, so a flow that wrongly waits shows up as slow instead of hanging the run.
    releaser = threading.Timer(2.0, held.release)
    releaser.start()

    async def sign_from_a_coroutine() -> float:
        started = time.monotonic()
        flow = signer.sync_auth_flow(httpx.Request("POST", "https://api.gemini.com/v1/order/status", json={}))
        next(flow)
        flow.close()
        return time.monotonic() - started

    try:
        assert asyncio.run(sign_from_a_coroutine()) < 1.0
        assert held.locked()  # and it did not take or release the key's lock
    finally:
        releaser.cancel()
        if held.locked():
            held.release()


def test_a_cancelled_wait_for_the_file_lock_leaves_it_to_its_holder(tmp_path: Path) -> None:
    """Cancelled while another holds the file lock: the waiter never took it, so nothing is released or leaked."""
    path = tmp_path / "key.lock"
    holder = filelock.FileLock(path, thread_local=False)
    holder.acquire()
    waiter = filelock.FileLock(path, thread_local=False, is_singleton=False)

    async def cancel_while_waiting() -> None:
        waiting = asyncio.ensure_future(_enter_without_blocking(waiter))
        await asyncio.sleep(0.05)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting

    asyncio.run(cancel_while_waiting())

    assert holder.is_locked
    assert not waiter.is_locked
    holder.release()
    waiter.acquire(timeout=1)  # free for the next one once its holder lets go
    waiter.release()


def test_a_wait_abandoned_with_its_loop_leaves_no_lock_held() -> None:
    """A coroutine waiting for a key's lock whose loop is closed leaves nothing behind: the lock is free after."""
    lock = threading.Lock()
    lock.acquire()  # another thread's request in flight
    loop = asyncio.new_event_loop()
    waiting = loop.create_task(_acquire_without_blocking(lock))
    loop.run_until_complete(asyncio.sleep(0.05))
    loop.close()  # the application stops its loop with the wait still pending
    del waiting

    lock.release()  # the other request ends

    assert lock.acquire(timeout=1)  # with a worker thread left waiting, it would take the lock and keep it
    lock.release()


def test_a_cancelled_wait_never_releases_anothers_lock() -> None:
    """Cancelling a coroutine that waits for a held lock leaves the holder holding it."""
    lock = threading.Lock()
    lock.acquire()

    async def cancel_while_waiting() -> None:
        waiting = asyncio.ensure_future(_acquire_without_blocking(lock))
        await asyncio.sleep(0.05)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
        await asyncio.sleep(0.05)

    asyncio.run(cancel_while_waiting())

    assert lock.locked()
    lock.release()  # still the holder's to release: no RuntimeError


@pytest.mark.parametrize("body", [{"order_id": 1}, "orders", 7], ids=["object", "string", "number"])
def test_a_list_answer_that_is_not_an_array_is_an_unexpected_response(body: object) -> None:
    """The list parser lets go of each decoded element as it goes; anything but an array is refused first."""

    def answer(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    credentials = gemini.GeminiCredentials(api_key="fake-key", api_secret="fake-secret")
    with (
        ec.connect("gemini", credentials, httpx_args={"transport": httpx.MockTransport(answer)}) as client,
        pytest.raises(ec.UnexpectedResponseError) as raised,
    ):
        client.list_open_orders()

    assert raised.value.http_status == 200
    assert "TypeError: expected a JSON array" in raised.value.message


def test_a_list_answer_keeps_its_orders_in_order() -> None:
    """Letting go of decoded elements changes nothing in what is read: every order, in the exchange's order."""
    orders = [_gemini_order(order_id) for order_id in (3, 1, 2)]

    def answer(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=orders)

    credentials = gemini.GeminiCredentials(api_key="fake-key", api_secret="fake-secret")
    with ec.connect("gemini", credentials, httpx_args={"transport": httpx.MockTransport(answer)}) as client:
        listed = client.list_open_orders()

    assert [order.order_id for order in listed] == ["3", "1", "2"]


def _gemini_order(order_id: int) -> dict[str, object]:
    return {
        "order_id": str(order_id),
        "symbol": "btcusd",
        "exchange": "gemini",
        "price": "100.00",
        "avg_execution_price": "0.00",
        "side": "buy",
        "type": "exchange limit",
        "options": [],
        "timestamp": "1547241628",
        "timestampms": 1547241628042,
        "is_live": True,
        "is_cancelled": False,
        "is_hidden": False,
        "was_forced": False,
        "executed_amount": "0",
        "remaining_amount": "1",
        "original_amount": "1",
    }


def _refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("fake: refused", request=request)


def _answered(_: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={})


@pytest.mark.parametrize("transport", [_answered, _refused], ids=["answered", "refused"])
def test_the_keys_lock_is_released_however_a_blocking_call_ends(transport: Any) -> None:
    """Answered, or failed on the way and closed by httpx (below DEBUG: no logging wrapper to close it)."""
    signer = gemini.GeminiAuth(gemini.GeminiCredentials(api_key="fake-key-ends", api_secret="fake-secret"))
    lock = signer._ordered.ordering.thread_lock  # noqa: SLF001 - the key's lock is what must not leak

    with (
        httpx.Client(transport=httpx.MockTransport(transport), auth=signer) as client,
        contextlib.suppress(httpx.ConnectError),
    ):
        client.post("https://api.gemini.com/v1/order/status", json={})

    assert not lock.locked()


def test_the_keys_lock_is_released_when_signing_fails() -> None:
    def failing_nonce() -> int:
        raise OSError("fake: the nonce store is unreadable")

    signer = gemini.GeminiAuth(
        gemini.GeminiCredentials(api_key="fake-key-fails", api_secret="fake-secret"), nonce=failing_nonce
    )
    lock = signer._ordered.ordering.thread_lock  # noqa: SLF001

    with (
        httpx.Client(transport=httpx.MockTransport(_answered), auth=signer) as client,
        pytest.raises(OSError, match="unreadable"),
    ):
        client.post("https://api.gemini.com/v1/order/status", json={})

    assert not lock.locked()
