from enum import StrEnum

from exchange_clients.runtime import discriminator_mismatch


class ResultSuccessResult(StrEnum):
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> None:
        raise discriminator_mismatch(cls, value)
