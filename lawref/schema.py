"""Strict conversion of composed YAML nodes into records, collecting every problem.

We never let PyYAML's YAML 1.1 resolver decide a value: each scalar is read from its raw
text according to the field's declared type. A plain scalar that YAML 1.1 tools would read
as a boolean or a date where text is expected is reported, because other tools reading the
same file would silently change it.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from dataclasses import dataclass
from typing import Any, Callable

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import model as m
from .problems import Problem

_BOOL_TAG = "tag:yaml.org,2002:bool"
_TS_TAG = "tag:yaml.org,2002:timestamp"
_NULL_TAG = "tag:yaml.org,2002:null"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)+$")
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# Invisible format and control characters: bidi overrides and isolates, zero-width space and
# joiners' lookalikes, BOM, soft hyphen (ZWNJ/ZWJ are left: scripts such as Persian need them).
_INVISIBLE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")
_NON_ASCII_DIGIT_RE = re.compile(r"[^\x00-\x7f]")
MAX_TITLE = 200  # a title or alias is a short name


def _char_name(ch: str) -> str:
    import unicodedata

    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'control character' if unicodedata.category(ch) == 'Cc' else 'unnamed character')}"


def _non_ascii(v: str) -> str:
    """' (contains non-ASCII 'К', U+041A CYRILLIC CAPITAL LETTER KA, at position 1)', or ''."""
    for i, ch in enumerate(v):
        if ord(ch) > 127:
            return f" (contains non-ASCII {ch!r}, {_char_name(ch)}, at position {i + 1})"
    return ""


def _cut(v: str, n: int = 60) -> str:
    return repr(v[:n]) + ("…" if len(v) > n else "")
_INT_RE = re.compile(r"^[0-9][0-9_]*$")
# Thousands separators: groups of three (50,000,000) or the Indian 2-2-3 grouping (5,00,00,000).
_GROUPED_RE = re.compile(r"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,2}(?:,[0-9]{2})*,[0-9]{3})$")
MAX_NODES = 20_000


class _Invalid:
    """Marker for a value that failed conversion (a problem was already recorded)."""


INVALID = _Invalid()


class Ctx:
    """Conversion context: the file name and the problems found so far."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.nodes = 0
        # The valid items of lists that had an invalid one, by path: record-level checks
        # (version order, overlaps) still run on them, so every problem is reported at once.
        self.partial: dict[str, tuple] = {}
        # Keys of the mapping being checked whose values failed (or were empty): its checks
        # run on the rest and say nothing more about these.
        self.failed: set[str] = set()
        # Dated facts that can only be judged against today's date (see lawref.validate):
        # kept apart so the cache never stores a verdict that changes with the calendar.
        self.facts: list[tuple] = []

    def add(self, node: Node | None, path: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(Problem(self.file, line, path or "(record)", message))


def _plain(node: Node) -> bool:
    """A plain (unquoted) scalar: libyaml reports style '' where PyYAML reports None."""
    return not node.style


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and _plain(node) and node.tag == _NULL_TAG


# ---------------------------------------------------------------- scalar converters
# Each converter takes (node, path, ctx) and returns a value or INVALID.

Conv = Callable[[Node, str, Ctx], Any]


def _scalar(node: Node, path: str, ctx: Ctx, what: str) -> str | _Invalid:
    if not isinstance(node, ScalarNode):
        kind = "a list" if isinstance(node, SequenceNode) else "a mapping"
        ctx.add(node, path, f"expected {what}, got {kind}")
        return INVALID
    return node.value


def text(node: Node, path: str, ctx: Ctx) -> str | _Invalid:
    v = _scalar(node, path, ctx, "text")
    if v is INVALID:
        return v
    if _plain(node) and node.tag == _BOOL_TAG:
        ctx.add(node, path, f"{v!r} is read as a boolean by YAML; quote it if you mean text")
        return INVALID
    if _plain(node) and node.tag == _TS_TAG:
        ctx.add(node, path, f"{v!r} is read as a date by YAML where text is expected; quote it")
        return INVALID
    v = v.strip()
    if not v:
        ctx.add(node, path, "must not be empty")
        return INVALID
    bad = _INVISIBLE_RE.search(v)
    if bad:
        # Reported by validate; the record still loads, since every output shows such
        # characters safely (as `�` or not at all).
        ch = bad.group()
        ctx.facts.append(("note", path, _line(node), f"contains an invisible format or control character ({_char_name(ch)}) at position {bad.start() + 1}: remove it"))
    return v


def short_text(node: Node, path: str, ctx: Ctx) -> str | _Invalid:
    """A title or alias: text of at most MAX_TITLE characters."""
    v = text(node, path, ctx)
    if v is not INVALID and len(v) > MAX_TITLE:
        ctx.add(node, path, f"{len(v)} characters: a title or alias is a short name (at most {MAX_TITLE}); put the rest in the text or notes")
        return INVALID
    return v


def birth_year(node: Node, path: str, ctx: Ctx) -> int | _Invalid:
    if isinstance(node, ScalarNode) and _DATE_RE.match(node.value.strip()):
        ctx.add(node, path, f"{node.value.strip()!r}: give the year only (born: {node.value.strip()[:4]})")
        return INVALID
    return integer(node, path, ctx)


def date(node: Node, path: str, ctx: Ctx) -> _dt.date | _Invalid:
    v = _scalar(node, path, ctx, "a date (YYYY-MM-DD)")
    if v is INVALID:
        return v
    v = v.strip()
    if not _DATE_RE.match(v):
        if re.match(r"^\d{4}-\d{2}-\d{2}$", v):
            ctx.add(node, path, f"not a date: {v!r}: use ASCII digits (0-9), e.g. 2024-01-31")
        else:
            ctx.add(node, path, f"not a date: {_cut(v)} (use YYYY-MM-DD)")
        return INVALID
    try:
        d = _dt.date.fromisoformat(v)
    except ValueError:
        ctx.add(node, path, f"impossible date: {v!r}")
        return INVALID
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        # 9999-12-31 as "forever" or 0001-01-01 as "always": omit `until` / give the real date.
        ctx.add(node, path, f"date {v} is outside {MIN_YEAR}-{MAX_YEAR}: omit it if open-ended, or give the real date")
        return INVALID
    return d


def _at(node: Node, key: str) -> Node:
    """The value node of `key` in a mapping node (for the line of a problem), else `node`."""
    for k, v in getattr(node, "value", ()) if isinstance(node, MappingNode) else ():
        if getattr(k, "value", None) == key:
            return v
    return node


MIN_YEAR, MAX_YEAR = 1000, 2999  # dates lawref computes with stay far from date.min / date.max


def boolean(node: Node, path: str, ctx: Ctx) -> bool | _Invalid:
    v = _scalar(node, path, ctx, "true or false")
    if v is INVALID:
        return v
    low = v.strip().lower()
    if low == "true":
        return True
    if low == "false":
        return False
    ctx.add(node, path, f"expected true or false, got {v!r}")
    return INVALID


def integer(node: Node, path: str, ctx: Ctx) -> int | _Invalid:
    v = _scalar(node, path, ctx, "a whole number")
    if v is INVALID:
        return v
    raw = v.strip()
    grouped = "," in raw and _GROUPED_RE.match(raw)
    if _plain(node) and (_INT_RE.match(raw) or grouped) and not (len(raw) > 1 and raw[0] == "0"):
        digits = raw.replace("_", "").replace(",", "")
        if len(digits.lstrip("+-")) > 18:  # beyond any real amount, and beyond int64 in JSON
            ctx.add(node, path, f"number too large ({len(digits)} digits)")
            return INVALID
        return int(digits)
    shown = f"{v[:40]!r}{'…' if len(v) > 40 else ''}"
    if not _plain(node) and (_INT_RE.match(raw) or grouped):
        ctx.add(node, path, f"expected a whole number, got the text {shown}: remove the quotes")
    elif re.match(r"^[0-9][0-9,]*$", raw) and "," in raw:
        ctx.add(node, path, f"{shown}: misplaced thousands separator (write 20000000 or 20,000,000)")
    elif re.match(r"^[0-9]{1,3}(?:[. ][0-9]{3})+$", raw):
        ctx.add(node, path, f"{shown}: write amounts without '.' or ' ' separators (20000000 or 20,000,000)")
    elif re.match(r"^-[0-9][0-9_,]*$", raw):
        ctx.add(node, path, f"{shown}: must not be negative")
    else:
        ctx.add(node, path, f"expected a whole number, got {shown}")
    return INVALID


def term(node: Node, path: str, ctx: Ctx) -> m.Term | _Invalid:
    v = _scalar(node, path, ctx, "a term (5y, 6m, life)")
    if v is INVALID:
        return v
    if _NON_ASCII_DIGIT_RE.search(v) and any(ch.isdigit() for ch in v if ord(ch) > 127):
        ctx.add(node, path, f"not a term: {_cut(v)}: use ASCII digits (0-9), e.g. 2y")
        return INVALID
    try:
        return m.Term.parse(v)
    except ValueError as e:
        ctx.add(node, path, str(e))
        return INVALID


def url(node: Node, path: str, ctx: Ctx) -> str | _Invalid:
    raw = node.value.strip() if isinstance(node, ScalarNode) and isinstance(node.value, str) else ""
    if re.search(r'[\x00-\x20\x7f-\x9f"<>\\^`{|}]', raw) and re.match(r"^https?://", raw, re.IGNORECASE):
        # RFC 3986 never carries these unencoded; they are how markup escapes a link.
        ctx.add(node, path, f"URL holds characters a URL cannot carry unencoded (quotes, <, >, spaces, controls): {raw[:80]!r}")
        return INVALID
    v = text(node, path, ctx)
    if v is INVALID:
        return v
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", v):
        if re.match(r"^https?://[^\s/]+\.[^\s]+$", v, re.IGNORECASE):
            ctx.add(node, path, f"write the URL's scheme in lower case: {(v.split(':', 1)[0].lower() + ':' + v.split(':', 1)[1])[:80]!r}")
        else:
            ctx.add(node, path, f"not an http(s) URL: {_cut(v, 80)}")
        return INVALID
    return v


def record_id(node: Node, path: str, ctx: Ctx) -> str | _Invalid:
    v = text(node, path, ctx)
    if v is INVALID:
        return v
    if not _ID_RE.match(v):
        ctx.add(node, path, f"bad id {_cut(v, 80)}{_non_ascii(v)}: lowercase segments separated by '/', e.g. kr/sexual-crimes-act/14-2.1")
        return INVALID
    return v


def one_of(*choices: str) -> Conv:
    def conv(node: Node, path: str, ctx: Ctx):
        v = _scalar(node, path, ctx, "one of " + ", ".join(choices))
        if v is INVALID:
            return v
        if v.strip() not in choices:
            ctx.add(node, path, f"{_cut(v)} is not one of: {', '.join(choices)}")
            return INVALID
        return v.strip()

    return conv


def enum(cls) -> Conv:
    inner = one_of(*[e.value for e in cls])

    def conv(node: Node, path: str, ctx: Ctx):
        v = inner(node, path, ctx)
        return v if v is INVALID else cls(v)

    return conv


def jurisdiction(node: Node, path: str, ctx: Ctx) -> str | _Invalid:
    from .jurisdictions import is_known

    v = text(node, path, ctx)
    if v is INVALID:
        return v
    if not is_known(v):
        if v != v.upper() and is_known(v.upper()):
            hint = f"; codes are upper case: {v.upper()!r}"
        elif v.upper() in ("UK", "GB", "ENGLAND"):
            hint = ": England and Wales is GB-EAW (Scotland GB-SCT, Northern Ireland GB-NIR)"
        else:
            hint = _non_ascii(v) or " (ISO 3166 like KR, US-CA, or GB-EAW, EU)"
        ctx.add(node, path, f"unknown jurisdiction code {_cut(v, 40)}{hint}")
        return INVALID
    return v


def currency(node: Node, path: str, ctx: Ctx) -> str | _Invalid:
    from .jurisdictions import is_currency

    v = text(node, path, ctx)
    if v is INVALID:
        return v
    if not is_currency(v):
        hint = f"; codes are upper case: {v.upper()!r}" if v != v.upper() and is_currency(v.upper()) else _non_ascii(v) or " (ISO 4217, e.g. KRW, EUR, USD)"
        ctx.add(node, path, f"unknown currency code {_cut(v, 40)}{hint}")
        return INVALID
    return v


def amount(node: Node, path: str, ctx: Ctx) -> int | str | _Invalid:
    if isinstance(node, ScalarNode) and node.value.strip().lower() == m.UNLIMITED:
        return m.UNLIMITED
    return integer(node, path, ctx)


def list_of(item: Conv, min_items: int = 0) -> Conv:
    def conv(node: Node, path: str, ctx: Ctx):
        if isinstance(node, ScalarNode) and item in (text, short_text, record_id) and not _is_null(node):
            if _plain(node) and ", " in node.value:
                first, rest = node.value.split(", ", 1)
                ctx.add(node, path, f"{_cut(node.value)} is one text: write a list, e.g. [{first}, {rest}]")
                return INVALID
            node = SequenceNode("tag:yaml.org,2002:seq", [node], node.start_mark, node.end_mark)
        if not isinstance(node, SequenceNode):
            ctx.add(node, path, "expected a list")
            return INVALID
        out = []
        failed = False
        for i, child in enumerate(node.value):
            ctx.nodes += 1
            if ctx.nodes > MAX_NODES:
                ctx.add(child, path, f"too many values (more than {MAX_NODES}); is this an alias bomb?")
                return INVALID
            v = item(child, f"{path}[{i}]", ctx)
            if v is INVALID:
                failed = True  # keep converting, to report every item's problems
            elif item is record_id and v in out:
                ctx.add(child, f"{path}[{i}]", f"{v!r} is listed twice")
                failed = True
            else:
                out.append(v)
        if len(node.value) < min_items:
            ctx.add(node, path, f"needs at least {min_items} item{'s' if min_items > 1 else ''}")
            return INVALID
        if failed:
            ctx.partial[path] = tuple(out)
            return INVALID
        return tuple(out)

    return conv


@dataclass(frozen=True)
class F:
    """A field of an object schema."""

    conv: Conv
    required: bool = False
    attr: str | None = None  # dataclass attribute when it differs from the YAML key


class Obj:
    """An object schema: YAML mapping -> dataclass, reporting unknown and missing fields."""

    def __init__(self, cls, fields: dict[str, F], check: Callable | None = None, empty: str = "give its fields", foreign: dict[str, str] | None = None) -> None:
        self.cls = cls
        # Keys that show the mapping is another object misplaced here (a version indented into
        # the sources above it): one problem naming that, instead of every field it lacks.
        self.foreign = foreign or {}
        self.fields = fields
        # Checks run on the fields that converted, also when others failed, so one validate
        # run reports everything; `ctx.failed` names the failed ones, to say nothing twice.
        self.check = check
        self.empty = empty  # what an empty value (`fine:` and nothing) should hold

    def __call__(self, node: Node, path: str, ctx: Ctx):
        if not isinstance(node, MappingNode):
            hint = ""
            if isinstance(node, ScalarNode) and self.empty.startswith("give") and ", e.g. " in self.empty:
                hint = f": {self.empty.split(', e.g. ', 1)[1]}"
            ctx.add(node, path or "(record)", f"expected a mapping of fields{hint}")
            return INVALID
        for key_node, _ in node.value:
            message = self.foreign.get(getattr(key_node, "value", None)) if isinstance(getattr(key_node, "value", None), str) else None
            if message:
                ctx.add(key_node, path or "(record)", message)
                return INVALID
        values: dict[str, Any] = {}
        nodes: dict[str, Node] = {}
        failed: set[str] = set()
        empty_objs: list[str] = []  # keys left empty whose value is a mapping of fields
        ok = merged = True
        for key_node, val_node in node.value:
            ctx.nodes += 1
            if ctx.nodes > MAX_NODES:
                ctx.add(key_node, path, f"too many values (more than {MAX_NODES}); is this an alias bomb?")
                return INVALID
            if not isinstance(key_node, ScalarNode):
                ctx.add(key_node, path, "complex (non-text) keys are not allowed")
                ok = False
                continue
            key = key_node.value
            sub = f"{path}.{key}" if path else key
            if key in nodes:
                ctx.add(key_node, sub, f"duplicate key (first at line {_line(nodes[key])})")
                ok = False
                spec = self.fields.get(key)
                if spec is not None and not _is_null(val_node):
                    # Check the second block too (its problems would surface once the first
                    # is deleted), without letting it stand in for the first.
                    saved = (dict(ctx.partial), ctx.failed, len(ctx.facts))
                    spec.conv(val_node, sub, ctx)
                    ctx.partial, ctx.failed = saved[:2]
                    del ctx.facts[saved[2] :]
                continue
            nodes[key] = key_node
            spec = self.fields.get(key)
            if spec is None and key == "<<":
                ctx.add(key_node, sub, "YAML merge keys (<<) are not supported; write the fields out")
                ok = merged = False  # the fields it would bring are not reported missing
                continue
            if spec is None:
                hint = difflib.get_close_matches(key, list(self.fields), n=1)
                under = next((k for k in reversed(empty_objs) if key in self.fields[k].conv.fields), None)
                if under is not None:
                    extra = f" (indent it under {under + ':'!r}?)"
                else:
                    extra = f" (did you mean {hint[0]!r}?)" if hint else ""
                ctx.add(key_node, sub, f"unknown field{extra}")
                ok = False
                continue
            if _is_null(val_node):
                if spec.required:
                    ctx.add(val_node, sub, "required field is empty")
                else:
                    obj = isinstance(spec.conv, Obj)
                    ctx.add(key_node, sub, f"empty: {spec.conv.empty if obj else 'give a value'}, or remove the line")
                    if obj:
                        empty_objs.append(key)
                failed.add(key)
                ok = False
                continue
            v = spec.conv(val_node, sub, ctx)
            if v is INVALID:
                failed.add(key)
                ok = False
            else:
                values[spec.attr or key] = v
        for key, spec in self.fields.items():
            if spec.required and key not in nodes and merged:
                ctx.add(node, f"{path}.{key}" if path else key, "missing required field")
                failed.add(key)
                ok = False
        if self.check is not None and merged:
            ctx.failed = {self.fields[k].attr or k for k in failed if k in self.fields}
            if not self.check(values, node, path, ctx):
                ok = False
        if not ok:
            return INVALID
        if "line" in self.cls.__dataclass_fields__:
            values["line"] = _line(node)
        if "field_lines" in self.cls.__dataclass_fields__:
            lines = {k: _line(n) for k, n in nodes.items()}
            for key_node, val_node in node.value:
                if isinstance(val_node, SequenceNode) and isinstance(key_node, ScalarNode):
                    for i, item in enumerate(val_node.value):
                        lines[f"{key_node.value}[{i}]"] = _line(item)
            values["field_lines"] = lines
        return self.cls(**values)


# ---------------------------------------------------------------- record schemas


def _sub(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _check_source(values, node, path, ctx) -> bool:
    """Every problem of a source, not just the first."""
    ok = True
    if not values.get("title") and not values.get("publisher") and not ctx.failed & {"title", "publisher"}:
        ctx.add(node, path, "a source needs a title or a publisher")
        ok = False
    acc, pub = values.get("accessed"), values.get("published")
    if acc:
        # Judged against today's date by validate, never at load (see Ctx.facts).
        ctx.facts.append(("accessed", _sub(path, "accessed"), _line(_at(node, "accessed")), acc))
    if pub and acc and pub > acc:
        ctx.add(_at(node, "published"), _sub(path, "published"), f"published {pub} after it was accessed ({acc})")
        ok = False
    quote = values.get("quote")
    if quote and len(quote.split()) > MAX_QUOTE_WORDS:
        ctx.add(_at(node, "quote"), _sub(path, "quote"), f"quote of {len(quote.split())} words: quote at most about 25 words (the rest in your own words)")
        ok = False
    return ok


MAX_QUOTE_WORDS = 40  # data/README.md: a quote is at most ~25 words


SOURCE = Obj(
    m.Source,
    {
        "url": F(url, required=True),
        "title": F(text),
        "publisher": F(text),
        "published": F(date),
        "accessed": F(date, required=True),
        "kind": F(enum(m.SourceKind)),
        "quote": F(text),
        "note": F(text),
    },
    check=_check_source,
    foreign={"from": "a penalty version (from:) inside the sources list above it: indent its '- ' like the other versions' (YAML reads it as another source)"},
)
SOURCES = list_of(SOURCE)
REQUIRED_SOURCES = list_of(SOURCE, min_items=1)


def _check_prison(values, node, path, ctx) -> bool:
    """Every problem of a prison range, not just the first."""
    lo, hi = values.get("min"), values.get("max")
    if lo is None and hi is None:
        if not ctx.failed & {"min", "max"}:
            ctx.add(node, path, "give max, min or both")
        return False
    sub = (lambda k: f"{path}.{k}" if path else k)  # noqa: E731
    problems = []
    if lo is not None and hi is not None and lo.sort_key() > hi.sort_key():
        problems.append((path, f"min {lo} is above max {hi}"))
    if hi is not None and not hi.life and hi.sort_key() <= 0:
        problems.append((sub("max"), "a maximum of 0: omit prison when there is no prison term"))
    if lo is not None and lo.life:
        problems.append((sub("min"), "a minimum cannot be life; write max: life (and the minimum term, if any, as min)"))
    if values.get("max_basis") is not None and hi is None:
        problems.append((sub("max_basis"), "max_basis names where the maximum comes from: give max too"))
    for where, message in problems:
        ctx.add(node if where == path else _at(node, where.rsplit(".", 1)[-1]), where, message)
    return not problems


def _check_fine(values, node, path, ctx) -> bool:
    """Every problem of a fine, not just the first."""
    mx, lo = values.get("max"), values.get("min")
    if mx is None and lo is None:
        if not ctx.failed & {"min", "max"}:
            ctx.add(node, path, "give max (an amount or 'unlimited')")
        return False
    sub = (lambda k: f"{path}.{k}" if path else k)  # noqa: E731
    problems = []
    if isinstance(mx, int) and not values.get("currency") and "currency" not in ctx.failed:
        problems.append((sub("currency"), "an amount needs a currency (ISO 4217)"))
    if isinstance(mx, int) and mx <= 0:
        problems.append((sub("max"), f"a maximum fine of {mx}: omit fine when there is none"))
    if isinstance(lo, int) and (lo < 0 or (isinstance(mx, int) and lo > mx)):
        problems.append((sub("min"), f"min {lo} is " + ("negative" if lo < 0 else f"above max {mx}")))
    for where, message in problems:
        ctx.add(node if where == path else _at(node, where.rsplit(".", 1)[-1]), where, message)
    return not problems


PRISON = Obj(m.Prison, {"max": F(term), "min": F(term), "max_basis": F(text)}, check=_check_prison, empty="give max (and min), e.g. prison: {max: 5y}")
FINE = Obj(m.Fine, {"max": F(amount), "min": F(integer), "currency": F(currency)}, check=_check_fine, empty="give max and currency, e.g. fine: {max: 20000000, currency: KRW}")

_PENALTY_FIELDS = {
    "prison": F(PRISON),
    "fine": F(FINE),
    "combine": F(enum(m.Combine)),
    "note": F(text),
    "unverified": F(boolean),
}


def _check_has_penalty(values, node, path, ctx) -> bool:
    failed = ctx.failed & {"prison", "fine", "note"}
    if values.get("prison") is None and values.get("fine") is None and not values.get("note"):
        if not failed:
            ctx.add(node, path, "a penalty needs prison, fine, or a note saying why neither is given")
        return False
    combine = values.get("combine")
    if combine is not None and values.get("fine") is None and "fine" not in failed:
        ctx.add(_at(node, "combine"), _sub(path, "combine"), "combine says how prison and a fine combine, but no fine is given")
        return False
    if combine is not None and values.get("prison") is None and not values.get("note") and not failed:
        ctx.add(_at(node, "combine"), _sub(path, "combine"), "combine with a fine but no prison term: give prison, or say in a note why the term is not recorded")
        return False
    return True


AGGRAVATED = Obj(
    m.Aggravated,
    {"label": F(text, required=True), **_PENALTY_FIELDS, "sources": F(SOURCES)},
    check=_check_has_penalty,
)


_REPEAL_WITH_PENALTY = (
    "'repealed' marks the entry that records a repeal from its 'from' date, so it carries no penalty: "
    "put the penalty in the version the repeal ended (with 'until'), or remove status: repealed if this version was in force"
)


def _check_version(values, node, path, ctx) -> bool:
    """Every problem of a penalty version, not just the first."""
    ok = True
    start, end, status = values.get("start"), values.get("end"), values.get("status")
    if start and end and end < start:
        ctx.add(_at(node, "until"), _sub(path, "until"), f"until {end} is before from {start}")
        ok = False
    prom = values.get("promulgated")
    if prom and start and prom > start and status is not m.Status.PROSPECTIVE:
        ctx.add(_at(node, "promulgated"), _sub(path, "promulgated"), f"promulgated {prom} after it took effect ({start})")
        ok = False
    penalty = any(values.get(k) or k in ctx.failed for k in ("prison", "fine", "aggravated"))
    if status is m.Status.REPEALED:
        pass  # the entry recording a repeal: no penalty from its date (checked with the others)
    elif not _check_has_penalty(values, node, path, ctx):
        ok = False
    if start is not None:
        # For the order checks, and judged against today's date by validate (see Ctx.facts).
        st = None if "status" in ctx.failed else (status or m.Status.IN_FORCE).value
        ctx.facts.append(("version", path, _line(node), _line(_at(node, "from")), _line(_at(node, "status")), start, end, "end" in ctx.failed, st, penalty))
    elif status is m.Status.REPEALED and penalty:
        ctx.add(_at(node, "status"), _sub(path, "status"), _REPEAL_WITH_PENALTY)
        ok = False
    return ok


VERSION = Obj(
    m.PenaltyVersion,
    {
        "from": F(date, required=True, attr="start"),
        "until": F(date, attr="end"),
        "promulgated": F(date),
        "status": F(enum(m.Status)),
        **_PENALTY_FIELDS,
        "aggravated": F(list_of(AGGRAVATED)),
        "sources": F(REQUIRED_SOURCES, required=True),
    },
    check=_check_version,
)


INSTRUMENT = Obj(
    m.Instrument,
    {
        "title": F(text, required=True),
        "short": F(text),
        "native_title": F(text),
        "citation": F(text),
        "url": F(url),
    },
)

_TAG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def tags(node: Node, path: str, ctx: Ctx):
    """Topic tags: lower-case words joined by hyphens ("child-sexual-abuse-material"), each once."""
    values = list_of(text)(node, path, ctx)
    if values is INVALID:
        return values
    seen: set[str] = set()
    ok = True
    for i, t in enumerate(values):
        item = node.value[i] if isinstance(node, SequenceNode) and i < len(node.value) else node
        if not _TAG_RE.match(t):
            ctx.add(item, f"{path}[{i}]", f"tag {t[:40]!r}: use lower-case words joined by hyphens, e.g. 'image-based-abuse'")
            ok = False
        elif t in seen:
            ctx.add(item, f"{path}[{i}]", f"tag {t!r} is listed twice")
            ok = False
        seen.add(t)
    return values if ok else INVALID


_COMMON = {
    "id": F(record_id, required=True),
    "jurisdiction": F(jurisdiction, required=True),
    "aliases": F(list_of(short_text)),
    "tags": F(tags),
    "notes": F(text),
    "sources": F(SOURCES),
    "kind": F(one_of("offence", "case")),
}


def _spans(ctx: Ctx, key: str) -> list[tuple]:
    """The dated facts of the items of the record's list `key` (also of items that failed
    on another field), in file order."""
    pat = re.compile(rf"^{re.escape(key)}\[(\d+)\]$")
    return [f for f in ctx.facts if pat.match(f[1])]


# A version's dated fact: (tag, path, item line, from line, status line, from, until, until
# failed, status value or None when it failed to convert, has a penalty).
def _check_versions_order(values, node, path, ctx) -> bool:
    ok = True
    spans = _spans(ctx, "penalties")
    for prev, cur in zip(spans, spans[1:]):
        (_, p_path, p_line, _, p_sline, p_start, p_end, p_end_failed, p_status, _) = prev
        (_, _, c_line, _, _, c_start, _, _, _, _) = cur
        if p_status == m.Status.REPEALED.value:
            ctx.problems.append(Problem(ctx.file, p_sline, f"{p_path}.status", f"'repealed' marks the entry that records a repeal, and nothing follows it; here a version from {c_start} follows: a version replaced by a later one needs only 'until'"))
            ok = False
        elif c_start < p_start:
            ctx.problems.append(Problem(ctx.file, c_line, "penalties", f"versions out of order: {c_start} comes after {p_start}; list oldest first"))
            ok = False
        elif p_end is None and not p_end_failed and p_status != m.Status.PROSPECTIVE.value:
            ctx.problems.append(Problem(ctx.file, p_line, f"{p_path}.until", f"version from {p_start} has no 'until' but a later version starts {c_start}"))
            ok = False
        elif p_end is not None and c_start <= p_end:
            ctx.problems.append(Problem(ctx.file, c_line, "penalties", f"versions overlap: {c_start} starts on or before the previous version ends ({p_end})"))
            ok = False
    if spans and spans[-1][8] == m.Status.REPEALED.value and spans[-1][9]:
        ctx.problems.append(Problem(ctx.file, spans[-1][4], f"{spans[-1][1]}.status", _REPEAL_WITH_PENALTY))
        ok = False
    versions = spans
    created = values.get("created")
    if created is not None and versions and created > min(v[5] for v in versions):
        ctx.add(_at(node, "created"), "created", f"created {created} is after the first version's from ({min(v[5] for v in versions)}): the offence cannot have a penalty before it exists")
        ok = False
    if values.get("transposition_deadline") and not values.get("minimum_standard"):
        ctx.add(_at(node, "transposition_deadline"), "transposition_deadline", "only meaningful with minimum_standard: true")
        ok = False
    values.pop("kind", None)
    return ok


OFFENCE = Obj(
    m.Offence,
    {
        **_COMMON,
        "instrument": F(INSTRUMENT, required=True),
        "article": F(text, required=True),
        "title": F(short_text, required=True),
        "offence": F(text, required=True),
        "native_offence": F(text),
        "minimum_standard": F(boolean),
        "transposition_deadline": F(date),
        "created": F(date),
        "penalties": F(list_of(VERSION, min_items=1), required=True),
        "related": F(list_of(record_id)),
    },
    check=_check_versions_order,
)

AGE = Obj(
    m.Age,
    {
        "age": F(integer, required=True),
        "date": F(date),
        "note": F(text),
        "unverified": F(boolean),
        "sources": F(REQUIRED_SOURCES, required=True),
    },
)

DEFENDANT = Obj(
    m.Defendant,
    {
        "name": F(text, required=True),
        "native_name": F(text),
        "born": F(birth_year),
        "ages": F(list_of(AGE)),
        "sources": F(SOURCES),
    },
)

SENTENCE = Obj(
    m.Sentence,
    {
        "prison": F(PRISON),
        "fine": F(FINE),
        "extended_licence": F(term),
        "suspended": F(boolean),
        "note": F(text),
    },
    empty="give prison, fine or a note, e.g. sentence: {prison: {max: 2y}}",
)

LEVELS = ("arrest", "charge", "investigation", "first-instance", "appeal", "supreme", "civil", "other")
OUTCOMES = ("charged", "convicted", "acquitted", "upheld", "reduced", "increased", "dismissed", "penalty", "pending", "released", "other")

PROCEEDING = Obj(
    m.Proceeding,
    {
        "date": F(date, required=True),
        "court": F(text, required=True),
        "level": F(one_of(*LEVELS), required=True),
        "defendant": F(text),
        "outcome": F(one_of(*OUTCOMES)),
        "case_number": F(text),
        "sentence": F(SENTENCE),
        "orders": F(list_of(text)),
        "final": F(boolean),
        "description": F(text),
        "unverified": F(boolean),
        "sources": F(REQUIRED_SOURCES, required=True),
    },
    check=lambda values, node, path, ctx: _check_proceeding(values, node, path, ctx),
)


def _check_proceeding(values, node, path, ctx) -> bool:
    """Nothing to reject here; records the dated facts validate judges against today."""
    d = values.get("date")
    if d is not None:
        ruling = values.get("outcome") not in (None, "pending") or values.get("sentence") is not None
        ctx.facts.append(("proceeding", path, _line(_at(node, "date")), d, values.get("level"), ruling, bool(values.get("final")), _line(node)))
    return True


def _check_case(values, node, path, ctx) -> bool:
    ok = True
    procs = values.get("proceedings") or ctx.partial.get(f"{path}.proceedings" if path else "proceedings", ())
    for prev, cur in zip(procs, procs[1:]):
        if cur.date < prev.date:
            ctx.problems.append(Problem(ctx.file, cur.line, "proceedings", f"proceedings out of order: {cur.date} listed after {prev.date}; list oldest first"))
            ok = False
    names = {f[7]: f[1] for f in _spans(ctx, "proceedings")}  # item line -> "proceedings[i]"
    for p in procs:
        name = names.get(p.line, "proceedings")
        if p.outcome == "acquitted" and p.sentence is not None:
            ctx.problems.append(Problem(ctx.file, p.line, f"{name}.sentence", "an acquittal carries no sentence"))
            ok = False
        trial = next((q for q in procs if q.level == "first-instance" and q.defendant == p.defendant), None)
        if p.level in m.APPELLATE and trial is not None and p.date < trial.date:
            ctx.problems.append(Problem(ctx.file, p.line, name, f"{p.level} ruling of {p.date} comes before the first-instance judgment ({trial.date})"))
            ok = False
    if values.get("status") == "final" and procs and procs[-1].outcome == "pending" and not any(p.final for p in procs):
        ctx.add(_at(node, "status"), "status", f"status: final, but the last proceeding ({procs[-1].date}) is pending and none is final: true; mark the ruling that ended the case final, or set status: pending")
        ok = False
    d = values.get("defendant")
    if d is not None and procs:
        first = min(p.date for p in procs)
        if d.born is not None and not first.year - 110 <= d.born <= first.year - 5:
            ctx.add(_at(_at(node, "defendant"), "born"), "defendant.born", f"born {d.born} does not fit a defendant of proceedings from {first}")
            ok = False
        for a in d.ages:
            if not 5 <= a.age <= 110:
                ctx.problems.append(Problem(ctx.file, a.line or 1, "defendant.ages", f"age {a.age} is not a defendant's age"))
                ok = False
            elif d.born is not None and a.date is not None and not a.date.year - d.born - 2 <= a.age <= a.date.year - d.born + 1:
                # Korean age counting can add one year, reporting slips another: more is a contradiction.
                ctx.problems.append(Problem(ctx.file, a.line or 1, "defendant.ages", f"age {a.age} on {a.date} does not fit born {d.born}"))
                ok = False
    values.pop("kind", None)
    return ok


CASE = Obj(
    m.Case,
    {
        **_COMMON,
        "title": F(short_text, required=True),
        "defendant": F(DEFENDANT, required=True),
        "summary": F(text, required=True),
        "offences": F(list_of(record_id)),
        "status": F(one_of("pending", "final", "concluded")),
        "proceedings": F(list_of(PROCEEDING, min_items=1), required=True),
    },
    check=_check_case,
)
