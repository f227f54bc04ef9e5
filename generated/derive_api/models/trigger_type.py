from enum import StrEnum

from ..types import ByValue


class TriggerType(StrEnum, metaclass=ByValue):
    STOPLOSS = "stoploss"
    TAKEPROFIT = "takeprofit"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "TriggerType | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNRECOGNIZED"
        member._value_ = value
        return member

    @property
    def is_recognized(self) -> bool:
        """False for a value the spec does not list (an UNRECOGNIZED pseudo-member)."""
        # A member the class lists, by value (a pseudo-member's value is never one of theirs).
        return self in type(self).__members__.values()
