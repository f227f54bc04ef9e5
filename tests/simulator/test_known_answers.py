"""
The simulator's verifiers reproduce the known-answer vectors of exchange_facts.md sections 0, 1.3, 2.3, 3.3 and 4.3.
"""

from __future__ import annotations

import pytest

from exchange_clients.simulator.exchanges import derive as _derive
from exchange_clients.simulator.exchanges import digifinex as _digifinex
from exchange_clients.simulator.exchanges import gemini as _gemini
from exchange_clients.simulator.exchanges import kraken_futures as _kraken


def test_gemini_legacy_docs_vector() -> None:
    """Gemini's published example payload, signed with secret 1234abcd, gives the published signature."""
    payload = (
        "ewogICAgInJlcXVlc3QiOiAiL3YxL29yZGVyL3N0YXR1cyIsCiAgICAibm9uY2UiOiAxMjM0NTYs"
        "CgogICAgIm9yZGVyX2lkIjogMTg4MzQKfQo="
    )

    assert _gemini.signature("1234abcd", payload) == (
        "337cc8b4ea692cfe65b4a85fcc9f042b2e3f702ac956fd098d600ab15705775017beae402be773ceee10719ff70d710f"
    )


def test_gemini_conformance_vector() -> None:
    """The wide-order-id payload from Gemini's conformance inputs gives the self-computed signature."""
    payload = (
        "eyJyZXF1ZXN0IjoiL3YxL29yZGVyL3N0YXR1cyIsIm5vbmNlIjoiMTcwMDAwMDAwMDAwMiIs"
        "Im9yZGVyX2lkIjo5MDA3MTk5MjU0NzQwOTkzfQ=="
    )

    assert _gemini.signature("conformance-api-secret", payload) == (
        "f714309c24b39c8a10846ccd2b31c0e71cc80914079b237d85657695a62d64dede48879c578fcc3679eca112bb0951c4"
    )


SYNTHETIC_KRAKEN_SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=="


@pytest.mark.parametrize(
    ("secret", "post_data", "nonce", "path", "expected"),
    [
        (
            # The guide's 87-character secret, with the one `=` it lacks to be valid base64.
            "rttp4AzwRfYEdQ7R7X8Z/04Y4TZPa97pqCypi3xXxAqftygftnI6H9yGV+OcUOOJeFtZkr8mVwbAndU3Kz4Q+eG=",
            "symbol=fi_xbtusd_180615",
            "1415957147987",
            "/api/v3/orderbook",
            "DqUyz8Wh/72af7dimSXHw91IFxrAriTgVodyg2s67PU2mVStwLDQak+uIoCtfb43XONq0xVAp+vm5dqnhFAB1Q==",
        ),
        (
            SYNTHETIC_KRAKEN_SECRET,
            "orderIds=c18f0c17-9971-40e6-8e5b-10df05d422f0",
            "1700000000000",
            "/api/v3/orders/status",
            "werWFxvqqYWbiV0jDAzsiStLP7AcacJgOjn0k4XhuPpeUQiA4knQkbo+2oJireQhBftBEhEMr8lkk5EQfkc5Jw==",
        ),
        (
            SYNTHETIC_KRAKEN_SECRET,
            "",
            "1700000000000",
            "/api/v3/openorders",
            "ZsxarRZYe1cJk7MK5GNnWajgo/VlItNJfyDMjfrX9KDybuaEu96f1bre0YnMwqBOCdCHQsiOonu8Cl0kIChc9g==",
        ),
    ],
    ids=["guide-example", "orders-status", "empty-post-data"],
)
def test_kraken_vectors(secret: str, post_data: str, nonce: str, path: str, expected: str) -> None:
    """Kraken's Authent over postData, nonce and endpoint path matches each self-computed vector."""
    assert _kraken.authent(secret, post_data.encode(), nonce, path) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "symbol=trx_usdt&price=0.01&amount=1&type=buy",
            "7e2d0636cab21fd41c828b8c6ce8f77e643febecdeaeab0771c01dc4d7dbef38",
        ),
        (
            "order_id=dd3164b333a4afa9d5730bb87f6db8b3",
            "eb2661ce3b1d7231cea615cbe4b07039e3853f40773249957415b85655754870",
        ),
        (
            "order_id=dd3164b333a4afa9d5730bb87f6db8b3,198361cecdc65f9c8c9bb2fa68faec40",
            "0e253f3b8f1f73692b64b1c8b684fe2e0ad7bbbd1af7442cd2fdff54de115eb9",
        ),
        (
            "order_id=dd3164b333a4afa9d5730bb87f6db8b3%2C198361cecdc65f9c8c9bb2fa68faec40",
            "b402bcc020b23a352d52898ee742ecae2f8313209abb65efcc0946eb0110abd5",
        ),
    ],
    ids=["docs-example", "one-id", "raw-comma", "encoded-comma"],
)
def test_digifinex_vectors(message: str, expected: str) -> None:
    """DigiFinex's HMAC-SHA256 of the parameter string as sent matches the docs' example and derived vectors."""
    assert _digifinex.sign("01234567890123456789abcd", message.encode()) == expected


DERIVE_VECTOR_SIGNATURE = (
    "5191adf09347810ecd7ffe7e1124d2230441afc321529ea4d20be982c612af68"
    "4fac942dac02748949bdba4cf9d968c3cdc0c7a837a52d9c2fb7b4743708b4691c"
)


@pytest.mark.parametrize("prefix", ["", "0x"])
def test_derive_vector(prefix: str) -> None:
    """The self-computed EIP-191 vector recovers Hardhat key #0's address, with or without the 0x prefix."""
    signer = _derive.recover_signer("1700000000000", prefix + DERIVE_VECTOR_SIGNATURE)

    assert signer == "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266".lower()


@pytest.mark.parametrize("signature", ["0x1234", "zz" * 65, "00" * 65], ids=["short", "not-hex", "all-zero"])
def test_derive_unusable_signature(signature: str) -> None:
    """A signature that is too short, not hex or not a valid curve point recovers no signer."""
    assert _derive.recover_signer("1700000000000", signature) is None
