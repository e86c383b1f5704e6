"""`lawref validate`: every problem in the data packs, as `FILE:LINE: field: message`.

Per-file checks (YAML safety, schema, dates, version order, sources) happen while loading
(:mod:`lawref.load`, :mod:`lawref.schema`); cross-file checks (duplicate ids, references)
in :mod:`lawref.catalog`. This module chooses what to report for the packs asked about.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import UsageError
from .problems import Problem


@dataclass(frozen=True)
class Report:
    """The outcome of validating some packs."""

    problems: tuple[Problem, ...]
    records: int
    files: int

    @property
    def ok(self) -> bool:
        return not self.problems


def _under(path: str, roots: tuple[str, ...]) -> bool:
    full = os.path.abspath(path)
    return any(full == r.rstrip(os.sep) or full.startswith(r) for r in roots)


def validate(dirs: list[str] | None = None, data: list[str] | None = None, use_cache: bool = True) -> Report:
    """Validate the packs in `dirs`, or every pack in use (bundled, LAWREF_DATA, `data`).

    A pack named in `dirs` is loaded beside the bundled data, so id collisions with the
    bundled records and references to them are checked too; only its own problems are
    reported. Raises UsageError for a directory that does not exist.
    """
    from .catalog import load_catalogue

    if dirs:
        for d in dirs:
            if not os.path.isdir(d):
                raise UsageError(f"validate: {d!r} is not a directory")
        cat = load_catalogue(list(dirs), use_cache=use_cache, env="")
        roots = tuple(os.path.join(os.path.abspath(d), "") for d in dirs)
        problems = [p for p in cat.problems if _under(p.file, roots)]
        packs = [i for i in cat.packs if i.pack.origin != "bundled"]
    else:
        cat = load_catalogue(data or [], use_cache=use_cache)
        problems, packs = cat.problems, cat.packs
    problems = list(problems) + _rates_problems(packs)
    problems += [Problem(i.pack.path, 1, "(pack)", "no record files (*.yaml, *.yml) found") for i in packs if not i.files]
    ordered = tuple(sorted(set(problems), key=lambda p: (p.file, p.line, p.field, p.message)))
    return Report(ordered, sum(i.offences + i.cases for i in packs), sum(i.files for i in packs))


def _rates_problems(packs) -> list:
    """Problems of each pack's rates.yaml (the extra exchange rates compare and check use)."""
    from .money import load_extra_rates
    from .problems import Problem

    out = []
    for info in packs:
        path = os.path.join(info.pack.path, "rates.yaml")
        if not os.path.lexists(path):
            continue
        _, problems = load_extra_rates(path)
        for msg in problems:
            text = msg[len(path) + 2 :] if msg.startswith(path + ": ") else msg
            out.append(Problem(path, 1, "rates", text))
    return out
