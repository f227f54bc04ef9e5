from enum import IntEnum

from exchange_clients.runtime import IntegersOnly, is_listed, unrecognized_member


class OrderStatus(IntEnum, metaclass=IntegersOnly):
    NONE_EXECUTED = 0
    PARTIALLY_EXECUTED = 1
    FULLY_EXECUTED = 2
    CANCELLED_NONE_EXECUTED = 3
    CANCELLED_PARTIALLY_EXECUTED = 4

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "OrderStatus | None":
        return unrecognized_member(cls, value)

    @property
    def is_recognized(self) -> bool:
        """False for a value the spec does not list (an UNRECOGNIZED pseudo-member)."""
        return is_listed(self)
