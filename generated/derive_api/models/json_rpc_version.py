from enum import StrEnum

from ..types import ByValue, DiscriminatorMismatch


class JsonRpcVersion(StrEnum, metaclass=ByValue):
    V2_0 = "2.0"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> None:
        raise DiscriminatorMismatch(f"{value!r:.60} is not '2.0'")
