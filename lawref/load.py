"""Find data packs, read their YAML files safely, and turn each file into a record.

A data pack is a directory with `statutes/` (offences) and `cases/` (cases), one record per
YAML file, the path mirroring the id. Each file is read with hard limits (size, nesting,
aliases, tags) so a hostile pack cannot exhaust memory, run code or crash the loader; every
problem is collected as a :class:`~lawref.problems.Problem` and the rest still loads.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem

MAX_FILE_BYTES = 1 << 20  # one record per file: 1 MiB is generous
MAX_DEPTH = 40
MAX_ALIASES = 100
YAML_SUFFIXES = (".yaml", ".yml")
# Files at the top of a pack that are pack metadata, not records.
PACK_META = {"rates.yaml", "pack.yaml"}
_STD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


@dataclass
class FileResult:
    """What one file yielded: at most one record, and any problems."""

    path: str
    record: object | None = None
    problems: list[Problem] = field(default_factory=list)
    # Dated facts (penalty versions, proceedings) that only `validate` judges, against
    # today's date: a verdict that changes with the calendar is never cached (see schema.Ctx).
    facts: tuple = ()


@dataclass(frozen=True)
class Pack:
    """A data directory in use and where it came from."""

    path: str
    origin: str  # "bundled", "--data" or "LAWREF_DATA"

    @property
    def name(self) -> str:
        return "bundled" if self.origin == "bundled" else self.path


def bundled_data_dir() -> Path:
    """The data directory shipped with lawref (inside the wheel, or the source checkout)."""
    here = Path(__file__).resolve().parent
    inside = here / "data"
    return inside if inside.is_dir() else here.parent / "data"


def resolve_packs(extra_dirs: list[str] | None = None, env: str | None = None, bundled: bool = True) -> list[Pack]:
    """The packs in load order: bundled, then LAWREF_DATA entries, then --data dirs."""
    packs: list[Pack] = []
    if bundled:
        packs.append(Pack(str(bundled_data_dir()), "bundled"))
    if env is None:
        env = os.environ.get("LAWREF_DATA", "")
    for d in (p for p in env.split(os.pathsep) if p.strip()):
        packs.append(Pack(os.path.abspath(os.path.expanduser(d)), "LAWREF_DATA"))
    for d in extra_dirs or []:
        packs.append(Pack(os.path.abspath(os.path.expanduser(d)), "--data"))
    seen: set[str] = set()
    unique = []
    for p in packs:
        if p.path not in seen:
            seen.add(p.path)
            unique.append(p)
    return unique


def find_files(root: str, dirs_out: dict | None = None) -> tuple[list[str], list[Problem]]:
    """All record files under `root`, sorted, and problems met while walking.

    When `dirs_out` is given, every directory walked is added to it with its mtime (ns).
    """
    problems: list[Problem] = []
    if not os.path.isdir(root):
        return [], [Problem(root, 1, "(pack)", "not a directory (check --data / LAWREF_DATA)")]
    files: list[str] = []
    seen_dirs: set[tuple[int, int]] = set()
    inside = os.path.realpath(root)

    def onerror(err: OSError) -> None:
        problems.append(Problem(err.filename or root, 1, "(file)", f"cannot read directory: {err.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError as e:
            problems.append(Problem(dirpath, 1, "(file)", f"cannot read directory: {e.strerror}"))
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            problems.append(Problem(dirpath, 1, "(file)", "symlink loop: this directory was already visited; skipped"))
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        if dirs_out is not None:
            dirs_out[dirpath] = st.st_mtime_ns
        links: set[str] = set()
        if filenames:
            # Which entries are symlinks (from the directory listing itself: no stat each).
            try:
                with os.scandir(dirpath) as it:
                    links = {e.name for e in it if e.is_symlink()}
            except OSError:
                pass
        keep = []
        for d in sorted(d for d in dirnames if not d.startswith(".")):
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                # A link may point anywhere (/proc, /): follow it only within the pack.
                target = os.path.realpath(full)
                if target != inside and not target.startswith(inside.rstrip(os.sep) + os.sep):
                    problems.append(Problem(full, 1, "(file)", f"directory symlink leads outside the pack ({target}); not followed"))
                    continue
            keep.append(d)
        dirnames[:] = keep
        for name in filenames:
            if not name.lower().endswith(YAML_SUFFIXES) or name.startswith("."):
                continue
            full = os.path.join(dirpath, name)
            if dirpath == root and name in PACK_META:
                continue
            if name in links:
                target = os.path.realpath(full)
                if target != inside and not target.startswith(inside.rstrip(os.sep) + os.sep) and os.path.lexists(target):
                    problems.append(Problem(full, 1, "(file)", f"file symlink leads outside the pack ({target[:200]}); not read"))
                    continue
            files.append(full)
    files.sort()
    return files, problems


class _FileError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _read_text(path: str, problems: list[Problem], shown: str) -> str:
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise _FileError(0, "not a regular file (a pipe, device or socket); a record is a plain YAML file")
        if st.st_size > MAX_FILE_BYTES:
            raise _FileError(0, f"file too large ({st.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}) — one record per file")
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise _FileError(0, f"cannot read file: {e.strerror or e}") from None
    if not raw.strip():
        raise _FileError(0, "empty file: expected one record")
    if b"\x00" in raw:
        raise _FileError(0, "binary file (contains NUL bytes), not YAML")
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(shown, 1, "(file)", "starts with a UTF-8 byte-order mark; save as UTF-8 without BOM"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise _FileError(line, f"not UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start}); save the file as UTF-8") from None
    if "\r\n" in text:
        problems.append(Problem(shown, 1, "(file)", "Windows (CRLF) line endings; save with LF line endings"))
        text = text.replace("\r\n", "\n")
    if "\r" in text:
        if text.count("\r") > text.count("\n"):  # old Mac line endings: (nearly) every line ends with CR
            problems.append(Problem(shown, 1, "(file)", "carriage-return (CR) line endings; save with LF line endings"))
            return text.replace("\r", "\n")
        # A stray CR in a file of LF lines: report it where it is, and read it as a space so
        # the lines after it keep their numbers.
        pos, n = text.find("\r"), 0
        while pos != -1:
            n += 1
            if n <= 5:
                problems.append(Problem(shown, text.count("\n", 0, pos) + 1, "(file)", "stray carriage return (CR) inside a line (read as a space); remove it"))
            pos = text.find("\r", pos + 1)
        if n > 5:
            problems.append(Problem(shown, 1, "(file)", f"{n} stray carriage returns (CR) in all; save with LF line endings only"))
        text = text.replace("\r", " ")
    return text


def _loader():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _precheck(text: str) -> None:
    """Scan events (iteratively) to bound nesting, aliases and tags before composing."""
    import yaml

    depth = aliases = docs = 0
    try:
        for ev in yaml.parse(text, Loader=_loader()):
            if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _FileError(ev.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep")
            elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(ev, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise _FileError(ev.start_mark.line + 1, f"more than {MAX_ALIASES} YAML aliases; refusing (alias bomb?)")
            elif isinstance(ev, yaml.DocumentStartEvent):
                docs += 1
                if docs > 1:
                    raise _FileError(ev.start_mark.line + 1, "more than one YAML document; put one record per file")
            tag = getattr(ev, "tag", None)
            if tag and tag not in _STD_TAGS and tag != "!":
                raise _FileError(ev.start_mark.line + 1, f"YAML tag {tag!r} is not allowed (data files hold plain values only)")
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = mark.line + 1 if mark else 0
        msg = getattr(e, "problem", None) or str(e).splitlines()[0]
        ctx = getattr(e, "context", None)
        if "nesting depth" in str(e):
            raise _FileError(line, f"nested more than {MAX_DEPTH} levels deep") from None
        if "\t" in text and ("tab" in str(e) or "found character" in str(e)):
            msg = "tab character used for indentation; YAML needs spaces"
        elif ctx:
            # The fix belongs where the construct began (an unclosed bracket or quote, a
            # key missing its ': '), not where the parser gave up.
            start = getattr(e, "context_mark", None)
            opened = any(w in ctx for w in ("flow", "quoted", "simple key"))  # not a block: its start is far
            if opened and start is not None and mark is not None and start.line < mark.line:
                msg = f"{msg} ({ctx} that starts here; the parser stopped at line {line})"
                line = start.line + 1
            else:
                msg = f"{msg} ({ctx})"
            lines = text.split("\n")
            src = lines[line - 1] if 0 < line <= len(lines) else ""
            import re

            if "simple key" in ctx and re.match(r"^\s*(?:- )?[A-Za-z_][\w-]*:[^\s:/]", src):
                msg += "; missing a space after ':'?"
        raise _FileError(line, f"YAML syntax error: {msg}") from None
    except RecursionError:
        raise _FileError(0, "nested too deeply") from None


def _kind_for(rel_parts: tuple[str, ...], node) -> str | None:
    if "statutes" in rel_parts:
        return "offence"
    if "cases" in rel_parts:
        return "case"
    keys = {k.value for k, _ in node.value if hasattr(k, "value") and isinstance(k.value, str)}
    for k, v in node.value:
        if getattr(k, "value", None) == "kind" and getattr(v, "value", None) in ("offence", "case"):
            return v.value
    if "penalties" in keys:
        return "offence"
    if "proceedings" in keys:
        return "case"
    return None


def parse_file(path: str, pack_root: str, shown: str | None = None, pack_name: str = "") -> FileResult:
    """Read, check and convert one YAML file. Never raises for bad content."""
    import yaml
    from yaml.nodes import MappingNode

    from .schema import _ID_RE, CASE, INVALID, OFFENCE, Ctx

    shown = shown or path
    res = FileResult(path)
    try:
        text = _read_text(path, res.problems, shown)
        _precheck(text)
        try:
            node = yaml.compose(text, Loader=_loader())
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            raise _FileError(mark.line + 1 if mark else 0, f"YAML error: {getattr(e, 'problem', None) or e}") from None
        except (RecursionError, ValueError) as e:
            raise _FileError(0, f"YAML error: {e}") from None
    except _FileError as e:
        res.problems.append(Problem(shown, max(e.line, 1), "(file)", e.message))
        return res
    if node is None:
        res.problems.append(Problem(shown, 1, "(file)", "empty file: expected one record"))
        return res
    if not isinstance(node, MappingNode):
        from yaml.nodes import SequenceNode

        if isinstance(node, SequenceNode) and len(node.value) == 1 and isinstance(node.value[0], MappingNode):
            msg = "the record is a list of one mapping: remove the leading '- ' (and the indent below it)"
        else:
            msg = "expected a mapping of fields (key: value), not a list or a single value"
        res.problems.append(Problem(shown, node.start_mark.line + 1, "(record)", msg))
        return res
    rel = os.path.relpath(path, pack_root)
    parts = tuple(Path(rel).parts)
    kind = _kind_for(parts, node)
    if kind is None:
        res.problems.append(Problem(shown, 1, "(record)", "cannot tell offence from case: put it under statutes/ or cases/, or add 'kind:'"))
        return res
    declared, declared_line = _raw(node, "kind")
    top = "statutes" if kind == "offence" else "cases"
    if declared in ("offence", "case") and declared != kind and top in parts:
        res.problems.append(Problem(shown, declared_line, "kind", f"kind: {declared} contradicts the directory: files under {top}/ are {kind}s (remove 'kind:', or move the file)"))
    misplaced = _misplaced(node, kind)
    if misplaced is not None:
        # An offence under cases/ (or a case under statutes/): one line naming the cause,
        # not every field the other schema misses or does not know.
        rid, _ = _raw(node, "id")
        where = f"{misplaced[0]}/{rid}.yaml" if rid else f"{misplaced[0]}/"
        res.problems.append(Problem(shown, 1, "(record)", f"this file has {misplaced[1]}: and no {misplaced[2]}: — {misplaced[3]}; move it to {where}"))
        return res
    ctx = Ctx(shown)
    rec = (OFFENCE if kind == "offence" else CASE)(node, "", ctx)
    res.problems.extend(ctx.problems)
    res.facts = tuple(ctx.facts)
    if rec is INVALID:
        # The id, path and jurisdiction checks still run on what the file says.
        rid, rid_line = _raw(node, "id")
        jur, jur_line = _raw(node, "jurisdiction")
        if rid is not None and not _ID_RE.match(rid):
            rid = None
        from .jurisdictions import is_known

        if jur is not None and not is_known(jur):
            jur = None
    else:
        rid, rid_line = rec.id, rec.line_of("id")
        jur, jur_line = rec.jurisdiction, rec.line_of("jurisdiction")
    layout = []
    # The path mirrors the id (openstates' lint): statutes/<id>.yaml or cases/<id>.yaml.
    top = "statutes" if kind == "offence" else "cases"
    if rid is not None and top in parts:
        expected = "/".join(parts[parts.index(top) + 1 :])
        expected = expected.rsplit(".", 1)[0]
        if expected != rid:
            layout.append(Problem(shown, rid_line, "id", f"id {rid!r} does not match the file path (expected {expected!r})"))
    elif rid is not None:
        layout.append(Problem(shown, rid_line, "id", f"{'an offence' if kind == 'offence' else 'a case'} belongs at {top}/{rid}.yaml (the path mirrors the id)"))
    if rid is not None and jur is not None:
        prefix = rid.split("/", 1)[0]
        if prefix != jur.lower():
            layout.append(Problem(shown, jur_line, "jurisdiction", f"{jur} does not match the id, which starts with {prefix!r} (ids start with the jurisdiction code in lower case)"))
    res.problems.extend(layout)
    if rec is INVALID:
        # Its references are still checked (by validate, against the whole catalogue).
        refs = _raw_refs(node, "related" if kind == "offence" else "offences")
        if refs:
            res.facts += (("refs", rid, refs),)
    if rec is INVALID or layout:
        return res  # a record in the wrong place or under the wrong jurisdiction is not used
    import dataclasses

    res.record = dataclasses.replace(rec, file=shown, pack=pack_name)
    return res


def _raw(node, key: str) -> tuple[str | None, int]:
    """The plain text of `key` in a record mapping node, and its line (1 when absent)."""
    for k, v in node.value:
        if isinstance(getattr(k, "value", None), str) and k.value == key:
            val = getattr(v, "value", None)
            return (val.strip() if isinstance(val, str) else None), v.start_mark.line + 1
    return None, 1


def _misplaced(node, kind: str):
    """(right top directory, key found, key missing, what it is) when a file's fields say it is
    the other kind of record than its directory says; else None."""
    keys = {k.value for k, _ in node.value if isinstance(getattr(k, "value", None), str)}
    if kind == "case" and "penalties" in keys and "proceedings" not in keys:
        return ("statutes", "penalties", "proceedings", "an offence")
    if kind == "offence" and "proceedings" in keys and "penalties" not in keys:
        return ("cases", "proceedings", "penalties", "a case")
    return None


def _raw_refs(node, key: str) -> tuple:
    """(field, id, line) of each plain id listed under `key` in a record mapping node."""
    from yaml.nodes import ScalarNode, SequenceNode

    for k, v in node.value:
        if isinstance(getattr(k, "value", None), str) and k.value == key:
            items = v.value if isinstance(v, SequenceNode) else [v] if isinstance(v, ScalarNode) and v.value.strip() else []
            return tuple((f"{key}[{i}]", item.value.strip(), item.start_mark.line + 1) for i, item in enumerate(items) if isinstance(item, ScalarNode))
    return ()
