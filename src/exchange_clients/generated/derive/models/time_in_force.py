from enum import StrEnum

from exchange_clients.runtime import is_listed, unrecognized_member


class TimeInForce(StrEnum):
    FOK = "fok"
    GTC = "gtc"
    IOC = "ioc"
    POST_ONLY = "post_only"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "TimeInForce | None":
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the spec does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)
