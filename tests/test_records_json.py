"""The state rows' JSON columns are written by a C encoder made once: the same text
`json.dumps(ensure_ascii=False, sort_keys=True)` gives, for every kind of value."""

from __future__ import annotations

import json
import threading

import pytest

from meetingtui.models import Choice
from meetingtui.storage.records import _json

VALUES: list[object] = [
    [],
    {},
    "plain",
    'quotes " and \\ backslash\t\n\u2028 ø 😀',
    Choice.FOR,  # a str enum: written as its value
    [{"runs": [{"text": "Å", "bold": True, "italic": False}], "type": "paragraph"}],
    {"b": 1, "a": [None, 2**70, -3, 1.5, 1e-07, float("nan"), float("inf")], "c": {"z": "y"}},
    [[["deep"]]],
    0,
    None,
    True,
]


@pytest.mark.parametrize("value", VALUES)
def test_a_json_column_is_what_json_dumps_writes(value: object) -> None:
    assert _json(value) == json.dumps(value, ensure_ascii=False, sort_keys=True)


def test_a_value_json_cannot_write_is_refused_as_json_dumps_refuses_it() -> None:
    with pytest.raises(TypeError):
        _json({"when": object()})


def test_the_encoder_made_once_keeps_no_state_between_threads() -> None:
    value = {"rows": [[str(n), "x" * n] for n in range(200)]}
    expected = json.dumps(value, ensure_ascii=False, sort_keys=True)
    results: list[bool] = []

    def encode() -> None:
        results.extend(_json(value) == expected for _ in range(50))

    threads = [threading.Thread(target=encode) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [True] * 200
