"""
Derive request signing: the millisecond timestamp string, signed with EIP-191 personal_sign.

The header family follows the API generation: X-DeriveWallet/X-DeriveTimestamp/X-DeriveSignature for v3
(api.derive.xyz), X-LyraWallet/X-LyraTimestamp/X-LyraSignature for v2 (api.lyra.finance).
Decision (unconfirmed in Derive's docs): the signature goes as 0x-prefixed hex, the form ethers' signMessage
gives in Derive's own JavaScript example.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, Literal, Self

import httpx
from attrs import field, frozen

from exchange_clients._credentials import from_variables, printable_token, read_environment, redacted
from exchange_clients._nonce import NonceSource, WallClock
from exchange_clients._redact import SECRET
from exchange_clients._signing import SignedHeaders, SigningAuth, refused_code
from exchange_clients.runtime import decode_json


if TYPE_CHECKING:
    from coincurve import PrivateKey


Generation = Literal["v3", "v2"]

_HEADER_PREFIXES: Mapping[Generation, str] = {"v3": "X-Derive", "v2": "X-Lyra"}


_ADDRESS = re.compile(r"0[xX][0-9a-fA-F]{40}")
_HEX_KEY = re.compile(r"[0-9a-fA-F]{64}")
_SECP256K1_ORDER = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141


@frozen
class DeriveCredentials:
    """
    A Derive smart-contract wallet and the private key that signs for it (its owner or a session key).

    `wallet` is the Derive wallet address, not the owner's address; `subaccount_id` is the default
    subaccount for order lookups.
    """

    wallet: str = field()
    private_key: str = field(repr=redacted, validator=printable_token, metadata=SECRET)
    subaccount_id: int | None = field(default=None)

    @wallet.validator
    def _is_an_address(self, _: object, value: object) -> None:
        if not isinstance(value, str) or not _ADDRESS.fullmatch(value):
            msg = "wallet must be an Ethereum address: 0x and 40 hex digits"
            raise ValueError(msg)

    @private_key.validator
    def _is_a_private_key(self, _: object, value: str) -> None:
        # Checked here, not at the first request: coincurve would pad a short key, and refuse zero or one beyond
        # the curve's order only while signing. The message never shows the key.
        digits = value.removeprefix("0x").removeprefix("0X")
        if not _HEX_KEY.fullmatch(digits) or not 0 < int(digits, 16) < _SECP256K1_ORDER:
            msg = "private_key must be a secp256k1 private key: 64 hex digits (0x optional), not zero"
            raise ValueError(msg)

    @subaccount_id.validator
    def _is_a_subaccount(self, _: object, value: object) -> None:
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            msg = f"subaccount_id must be a whole number of at least 0, not {type(value).__name__}"
            raise TypeError(msg)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Self:
        """Read DERIVE_WALLET, DERIVE_PRIVATE_KEY and, optionally, DERIVE_SUBACCOUNT_ID."""
        wallet, private_key = read_environment("Derive", ["DERIVE_WALLET", "DERIVE_PRIVATE_KEY"], environ)
        subaccount = (os.environ if environ is None else environ).get("DERIVE_SUBACCOUNT_ID")
        if subaccount is not None and not (subaccount.strip().isascii() and subaccount.strip().isdecimal()):
            msg = "DERIVE_SUBACCOUNT_ID must be a whole number"
            raise ValueError(msg)
        variables = {"wallet": "DERIVE_WALLET", "private_key": "DERIVE_PRIVATE_KEY"}
        subaccount_id = int(subaccount) if subaccount else None
        return from_variables(cls, variables, wallet=wallet, private_key=private_key, subaccount_id=subaccount_id)


def sign(timestamp: str, private_key: bytes) -> str:
    """The signature header for one timestamp: EIP-191 personal_sign, 0x-prefixed hex (r, s, v with v 27 or 28).

    Computed with keccak (eth-hash) and secp256k1 (coincurve), the libraries eth-account itself signs with, but
    without its per-call object layers: several times faster, the same bytes (a test compares with eth-account's
    `sign_message` for many keys and messages).
    """
    from coincurve import PrivateKey  # noqa: PLC0415 - keeps `import exchange_clients` fast

    return _personal_sign(timestamp, PrivateKey(private_key))


def _personal_sign(text: str, key: PrivateKey) -> str:
    message = text.encode()
    digest = _keccak()(b"\x19Ethereum Signed Message:\n" + str(len(message)).encode() + message)
    recoverable = key.sign_recoverable(digest, hasher=None)
    return "0x" + recoverable[:64].hex() + bytes([recoverable[64] + 27]).hex()


@cache
def _keccak() -> Callable[[bytes], bytes]:
    # Imported on first use, to keep `import exchange_clients` fast, and once, not on every signature.
    from eth_hash.auto import keccak  # noqa: PLC0415

    return keccak


_SIGNATURE_REFUSED = (14014, "14014")


def _rpc_code(body: Mapping[str, Any]) -> object:
    error = body.get("error")
    return error.get("code") if isinstance(error, Mapping) else None


class DeriveAuth(SigningAuth):
    """
    Signs Derive private requests with the wallet, timestamp and signature headers of `generation`.

    `nonce` returns the timestamp in milliseconds; by default the wall clock as it is, backward steps included:
    Derive compares it with a window of its own clock.
    """

    def __init__(
        self, credentials: DeriveCredentials, *, nonce: NonceSource | None = None, generation: Generation = "v3"
    ) -> None:
        self._credentials = credentials
        # Derive judges the timestamp against a window of its clock, and documents no uniqueness rule for REST.
        self._nonce = nonce or WallClock("ms")
        prefix = _HEADER_PREFIXES[generation]
        self._headers = SignedHeaders(
            {f"{prefix}Wallet": credentials.wallet}, f"{prefix}Timestamp", f"{prefix}Signature"
        )

    # Derive names no code for a stale timestamp; the only code its signature check gives, and the simulator's
    # Decision, is 14014 INVALID_SIGNATURE, which a wrong key gives too. Decision: a 14014 that came back more than
    # STALE_AFTER seconds after signing is re-signed with a fresh timestamp and sent once more (the timestamp may
    # have aged in the pool); a prompt one is a wrong key or signature, and is not repeated.
    resend_on_status = 200
    STALE_AFTER = 1.0

    def __repr__(self) -> str:
        return f"DeriveAuth({self._credentials!r})"

    def should_resend(self, response: httpx.Response, waited: float) -> bool:
        """Derive refused the signature (code 14014) of a timestamp that had time to go stale."""
        return waited > self.STALE_AFTER and refused_code(response, decode_json, _rpc_code) in _SIGNATURE_REFUSED

    @cached_property
    def _key(self) -> PrivateKey:
        from coincurve import PrivateKey  # noqa: PLC0415 - keeps `import exchange_clients` fast

        return PrivateKey(bytes.fromhex(self._credentials.private_key.removeprefix("0x").removeprefix("0X")))

    def sign(self, request: httpx.Request, body: bytes) -> None:  # noqa: ARG002 - Derive signs the time only
        """Add the wallet, timestamp and signature headers."""
        timestamp = str(self._nonce())
        self._headers.set(request.headers, timestamp.encode(), _personal_sign(timestamp, self._key).encode())


def check_private_key(credentials: DeriveCredentials) -> None:
    """
    Read the private key as the signer will, before any request: ValueError naming the variable if it cannot sign.

    DeriveAuth reads the key only at its first signature, in the middle of a request, where a key that is not hex
    or not a secp256k1 scalar is a bare ValueError. One signature here, of a fixed timestamp and with nothing
    sent, reads it exactly as the client will; the error names the variable, never its value.
    """
    signer = DeriveAuth(credentials, nonce=lambda: 0)
    try:
        signer.sign(httpx.Request("POST", "http://127.0.0.1/"), b"")
    except ValueError as error:
        reason = "DERIVE_PRIVATE_KEY is not a secp256k1 private key in hex (0x optional)"
        raise ValueError(reason) from error
