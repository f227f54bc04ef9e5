"""
What Kraken Futures users need before 1 March 2027, when Kraken decommissions the Derivatives REST API.

The Kraken API key pair that requests the Unified WebSocket's token (its Spot REST signature, held to the worked
example of Kraken's guide), credentials that name both pairs and what each is for, and the once-per-process warning
that the REST path the order-status reads take is going away.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from exchange_clients._credentials import MissingCredentialsError
from exchange_clients._redact import Redactor
from exchange_clients.kraken_futures import KrakenFuturesCredentials
from exchange_clients.kraken_futures._spot_sign import api_sign
from exchange_clients.kraken_futures._sunset import REST_DEPRECATION


FUTURES_SECRET = "c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1uZXZlci1zaG93"  # base64, fake
KRAKEN_SECRET = "a3Jha2VuLXNwb3Qtc2VjcmV0LXRoYXQtbXVzdC1uZXZlci1zaG93"  # base64, fake
FUTURES = {"KRAKEN_FUTURES_API_KEY": "futures-key-1234", "KRAKEN_FUTURES_API_SECRET": FUTURES_SECRET}
KRAKEN = {"KRAKEN_API_KEY": "kraken-key-5678", "KRAKEN_API_SECRET": KRAKEN_SECRET}


def test_api_sign_reproduces_the_worked_example_of_krakens_guide() -> None:
    """https://docs.kraken.com/api/docs/guides/spot-rest-auth, "Examples": a limit buy of 1.25 XBTUSD at 37,500."""
    signature = api_sign(
        "/0/private/AddOrder",
        "1616492376594",
        "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25",
        "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==",
    )

    assert signature == "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ=="


def test_api_sign_refuses_a_secret_that_is_not_base64_without_quoting_it() -> None:
    with pytest.raises(ValueError, match="the Kraken API secret is not base64") as raised:
        api_sign("/0/private/GetWebSocketsToken", "1", "nonce=1", "not*base64!")

    assert "not*base64!" not in str(raised.value)


def test_the_kraken_pair_is_optional_and_goes_together() -> None:
    alone = KrakenFuturesCredentials(api_key="futures-key-1234", api_secret=FUTURES_SECRET)
    both = KrakenFuturesCredentials(
        api_key="futures-key-1234",
        api_secret=FUTURES_SECRET,
        kraken_api_key="kraken-key-5678",
        kraken_api_secret=KRAKEN_SECRET,
    )

    assert (alone.kraken_api_key, alone.kraken_api_secret) == (None, None)
    assert (both.kraken_api_key, both.kraken_api_secret) == ("kraken-key-5678", KRAKEN_SECRET)
    with pytest.raises(ValueError, match="go together"):
        KrakenFuturesCredentials(
            api_key="futures-key-1234", api_secret=FUTURES_SECRET, kraken_api_key="kraken-key-5678"
        )
    with pytest.raises(ValueError, match="kraken_api_secret is not base64"):
        KrakenFuturesCredentials(
            api_key="futures-key-1234", api_secret=FUTURES_SECRET, kraken_api_key="k-5678", kraken_api_secret="no*pe"
        )


def test_no_kraken_secret_in_a_repr_and_both_secrets_are_redacted() -> None:
    both = KrakenFuturesCredentials(
        api_key="futures-key-1234",
        api_secret=FUTURES_SECRET,
        kraken_api_key="kraken-key-5678",
        kraken_api_secret=KRAKEN_SECRET,
    )

    assert KRAKEN_SECRET not in repr(both)
    assert "kraken-key-5678" not in repr(both)
    assert Redactor.for_credentials(both).secrets() == {FUTURES_SECRET, KRAKEN_SECRET}
    assert KRAKEN_SECRET not in Redactor.for_credentials(both)(f"signed with {KRAKEN_SECRET}")


def test_from_env_reads_both_pairs_or_the_futures_pair_alone() -> None:
    assert KrakenFuturesCredentials.from_env(FUTURES).kraken_api_key is None
    both = KrakenFuturesCredentials.from_env(FUTURES | KRAKEN)
    assert (both.kraken_api_key, both.kraken_api_secret) == ("kraken-key-5678", KRAKEN_SECRET)


@pytest.mark.parametrize(
    ("environment", "missing"),
    [
        ({}, ("KRAKEN_FUTURES_API_KEY", "KRAKEN_FUTURES_API_SECRET")),
        (FUTURES | {"KRAKEN_API_KEY": "kraken-key-5678"}, ("KRAKEN_API_SECRET",)),
        (KRAKEN, ("KRAKEN_FUTURES_API_KEY", "KRAKEN_FUTURES_API_SECRET")),
    ],
    ids=["nothing", "half_the_kraken_pair", "only_the_kraken_pair"],
)
def test_the_missing_credentials_error_names_both_pairs_and_what_each_is_for(
    environment: dict[str, str], missing: tuple[str, ...]
) -> None:
    with pytest.raises(MissingCredentialsError) as raised:
        KrakenFuturesCredentials.from_env(environment)

    message = str(raised.value)
    assert raised.value.missing == missing
    for variable in ("KRAKEN_FUTURES_API_KEY", "KRAKEN_FUTURES_API_SECRET", "KRAKEN_API_KEY", "KRAKEN_API_SECRET"):
        assert variable in message
    assert "Derivatives REST API" in message
    assert "1 March 2027" in message
    assert "WebSocket" in message
    assert KRAKEN_SECRET not in message
    assert FUTURES_SECRET not in message


def test_a_bad_kraken_secret_from_the_environment_names_its_variable() -> None:
    with pytest.raises(ValueError, match="KRAKEN_API_SECRET is not base64"):
        KrakenFuturesCredentials.from_env(FUTURES | KRAKEN | {"KRAKEN_API_SECRET": "no*pe"})


def test_the_rest_path_warns_once_per_process_at_the_callers_line() -> None:
    """Two reads in a fresh interpreter: one DeprecationWarning naming the date, pointing at the first read."""
    first_read = "        client.get_order(order_id)  # the first read"
    script = textwrap.dedent(
        """
        import warnings

        import exchange_clients as ec
        from exchange_clients.simulator import Simulator

        warnings.simplefilter("default")
        with Simulator() as simulator:
            credentials = simulator.accounts.credentials("kraken_futures")
            order_id = simulator.orders.id("kraken_futures", "entered_book")
            with ec.connect("kraken_futures", credentials, base_url=simulator.base_url("kraken_futures")) as client:
            FIRST_READ
                client.get_order(order_id)
        print("read twice")
        """
    ).replace("    FIRST_READ", first_read)
    line = script.splitlines().index(first_read) + 1

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "read twice"
    assert done.stderr.count("DeprecationWarning") == 1, done.stderr
    assert REST_DEPRECATION in done.stderr
    assert f"<string>:{line}: DeprecationWarning" in done.stderr


def test_no_warning_once_the_rest_path_is_not_taken() -> None:
    """From 1 March 2027 the reads do not use the REST API, so nothing warns of its end."""
    script = textwrap.dedent(
        """
        import datetime as dt
        import warnings

        import exchange_clients as ec
        from exchange_clients.kraken_futures import _sunset
        from exchange_clients.simulator import Simulator

        warnings.simplefilter("default")
        _sunset.today = lambda: dt.date(2027, 3, 1)
        with Simulator() as simulator:
            credentials = simulator.accounts.credentials("kraken_futures")
            base_url, stream_url = simulator.base_url("kraken_futures"), simulator.stream_url("kraken_futures")
            with ec.connect("kraken_futures", credentials, base_url=base_url, stream_url=stream_url) as client:
                print(client.get_order(simulator.orders.id("kraken_futures", "entered_book")).status)
        """
    )

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "open"
    assert "DeprecationWarning" not in done.stderr
