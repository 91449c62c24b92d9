"""What is typed or dropped into the archive's import field names the files meant: a terminal
that has a file dropped on it types the path quoted, with escaped spaces or as a file://
address, and a plain path with spaces is typed as it is."""

from __future__ import annotations

from pathlib import Path

from meetingtui.archive_walk import typed_paths


def test_dropped_and_typed_paths_name_the_files(tmp_path: Path) -> None:
    folder = tmp_path / "Referater 2024"
    folder.mkdir()
    spaced = folder / "Byråd 12. marts.pdf"
    plain = tmp_path / "referat.pdf"
    for path in (spaced, plain):
        path.write_bytes(b"%PDF-1.4\n")
    as_typed = {
        str(spaced): [spaced],  # spaces, not quoted: exists as typed
        f"'{spaced}'": [spaced],  # GNOME Terminal, Konsole
        f'"{spaced}"': [spaced],
        str(spaced).replace(" ", "\\ "): [spaced],  # iTerm2, kitty
        "file://" + str(spaced).replace(" ", "%20").replace("å", "%C3%A5"): [spaced],
        f"'{spaced}' '{plain}' ": [spaced, plain],  # two files dropped together
        f" {plain} ; '{spaced}';;": [plain, spaced],
        f"'{tmp_path}/mangler.pdf": [Path(f"'{tmp_path}/mangler.pdf")],  # named as missing
    }
    assert {text: typed_paths(text) for text in as_typed} == as_typed


def test_a_path_that_is_not_there_is_named_as_typed(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4\n")
    missing = f"{tmp_path}/findes ikke.pdf"
    assert typed_paths(missing) == [Path(missing)]  # one path, not "findes" and "ikke.pdf"
    # Files without spaces in their names, dropped one after another without quotes.
    assert typed_paths(f"{tmp_path}/a.pdf {tmp_path}/b.pdf") == [
        tmp_path / "a.pdf",
        tmp_path / "b.pdf",
    ]
    assert typed_paths(f"{tmp_path}/a.pdf {tmp_path}/c.pdf") == [
        Path(f"{tmp_path}/a.pdf {tmp_path}/c.pdf")
    ]
