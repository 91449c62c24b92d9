"""Finding the files to import: folders walked in name order, links followed but never in a
ring, and anything that is not a regular file (a pipe, a device, a socket, a broken link)
skipped with a reason instead of hanging or stopping the run.
"""

from __future__ import annotations

import errno
import os
import shlex
import stat
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from meetingtui.errors import InputError

# What a non-regular file is, in the words of the summary.
_KINDS = (
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
    (stat.S_ISSOCK, "socket"),
)


def _not_regular(mode: int) -> str:
    """The catalog key that says what a non-regular file is."""
    kind = next((name for test, name in _KINDS if test(mode)), "other")
    return f"import.skip.{kind}"


@dataclass(frozen=True)
class Skipped:
    """A path that was not imported, and why (a catalog key and its parameters)."""

    path: Path
    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Found:
    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    _seen_files: dict[tuple[int, int], int] = field(default_factory=dict)  # -> index in files
    _seen_folders: set[tuple[int, int]] = field(default_factory=set)

    def add(self, path: Path, *, given: bool) -> None:
        """Classify one path; a folder is walked."""
        try:
            info = os.stat(path)  # follows links: a link to a file is that file
        except OSError as exc:
            self._unreachable(path, exc, given=given)
            return
        if stat.S_ISDIR(info.st_mode):
            self._walk(path, info)
        elif stat.S_ISREG(info.st_mode):
            identity = (info.st_dev, info.st_ino)
            known = self._seen_files.get(identity)
            if known is None:
                self._seen_files[identity] = len(self.files)
                self.files.append(path)
            elif self.files[known].is_symlink() and not path.is_symlink():
                # The same file by two names is imported once, under its own name.
                self.files[known] = path
        else:
            self.skipped.append(Skipped(path, _not_regular(info.st_mode)))

    def _unreachable(self, path: Path, exc: OSError, *, given: bool) -> None:
        if exc.errno == errno.ELOOP:
            self.skipped.append(Skipped(path, "import.skip.link_loop"))
        elif exc.errno == errno.ENOENT and path.is_symlink():
            self.skipped.append(Skipped(path, "import.skip.broken_link"))
        elif exc.errno == errno.ENOENT and given:
            self.missing.append(path)
        else:
            reason = exc.strerror or str(exc)
            self.skipped.append(Skipped(path, "import.skip.unreadable", {"reason": reason}))

    def _walk(self, top: Path, info: os.stat_result) -> None:
        """Depth first, a folder's files before its subfolders, both in name order; an explicit
        stack, so that a deep tree cannot exhaust the recursion limit."""
        stack = [(top, info)]
        while stack:
            folder, folder_info = stack.pop()
            identity = (folder_info.st_dev, folder_info.st_ino)
            if identity in self._seen_folders:
                # Reached again through a link: following it would go round forever.
                self.skipped.append(Skipped(folder, "import.skip.folder_loop"))
                continue
            self._seen_folders.add(identity)
            try:
                names = sorted(os.listdir(folder))
            except OSError as exc:
                reason = exc.strerror or str(exc)
                self.skipped.append(Skipped(folder, "import.skip.unreadable", {"reason": reason}))
                continue
            subfolders: list[tuple[Path, os.stat_result]] = []
            for name in names:
                if name.startswith("."):  # ".git", ".DS_Store"
                    continue
                path = folder / name
                try:
                    entry = os.stat(path)
                except OSError as exc:
                    self._unreachable(path, exc, given=False)
                    continue
                if stat.S_ISDIR(entry.st_mode):
                    if not _saved_page_assets(name, names):
                        subfolders.append((path, entry))
                else:
                    self.add(path, given=False)
            stack.extend(reversed(subfolders))


def _saved_page_assets(name: str, beside: list[str]) -> bool:
    """A browser saves a web page as "Referat.html" and its pictures, styles and scripts in
    "Referat_files" beside it: the page is the document; its assets would each be read and
    counted as failed, hiding a real failure among dozens."""
    stem = name.removesuffix("_files")
    return stem != name and any(f"{stem}{ext}" in beside for ext in (".html", ".htm"))


def find_files(paths: list[Path]) -> Found:
    """The regular files under `paths`, what was skipped, and the paths that do not exist."""
    found = Found()
    for path in paths:
        found.add(Path(path), given=True)
    return found


def open_regular(path: str) -> int:
    """A descriptor for reading `path`, which must (still) be a regular file: opened without
    blocking, so that a file replaced by a named pipe meanwhile cannot hang the import."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError(_not_regular(mode))
    return fd


def typed_paths(text: str) -> list[Path]:
    """The files and folders in what was typed or dropped into the import field.

    Paths are separated by ";". A terminal that has a file dropped on it types its path quoted
    ('/Referater/Byråd 2024.pdf'), with its spaces escaped (/Referater/Byråd\\ 2024.pdf), as a
    file:// address, or several of them in a row; each is read as the path it names. A path
    typed plainly is taken as it is, spaces and all, and named as missing if it is.
    """
    paths: list[Path] = []
    for part in text.split(";"):
        typed = part.strip()
        if not typed:
            continue
        as_typed = Path(typed).expanduser()
        if as_typed.exists():
            paths.append(as_typed)
        elif any(mark in typed for mark in ("'", '"', "\\", "file://")):
            try:
                paths.extend(_dropped(word) for word in shlex.split(typed))
            except ValueError:  # an unbalanced quote: named as missing, as typed
                paths.append(as_typed)
        else:
            # Files without spaces in their names are dropped unquoted, one after another.
            words = [Path(word).expanduser() for word in typed.split()]
            together = len(words) > 1 and all(word.exists() for word in words)
            paths.extend(words if together else [as_typed])
    return paths


def _dropped(word: str) -> Path:
    if word.startswith("file://"):
        return Path(unquote(urlsplit(word).path))
    return Path(word).expanduser()
