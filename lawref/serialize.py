"""Records as plain JSON-ready dicts, with the field names of the YAML files.

One function per shape so every command (show, search, compare, render) emits the same JSON:
dates are ISO strings, terms their YAML form (``"7y"``, ``"18m"``, ``"life"``), fines integer
amounts (or ``"unlimited"``) with an ISO 4217 currency, and a penalty version's dates are
``from``/``until`` as in the YAML. Every key of a shape is always present (``null`` or ``[]``
when the YAML leaves it out), so consumers can rely on the keys. Loader bookkeeping (line
numbers, file, pack) is never included.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from enum import Enum
from typing import Any

from .model import Offence, PenaltyVersion, Record, Term

# dataclass attribute -> YAML key, where they differ
_RENAME = {"start": "from", "end": "until"}
# loader bookkeeping, never serialised
_SKIP = frozenset({"line", "file", "pack", "field_lines"})


def to_plain(value: Any) -> Any:
    """Any model value as JSON-ready data with the YAML field names."""
    if isinstance(value, Enum):  # before str: our enums are str Enums
        return value.value
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Term):
        return value.code()
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            _RENAME.get(f.name, f.name): to_plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _SKIP
        }
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return str(value)


def version_to_dict(version: PenaltyVersion | None) -> dict | None:
    """A penalty version as in the YAML (`from`, `until`, `prison`, `fine`, ...), or None."""
    return None if version is None else to_plain(version)


def record_to_dict(record: Record) -> dict:
    """The whole record with the YAML field names, `id` and `kind` first."""
    body = to_plain(record)
    out = {"id": body.pop("id"), "kind": record.kind}
    out.update(body)
    return out


def in_force_dict(record: Record, day: _dt.date) -> dict | None:
    """For an offence, the version in force on `day` as a dict (None when none is)."""
    if isinstance(record, Offence):
        return version_to_dict(record.in_force(day))
    return None


__all__ = ["in_force_dict", "record_to_dict", "to_plain", "version_to_dict"]
