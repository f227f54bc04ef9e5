"""
Credentials never show a secret and name what is missing; nonces never repeat; factories refuse clear text.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from typing import Any

import httpx
import pytest

from exchange_clients import derive, digifinex, gemini, kraken_futures
from exchange_clients._credentials import MissingCredentialsError
from exchange_clients._http import InsecureBaseURLError
from exchange_clients._nonce import MonotonicClock, WallClock


SECRET = "c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1uZXZlci1zaG93"  # base64, so Kraken accepts it too
DERIVE_KEY = "0x" + "5e" * 32  # a valid secp256k1 key, as Derive's credentials require
WALLET = "0x00000000000000000000000000000000000000aa"

CREDENTIALS = [
    gemini.GeminiCredentials(api_key="account-abcdefgh123", api_secret=SECRET),
    kraken_futures.KrakenFuturesCredentials(api_key="kraken-abcdefgh123", api_secret=SECRET),
    digifinex.DigiFinexCredentials(api_key="digifinex-abcdefgh", api_secret=SECRET),
    derive.DeriveCredentials(wallet=WALLET, private_key=DERIVE_KEY),
]


@pytest.mark.parametrize("credentials", CREDENTIALS, ids=lambda c: type(c).__name__)
def test_repr_and_str_never_show_the_secret(credentials: object) -> None:
    """Neither repr nor str of credentials (or of the auth built on them) contains the secret."""
    auth = {
        gemini.GeminiCredentials: gemini.GeminiAuth,
        kraken_futures.KrakenFuturesCredentials: kraken_futures.KrakenFuturesAuth,
        digifinex.DigiFinexCredentials: digifinex.DigiFinexAuth,
        derive.DeriveCredentials: derive.DeriveAuth,
    }[type(credentials)](credentials)  # type: ignore[operator]

    for text in (repr(credentials), str(credentials), repr(auth), str(auth)):
        assert SECRET not in text
        assert DERIVE_KEY.removeprefix("0x") not in text
        assert "<redacted>" in text


@pytest.mark.parametrize(
    ("factory", "variables"),
    [
        pytest.param(gemini.GeminiCredentials.from_env, ["GEMINI_API_KEY", "GEMINI_API_SECRET"], id="gemini"),
        pytest.param(
            kraken_futures.KrakenFuturesCredentials.from_env,
            ["KRAKEN_FUTURES_API_KEY", "KRAKEN_FUTURES_API_SECRET"],
            id="kraken_futures",
        ),
        pytest.param(
            digifinex.DigiFinexCredentials.from_env, ["DIGIFINEX_API_KEY", "DIGIFINEX_API_SECRET"], id="digifinex"
        ),
        pytest.param(derive.DeriveCredentials.from_env, ["DERIVE_WALLET", "DERIVE_PRIVATE_KEY"], id="derive"),
    ],
)
def test_from_env_names_each_missing_variable(factory: object, variables: list[str]) -> None:
    """from_env reads the documented variables and, when one is unset, says which."""
    values = {"DERIVE_WALLET": WALLET, "DERIVE_PRIVATE_KEY": DERIVE_KEY}
    full = {name: values.get(name, SECRET) for name in variables}
    assert factory(full) is not None  # type: ignore[operator]

    with pytest.raises(MissingCredentialsError) as caught:
        factory({variables[0]: full[variables[0]]})  # type: ignore[operator]

    assert caught.value.missing == (variables[1],)
    assert variables[1] in str(caught.value)
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize(
    "bad",
    ["key\n", " key-with-space", "kéy-non-ascii", "key\x00nul", "key\ttab", ""],
    ids=["newline", "space", "non-ascii", "nul", "tab", "empty"],
)
@pytest.mark.parametrize("field", ["api_key", "api_secret"])
@pytest.mark.parametrize(
    "make", [gemini.GeminiCredentials, digifinex.DigiFinexCredentials], ids=["gemini", "digifinex"]
)
def test_credentials_refuse_control_characters_and_non_ascii(make: Any, field: str, bad: str) -> None:
    """A key or secret with a control character, a space or non-ASCII is refused at once, the value not shown."""
    values = {"api_key": "account-abcdefgh123", "api_secret": SECRET, field: bad}

    with pytest.raises(ValueError, match=field) as caught:
        make(**values)

    assert not bad or bad not in str(caught.value)


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ({"wallet": "0x00", "private_key": DERIVE_KEY}, ValueError),
        ({"wallet": WALLET, "private_key": "0x1234"}, ValueError),
        ({"wallet": WALLET, "private_key": "0x" + "00" * 32}, ValueError),
        ({"wallet": WALLET, "private_key": "0x" + "ff" * 32}, ValueError),
        ({"wallet": WALLET, "private_key": "0x" + "zz" * 32}, ValueError),
        ({"wallet": WALLET, "private_key": DERIVE_KEY, "subaccount_id": "7"}, TypeError),
        ({"wallet": WALLET, "private_key": DERIVE_KEY, "subaccount_id": True}, TypeError),
    ],
    ids=["short-wallet", "short-key", "zero-key", "beyond-order", "not-hex", "subaccount-str", "subaccount-bool"],
)
def test_derive_credentials_refuse_what_cannot_sign(values: dict[str, Any], error: type[Exception]) -> None:
    """A wallet that is not an address, a key that is not a secp256k1 key, a subaccount that is not an int."""
    with pytest.raises(error) as caught:
        derive.DeriveCredentials(**values)

    assert DERIVE_KEY.removeprefix("0x") not in str(caught.value)


def test_derive_subaccount_from_env() -> None:
    """DERIVE_SUBACCOUNT_ID, when set, becomes the default subaccount."""
    credentials = derive.DeriveCredentials.from_env(
        {"DERIVE_WALLET": WALLET, "DERIVE_PRIVATE_KEY": DERIVE_KEY, "DERIVE_SUBACCOUNT_ID": "30769"}
    )

    assert credentials.subaccount_id == 30769


def test_clock_never_repeats_across_threads_or_goes_back() -> None:
    """A strictly increasing clock gives distinct, rising values to 8 threads while the wall clock steps back."""
    readings = iter(range(10_000_000_000, 0, -1_000))  # a wall clock running backwards, in ns
    lock = threading.Lock()

    def wall_clock() -> int:
        with lock:
            return next(readings)

    clock = MonotonicClock("ms", strictly_increasing=True, wall_clock_ns=wall_clock)
    values: list[list[int]] = [[] for _ in range(8)]

    def draw(into: list[int]) -> None:
        into.extend(clock() for _ in range(500))

    threads = [threading.Thread(target=draw, args=(bucket,)) for bucket in values]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    every = [value for bucket in values for value in bucket]
    assert len(set(every)) == 4000
    assert all(bucket == sorted(bucket) for bucket in values)


def test_seconds_timestamp_follows_the_clock_without_running_ahead() -> None:
    """DigiFinex's seconds timestamp repeats within a second rather than drift ahead of the server's window."""
    clock = WallClock("s", wall_clock_ns=lambda: 1_700_000_000_500_000_000)

    assert [clock() for _ in range(3)] == [1_700_000_000] * 3


@pytest.mark.parametrize(("unit", "per_second"), [("s", 1), ("ms", 1000)], ids=["digifinex-seconds", "derive-ms"])
def test_window_timestamps_follow_the_wall_clock_back(unit: str, per_second: int) -> None:
    """After the wall clock is corrected backwards, DigiFinex's and Derive's default timestamps follow it."""
    now = [1_700_000_100 * 10**9]
    clock = WallClock(unit, wall_clock_ns=lambda: now[0])
    first = clock()
    now[0] -= 60 * 10**9  # NTP steps the clock back a minute

    assert clock() == first - 60 * per_second


def test_window_signers_follow_the_system_clock_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """By default DigiFinex's and Derive's signers stamp the system clock as it is, also after it steps back."""
    now = [1_700_000_100 * 10**9]
    monkeypatch.setattr(time, "time_ns", lambda: now[0])
    digifinex_auth = digifinex.DigiFinexAuth(digifinex.DigiFinexCredentials(api_key="k" * 16, api_secret="s" * 16))
    derive_auth = derive.DeriveAuth(
        derive.DeriveCredentials(wallet="0x" + "00" * 19 + "aa", private_key="0x" + "11" * 32, subaccount_id=1)
    )

    def stamps() -> tuple[int, int]:
        request = httpx.Request("GET", "https://openapi.digifinex.com/v3/spot/order?order_id=1")
        digifinex_auth.sign(request, b"")
        posted = httpx.Request("POST", "https://api.derive.xyz/v3/private/get_order", content=b"{}")
        derive_auth.sign(posted, b"{}")
        return int(request.headers["ACCESS-TIMESTAMP"]), int(posted.headers["X-DeriveTimestamp"])

    before = stamps()
    now[0] -= 60 * 10**9  # NTP steps the clock back a minute

    assert stamps() == (before[0] - 60, before[1] - 60_000)


@pytest.mark.parametrize(
    "base_url",
    ["http://api.gemini.com", "http://10.0.0.5:8080", "ftp://127.0.0.1"],
)
def test_clear_text_to_a_remote_host_is_refused(base_url: str) -> None:
    """A plain-http base URL is refused unless the host is loopback."""
    with pytest.raises(InsecureBaseURLError, match="https"):
        gemini.client(CREDENTIALS[0], base_url=base_url)  # type: ignore[arg-type]


@pytest.mark.parametrize("base_url", ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"])
def test_clear_text_to_loopback_is_allowed(base_url: str) -> None:
    """The simulator's plain-http loopback URLs are accepted."""
    client = gemini.client(CREDENTIALS[0], base_url=base_url)  # type: ignore[arg-type]

    assert client.get_httpx_client().base_url == httpx.URL(base_url)


def test_environment_picks_the_base_url_and_unknown_ones_are_named() -> None:
    """environment= selects from ENVIRONMENTS; an unknown name lists the choices."""
    client = kraken_futures.client(CREDENTIALS[1], environment="demo")  # type: ignore[arg-type]

    assert str(client.get_httpx_client().base_url) == kraken_futures.ENVIRONMENTS["demo"] + "/"
    with pytest.raises(ValueError, match="choose one of lyra, lyra-demo, production, testnet"):
        derive.client(CREDENTIALS[3], environment="mainnet")  # type: ignore[arg-type]


def test_factory_wires_the_signer_over_a_custom_transport() -> None:
    """httpx_args reach httpx: a MockTransport sees a DigiFinex request signed by DigiFinexAuth."""
    from exchange_clients.generated.digifinex.api.orders import get_order_status  # noqa: PLC0415
    from exchange_clients.generated.digifinex.models import Market  # noqa: PLC0415

    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"code": 20013})

    credentials = digifinex.DigiFinexCredentials(api_key="key", api_secret="01234567890123456789abcd")
    with digifinex.client(credentials, nonce=lambda: 1589872188, transport=httpx.MockTransport(answer)) as client:
        get_order_status.sync(Market.SPOT, client=client, order_id="dd3164b333a4afa9d5730bb87f6db8b3")

    assert seen[0].headers["ACCESS-SIGN"] == "eb2661ce3b1d7231cea615cbe4b07039e3853f40773249957415b85655754870"


def test_unknown_environment_is_refused_even_with_a_base_url() -> None:
    """environment= is checked with base_url too, since Derive takes its header family from it."""
    with pytest.raises(ValueError, match="Derive has no environment 'mainnet'"):
        derive.client(CREDENTIALS[3], environment="mainnet", base_url="http://127.0.0.1:1")  # type: ignore[arg-type]


def test_kraken_secret_that_is_not_base64_is_refused_at_construction() -> None:
    """A Kraken secret that cannot be base64-decoded fails when the credentials are made, without echoing it."""
    with pytest.raises(ValueError, match="not base64") as caught:
        kraken_futures.KrakenFuturesCredentials(api_key="k", api_secret="not*base64!")

    assert "not*base64!" not in str(caught.value)


def test_gemini_resends_once_with_a_fresh_nonce_after_invalid_nonce() -> None:
    """After InvalidNonce the request is re-signed with a new nonce, and the caller sees the second answer."""
    from exchange_clients.generated.gemini.api.orders import get_order_status  # noqa: PLC0415
    from exchange_clients.generated.gemini.models import ErrorResponse, OrderStatusRequest  # noqa: PLC0415

    payloads: list[dict[str, object]] = []
    invalid_nonce = {
        "result": "error",
        "reason": "InvalidNonce",
        "message": "Nonce must be greater than the previous nonce",
    }
    not_found = {"result": "error", "reason": "OrderNotFound", "message": "The order specified was not found"}

    def answer(request: httpx.Request) -> httpx.Response:
        payloads.append(json.loads(base64.b64decode(request.headers["X-GEMINI-PAYLOAD"])))
        return httpx.Response(400, json=invalid_nonce) if len(payloads) == 1 else httpx.Response(404, json=not_found)

    nonces = iter([10, 11, 12])
    transport = httpx.MockTransport(answer)
    with gemini.client(CREDENTIALS[0], nonce=lambda: next(nonces), transport=transport) as client:  # type: ignore[arg-type]
        parsed = get_order_status.sync(client=client, body=OrderStatusRequest(order_id=7))

    assert [payload["nonce"] for payload in payloads] == [10, 11]
    assert isinstance(parsed, ErrorResponse)
    assert parsed.reason == "OrderNotFound"


def test_gemini_resends_only_once() -> None:
    """A second InvalidNonce is the caller's answer: reads are resent once, never in a loop."""
    calls: list[httpx.Request] = []
    body = {"result": "error", "reason": "InvalidNonce", "message": "Nonce must be greater than the previous nonce"}

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(400, json=body)

    with gemini.client(CREDENTIALS[0], transport=httpx.MockTransport(answer)) as client:  # type: ignore[arg-type]
        response = client.get_httpx_client().post("/v1/order/status", json={"order_id": 7})

    assert len(calls) == 2
    assert response.status_code == 400
