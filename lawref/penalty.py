"""Penalties in plain words, and comparisons between penalty versions."""

from __future__ import annotations

import datetime as _dt
import re

from .model import (
    Aggravated,
    Combine,
    Fine,
    Offence,
    PenaltyVersion,
    Prison,
    Proceeding,
    Sentence,
    Status,
)


def prison_words(p: Prison | None, minimum_standard: bool = False) -> str | None:
    """`up to 7 years' imprisonment`, `at least 3 years' imprisonment`, `life imprisonment`."""
    if p is None:
        return None
    lo, hi = p.min, p.max
    if minimum_standard and hi is not None:
        return f"a maximum of at least {hi.possessive()} imprisonment (minimum standard)"
    if hi is not None and hi.life:
        if lo is not None:
            return f"life imprisonment or at least {lo.possessive()} imprisonment"
        return "up to life imprisonment"
    if p.max_basis and hi is not None:
        # The article sets only a floor; the cap is a general rule (kept apart, and named).
        own = f"at least {lo.possessive()} imprisonment" if lo is not None else "imprisonment"
        return f"{own} (up to {hi.words()} under {p.max_basis})"
    if lo is not None and hi is not None:
        return f"{lo.words()} to {hi.possessive()} imprisonment"
    if lo is not None:
        return f"at least {lo.possessive()} imprisonment"
    return f"up to {hi.possessive()} imprisonment"


def fine_words(f: Fine | None) -> str | None:
    """`a fine of up to ₩50,000,000`, `an unlimited fine`."""
    if f is None:
        return None
    from .amounts import format_amount

    if f.max == "unlimited":
        return "an unlimited fine"
    if f.max is None:
        return f"a fine of at least {format_amount(f.min, f.currency)}" if f.min else "a fine"
    if f.min:
        return f"a fine of {format_amount(f.min, f.currency)} to {format_amount(f.max, f.currency)}"
    return f"a fine of up to {format_amount(f.max, f.currency)}"


def penalty_words(v: PenaltyVersion | Aggravated, minimum_standard: bool = False) -> str:
    """The whole penalty in plain words, joining prison and fine by `combine`."""
    p, f = prison_words(v.prison, minimum_standard), fine_words(v.fine)
    if not p and f and v.combine is not None:
        # "imprisonment and/or a fine" with the term not recorded (see the version's note).
        p = "imprisonment (term not recorded)"
    if p and f:
        combine = v.combine or Combine.OR
        if combine is Combine.AND:
            text = f"{p} and {f}"
        elif combine is Combine.AND_OR:
            text = f"{p}, {f}, or both"
        else:
            text = f"{p} or {f}"
    else:
        text = p or f or (v.note or "no penalty stated")
    return text


def with_variants(words: str, v: PenaltyVersion | Aggravated) -> str:
    """`words` followed by the version's aggravated variants with figures ("; + online: up to
    2 years' imprisonment"), for a change that only a variant shows."""
    extra = [f"{a.label}: {penalty_words(a)}" for a in getattr(v, "aggravated", ()) if a.prison or a.fine]
    return words + "".join(f"; + {x}" for x in extra) if extra else words + "; no aggravated variant"


def change_kind(old: PenaltyVersion | None, new: PenaltyVersion) -> str:
    """How `new` differs from `old`: new-offence, raised, lowered, changed or unchanged."""
    if old is None:
        return "new-offence"

    def key(v):
        lo = v.prison.min.sort_key() if v.prison and v.prison.min else 0
        # A provision that sets only a minimum has no cap of its own ("at least 3 years").
        hi = v.prison.max.sort_key() if v.prison and v.prison.max else (float("inf") if lo else 0)
        fine = v.fine.max if v.fine and isinstance(v.fine.max, int) else (float("inf") if v.fine and v.fine.unlimited else 0)
        return hi, lo, fine

    a, b = key(old), key(new)
    if a == b:
        if (old.prison, old.fine, old.combine) != (new.prison, new.fine, new.combine):
            return "changed"
        return _variants_change(old, new, key)
    if (
        new.fine is None and old.fine is not None and (old.combine or Combine.OR) is not Combine.AND
        and new.prison is not None and all(y >= x for x, y in zip(a[:2], b[:2]))
    ):
        return "raised"  # the fine was an alternative to prison, and it is gone
    if all(y >= x for x, y in zip(a, b)):
        return "raised"
    if all(y <= x for x, y in zip(a, b)):
        return "lowered"
    return "changed"


def _variants_change(old: PenaltyVersion, new: PenaltyVersion, key) -> str:
    """How the aggravated variants with figures changed when the base penalty did not: a
    variant added or made heavier is "raised", removed or made lighter "lowered"."""
    va = {x.label: key(x) for x in old.aggravated if x.prison or x.fine}
    vb = {x.label: key(x) for x in new.aggravated if x.prison or x.fine}
    if va == vb:
        return "unchanged"
    # A variant reworded but with the same prison range is the same variant.
    for lab in [x for x in va if x not in vb]:
        twin = next((y for y in vb if y not in va and vb[y][:2] == va[lab][:2]), None)
        if twin is not None:
            vb[lab] = vb.pop(twin)
    up = any(lab not in va or any(y > x for x, y in zip(va[lab], k)) for lab, k in vb.items())
    down = any(lab not in vb or any(y < x for x, y in zip(k, vb[lab])) for lab, k in va.items())
    return "raised" if up and not down else "lowered" if down and not up else "changed"


def variant_changes(old: PenaltyVersion, new: PenaltyVersion) -> list[tuple[str, Aggravated | None, Aggravated | None]]:
    """How the aggravated variants with figures differ between two versions, as
    ("added", None, b), ("removed", a, None) or ("changed", a, b). A variant reworded with
    the same penalty is the same variant (no entry)."""
    va = {a.label: a for a in old.aggravated if a.prison or a.fine}
    vb = {b.label: b for b in new.aggravated if b.prison or b.fine}
    gone = [x for x in va if x not in vb]
    came = [x for x in vb if x not in va]
    for lab in list(gone):
        twin = next((y for y in came if penalty_words(vb[y]) == penalty_words(va[lab])), None)
        if twin is not None:
            gone.remove(lab)
            came.remove(twin)
    out: list[tuple[str, Aggravated | None, Aggravated | None]] = []
    out += [("changed", va[x], vb[x]) for x in va if x in vb and penalty_words(va[x]) != penalty_words(vb[x])]
    out += [("added", None, vb[x]) for x in came]
    out += [("removed", va[x], None) for x in gone]
    return out


def only_variants_changed(old: PenaltyVersion | None, new: PenaltyVersion) -> bool:
    """True when the base penalty reads the same and only aggravated variants differ."""
    return old is not None and penalty_words(old) == penalty_words(new) and bool(variant_changes(old, new))


def change_words(old: PenaltyVersion | None, new: PenaltyVersion, kind: str, figures: bool = False, minimum_standard: bool = False) -> str:
    """A change in words: `penalty raised`, or, when only aggravated variants changed (the
    base penalty is the same), what happened to them: `aggravated form added`. With
    `figures`, the penalties too: `an aggravated form was added (online: up to 2 years'
    imprisonment ...)`, `the penalty was raised from X to Y`."""
    if kind == "new-offence" or old is None:
        return f"the offence was created ({penalty_words(new, minimum_standard)})" if figures else "offence in force"
    if only_variants_changed(old, new):
        parts = []
        for what, a, b in variant_changes(old, new):
            if not figures:
                parts.append(what)
            elif what == "added":
                parts.append(f"an aggravated form was added ({b.label}: {penalty_words(b, minimum_standard)})")
            elif what == "removed":
                parts.append(f"the aggravated form {a.label} was removed")
            else:
                parts.append(f"the aggravated form {b.label} went from {penalty_words(a, minimum_standard)} to {penalty_words(b, minimum_standard)}")
        if figures:
            return "; ".join(parts) + f"; the base penalty stayed {penalty_words(new, minimum_standard)}"
        kinds = list(dict.fromkeys(parts))
        plural = "s" if len(parts) > 1 else ""
        return f"aggravated form{plural} {' and '.join(kinds)}"
    if figures:
        verb = {"raised": "was raised", "lowered": "was lowered"}.get(kind, "changed")
        return f"the penalty {verb} from {penalty_words(old, minimum_standard)} to {penalty_words(new, minimum_standard)}"
    return {"raised": "penalty raised", "lowered": "penalty lowered", "changed": "penalty changed"}.get(kind, kind)


def sentence_words(sentence: Sentence, civil: bool = False) -> str:
    """A sentence a court imposed, in words: `42 years' imprisonment`, `a fine of A$343,500`.

    With `civil` (a civil proceeding), an amount is `a civil penalty of A$343,500`: a civil
    pecuniary penalty is not a criminal fine.
    """
    from .amounts import format_amount

    parts = []
    p = sentence.prison
    if p is not None and (p.max is not None or p.min is not None):
        if p.max is not None and p.max.life:
            term = "life imprisonment" + (f" (minimum term {p.min.words()})" if p.min else "")
        elif p.min is not None and p.min.life:
            term = "life imprisonment"
        elif p.min is not None and p.max is not None:
            term = f"{p.min.words()} to {p.max.possessive()} imprisonment"
        elif p.max is not None:
            term = f"{p.max.possessive()} imprisonment"
        else:
            term = f"at least {p.min.possessive()} imprisonment"
        parts.append(term + (" (suspended)" if sentence.suspended else ""))
    f = sentence.fine
    if f is not None:
        what = "civil penalty" if civil else "fine"
        if f.max == "unlimited":
            parts.append(f"an unlimited {what}")
        elif f.max is None:
            parts.append(f"a {what}")
        else:
            parts.append(f"a {what} of {format_amount(f.max, f.currency or '')}")
    if sentence.extended_licence is not None:
        parts.append(f"extended licence of {sentence.extended_licence.words()}")
    return " and ".join(parts) if parts else (sentence.note or "no sentence stated")


def is_civil(p: Proceeding) -> bool:
    """Whether `p` is a civil proceeding: what it orders is a civil penalty, not a sentence."""
    return p.level == "civil"


def ruling_words(p: Proceeding) -> str:
    """What proceeding `p` imposed, in words (`sentence_words`, civil penalties named so)."""
    return sentence_words(p.sentence, civil=is_civil(p)) if p.sentence is not None else (p.outcome or p.level)


def before_creation_words(offence, day) -> str | None:
    """What to say of `offence` on a `day` before its first version, or None when `day` is not
    before it. As `compare`, `show` and `search` all say it: "no specific offence before DATE"
    (the date it was created, as the issue tracker's compare and search specs ask: the reader
    is looking back, and the date is what they need), "no specific offence yet (enacted;
    expected from DATE)" for a law passed but never yet in force, and "penalty not recorded
    before DATE" when the offence is older than its record."""
    starts = [p.start for p in offence.penalties]
    if not starts or day >= min(starts):
        return None
    first = min(offence.penalties, key=lambda p: p.start)
    if offence.before_history(day) == "not-recorded" and first.status.value != "prospective":
        since = f"in force since {offence.created}, " if offence.created else ""
        return f"{since}penalty not recorded before {first.start}"
    if first.status.value == "prospective":
        return f"no specific offence yet (enacted; expected from {first.start})"
    return f"no specific offence before {offence.created or first.start}"


def _figures(v: PenaltyVersion, label: str | None):
    """The penalty of `v` (or of its variant `label`) as comparable figures, or None."""
    if label is None:
        return (v.prison, v.fine, v.combine)
    a = next((a for a in v.aggravated if a.label == label), None)
    if a is None:
        return None
    # A variant set in words ("increased by up to one half") moves with the base penalty.
    own = (a.prison, a.fine, a.combine or v.combine)
    return own if (a.prison or a.fine) else own + (_figures(v, None),)


def penalty_since(o: Offence, v: PenaltyVersion, label: str | None = None) -> _dt.date:
    """When the penalty of version `v` (or of its aggravated variant `label`) took its
    figures: the start of the earliest version in the unbroken run before `v` with the same
    prison, fine and combination. A later version that only reworded the offence or changed
    another variant does not reset it (FR 226-8: 1 year / €15,000 since 2002, though its
    version starts in 2024)."""
    versions = [x for x in o.penalties if x.status is Status.IN_FORCE]
    if v not in versions:
        return v.start
    want = _figures(v, label)
    start = v.start
    for prev in reversed(versions[: versions.index(v)]):
        if prev.end is None or prev.end + _dt.timedelta(days=1) != start or _figures(prev, label) != want:
            break
        start = prev.start
    return start


def cites_article(label: str, article: str) -> bool:
    """Whether a variant's label names `article` ("... (s 474.17AA)"), not a longer one."""
    return re.search(rf"(?<![\w.]){re.escape(article)}(?![\w.])", label, re.IGNORECASE) is not None
