"""
The fake credentials the simulator accepts: every exchange's default accounts, any of them replaced.

Every value is invented for the simulator (Derive's keys are the publicly known Hardhat development keys), so
printing them is harmless; they are still kept out of every log line and every repr of a request.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from exchange_clients.simulator._exchange import simulated_exchanges


__all__ = ["SimulatedAccounts"]

AccountT = TypeVar("AccountT")


class SimulatedAccounts:
    """
    The credentials the simulator accepts, by account name: each exchange's defaults, any of them replaced.

    Each exchange's simulator module names its accounts; the one named after the exchange (`accounts.gemini`) is
    the one `credentials("gemini")` gives. Gemini has two more keys: `gemini_auditor` holds the Auditor role only,
    and `gemini_second_trader` is a second Trader key on the same account (Gemini counts nonces per key, so two
    programs reading one account at once, such as this project and another client in a benchmark, each need their
    own key). Replace an account by name: `SimulatedAccounts(gemini=GeminiAccount(api_key=..., api_secret=...))`.

    The defaults are fixed so that a simulator started from the command line and a test agree on them.
    """

    __slots__ = ("_accounts",)

    def __init__(self, **replacements: Any) -> None:
        defaults = {
            name: account
            for simulated in simulated_exchanges().values()
            for name, account in simulated.accounts.items()
        }
        if unknown := sorted(replacements.keys() - defaults.keys()):
            msg = f"no simulated account named {', '.join(unknown)}; the accounts are {', '.join(defaults)}"
            raise TypeError(msg)
        for name, account in replacements.items():
            if type(account) is not type(defaults[name]):
                msg = f"{name} must be a {type(defaults[name]).__name__}, not {type(account).__name__}"
                raise TypeError(msg)
        self._accounts: dict[str, Any] = {**defaults, **replacements}

    def __getattr__(self, name: str) -> Any:
        # Only called for names that are not attributes: the accounts, by name (`accounts.gemini.api_key`).
        accounts = object.__getattribute__(self, "_accounts") if not name.startswith("_") else {}
        if name in accounts:
            return accounts[name]
        msg = f"no simulated account named {name!r}"
        raise AttributeError(msg)

    def __iter__(self) -> Iterator[str]:
        """The account names, each exchange's in the registry's order."""
        return iter(self._accounts)

    def __repr__(self) -> str:
        # The accounts' own reprs leave their secrets out.
        return f"SimulatedAccounts({', '.join(f'{name}={account!r}' for name, account in self._accounts.items())})"

    def named(self, name: str, kind: type[AccountT]) -> AccountT:
        """The account called `name`, which must be a `kind`: how a handler reads its exchange's main account."""
        account = self._accounts.get(name)
        if not isinstance(account, kind):
            msg = f"the simulated account {name!r} is not a {kind.__name__}"
            raise TypeError(msg)
        return account

    def of_type(self, kind: type[AccountT]) -> list[AccountT]:
        """Every account that is a `kind` (all of one exchange's keys), in order."""
        return [account for account in self._accounts.values() if isinstance(account, kind)]

    def stream_credentials(self, exchange: str) -> Any:
        """The client credentials that open the exchange's stream (Gemini: its time-based key)."""
        simulated = simulated_exchanges().get(exchange)
        if simulated is None:
            msg = f"unknown exchange {exchange!r}; expected one of {', '.join(simulated_exchanges())}"
            raise ValueError(msg)
        return simulated.credentials(self._accounts[simulated.stream_account or exchange])

    def credentials(self, exchange: str) -> Any:
        """The client credentials of the exchange's account (Gemini: the Trader key), for `exchange_clients`."""
        simulated = simulated_exchanges().get(exchange)
        if simulated is None:
            msg = f"unknown exchange {exchange!r}; expected one of {', '.join(simulated_exchanges())}"
            raise ValueError(msg)
        return simulated.credentials(self._accounts[exchange])
