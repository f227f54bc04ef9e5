from enum import StrEnum

from exchange_clients.runtime import is_listed, unrecognized_member


class OrderStatus(StrEnum):
    ALGO_ACTIVE = "algo_active"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    FILLED = "filled"
    OPEN = "open"
    REJECTED = "rejected"
    UNTRIGGERED = "untriggered"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "OrderStatus | None":
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the spec does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)
