from enum import StrEnum

from ..types import ByValue, DiscriminatorMismatch


class ResultErrorResult(StrEnum, metaclass=ByValue):
    ERROR = "error"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> None:
        raise DiscriminatorMismatch(f"{value!r:.60} is not 'error'")
