"""
The `exchange-clients` command given hostile input: numbers with huge exponents, and broken configuration.

A number prints exact but never much longer than its own digits; a mistake in the command line or the environment
ends with one line on stderr and the documented exit code, never a traceback and never a secret.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from decimal import Decimal

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from exchange_clients.cli._commands import cli
from exchange_clients.cli._exit_codes import ExitCode
from exchange_clients.cli._render import MAX_PADDING, number_text
from exchange_clients.simulator import Reply, SimulatedAccounts, Simulator, json_reply
from tests.secrets import leaked_secrets
from tests.simulated_environment import credentials_environment


PLACEHOLDER = Decimal("424242.4242")
"""Stands in a simulated answer for the hostile number, whose text then replaces it (the simulator writes fixed-point,
which is the very explosion under test)."""

HUGE = ["1e999999999999999999", "1e100000000", "-1e-999999999999999999", "1.5e-100000000"]
"""Numbers an answer may carry that fixed-point writes with a quintillion or a hundred million digits."""

SHORT_OUTPUT = 20_000
"""More than one order ever prints as; an exploded number is at least a hundred million characters."""

UNREACHABLE = "http://127.0.0.1:9"
"""A loopback URL nothing listens on: a configuration error must stop the command before anything is sent."""


def _run(accounts: SimulatedAccounts, *arguments: str, env: Mapping[str, str | None] | None = None) -> Result:
    environment: dict[str, str | None] = {**credentials_environment(accounts), **(env or {})}
    result = CliRunner().invoke(cli, list(arguments), env=environment, catch_exceptions=False)
    # Whatever went wrong, no secret shows.
    assert leaked_secrets([result.output, result.stderr]) == []
    return result


def _serve_with_number(simulator: Simulator, exchange: str, body: object, number: str) -> None:
    """The exchange's next answer is `body` with `number` written, as is, where PLACEHOLDER stands."""
    content = json_reply(200, body).content
    assert str(PLACEHOLDER).encode() in content
    reply = Reply(status=200, content=content.replace(str(PLACEHOLDER).encode(), number.encode()))
    simulator.faults.push(lambda _: reply, exchange=exchange)


# ------------------------------------------------------------------------------------------------------ numbers

EXPONENTS = st.one_of(st.integers(-2 * MAX_PADDING, 2 * MAX_PADDING), st.integers(-(10**18) + 100, 10**18 - 100))
"""Near the switch between the two forms, and about anywhere Decimal allows (the first digit's exponent stays within
10**18 - 1 either way, which 60 digits leave it)."""

DECIMALS = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False),
    st.builds(
        lambda sign, digits, exponent: Decimal((sign, tuple(digits), exponent)),
        st.integers(0, 1),
        st.lists(st.integers(0, 9), min_size=1, max_size=60),
        EXPONENTS,
    ),
)


@settings(max_examples=2000, database=None)
@given(DECIMALS)
def test_number_text_is_exact_and_never_much_longer_than_str(value: Decimal) -> None:
    """Every finite Decimal prints as text that reads back as the same number, at most MAX_PADDING + 2 longer."""
    text = number_text(value)

    assert Decimal(text) == value
    assert Decimal(text).is_signed() == value.is_signed()
    assert len(text) <= len(str(value)) + MAX_PADDING + 2


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        pytest.param("1E-18", "0.000000000000000001", id="wei"),
        pytest.param("12345678901234.5678901234567891", "12345678901234.5678901234567891", id="many-digits"),
        pytest.param("400.00", "400.00", id="trailing-zeros-kept"),
        pytest.param("-0.5", "-0.5", id="negative"),
        pytest.param("1E+5", "100000", id="positive-exponent"),
        pytest.param("0E-8", "0.00000000", id="zero-with-places"),
        pytest.param("1E+32", "1" + "0" * 32, id="most-trailing-zeros"),
        pytest.param("1E+33", "1E+33", id="too-many-trailing-zeros"),
        pytest.param("1E-33", "0." + "0" * 32 + "1", id="most-leading-zeros"),
        pytest.param("1E-34", "1E-34", id="too-many-leading-zeros"),
        pytest.param("1.5E-100000000", "1.5E-100000000", id="hostile-small"),
        pytest.param("1E+999999999999999999", "1E+999999999999999999", id="hostile-large"),
    ],
)
def test_number_text_is_fixed_point_unless_that_pads_past_the_limit(value: str, printed: str) -> None:
    """Amounts print in fixed-point as exchanges write them; only a number needing over 32 zeros is scientific."""
    assert number_text(Decimal(value)) == printed


@pytest.mark.parametrize("number", HUGE)
def test_json_prints_a_huge_extra_field_exact_and_short(fresh_simulator: Simulator, number: str) -> None:
    """--json prints extra fields of the answer with a huge exponent, nested or not, exactly and in a few characters."""
    order = fresh_simulator.orders.named("gemini", "filled")
    body = {**order.body, "surprise": PLACEHOLDER, "surprises": {"inside": [PLACEHOLDER]}}
    _serve_with_number(fresh_simulator, "gemini", body, number)
    url = fresh_simulator.base_url("gemini")

    result = _run(fresh_simulator.accounts, "order", "gemini", order.order_id, "--base-url", url, "--json")

    assert result.exit_code == ExitCode.OK, result.stderr
    assert len(result.output) < SHORT_OUTPUT
    [printed] = json.loads(result.output)
    assert Decimal(printed["raw"]["surprise"]) == Decimal(number)
    assert Decimal(printed["raw"]["surprises"]["inside"][0]) == Decimal(number)
    assert printed["price"] == "400.00"


@pytest.mark.parametrize("number", ["1e300", "1.5e-299"])
def test_table_and_json_print_a_far_price_exact_and_short(fresh_simulator: Simulator, number: str) -> None:
    """The table and --json print a price as far from 1 as the client accepts exactly, and in its own few characters."""
    order = fresh_simulator.orders.named("digifinex", "open")
    url = fresh_simulator.base_url("digifinex")
    outputs = []
    for options in [(), ("--json",)]:
        _serve_with_number(
            fresh_simulator, "digifinex", {"code": 0, "data": [{**order.body, "price": PLACEHOLDER}]}, number
        )

        result = _run(fresh_simulator.accounts, "order", "digifinex", order.order_id, "--base-url", url, *options)

        assert result.exit_code == ExitCode.OK, result.stderr
        assert len(result.output) < SHORT_OUTPUT
        outputs.append(result.output)
    table, printed = outputs
    assert str(Decimal(number)) in table  # 1E+300, not three hundred zeros folded over lines
    [as_json] = json.loads(printed)
    assert Decimal(as_json["price"]) == Decimal(number)
    assert Decimal(as_json["raw"]["price"]) == Decimal(number)


# -------------------------------------------------------------------------------------------- configuration errors

NOT_BASE64 = "not-base64!!-fake-kraken-secret"
NOT_HEX = "0xnot-hex-fake-derive-private-key-0123456789abcdef0123456789abcdef"
ZERO_KEY = "0x" + "00" * 32
ABOVE_CURVE_ORDER = "0x" + "ff" * 32


USAGE, AUTH, KEY = ExitCode.USAGE, ExitCode.AUTH, "DERIVE_PRIVATE_KEY"


@pytest.mark.parametrize(
    ("arguments", "env", "expected", "named"),
    [
        pytest.param(("gemini", "--env", "bogus"), {}, USAGE, "no environment 'bogus'", id="env-unknown"),
        pytest.param(("derive", "--env", "sandbox"), {}, USAGE, "no environment 'sandbox'", id="env-of-another"),
        pytest.param(("gemini", "--base-url", "http://[::1"), {}, USAGE, "--base-url", id="url-unparsable"),
        pytest.param(("gemini", "--base-url", "https://"), {}, USAGE, "--base-url", id="url-without-host"),
        pytest.param(("gemini", "--base-url", "http://127.0.0.1:99999"), {}, USAGE, "port", id="url-port"),
        pytest.param(("gemini", "--base-url", "ftp://x"), {}, USAGE, "ftp://x", id="url-not-http"),
        pytest.param(("gemini", "--base-url", "http://example.com"), {}, USAGE, "https", id="url-clear-text"),
        pytest.param(("kraken_futures",), {"KRAKEN_FUTURES_API_SECRET": NOT_BASE64}, AUTH, "base64", id="kraken"),
        pytest.param(("derive",), {"DERIVE_SUBACCOUNT_ID": "abc"}, AUTH, "DERIVE_SUBACCOUNT_ID", id="subaccount"),
        pytest.param(
            ("derive",), {"DERIVE_SUBACCOUNT_ID": "²"}, AUTH, "DERIVE_SUBACCOUNT_ID", id="subaccount-superscript"
        ),
        pytest.param(("derive",), {"DERIVE_PRIVATE_KEY": NOT_HEX}, AUTH, KEY, id="key-not-hex"),
        pytest.param(("derive",), {"DERIVE_PRIVATE_KEY": ZERO_KEY}, AUTH, KEY, id="key-zero"),
        pytest.param(("derive",), {"DERIVE_PRIVATE_KEY": ABOVE_CURVE_ORDER}, AUTH, KEY, id="key-too-big"),
    ],
)
def test_configuration_error_is_one_line_and_its_exit_code(
    accounts: SimulatedAccounts, arguments: tuple[str, ...], env: dict[str, str], expected: ExitCode, named: str
) -> None:
    """A bad environment name, base URL or credential variable exits 2 or 3 with one line naming it, no traceback."""
    exchange, *options = arguments
    base_url = [] if "--base-url" in options else ["--base-url", UNREACHABLE]

    result = _run(accounts, "order", exchange, "1", *options, *base_url, env=env)

    assert result.exit_code == expected, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ")
    assert named in line
    assert result.stdout == ""
    for value in env.values():
        if len(value) > 3:  # the short values (a subaccount) are not secrets, and may be named
            assert value not in result.stderr
            assert value.removeprefix("0x") not in result.stderr


def test_configuration_error_in_a_real_process_is_one_line(accounts: SimulatedAccounts) -> None:
    """`python -m exchange_clients.cli` with a Kraken secret that is not base64 prints one line and exits 3."""
    command = [sys.executable, "-m", "exchange_clients.cli", "order", "kraken_futures", "1", "--base-url", UNREACHABLE]
    env = {**os.environ, **credentials_environment(accounts), "KRAKEN_FUTURES_API_SECRET": NOT_BASE64}

    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)

    assert finished.returncode == ExitCode.AUTH, finished.stderr
    assert finished.stderr.count("\n") == 1
    assert "Traceback" not in finished.stderr
    assert NOT_BASE64 not in finished.stderr
    assert finished.stdout == ""
