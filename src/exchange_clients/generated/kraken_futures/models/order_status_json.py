from enum import StrEnum

from exchange_clients.runtime import is_listed, unrecognized_member


class OrderStatusJson(StrEnum):
    CANCELLED = "CANCELLED"
    ENTERED_BOOK = "ENTERED_BOOK"
    FULLY_EXECUTED = "FULLY_EXECUTED"
    REJECTED = "REJECTED"
    TRIGGER_ACTIVATION_FAILURE = "TRIGGER_ACTIVATION_FAILURE"
    TRIGGER_PLACED = "TRIGGER_PLACED"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "OrderStatusJson | None":
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the spec does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)
