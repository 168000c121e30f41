"""Reading a profile file someone hands over, as hostile input: bounded in size, depth and number
length, and free of text that cannot be stored — before the schema looks at it.

- Only a regular file is read, and never more than the caller's limit: ``/dev/zero`` or a FIFO
  reports a size of 0 and would never end (document_files.read_regular_file).
- JSON nested thousands deep makes Python's parser raise RecursionError; anything nested deeper
  than ``MAX_DEPTH`` is refused (the format is four levels deep).
- A number of 5,000 digits makes ``int()`` raise ValueError (Python's integer-string limit); the
  only numbers in a profile are days, so more than ``MAX_NUMBER_DIGITS`` digits are refused before
  ``int()`` sees them. ``NaN`` and ``Infinity`` are not JSON and are refused too.
- ``"\\ud800"`` is valid JSON but an unpaired UTF-16 surrogate: no UTF-8 text (SQLite, a PDF, the
  screen) can hold it, so a profile with one is refused, naming the field.
"""

from __future__ import annotations

import errno
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from waystation.errors import InvalidInput, StorageFailure
from waystation.i18n import _
from waystation.vault.document_files import FileRefused, read_regular_file

MAX_DEPTH = 16
MAX_NUMBER_DIGITS = 20  # days (at most 3650); int() itself refuses 4,300 digits and more
MAX_ITEMS = 5000  # the longest list the schema allows (stays); longer ones are not looked into
MAX_KEYS = 64  # a profile's objects have a dozen fields

_SURROGATE = re.compile("[\ud800-\udfff]")


def read_profile_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes: a regular file of at most ``limit`` bytes. InvalidInput naming the
    problem, or StorageFailure when the disk refuses."""
    try:
        return read_regular_file(path, limit)
    except FileRefused as refused:
        raise InvalidInput(_refusal(refused, path)) from None
    except OSError as exc:
        message = _("{path} cannot be read: {error}").format(path=path, error=exc.strerror)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EISDIR):
            raise InvalidInput(message) from None
        raise StorageFailure(message) from None


def _refusal(refused: FileRefused, path: Path) -> str:
    if refused.reason == "missing":
        return _("There is no file at {path}.").format(path=path)
    if refused.reason == "folder":
        return _("{path} is a folder.").format(path=path)
    if refused.reason == "too_large":
        return _("{path} is too large to be a profile.").format(path=path)
    if refused.reason == "empty":
        return _("{path} is empty; nothing was imported.").format(path=path)
    return _("{path} is not an ordinary file (a device or a pipe?); nothing was imported.").format(path=path)


class _NumberTooLong(ValueError):
    pass


class _NotANumber(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _NumberTooLong()
    return int(text)


def _bounded_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS * 2:
        raise _NumberTooLong()
    return float(text)


def _no_constant(name: str) -> Any:
    raise _NotANumber(name)


def loads(raw: bytes, path: Path | str = "(file)") -> Any:
    """The JSON document in ``raw``; InvalidInput naming ``path`` for anything that is not plain
    JSON of sane shape: bad UTF-8, bad syntax, nesting too deep, a number too long, NaN."""
    try:
        data = json.loads(
            raw.decode("utf-8-sig"),
            parse_int=_bounded_int,
            parse_float=_bounded_float,
            parse_constant=_no_constant,
        )
    except UnicodeDecodeError:
        raise InvalidInput(_("{path} is not UTF-8 text.").format(path=path)) from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            _("{path} is not valid JSON (line {line}, column {column}: {error}).").format(
                path=path, line=exc.lineno, column=exc.colno, error=exc.msg
            )
        ) from None
    except RecursionError:
        raise _too_deep(path) from None
    except _NumberTooLong:
        raise InvalidInput(
            _("{path} holds a number longer than {n} digits; no profile has one.").format(
                path=path, n=MAX_NUMBER_DIGITS
            )
        ) from None
    except _NotANumber as exc:
        raise InvalidInput(
            _("{path} is not valid JSON: {name} is not a number JSON allows.").format(
                path=path, name=exc.name
            )
        ) from None
    if _depth_exceeds(data, MAX_DEPTH):
        raise _too_deep(path)
    return data


def _too_deep(path: Path | str) -> InvalidInput:
    return InvalidInput(_("{path} is nested too deeply to be a profile.").format(path=path))


def _depth_exceeds(data: Any, limit: int) -> bool:
    return any(depth > limit for _path, _value, depth in _nodes(data))


def _nodes(data: Any) -> Iterator[tuple[tuple[Any, ...], Any, int]]:
    """Every value in ``data``, keys too, with its path and depth; no recursion. The items of
    a list or an object too long to be part of a profile are not visited (``_oversized``)."""
    stack: list[tuple[tuple[Any, ...], Any, int]] = [((), data, 0)]
    while stack:
        path, value, depth = stack.pop()
        yield path, value, depth
        if _oversized(value):
            continue
        if isinstance(value, Mapping):
            for key, item in value.items():
                yield (*path, key), key, depth + 1
                stack.append(((*path, key), item, depth + 1))
        elif isinstance(value, list):
            stack.extend(((*path, i), item, depth + 1) for i, item in enumerate(value))


def _oversized(value: Any) -> bool:
    return (isinstance(value, list) and len(value) > MAX_ITEMS) or (
        isinstance(value, Mapping) and len(value) > MAX_KEYS
    )


def printable_path(parts: tuple[Any, ...]) -> str:
    """``passports[0].number``; an unpaired surrogate in a key is shown as U+FFFD."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = _SURROGATE.sub("\ufffd", str(part))
            text += f".{name}" if text else name
    return text or "(file)"


def shape_problems(data: Any, limit: int) -> list[str]:
    """What the schema must not even look at (it would take long, or choke): nesting deeper than
    any profile (in a document the app itself hands over), lists and objects far longer than a
    profile's, and text holding unpaired surrogates. At most ``limit`` + 1 problems."""
    problems: list[str] = []
    for path, value, depth in _nodes(data):
        if depth > MAX_DEPTH:
            return [f"{printable_path(path[:MAX_DEPTH])}: " + _("nested too deeply to be a profile")]
        if _oversized(value):
            too_many = _("too many items") if isinstance(value, list) else _("too many fields")
            problems.append(f"{printable_path(path)}: {too_many}")
        elif isinstance(value, str) and _SURROGATE.search(value):
            problems.append(
                f"{printable_path(path)}: " + _("contains a broken character (an unpaired surrogate)")
            )
            if len(problems) > limit:
                break
    return sorted(problems)
