"""Read a source file as text, with a clear message when it is not UTF-8 or is empty."""

from __future__ import annotations

from pathlib import Path


class TextFileError(Exception):
    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def decode(data: bytes) -> str:
    """Decode UTF-8 (a byte-order mark is allowed) or explain where the first bad byte is."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise TextFileError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} on this line); "
            "save it again as 'UTF-8' in your editor",
            line,
        ) from None


def stamp(path: Path) -> tuple[int, int]:
    """(modification time, size): the key of the parse caches; (0, -1) for a file that cannot be
    read, which ``read_text`` then explains."""
    try:
        stat = path.stat()
    except OSError:
        return (0, -1)
    return (stat.st_mtime_ns, stat.st_size)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:  # a broken link, no permission, a folder named like a page
        reason = error.strerror or type(error).__name__
        raise TextFileError(f"the file cannot be read ({reason}): check that it exists and that you may read it", 0) from None


def read_text(path: Path) -> str:
    return decode(read_bytes(path))
