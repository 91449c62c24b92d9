"""The municipality's own wording of the decision heading, per committee.

Municipalities word it differently ("Beslutning i Byrådet den 15. maj 2023", "Økonomiudvalgets
beslutning den 3. januar 2017", "Beslutning"). Without a formula the referat writes "Beslutning
i <udvalg> den <dato>" with the body as a sentence names it. A file `referat.toml` in the
configuration directory (beside keymap.toml) can give a formula per committee:

    [beslutning]
    "*" = "Beslutning i {udvalg} den {dato}"          # every other committee
    "Byråd 2022-2025" = "Byrådets beslutning den {dato}"

{udvalg} is the committee as a sentence names it ("Byrådet"), {dato} the meeting's date.
"""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

from meetingtui.errors import InputError
from meetingtui.exporters.phrasing import FORMULA_FIELDS
from meetingtui.i18n import t

FILENAME = "referat.toml"
ANY_COMMITTEE = "*"


def default_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("meetingtui")) / FILENAME


def _check(path: Path, body: str, formula: object) -> str:
    if not isinstance(formula, str) or not formula.strip():
        raise InputError(
            "export.error.bad_formula",
            path=path,
            body=body,
            problem=t("export.error.formula_empty"),
        )
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(formula) if name is not None]
    except ValueError as exc:
        raise InputError("export.error.bad_formula", path=path, body=body, problem=exc) from exc
    unknown = [name for name in fields if name not in FORMULA_FIELDS]
    if unknown:
        raise InputError(
            "export.error.bad_formula",
            path=path,
            body=body,
            problem="{" + unknown[0] + "}",
        )
    return formula.strip()


def load_formulas(path: Path | None = None) -> dict[str, str]:
    """Committee name -> formula; empty when no file is given and the default one is absent."""
    explicit = path is not None
    path = path or default_path()
    if not path.is_file():
        if explicit:
            raise InputError("export.error.no_formula_file", path=path)
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError("export.error.bad_formula_file", path=path, problem=exc) from exc
    table = data.get("beslutning", {})
    if not isinstance(table, dict):
        raise InputError("export.error.bad_formula_file", path=path, problem="[beslutning]")
    return {str(body): _check(path, str(body), formula) for body, formula in table.items()}


def formula_for(formulas: dict[str, str], body: str) -> str | None:
    """The committee's formula, the general one, or None for the default wording."""
    return formulas.get(body) or formulas.get(ANY_COMMITTEE)
