r"""Every file edukg writes goes through here: whole or not at all, with clear errors.

:func:`atomic_output` writes to a temporary file in the target's folder, then
renames it over the target: a full disk, an error or Ctrl-C leaves an existing
target as it was and no half-written file. Only regular files are written (a
device such as ``/dev/full`` or a folder is refused), and a missing or
read-only folder, or an empty path, is a :class:`~edukg.core.errors.ConfigError`
that says what to do instead of a traceback.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "rows.csv"
>>> write_text_atomically("a,b\n", target).read_text()
'a,b\n'
>>> write_text_atomically("x", " ")
Traceback (most recent call last):
...
edukg.core.errors.ConfigError: the output path is empty
  hint: give a file name, e.g. -o result.csv
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from edukg.core.errors import ConfigError


def output_path(path: str | os.PathLike[str]) -> Path:
    """``path`` as a file edukg may write, or a :class:`ConfigError` saying why not."""
    if not str(path).strip():
        raise ConfigError("the output path is empty", hint="give a file name, e.g. -o result.csv")
    target = Path(path)
    if target.exists() or target.is_symlink():
        try:
            mode = target.stat().st_mode
        except OSError as error:
            raise ConfigError(f"cannot use {target}: {error.strerror}") from None
        if stat.S_ISDIR(mode):
            raise ConfigError(f"{target} is a folder", hint="give a file name inside it")
        if not stat.S_ISREG(mode):
            raise ConfigError(
                f"{target} is not a regular file (a device, pipe or socket)",
                hint="write to a regular file, or leave out -o to write to the terminal",
            )
    folder = target.parent
    if not folder.is_dir():
        raise ConfigError(
            f"the folder {folder} does not exist", hint="create it first, or choose another path"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ConfigError(
            f"cannot write in the folder {folder}: permission denied",
            hint="choose a folder you may write in",
        )
    return target


@contextmanager
def atomic_output(
    path: str | os.PathLike[str],
    *,
    text: bool = False,
    encoding: str = "utf-8",
    newline: str | None = None,
) -> Iterator[IO[Any]]:
    """A file handle whose content replaces ``path`` only once the block ends without error."""
    target = output_path(path)
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:
        raise _write_error(target, error) from None
    try:
        handle: IO[Any]
        if text:
            handle = os.fdopen(descriptor, "w", encoding=encoding, newline=newline)
        else:
            handle = os.fdopen(descriptor, "wb")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600 files; give the usual mode
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise _write_error(target, error) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_bytes_atomically(data: bytes, path: str | os.PathLike[str]) -> Path:
    """Write ``data`` to ``path`` through :func:`atomic_output`; returns the path."""
    with atomic_output(path) as handle:
        handle.write(data)
    return Path(path)


def write_text_atomically(
    text: str, path: str | os.PathLike[str], *, encoding: str = "utf-8"
) -> Path:
    """Write ``text`` to ``path`` (UTF-8, ``\\n`` line ends) through :func:`atomic_output`."""
    with atomic_output(path, text=True, encoding=encoding, newline="\n") as handle:
        handle.write(text)
    return Path(path)


def _write_error(target: Path, error: OSError) -> ConfigError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return ConfigError(
            f"cannot write {target}: the disk is full",
            hint="free some space or write elsewhere; an existing file was left as it was",
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ConfigError(
            f"cannot write {target}: {error.strerror}", hint="choose a folder you may write in"
        )
    return ConfigError(f"cannot write {target}: {error.strerror or error}")
