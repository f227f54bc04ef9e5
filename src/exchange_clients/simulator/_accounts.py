"""
The fake credentials the simulator accepts, one account per exchange.

Every value here is invented for the simulator (the Derive keys are the publicly known Hardhat development keys),
so printing them is harmless; they are still kept out of every log line and every repr of a request.
"""

from __future__ import annotations

import attrs

from exchange_clients.derive import DeriveCredentials
from exchange_clients.digifinex import DigiFinexCredentials
from exchange_clients.gemini import GeminiCredentials
from exchange_clients.kraken_futures import KrakenFuturesCredentials
from exchange_clients.simulator._eth import Account


__all__ = [
    "DeriveAccount",
    "DigiFinexAccount",
    "GeminiAccount",
    "KrakenFuturesAccount",
    "SimulatedAccounts",
]


@attrs.frozen
class GeminiAccount:
    """
    A Gemini API key, its secret and the roles it holds.

    `roles` decides which endpoints answer: order status needs `Trader`, the active-orders list `Trader` or
    `Auditor`; anything else is `MissingRole` (HTTP 403).
    """

    api_key: str
    api_secret: str = attrs.field(repr=False)
    roles: frozenset[str] = frozenset({"Trader"})


@attrs.frozen
class KrakenFuturesAccount:
    """A Kraken Futures API key and its base64-encoded secret."""

    api_key: str
    api_secret: str = attrs.field(repr=False)


@attrs.frozen
class DigiFinexAccount:
    """A DigiFinex API key and its secret."""

    api_key: str
    api_secret: str = attrs.field(repr=False)


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


@attrs.frozen
class SimulatedAccounts:
    """
    The credentials the simulator accepts: one account per exchange, plus two more Gemini keys.

    One Gemini key has the Auditor role only; the other is a second Trader key on the same account (Gemini counts
    nonces per key, so two programs reading one account at once, such as this project and another client in a
    benchmark, each need their own key).

    The defaults are fixed so that a simulator started from the command line and a test agree on them.
    """

    gemini: GeminiAccount = GeminiAccount(
        api_key="account-SimulatedGeminiTrader01",
        api_secret="simulated-gemini-secret-0123456789",  # noqa: S106 - a fake credential
    )
    gemini_second_trader: GeminiAccount = GeminiAccount(
        api_key="account-SimulatedGeminiTrader02",
        api_secret="simulated-gemini-second-secret-987",  # noqa: S106 - a fake credential
    )
    gemini_auditor: GeminiAccount = GeminiAccount(
        api_key="account-SimulatedGeminiAuditor1",
        api_secret="simulated-gemini-auditor-secret-42",  # noqa: S106 - a fake credential
        roles=frozenset({"Auditor"}),
    )
    kraken_futures: KrakenFuturesAccount = KrakenFuturesAccount(
        api_key="simulated-kraken-futures-public-key",
        # base64 of the 64 bytes 0x00..0x3f, the secret of exchange_facts.md section 2.3.
        api_secret="AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==",  # noqa: S106
    )
    digifinex: DigiFinexAccount = DigiFinexAccount(
        api_key="0123456789abcd",
        api_secret="01234567890123456789abcd",  # noqa: S106 - the docs' example secret, fake
    )
    derive: DeriveAccount = DeriveAccount(
        # A made-up contract address: the LightAccount wallet, distinct from every signer's address.
        wallet="0x5a1A5a1a5A1A5a1a5a1A5A1a5a1a5A1A5a1A5A1a",
        # Hardhat development keys #1 (owner) and #2 (session key): public test keys, never real funds.
        private_key="0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        subaccount_id=30769,
        session_private_keys=("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",),
    )

    def credentials(
        self, exchange: str
    ) -> GeminiCredentials | KrakenFuturesCredentials | DigiFinexCredentials | DeriveCredentials:
        """The client credentials of this exchange's account (Gemini: the Trader key), for `exchange_clients`."""
        if exchange == "gemini":
            return GeminiCredentials(api_key=self.gemini.api_key, api_secret=self.gemini.api_secret)
        if exchange == "kraken_futures":
            return KrakenFuturesCredentials(
                api_key=self.kraken_futures.api_key, api_secret=self.kraken_futures.api_secret
            )
        if exchange == "digifinex":
            return DigiFinexCredentials(api_key=self.digifinex.api_key, api_secret=self.digifinex.api_secret)
        if exchange == "derive":
            return DeriveCredentials(
                wallet=self.derive.wallet,
                private_key=self.derive.private_key,
                subaccount_id=self.derive.subaccount_id,
            )
        msg = f"unknown exchange {exchange!r}"
        raise ValueError(msg)

    def gemini_account(self, api_key: str) -> GeminiAccount | None:
        """The Gemini account whose key this is, if any."""
        keys = (self.gemini, self.gemini_second_trader, self.gemini_auditor)
        return next((account for account in keys if account.api_key == api_key), None)
