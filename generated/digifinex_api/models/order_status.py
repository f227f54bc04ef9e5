from enum import IntEnum
from typing import Any

from ..types import ByValue


class _IntegersOnly(ByValue):
    def __call__(cls, value: object, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{cls.__name__} takes a JSON integer, not {type(value).__name__} {value!r:.60}")
        return super().__call__(value, *args, **kwargs)


class OrderStatus(IntEnum, metaclass=_IntegersOnly):
    NONE_EXECUTED = 0
    PARTIALLY_EXECUTED = 1
    FULLY_EXECUTED = 2
    CANCELLED_NONE_EXECUTED = 3
    CANCELLED_PARTIALLY_EXECUTED = 4

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "OrderStatus | None":
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = "UNRECOGNIZED"
        member._value_ = value
        return member

    @property
    def is_recognized(self) -> bool:
        """False for a value the spec does not list (an UNRECOGNIZED pseudo-member)."""
        # A member the class lists, by value (a pseudo-member's value is never one of theirs).
        return self in type(self).__members__.values()
