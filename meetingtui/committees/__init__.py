"""Committees as records: the body, its valgperioder and the roster valid on each date.

`model` holds the plain records, `queries` reads them, `commands` changes them (validated, then
event and state in one transaction), `toml_file` reads and writes the committee file.
"""
