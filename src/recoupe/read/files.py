"""path -> Iterator[RawDoc | InputProblem]: read one file, or every article file in a folder.

In: a path as the user gave it, and the read settings. Out: the RawDocs of the file (or of each
file of the folder, walked recursively in sorted path order, hidden files and folders skipped),
and one `InputProblem` per file that cannot be used. A file's kind comes from its extension:
.txt/.text, .html/.htm/.xhtml, .json, .jsonl/.ndjson, .rss/.atom/.xml; an explicitly named file
without an extension is judged by its bytes. The id of a document is its file name without the
extension; the source is the path as given or as walked.

Only regular files are read: a FIFO, a device or a socket, named or met in a folder, is
refused without being opened for long (it could block for ever, or never end). In a folder,
links inside it are read; a link to a file outside it is read only when that file is itself
named as an article (its own name has one of the extensions below: a folder of links to
articles kept elsewhere, as evaluation tools make), never a link to a file like /etc/passwd
or a key, unless `read.follow_symlinks` says so.

A file larger than `read.max_bytes` is refused from its stat() size, without reading it. In a
folder walk, files of other types (.md, .py, images...), .json files that hold no article
(labels, expectations) and .xml files that are not feeds are skipped without a word: folders of
articles hold such things beside them. Named explicitly, each of them is a problem.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..config import ReadConfig
from ..model import InputProblem, RawDoc
from .content import read_content
from .limits import too_large
from .sniff import sniff

_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_SUPPORTED = ", ".join(_KINDS)
_NOT_REGULAR = "not a regular file (a pipe, device or socket); only files are read"
_OUTSIDE = ("a link to a file outside the folder that is not named as an article, not "
            "followed (set read.follow_symlinks to read it)")


def read_path(given: str, config: ReadConfig) -> Iterator[RawDoc | InputProblem]:
    """A file or folder path -> the RawDocs of its article files, and InputProblems."""
    try:
        info = os.stat(given)
    except FileNotFoundError:
        yield InputProblem(given, "no such file or folder")
        return
    except OSError as e:
        yield InputProblem(given, _os_problem(e))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_folder(given, config)
    elif not stat.S_ISREG(info.st_mode):
        yield InputProblem(given, _NOT_REGULAR)
    else:
        yield from _read_file(given, info, config, walked=False)


def _read_folder(top: str, config: ReadConfig) -> Iterator[RawDoc | InputProblem]:
    errors: list[OSError] = []
    paths = []
    for folder, subfolders, names in os.walk(top, onerror=errors.append):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        paths.extend(os.path.join(folder, name) for name in names if not name.startswith("."))
    # Sorted by path components, so "a/b/x.txt" and "a/c.txt" keep one order on every system.
    paths.sort(key=lambda p: Path(p).parts)
    found = False
    root = os.path.realpath(top)
    for path in paths:
        if Path(path).suffix.lower() not in _KINDS:
            continue
        if (not config.follow_symlinks and os.path.islink(path) and not _inside(path, root)
                and Path(os.path.realpath(path)).suffix.lower() not in _KINDS):
            found = True
            yield InputProblem(path, _OUTSIDE)
            continue
        try:
            info = os.stat(path)
        except OSError as e:
            found = True
            yield InputProblem(path, _os_problem(e))
            continue
        if not stat.S_ISREG(info.st_mode):
            continue  # sockets, pipes and broken links are not articles
        for result in _read_file(path, info, config, walked=True):
            found = True
            yield result
    for error in errors:
        found = True
        yield InputProblem(error.filename or top, _os_problem(error))
    if not found:
        yield InputProblem(top, f"no article files in this folder (looked for {_SUPPORTED})")


def _read_file(
    path: str, info: os.stat_result, config: ReadConfig, *, walked: bool
) -> Iterator[RawDoc | InputProblem]:
    suffix = Path(path).suffix.lower()
    kind = _KINDS.get(suffix)
    if kind is None and suffix:
        if not walked:
            yield InputProblem(path, f"unsupported file type {suffix} (expected {_SUPPORTED})")
        return
    if info.st_size > config.max_bytes:
        yield too_large(path, config.max_bytes, info.st_size)
        return
    try:
        # Non-blocking, then checked again on the open file: a file swapped for a FIFO after
        # stat() must not block the open, nor be read.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with open(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                yield InputProblem(path, _NOT_REGULAR)
                return
            # One byte over the cap tells a file that grew since stat() is too big.
            data = f.read(config.max_bytes + 1)
    except OSError as e:
        yield InputProblem(path, _os_problem(e))
        return
    if len(data) > config.max_bytes:
        yield too_large(path, config.max_bytes)
        return
    if kind is None:
        kind = sniff(data)
    elif walked and suffix == ".xml" and data.strip() and sniff(data) != "feed":
        return
    yield from read_content(data, kind, path, Path(path).stem, walked=walked)


def _inside(path: str, root: str) -> bool:
    """Whether the file a link leads to is in the folder `root` (resolved)."""
    target = os.path.realpath(path)
    return os.path.commonpath([target, root]) == root


def _os_problem(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    return f"cannot read ({error.strerror or error})"
