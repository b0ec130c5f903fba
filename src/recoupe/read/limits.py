"""(source, cap, size) -> InputProblem: the one message for an input over `read.max_bytes`.

In: the input's name, the cap, and its size when known (a file's stat(), a Content-Length);
when the size is not known (a stream cut off at the cap) the message says "more than".
Out: an `InputProblem` that names the setting to raise.
"""

from __future__ import annotations

from ..model import InputProblem


def too_large(source: str, cap: int, size: int | None = None) -> InputProblem:
    """The problem for an input larger than `cap` bytes."""
    seen = f"{size} bytes" if size is not None else f"more than {cap} bytes"
    return InputProblem(
        source, f"larger than the {_human(cap)} cap ({seen}); raise read.max_bytes to accept it"
    )


def _human(size: int) -> str:
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor:
            value = size / factor
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"
