"""
Known-answer tests for the four signers, driving each auth flow by hand (as httpx's own auth tests do).

Vectors are exchange_facts.md section 0: Gemini's `1234abcd` example (legacy docs, recomputed), DigiFinex's
official example, and self-computed Kraken and Derive vectors (no exchange publishes one).
"""

from __future__ import annotations

import base64
import hashlib
import json

import httpx
import pytest

from exchange_clients import derive, digifinex, gemini, kraken_futures


def _drive(auth: httpx.Auth, request: httpx.Request) -> httpx.Request:
    flow = auth.sync_auth_flow(request)
    signed = next(flow)
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(200))
    return signed


def test_gemini_legacy_docs_example() -> None:
    """Gemini's published payload and secret `1234abcd` give the published signature (legacy docs, recomputed)."""
    payload = b'{\n    "request": "/v1/order/status",\n    "nonce": 123456,\n\n    "order_id": 18834\n}\n'

    encoded, signature = gemini.sign_payload(payload, "1234abcd")

    assert encoded == (
        "ewogICAgInJlcXVlc3QiOiAiL3YxL29yZGVyL3N0YXR1cyIsCiAgICAibm9uY2UiOiAxMjM0NTYsCgogICAgIm9yZGVyX2lkIjogMTg4MzQKfQo="
    )
    assert signature == (
        "337cc8b4ea692cfe65b4a85fcc9f042b2e3f702ac956fd098d600ab15705775017beae402be773ceee10719ff70d710f"
    )


def test_gemini_auth_flow_moves_the_body_into_a_signed_payload() -> None:
    """The flow puts request path, nonce and an exact 2^63-1 order_id in the payload and empties the body."""
    credentials = gemini.GeminiCredentials(api_key="account-test-key", api_secret="conformance-api-secret")
    auth = gemini.GeminiAuth(credentials, nonce=lambda: 1700000000002)
    request = httpx.Request("POST", "https://api.gemini.com/v1/order/status", json={"order_id": 2**63 - 1})

    signed = _drive(auth, request)

    payload_text = base64.b64decode(signed.headers["X-GEMINI-PAYLOAD"])
    assert json.loads(payload_text) == {
        "order_id": 9223372036854775807,
        "request": "/v1/order/status",
        "nonce": 1700000000002,
    }
    assert b"9223372036854775807" in payload_text
    assert signed.headers["X-GEMINI-SIGNATURE"] == gemini.sign_payload(payload_text, "conformance-api-secret")[1]
    assert signed.headers["X-GEMINI-APIKEY"] == "account-test-key"
    # What goes on the wire: the stream the transport sends, and its declared length.
    assert b"".join(signed.stream) == b""  # type: ignore[arg-type]
    assert signed.headers["Content-Length"] == "0"


def test_gemini_payload_names_each_requests_decoded_path() -> None:
    """One signer, URLs escaped differently or with a query: each payload's `request` is that url.path."""
    credentials = gemini.GeminiCredentials(api_key="account-test-key", api_secret="conformance-api-secret")
    auth = gemini.GeminiAuth(credentials, nonce=lambda: 1700000000002)
    urls = [
        "https://api.gemini.com/v1/order/status",
        "https://api.gemini.com/v1/order/status?x=1",
        "https://api.gemini.com/v1/order/st%61tus",
        "https://api.gemini.com/v1/orders/a%20b",
        "https://api.gemini.com/v1/orders/a%20b?x=%2F",
        "https://api.gemini.com/v1/orders/a%20c",
        "https://api.gemini.com/v1/order/status",
        "https://api.gemini.com",
    ]

    for url in urls:
        signed = _drive(auth, httpx.Request("POST", url, json={"order_id": 1}))

        payload = json.loads(base64.b64decode(signed.headers["X-GEMINI-PAYLOAD"]))
        assert payload["request"] == httpx.URL(url).path, url


def test_gemini_conformance_vector_with_compact_json() -> None:
    """The self-computed vector from Gemini's conformance inputs (string nonce, wide order_id) matches."""
    payload = b'{"request":"/v1/order/status","nonce":"1700000000002","order_id":9007199254740993}'

    _, signature = gemini.sign_payload(payload, "conformance-api-secret")

    assert signature == (
        "f714309c24b39c8a10846ccd2b31c0e71cc80914079b237d85657695a62d64dede48879c578fcc3679eca112bb0951c4"
    )


def test_gemini_master_key_adds_its_account() -> None:
    """A master key's credentials put `account` into every payload."""
    credentials = gemini.GeminiCredentials(api_key="master-key", api_secret="s", account="primary")
    request = httpx.Request("POST", "https://api.gemini.com/v1/orders", json={})

    signed = _drive(gemini.GeminiAuth(credentials, nonce=lambda: 5), request)

    assert json.loads(base64.b64decode(signed.headers["X-GEMINI-PAYLOAD"]))["account"] == "primary"


KRAKEN_SYNTHETIC_SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param(
            "https://futures.kraken.com/derivatives/api/v3/orders/status?orderIds=c18f0c17-9971-40e6-8e5b-10df05d422f0",
            "werWFxvqqYWbiV0jDAzsiStLP7AcacJgOjn0k4XhuPpeUQiA4knQkbo+2oJireQhBftBEhEMr8lkk5EQfkc5Jw==",
            id="orders-status",
        ),
        pytest.param(
            "https://futures.kraken.com/derivatives/api/v3/openorders",
            "ZsxarRZYe1cJk7MK5GNnWajgo/VlItNJfyDMjfrX9KDybuaEu96f1bre0YnMwqBOCdCHQsiOonu8Cl0kIChc9g==",
            id="empty-post-data",
        ),
    ],
)
def test_kraken_self_computed_vectors(url: str, expected: str) -> None:
    """Kraken Futures Authent over the wire query, nonce and path without /derivatives (self-computed vectors)."""
    credentials = kraken_futures.KrakenFuturesCredentials(api_key="kraken-key", api_secret=KRAKEN_SYNTHETIC_SECRET)

    signed = _drive(
        kraken_futures.KrakenFuturesAuth(credentials, nonce=lambda: 1700000000000), httpx.Request("POST", url)
    )

    assert signed.headers["Authent"] == expected
    assert signed.headers["Nonce"] == "1700000000000"
    assert signed.headers["APIKey"] == "kraken-key"


def test_kraken_guide_example_secret_with_missing_padding() -> None:
    """Kraken's guide secret (one '=' short) still signs its example (self-computed vector)."""
    secret = base64.b64decode(
        "rttp4AzwRfYEdQ7R7X8Z/04Y4TZPa97pqCypi3xXxAqftygftnI6H9yGV+OcUOOJeFtZkr8mVwbAndU3Kz4Q+eG="
    )

    authent = kraken_futures.sign("symbol=fi_xbtusd_180615", "1415957147987", "/api/v3/orderbook", secret)

    assert authent == "DqUyz8Wh/72af7dimSXHw91IFxrAriTgVodyg2s67PU2mVStwLDQak+uIoCtfb43XONq0xVAp+vm5dqnhFAB1Q=="


def test_digifinex_official_example() -> None:
    """DigiFinex's documented example string and secret give the documented signature."""
    assert digifinex.sign("symbol=trx_usdt&price=0.01&amount=1&type=buy", "01234567890123456789abcd") == (
        "7e2d0636cab21fd41c828b8c6ce8f77e643febecdeaeab0771c01dc4d7dbef38"
    )


def test_digifinex_auth_flow_signs_the_query_as_sent() -> None:
    """The flow signs the percent-encoded comma list exactly as it goes on the wire (self-computed vector)."""
    credentials = digifinex.DigiFinexCredentials(api_key="0123456789abcd", api_secret="01234567890123456789abcd")
    request = httpx.Request(
        "GET",
        "https://openapi.digifinex.com/v3/spot/order",
        params={"order_id": "dd3164b333a4afa9d5730bb87f6db8b3,198361cecdc65f9c8c9bb2fa68faec40"},
    )

    signed = _drive(digifinex.DigiFinexAuth(credentials, nonce=lambda: 1589872188), request)

    assert signed.url.query == b"order_id=dd3164b333a4afa9d5730bb87f6db8b3%2C198361cecdc65f9c8c9bb2fa68faec40"
    assert signed.headers["ACCESS-SIGN"] == "b402bcc020b23a352d52898ee742ecae2f8313209abb65efcc0946eb0110abd5"
    assert signed.headers["ACCESS-TIMESTAMP"] == "1589872188"
    assert signed.headers["ACCESS-KEY"] == "0123456789abcd"


HARDHAT_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
DERIVE_SIGNATURE = (
    "0x5191adf09347810ecd7ffe7e1124d2230441afc321529ea4d20be982c612af68"
    "4fac942dac02748949bdba4cf9d968c3cdc0c7a837a52d9c2fb7b4743708b4691c"
)


@pytest.mark.parametrize(
    ("generation", "prefix"), [pytest.param("v3", "X-Derive", id="v3"), pytest.param("v2", "X-Lyra", id="v2")]
)
def test_derive_self_computed_vector(generation: str, prefix: str) -> None:
    """EIP-191 of "1700000000000" by Hardhat key #0 gives the self-computed signature, in v3 or v2 headers."""
    credentials = derive.DeriveCredentials(wallet="0x00000000000000000000000000000000000000aa", private_key=HARDHAT_KEY)
    auth = derive.DeriveAuth(credentials, nonce=lambda: 1700000000000, generation=generation)

    signed = _drive(auth, httpx.Request("POST", "https://api.derive.xyz/v3/private/get_order", json={}))

    assert signed.headers[f"{prefix}Signature"] == DERIVE_SIGNATURE
    assert signed.headers[f"{prefix}Timestamp"] == "1700000000000"
    assert signed.headers[f"{prefix}Wallet"] == credentials.wallet


@pytest.mark.parametrize("seed", range(20))
def test_derive_sign_matches_eth_account(seed: int) -> None:
    """derive.sign gives exactly eth-account's personal_sign signature, for any key and timestamp."""
    # The reference implementation, imported so that it leaves the recursion limit alone.
    from exchange_clients.simulator._eth import Account, encode_defunct  # noqa: PLC0415

    key = hashlib.sha256(f"derive-key-{seed}".encode()).digest()
    timestamp = str(1_700_000_000_000 + seed * 7_919)

    expected = "0x" + bytes(Account.from_key(key).sign_message(encode_defunct(text=timestamp)).signature).hex()

    assert derive.sign(timestamp, key) == expected
