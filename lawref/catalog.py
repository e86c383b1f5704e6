"""The catalogue: every record from every pack in use, by id, with the problems found.

`load_catalogue` is the one entry point commands use. It reads each pack (through the
compiled cache when it is fresh, see :mod:`lawref.cache`), keeps the first record for each
id, and records cross-file problems (duplicate ids, unknown references).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .errors import UnknownRecord
from .load import FileResult, Pack, find_files, parse_file, resolve_packs
from .model import Case, Offence, Record
from .schema import Problem


@dataclass
class PackInfo:
    pack: Pack
    files: int = 0
    offences: int = 0
    cases: int = 0


@dataclass
class Catalogue:
    """All records in use. Records are kept in load order; `get` looks up by id."""

    records: dict[str, Record] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    packs: list[PackInfo] = field(default_factory=list)

    def get(self, rid: str) -> Record:
        """The record with id `rid` (case-insensitive). Raises UnknownRecord."""
        rec = self.records.get(rid) or self.records.get(rid.strip().lower())
        if rec is None:
            raise UnknownRecord(rid, self.suggest(rid))
        return rec

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """The `n` ids closest to `text` (for "did you mean")."""
        import difflib

        ids = list(self.records)
        out = difflib.get_close_matches(text.lower(), ids, n=n, cutoff=0.0)
        return out[:n]

    @property
    def offences(self) -> list[Offence]:
        return [r for r in self.records.values() if isinstance(r, Offence)]

    @property
    def cases(self) -> list[Case]:
        return [r for r in self.records.values() if isinstance(r, Case)]

    def cases_citing(self, offence_id: str) -> list[Case]:
        return [c for c in self.cases if offence_id in c.offences]


def _shown(path: str) -> str:
    """A path as the user will recognise it: relative to the cwd when below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return rel if not rel.startswith("..") else path


def parse_pack(pack: Pack, use_cache: bool = True) -> tuple[list[FileResult], list[Problem]]:
    """Every file of `pack`, parsed (from the cache when fresh)."""
    files, problems = find_files(pack.path)
    if use_cache:
        from .cache import parse_with_cache

        return parse_with_cache(pack, files), problems
    return [parse_file(f, pack.path, pack_name=pack.name) for f in files], problems


def load_catalogue(dirs: list[str] | None = None, *, bundled: bool = True, use_cache: bool = True, env: str | None = None) -> Catalogue:
    """Load the bundled data plus user packs into one catalogue.

    Args:
        dirs: extra pack directories (`--data`), loaded after LAWREF_DATA.
        bundled: include the bundled data.
        use_cache: read/write the compiled cache.
        env: override for LAWREF_DATA (tests).
    """
    cat = Catalogue()
    seen_file: dict[str, str] = {}
    for pack in resolve_packs(dirs, env=env, bundled=bundled):
        info = PackInfo(pack)
        cat.packs.append(info)
        results, problems = parse_pack(pack, use_cache)
        cat.problems.extend(problems)
        for res in results:
            info.files += 1
            cat.problems.extend(res.problems)
            rec = res.record
            if rec is None:
                continue
            if rec.id in cat.records:
                first = seen_file[rec.id]
                cat.problems.append(Problem(rec.file, rec.line_of("id"), "id", f"duplicate id {rec.id!r}: also defined in {_shown(first)}"))
                continue
            cat.records[rec.id] = rec
            seen_file[rec.id] = rec.file
            if isinstance(rec, Offence):
                info.offences += 1
            else:
                info.cases += 1
    cat.problems.extend(cross_check(cat))
    cat.problems = [Problem(_shown(p.file), p.line, p.field, p.message) for p in cat.problems]
    return cat


def cross_check(cat: Catalogue) -> list[Problem]:
    """References to unknown ids, and references of the wrong kind."""
    out: list[Problem] = []
    for rec in cat.records.values():
        refs = rec.related if isinstance(rec, Offence) else rec.offences
        name = "related" if isinstance(rec, Offence) else "offences"
        for i, ref in enumerate(refs):
            target = cat.records.get(ref)
            line = rec.line_of(f"{name}[{i}]")
            if target is None:
                import difflib

                hint = difflib.get_close_matches(ref, list(cat.records), n=1, cutoff=0.75)
                extra = f" (did you mean {hint[0]!r}?)" if hint else ""
                out.append(Problem(rec.file, line, f"{name}[{i}]", f"unknown id {ref!r}{extra}"))
            elif not isinstance(target, Offence):
                out.append(Problem(rec.file, line, f"{name}[{i}]", f"{ref!r} is a case, not an offence"))
    return out
