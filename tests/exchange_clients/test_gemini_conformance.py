"""
Gemini's own SDK conformance suite (specs/gemini/upstream/conformance/), run against this client.

Every case that applies to reading orders runs: error mapping through the unified client, signed requests through
GeminiAuth, exact JSON decoding through the generated package's decoder. What does not apply is declared in
NOT_APPLICABLE with the reason.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

import exchange_clients as ec
from codegen.specs import SPECS_DIR
from exchange_clients import gemini
from exchange_clients.runtime import decode_json


CONFORMANCE = SPECS_DIR / "gemini" / "upstream" / "conformance"
MANIFEST = json.loads((CONFORMANCE / "manifest.json").read_text(encoding="utf-8"))

# Gemini's canonical error kinds and the class each one is here.
KINDS: dict[str, type[ec.ExchangeError]] = {
    "invalid_nonce": ec.NonceError,
    "missing_nonce": ec.NonceError,
    "invalid_signature": ec.AuthenticationError,
    "missing_role": ec.PermissionDeniedError,
    "terms_required": ec.PermissionDeniedError,
    "insufficient_funds": ec.InvalidRequestError,
    "rate_limited": ec.RateLimitError,
    "order_not_found": ec.OrderNotFoundError,
    "market_closed": ec.InvalidRequestError,
    "not_found": ec.InvalidRequestError,
    "service_error": ec.ExchangeUnavailableError,
    "invalid_request": ec.InvalidRequestError,
}

NOT_APPLICABLE = {
    # Market data and prediction markets: no operation of this client sends an unsigned request.
    "unsignedRequest": "this client reads orders only; it sends no unsigned request",
    # WebSocket subscriptions and events: the live-order stream is not built yet.
    "wsSubscription": "no WebSocket client yet",
    "wsEvent": "no WebSocket client yet",
}


def _cases(kind: str) -> list[Any]:
    found = []
    for suite in MANIFEST["suites"]:
        for name in suite["cases"]:
            case = json.loads((CONFORMANCE / suite["id"] / f"{name}.json").read_text(encoding="utf-8"))
            if case["kind"] == kind:
                found.append(pytest.param(case, id=case["id"]))
    return found


def test_every_suite_is_run_or_declared_not_applicable() -> None:
    """Each suite of Gemini's manifest is run here or named, with a reason, as not applying to this client."""
    run = {"errorMapping", "hmacRequest", "jsonDecoding"}
    assert {suite["kind"] for suite in MANIFEST["suites"]} <= run | NOT_APPLICABLE.keys()


@pytest.mark.parametrize("case", _cases("errorMapping"))
def test_error_mapping(case: dict[str, Any]) -> None:
    """Gemini's error answer raises the class of its canonical kind, keeping the status, reason and Retry-After."""
    response = case["response"]
    expect = case["expect"]

    def answer(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(response["status"], content=response["body"].encode(), headers=response["headers"])

    credentials = gemini.GeminiCredentials(api_key="account-conformance", api_secret="conformance-secret")
    transport = httpx.MockTransport(answer)
    with (
        ec.connect("gemini", credentials, max_retries=0, httpx_args={"transport": transport}) as client,
        pytest.raises(ec.ExchangeError) as raised,
    ):
        client.get_order("123")

    error = raised.value
    assert error.http_status == response["status"]
    if "kind" in expect:
        assert type(error) is KINDS[expect["kind"]]
    if "reason" in expect:
        assert error.code == expect["reason"]
    if "retryAfterSeconds" in expect:
        assert isinstance(error, ec.RateLimitError)
        assert error.retry_after == expect["retryAfterSeconds"]


# The `websocket` nonce mode (ten-digit epoch seconds for the WebSocket upgrade) is for the stream, not built yet.
@pytest.mark.parametrize(
    "case", [case for case in _cases("hmacRequest") if case.values[0]["nonce"]["mode"] != "websocket"]
)
def test_signed_request(case: dict[str, Any]) -> None:
    """GeminiAuth's headers carry the key, a payload of exactly request, nonce and fields, and its HMAC-SHA384."""
    credentials = gemini.GeminiCredentials(
        api_key=case["credentials"]["apiKey"], api_secret=case["credentials"]["apiSecret"]
    )
    nonce = int(case["nonce"]["value"])
    auth = gemini.GeminiAuth(credentials, nonce=lambda: nonce)
    sent = case["request"]
    request = httpx.Request(sent["method"], "https://api.gemini.com" + sent["path"], json=sent["body"] or None)

    signed = next(auth.sync_auth_flow(request))

    expect = case["expect"]
    assert all(signed.headers.get(name) for name in expect["headers"])
    assert signed.headers["X-GEMINI-APIKEY"] == expect["apiKeyHeader"]
    encoded = signed.headers["X-GEMINI-PAYLOAD"]
    payload = json.loads(base64.b64decode(encoded), parse_float=Decimal)
    # Gemini's exception rest-nonce-json-type: the nonce's decimal text, with or without JSON string quotes.
    assert str(payload.pop("nonce")) == expect["payload"]["nonce"]
    assert payload.pop("request") == expect["payload"]["request"]
    assert payload == json.loads(json.dumps(expect["payload"]["fields"]), parse_float=Decimal)
    signature = hmac.new(case["credentials"]["apiSecret"].encode(), encoded.encode(), hashlib.sha384).hexdigest()
    assert signed.headers["X-GEMINI-SIGNATURE"] == signature


@pytest.mark.parametrize("case", _cases("jsonDecoding"))
def test_exact_json(case: dict[str, Any]) -> None:
    """The generated decoder keeps every number's digits: decimals as Decimal, wide integers as int."""
    value = decode_json(case["raw"].encode())[case["field"]]
    expect = case["expect"]

    if expect["valueKind"] == "integer":
        assert type(value) is int
        assert value == int(expect["text"])
    elif expect["valueKind"] == "decimal":
        assert isinstance(value, Decimal | str)
        # The same digits and exponent as the text (Decimal prints 0.00000001 as 1E-8: the same number, exactly).
        assert Decimal(value).as_tuple() == Decimal(expect["text"]).as_tuple()
    else:
        pytest.fail(f"unknown valueKind {expect['valueKind']}")
