"""Safe file output: validated output paths and atomic writes.

Every file lawref writes (the compiled cache, rendered handouts) goes through
:func:`atomic_write_bytes`: the bytes go to a unique temp file in the target's directory,
then ``os.replace`` (or ``os.link`` when overwriting is not allowed) puts it in place in one
step. An interrupted or killed run therefore leaves the old file intact, never a torn one.
Temp files carry the writer's process id (``.NAME.PID-XXXX.tmp``); a temp file whose writer
is no longer running is removed by the next write to the same target.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import signal
import stat
import tempfile
import threading
import time
from pathlib import Path

from .errors import LawrefError, OutputExists, UsageError

_TMP_SUFFIX = ".tmp"
_replace = os.replace  # one indirection, so tests can interrupt the final step
_ABANDONED_AFTER = 24 * 3600  # a temp file this old is abandoned even if its pid is reused
_OUR_TEMP = re.compile(r"^(\d+)-[A-Za-z0-9_]{8}$")  # tempfile.mkstemp's 8 random characters


class WriteFailed(LawrefError):
    """The output could not be written (permissions, disk full)."""

    exit_code = 1


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


_UMASK: int | None = None


def _umask() -> int:
    """The process umask (read once: reading it means setting it)."""
    global _UMASK
    if _UMASK is None:
        old = os.umask(0o022)
        os.umask(old)
        _UMASK = old
    return _UMASK


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or we cannot tell: assume alive
    return True


def clean_stale_temps(path: Path) -> int:
    """Remove temp files left beside `path` by writers that are no longer running.

    Returns how many were removed. Temp files of live writers (a concurrent run) are kept.
    """
    path = Path(path)
    pattern = os.path.join(glob.escape(str(path.parent)), glob.escape(_temp_prefix(path)) + "*" + _TMP_SUFFIX)
    removed = 0
    now = time.time()
    for name in glob.glob(pattern):
        tail = os.path.basename(name)[len(_temp_prefix(path)) : -len(_TMP_SUFFIX)]
        m = _OUR_TEMP.match(tail)
        if m is None:
            continue  # not a name lawref makes (PID-XXXXXXXX): someone else's file, left alone
        pid = int(m.group(1))
        try:
            age = now - os.lstat(name).st_mtime
        except OSError:
            continue
        if pid == os.getpid():
            continue
        if (pid > 0 and not _pid_alive(pid)) or age > _ABANDONED_AFTER:
            try:
                os.unlink(name)
                removed += 1
            except OSError:
                pass
    return removed


def atomic_write_bytes(path: Path | str, data: bytes, *, overwrite: bool = True, mode: int | None = None, fsync: bool = False) -> None:
    """Write `data` to `path` via a unique temp file in the same directory.

    Args:
        path: the target file. Its directory is created when missing.
        data: the whole content.
        overwrite: when False, fail with FileExistsError if `path` exists (checked
            atomically with ``os.link`` where the file system supports it).
        mode: permission bits for a new file; default 0o666 minus the umask (an existing
            file keeps its mode when overwritten).
        fsync: flush the data to disk before the rename (for user-facing outputs).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{_temp_prefix(path)}{os.getpid()}-", suffix=_TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is None:
            try:
                mode = stat.S_IMODE(os.stat(path).st_mode)
            except OSError:
                mode = 0o666 & ~_umask()
        try:
            os.chmod(tmp, mode)
        except OSError:
            pass
        if overwrite:
            _replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if path exists: no clobbering, even in a race
            except FileExistsError:
                raise
            except OSError:  # no hard links here (some network/FAT file systems)
                if os.path.lexists(path):
                    raise FileExistsError(path) from None
                _replace(tmp, path)
            else:
                os.unlink(tmp)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def check_output_path(target: str, force: bool = False) -> Path:
    """Validate an output path before any work is done. Returns it as a Path.

    Raises UsageError when it is a directory, not a regular file, or its directory does
    not exist; OutputExists when the file exists and `force` is False.
    """
    if not target or not target.strip():
        raise UsageError("-o: empty output path")
    path = Path(target)
    shown = target
    if target.endswith(("/", os.sep)) or path.is_dir():
        raise UsageError(f"-o {shown}: is a directory; give a file name (e.g. {os.path.join(target, 'handout.html')})")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"-o {shown}: directory {str(parent)!r} does not exist")
    if os.path.lexists(path):
        try:
            st = os.stat(path)
        except OSError:
            st = None  # a dangling symlink: replacing the link is fine
        if st is not None and not stat.S_ISREG(st.st_mode):
            raise UsageError(f"-o {shown}: not a regular file; refusing to replace it")
        if not force:
            raise OutputExists(f"{shown} already exists; use --force to overwrite it")
    if not os.access(parent, os.W_OK):
        raise WriteFailed(f"-o {shown}: directory {str(parent)!r} is not writable")
    return path


def write_output(path: Path | str, data: bytes, force: bool = False) -> None:
    """Atomically write a user-facing output file; never overwrite without `force`.

    Stale temp files from earlier interrupted runs beside it are removed first.
    """
    path = Path(path)
    clean_stale_temps(path)
    try:
        atomic_write_bytes(path, data, overwrite=force, fsync=True)
    except FileExistsError:
        raise OutputExists(f"{path} already exists; use --force to overwrite it") from None
    except OSError as e:
        raise WriteFailed(f"cannot write {path}: {e.strerror or e}") from None


@contextlib.contextmanager
def terminate_as_interrupt():
    """While active, SIGTERM (and SIGHUP) raise KeyboardInterrupt, so `finally` blocks run.

    A plain `kill` then unwinds like Ctrl-C: temp files are removed and child processes
    stopped. Only installed in the main thread; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum, frame):
        raise KeyboardInterrupt

    old = {}
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is None:
            continue
        try:
            old[sig] = signal.signal(sig, _raise)
        except (OSError, ValueError):
            pass
    try:
        yield
    finally:
        for sig, handler in old.items():
            try:
                signal.signal(sig, handler)
            except (OSError, ValueError):
                pass
