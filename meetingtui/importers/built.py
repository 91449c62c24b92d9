"""The record's models made by the importer without pydantic's validation, and the same.

The importer makes thousands of them per meeting from values it has just made itself, of the
right types: validation there does one thing, cleaning the text of every string field (the
`Model` validator), and costs several times what making the object does. `made` and `built`
skip it and do that one thing themselves; a test holds every model they make equal, field for
field, to the validated one.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from meetingtui.models import clean_text

M = TypeVar("M", bound=BaseModel)

# The slots every pydantic model has, set directly: a third cheaper than `object.__setattr__`
# by name (a meeting's text is thousands of runs and paragraphs).
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def made(cls: type[M], values: dict[str, Any]) -> M:
    """A model from all its field values, in their order, already clean: what
    `model_construct` does when every field is given, at a third of its cost."""
    model = _new(cls)
    _set_dict(model, values)
    _set_fields(model, set(values))
    _set_extra(model, None)
    _set_private(model, None)
    return model


_Default = tuple[str, Callable[[], Any] | None, Any, bool]  # (name, factory, value, required)
_DEFAULTS: dict[type[BaseModel], list[_Default]] = {}


def _defaults(cls: type[BaseModel]) -> list[_Default]:
    found = _DEFAULTS.get(cls)
    if found is None:
        assert not cls.__private_attributes__, f"{cls.__name__} has private attributes"
        found = []
        for name, info in cls.model_fields.items():
            assert info.alias is None and not info.metadata, f"{cls.__name__}.{name}"
            # No factory of the record's models takes the other fields' values.
            factory = cast("Callable[[], Any] | None", info.default_factory)
            if factory is None and isinstance(info.default, list | dict | set):
                factory = _copier(info.default)  # pydantic copies a mutable default
            found.append((name, factory, info.default, info.is_required()))
        _DEFAULTS[cls] = found
    return found


def _copier(value: object) -> Callable[[], Any]:
    return lambda: copy.deepcopy(value)


def built(cls: type[M], *, _clean: tuple[str, ...] = (), **values: Any) -> M:
    """`cls(**values)` for values of the field's types: every string given cleaned as the
    validator cleans it (but those named in `_clean`, which the caller has cleaned), a list
    given copied (validation makes a new one), the rest defaulted."""
    fields: dict[str, Any] = {}
    for name, factory, default, required in _defaults(cls):
        if name in values:
            value = values[name]
            if type(value) is str and name not in _clean:
                value = clean_text(value)
            elif type(value) is list:
                value = list(value)
        elif required:
            raise TypeError(f"{cls.__name__}: {name} is required")
        else:
            value = factory() if factory is not None else default
        fields[name] = value
    model = made(cls, fields)
    _set_fields(model, set(values))
    return model
