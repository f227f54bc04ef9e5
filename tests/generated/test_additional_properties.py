"""
What a model reads from a JSON object and what it keeps as additional properties, leaving the object unchanged.
"""

from __future__ import annotations

import copy
import inspect
import re
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exchange_clients.generated.digifinex.models import Order as DigiFinexOrder
from exchange_clients.generated.gemini.models import Order as GeminiOrder
from exchange_clients.generated.kraken_futures.models import OrderStatusDetailsJson
from exchange_clients.simulator import SimulatedOrders
from tests.exact_json import canonical


MODELS: dict[str, Any] = {
    "gemini": GeminiOrder,
    "kraken_futures": OrderStatusDetailsJson,
    "digifinex": DigiFinexOrder,
}

CATALOGUE = SimulatedOrders()

# Plain names, and the ones a model does know (filtered out per model below) drawn often enough to matter.
EXTRA_NAMES = st.text(min_size=1, max_size=12) | st.sampled_from(["reason", "client_order_id", "order", "price"])
EXTRA_VALUES = st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.lists(st.integers(), max_size=2)


def _bodies(exchange: str) -> list[dict[str, Any]]:
    return [dict(order.body) for order in CATALOGUE.of(exchange)]


def _property_names(model: Any) -> frozenset[str]:
    # The JSON names from_dict reads: the generator pops each named property from its copy of the object.
    return frozenset(re.findall(r'd\.pop\("([^"]+)"', inspect.getsource(model.from_dict)))


@pytest.mark.parametrize("exchange", sorted(MODELS))
@given(data=st.data(), extras=st.dictionaries(EXTRA_NAMES, EXTRA_VALUES, max_size=3))
def test_names_the_model_does_not_know_are_its_additional_properties(
    exchange: str, data: st.DataObject, extras: dict[str, Any]
) -> None:
    model = MODELS[exchange]
    body = data.draw(st.sampled_from(_bodies(exchange)))
    extras = {name: value for name, value in extras.items() if name not in _property_names(model)}
    source = {**body, **extras}
    untouched = copy.deepcopy(source)

    parsed = model.from_dict(MappingProxyType(source))  # any Mapping, not only a dict

    assert parsed.additional_properties == extras
    assert source == untouched  # read, never changed
    assert canonical(parsed.to_dict()) == canonical(source)


# Gemini's Order requires no field (its published document requires none), so it has no required property to drop.
@pytest.mark.parametrize("exchange", sorted(set(MODELS) - {"gemini"}))
def test_a_missing_required_property_is_still_a_key_error(exchange: str) -> None:
    body = _bodies(exchange)[0]
    required = next(iter(body))

    with pytest.raises(KeyError, match=required):
        MODELS[exchange].from_dict({name: value for name, value in body.items() if name != required})
