"""Check user packs' caches in a helper process while the CLI starts (POSIX, 2+ cores).

Before `search` (or any command that lists the catalogue) may answer from a pack's compiled
cache, every file of the pack is stat-ed to prove the cache is fresh: about 0.2 s for a
100,000-file pack. Importing the CLI stack (typer, click, rich) costs about as much, and
neither needs the other. So the console script calls :func:`start` first, before importing
anything heavy: when a user pack is in use (``--data`` / ``LAWREF_DATA``), the cache is on,
the command reads the whole catalogue and a second core is free, it forks a helper that runs
the same freshness check as :mod:`lawref.cache` (:func:`lawref.cache.check_store`) on
another core while the parent imports and parses options.

The helper reports, through a pipe, the stores it found fresh, each with the *generation*
token the store's last build wrote. :class:`lawref.cache.PackCache` trusts a report only for
the same store file and the same generation (a store rebuilt in between is checked again),
and does its own check when there is no helper, the helper failed, or it found the store
missing or stale. The helper never writes to the store, and reads it in one snapshot.

``LAWREF_PREFETCH=0`` turns the helper off.
"""

from __future__ import annotations

import os

# Commands that check every file of every pack (show ID checks only directories up front).
COMMANDS = frozenset({"search", "compare", "check", "render", "changes", "jurisdictions", "tags", "info"})

_child: tuple[int, int] | None = None  # (pid, read end of the pipe)
_packs: frozenset[str] = frozenset()  # pack paths the helper was asked about
_fresh: dict[str, str] | None = None  # store path -> generation found fresh


def parse_globals(argv: list[str]) -> tuple[list[str], bool, str | None]:
    """(--data dirs, --no-cache, command) from the options before the command name.

    Mirrors the app callback's options; anything unexpected (another option, `--`) stops the
    scan with no command, which simply means no helper.
    """
    dirs: list[str] = []
    no_cache = False
    it = iter(argv)
    for tok in it:
        if tok == "--data":
            value = next(it, None)
            if value is None:
                return dirs, no_cache, None
            dirs.append(value)
        elif tok.startswith("--data="):
            dirs.append(tok[len("--data=") :])
        elif tok == "--no-cache":
            no_cache = True
        elif tok.startswith("-"):
            return dirs, no_cache, None
        else:
            return dirs, no_cache, tok
    return dirs, no_cache, None


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def start(argv: list[str]) -> bool:
    """Fork the helper when it can help; True when one was started. Never raises."""
    global _child, _packs, _fresh
    try:
        if _child is not None or os.environ.get("LAWREF_PREFETCH", "1").strip() == "0":
            return False
        if not hasattr(os, "fork") or _cores() < 2:
            return False
        dirs, no_cache, command = parse_globals(argv)
        if no_cache or command not in COMMANDS:
            return False
        from .load import resolve_packs

        packs = resolve_packs(dirs, bundled=False)
        if not packs:
            return False
        r, w = os.pipe()
        pid = os.fork()
    except Exception:  # noqa: BLE001 - the helper is only an optimisation
        return False
    if pid == 0:  # the helper: never returns
        _helper(w, r, packs)
    os.close(w)
    _child, _packs, _fresh = (pid, r), frozenset(p.path for p in packs), None
    return True


def _helper(w: int, r: int, packs) -> None:
    code = 1
    try:
        os.close(r)
        # Let go of the terminal and of any pipe the caller reads to its end: only the parent
        # answers on stdout/stderr.
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
        from .cache import check_store

        out = bytearray()
        for pack in packs:
            try:
                got = check_store(pack)
            except Exception:  # noqa: BLE001 - no verdict for this pack: the parent checks
                got = None
            if got is not None:
                out += got[0].encode("utf-8", "surrogateescape") + b"\0" + got[1].encode() + b"\0"
        view = memoryview(bytes(out))
        while view:
            view = view[os.write(w, view) :]
        code = 0
    except BaseException:  # noqa: BLE001 - Ctrl-C, a broken pipe: exit quietly
        code = 1
    finally:
        os._exit(code)


def _collect() -> dict[str, str]:
    """Wait for the helper and read its report ({} when it failed)."""
    global _child
    if _child is None:
        return {}
    pid, r = _child
    _child = None
    chunks = []
    try:
        while True:
            b = os.read(r, 1 << 16)
            if not b:
                break
            chunks.append(b)
    finally:
        os.close(r)
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return {}
    if status != 0:
        return {}
    parts = b"".join(chunks).split(b"\0")
    if len(parts) % 2 != 1 or parts[-1]:
        return {}
    return {parts[i].decode("utf-8", "surrogateescape"): parts[i + 1].decode() for i in range(0, len(parts) - 1, 2)}


def verdict(pack_path: str, db: str, gen: str | None) -> bool:
    """Whether the helper found store `db` of the pack at `pack_path` fresh at generation `gen`.

    Waits for the helper only for a pack it was asked about. Each report is used once: a
    later load in the same process checks for itself.
    """
    global _fresh
    if not gen or pack_path not in _packs:
        return False
    if _fresh is None:
        _fresh = _collect()
    return _fresh.pop(db, None) == gen


def reset() -> None:
    """Forget the helper's report (tests; a long-running process that loads again)."""
    global _child, _packs, _fresh
    if _child is not None:
        _collect()
    _child, _packs, _fresh = None, frozenset(), None
