"""Time lawref as users run it (whole processes) against a floor typer app; check the budgets.

    python benchmarks/run.py            # 7 timed runs after 2 warm-ups, 10k and 100k packs
    python benchmarks/run.py --quick    # 3 runs after 1 warm-up; the big-pack rows use 10k
    python benchmarks/run.py --json     # the same figures as JSON on stdout

Every figure is the median wall time of whole processes, reported as a ratio to the floor:
`benchmarks/floor_app.py`, a minimal typer + rich app that prints one line, run with the same
interpreter in the same rounds (the scenarios are interleaved, so machine noise hits them
alike). `python -c pass` is shown for reference. Peak memory is each child's maximum RSS
(os.wait4). Synthetic packs come from benchmarks/generate.py and are kept in
benchmarks/.packs/ (regenerated when the generator changes). Each scenario has its own
LAWREF_CACHE_DIR in a temp directory.

Budgets (ratios to the floor, medians): `lawref --help` <= 1.2x; `search deepfake` and
`show ID` on the bundled data <= 1.4x; on the 100k pack with a warm cache `search` <= 3x,
`show ID` <= 2x and peak RSS <= 400 MiB; after touching one file of the 100k pack the cache
rebuild costs <= 10% of a cold build. The cold build and `validate` on the 10k pack
(records/s) are reported without a budget. Exit 1 when a budget fails or a scenario cannot
run; 0 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # benchmarks/generate.py, beside this file

QUERY = "deepfake"
BUNDLED_SHOW_ID = "kr/sexual-crimes-act/14-2.1"
BUDGET_HELP = 1.2
BUDGET_BUNDLED = 1.4
BUDGET_BIG_SEARCH = 3.0
BUDGET_BIG_SHOW = 2.0
BUDGET_BIG_RSS_MIB = 400.0
BUDGET_REBUILD = 0.10


def log(msg: str) -> None:
    sys.stderr.write(f"bench: {msg}\n")
    sys.stderr.flush()


# ------------------------------------------------------------------ processes


@dataclass
class Run:
    seconds: float
    rss_mib: float | None
    code: int
    out: str
    err: str


TIMEOUT = 900.0  # seconds per process; --timeout


def run_once(argv: list[str], env: dict[str, str], cwd: str, capture: bool = False) -> Run:
    """Run `argv` to completion; wall time from spawn to reap, and the child's peak RSS.

    A process still running after TIMEOUT seconds is killed and reported as exit code -9
    with "timed out" on stderr.
    """
    import threading

    with tempfile.TemporaryFile() as err_f, tempfile.TemporaryFile() as out_f:
        out_target = out_f if capture else subprocess.DEVNULL
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out_target, stderr=err_f, env=env, cwd=cwd)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                proc.kill()  # this child only, by its pid
            except OSError:
                pass

        timer = threading.Timer(TIMEOUT, kill)
        timer.daemon = True
        timer.start()
        rss = None
        try:
            if hasattr(os, "wait4"):
                _, status, usage = os.wait4(proc.pid, 0)
                elapsed = time.perf_counter() - t0
                proc.returncode = os.waitstatus_to_exitcode(status)
                # ru_maxrss is KiB on Linux, bytes on macOS.
                rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
            else:  # no per-child rusage (Windows): time only
                proc.wait()
                elapsed = time.perf_counter() - t0
        finally:
            timer.cancel()
        err_f.seek(0)
        out_f.seek(0)
        err = err_f.read().decode("utf-8", "replace")
        if timed_out.is_set():
            err = f"timed out after {TIMEOUT:g}s (--timeout)\n" + err
        return Run(elapsed, rss, proc.returncode, out_f.read().decode("utf-8", "replace"), err)


def lawref_argv() -> list[str]:
    """The `lawref` console script beside this interpreter (what users run), else -m lawref."""
    bindir = Path(sys.executable).parent
    for name in ("lawref", "lawref.exe"):
        p = bindir / name
        if p.is_file() and os.access(p, os.X_OK):
            return [str(p)]
    return [sys.executable, "-m", "lawref"]


def base_env() -> dict[str, str]:
    """The environment of every timed process. PYTHONDONTWRITEBYTECODE is dropped: an
    installed lawref (and the floor app's imports) run from bytecode caches, as pip writes
    them at install time, so warm-ups may write them where an editable checkout has none."""
    env = dict(os.environ)
    for k in ("LAWREF_DATA", "LAWREF_CACHE_DIR", "LAWREF_DEBUG", "PYTHONDONTWRITEBYTECODE"):
        env.pop(k, None)
    return env


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:160]
    return ""


# ------------------------------------------------------------------ packs


def generator_fingerprint() -> str:
    return hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()[:16]


def ensure_pack(packs_dir: Path, n: int) -> Path:
    """benchmarks/.packs/<n>, generated (atomically) when missing or from another generator."""
    dest = packs_dir / str(n)
    stamp = f"{n} {generator_fingerprint()}\n"
    try:
        if (dest / "GENERATED").read_text(encoding="utf-8") == stamp:
            return dest
    except OSError:
        pass
    log(f"generating a {n:,}-record pack in {dest} ...")
    packs_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{n}-", dir=packs_dir))
    t0 = time.perf_counter()
    generate.generate(n, str(tmp))
    (tmp / "GENERATED").write_text(stamp, encoding="utf-8")
    if dest.exists():
        shutil.rmtree(dest)
    os.replace(tmp, dest)
    log(f"  done in {time.perf_counter() - t0:.1f}s")
    return dest


def read_all(pack: Path) -> None:
    """Read every file of `pack` once, so "cold" means lawref's cache, not the disk's."""
    for dirpath, _, names in os.walk(pack):
        for name in names:
            with open(os.path.join(dirpath, name), "rb") as fh:
                fh.read()


# ------------------------------------------------------------------ scenarios


@dataclass
class Scenario:
    key: str
    label: str
    argv: list[str]
    cache: str | None = None  # LAWREF_CACHE_DIR; None for non-lawref commands
    ok_codes: tuple[int, ...] = (0,)
    times: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    error: str | None = None
    last: Run | None = None

    def env(self, base: dict[str, str]) -> dict[str, str]:
        env = dict(base)
        if self.cache is not None:
            env["LAWREF_CACHE_DIR"] = self.cache
        return env

    def run(self, base: dict[str, str], cwd: str, record: bool, capture: bool = False) -> None:
        if self.error:
            return
        r = run_once(self.argv, self.env(base), cwd, capture)
        self.last = r
        if r.code not in self.ok_codes:
            self.error = f"exit {r.code}: {first_line(r.err) or first_line(r.out) or 'no output'}"
            return
        if record:
            self.times.append(r.seconds)
            if r.rss_mib is not None:
                self.rss.append(r.rss_mib)

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def peak(self) -> float | None:
        return max(self.rss) if self.rss else None


@dataclass
class Row:
    key: str
    scenario: str
    command: str
    median_s: float | None = None
    times_s: list[float] = field(default_factory=list)
    ratio_floor: float | None = None
    peak_mib: float | None = None
    value: float | None = None  # the quantity compared with the budget (or reported)
    unit: str = ""  # "x floor", "x cold", "MiB", "records/s", "s"
    budget: float | None = None
    status: str = "report"  # PASS, FAIL, ERROR, report
    note: str = ""

    def check(self) -> None:
        if self.status == "ERROR":
            return
        if self.budget is None:
            self.status = "report"
        elif self.value is None:
            self.status = "ERROR"
            self.note = self.note or "not measured"
        else:
            self.status = "PASS" if self.value <= self.budget else "FAIL"


def shown(argv: list[str]) -> str:
    out = []
    for a in argv:
        if a == sys.executable:
            a = "python"
        elif a.endswith((os.sep + "lawref", os.sep + "lawref.exe")):
            a = "lawref"
        elif a.startswith(str(HERE)):
            a = os.path.relpath(a, HERE.parent)
        out.append(a)
    return " ".join(out)


def row_from(sc: Scenario, floor: float | None, budget: float | None = None) -> Row:
    r = Row(sc.key, sc.label, shown(sc.argv), sc.median, [round(t, 4) for t in sc.times], peak_mib=sc.peak, budget=budget, unit="x floor")
    if sc.error:
        r.status, r.note = "ERROR", sc.error
        return r
    if r.median_s is not None and floor:
        r.ratio_floor = r.median_s / floor
    r.value, r.unit = r.ratio_floor, "x floor"
    r.check()
    return r


def pick_bundled_id(lawref: list[str], env: dict[str, str], cwd: str) -> tuple[str | None, str]:
    """A bundled id for `show`: the known one, else the first id `search --json` returns."""
    r = run_once(lawref + ["show", BUNDLED_SHOW_ID], env, cwd)
    if r.code == 0:
        return BUNDLED_SHOW_ID, ""
    for args in (["search", QUERY, "--json"], ["search", "--json"]):
        s = run_once(lawref + args, env, cwd, capture=True)
        if s.code == 0:
            rid = _first_id(s.out)
            if rid:
                return rid, f"{BUNDLED_SHOW_ID} not shown ({first_line(r.err)}); using {rid}"
    return BUNDLED_SHOW_ID, ""


def _first_id(text: str) -> str | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    stack = [data]
    while stack:
        x = stack.pop(0)
        if isinstance(x, dict):
            if isinstance(x.get("id"), str):
                return x["id"]
            stack.extend(x.values())
        elif isinstance(x, list):
            stack.extend(x)
    return None


def interleave(scenarios: list[Scenario], warmup: int, runs: int, base: dict[str, str], cwd: str) -> None:
    for i in range(warmup + runs):
        record = i >= warmup
        log(f"{'round' if record else 'warm-up'} {i - warmup + 1 if record else i + 1}/{runs if record else warmup}")
        for sc in scenarios:
            sc.run(base, cwd, record)


# ------------------------------------------------------------------ the benchmark


def benchmark(args: argparse.Namespace) -> dict:
    lawref = lawref_argv()
    base = base_env()
    work = Path(tempfile.mkdtemp(prefix="lawref-bench-"))
    rows: list[Row] = []
    try:
        return _benchmark(args, lawref, base, work, rows)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _benchmark(args, lawref: list[str], base: dict[str, str], work: Path, rows: list[Row]) -> dict:
    cwd = str(work)
    packs_dir = Path(args.packs_dir)
    big_n = args.big
    mid_n = 10_000
    big = ensure_pack(packs_dir, big_n)
    mid = big if big_n == mid_n else ensure_pack(packs_dir, mid_n)
    big_ids = generate.read_ids(str(big))
    big_show = big_ids["offence-middle"]
    big_label = f"{big_n // 1000}k" if big_n % 1000 == 0 else str(big_n)

    def cache(name: str) -> str:
        d = work / "cache" / name
        d.mkdir(parents=True, exist_ok=True)
        return str(d)

    version = run_once(lawref + ["--version"], base, cwd, capture=True)
    lawref_version = first_line(version.out) if version.code == 0 else f"unknown ({first_line(version.err)})"
    search_ok = run_once(lawref + ["search", "--help"], base, cwd).code == 0

    # 1. Cold build of the big pack, then rebuilds after touching one file.
    cold_args = ["--data", str(big), "search", QUERY] if search_ok else ["--data", str(big), "info"]
    cold_note = "" if search_ok else "search unavailable: measured with `info`"
    cold_cache = cache("cold")
    cold = Scenario("cold_build", f"cold build, {big_label} pack", lawref + cold_args, cold_cache)
    log(f"reading the {big_label} pack once (operating system file cache) ...")
    read_all(big)
    log(f"cold build of the {big_label} pack ({shown(cold.argv)}) ...")
    cold.run(base, cwd, record=True)
    touched = big / "statutes" / f"{big_show}.yaml"
    rebuild = Scenario("rebuild_one_file", f"rebuild after touching 1 file, {big_label}", lawref + cold_args, cold_cache)
    for i in range(args.rebuilds):
        log(f"rebuild {i + 1}/{args.rebuilds} after touching {touched.relative_to(big)} ...")
        os.utime(touched, None)
        rebuild.run(base, cwd, record=True)

    # 2. Start-up and warm-cache scenarios, interleaved with the floor.
    show_env = dict(base, LAWREF_CACHE_DIR=cache("probe"))
    bundled_id, id_note = pick_bundled_id(lawref, show_env, cwd)
    warm_seed = Path(cold_cache)

    def warm_cache(name: str) -> str:
        d = work / "cache" / name
        if warm_seed.is_dir() and not cold.error:
            shutil.copytree(warm_seed, d)  # start from the cache the cold build left
        d.mkdir(parents=True, exist_ok=True)
        return str(d)

    python_pass = Scenario("python_c_pass", "python -c pass", [sys.executable, "-c", "pass"])
    floor = Scenario("floor", "floor: typer + rich app, one line", [sys.executable, str(HERE / "floor_app.py")])
    help_ = Scenario("help", "lawref --help", lawref + ["--help"], cache("help"))
    b_search = Scenario("bundled_search", f"search {QUERY} (bundled)", lawref + ["search", QUERY], cache("bundled_search"))
    b_show = Scenario("bundled_show", "show ID (bundled)", lawref + ["show", bundled_id], cache("bundled_show"))
    g_search = Scenario("big_search", f"search {QUERY} ({big_label}, warm)", lawref + ["--data", str(big), "search", QUERY], warm_cache("big_search"))
    g_show = Scenario("big_show", f"show ID ({big_label}, warm)", lawref + ["--data", str(big), "show", big_show], warm_cache("big_show"))
    group = [python_pass, floor, help_, b_search, b_show, g_search, g_show]
    log(f"start-up and warm-cache scenarios: {args.warmup} warm-up + {args.runs} timed rounds")
    interleave(group, args.warmup, args.runs, base, cwd)

    # 3. validate on the 10k pack (full parse and checks: --no-cache).
    val = Scenario("validate", f"validate {mid_n // 1000}k pack (--no-cache)", lawref + ["--no-cache", "validate", str(mid), "--json"], cache("validate"), ok_codes=(0, 1))
    if mid != big:
        read_all(mid)
    log(f"validate the {mid_n:,}-record pack: {args.validate_warmup} warm-up + {args.validate_runs} timed")
    for i in range(args.validate_warmup + args.validate_runs):
        val.run(base, cwd, record=i >= args.validate_warmup, capture=True)

    # ---- rows
    fm = floor.median
    rows.append(row_from(python_pass, fm))
    rows.append(row_from(floor, fm))
    rows.append(row_from(help_, fm, BUDGET_HELP))
    rows.append(row_from(b_search, fm, BUDGET_BUNDLED))
    r = row_from(b_show, fm, BUDGET_BUNDLED)
    r.note = r.note or id_note
    rows.append(r)
    rows.append(row_from(g_search, fm, BUDGET_BIG_SEARCH))
    rows.append(row_from(g_show, fm, BUDGET_BIG_SHOW))

    mem = Row("big_peak_rss", f"peak RSS, {big_label} warm (search, show)", "max RSS of the two rows above", budget=BUDGET_BIG_RSS_MIB, unit="MiB")
    peaks = [p for p in (g_search.peak, g_show.peak) if p is not None]
    if g_search.error or g_show.error:
        mem.status, mem.note = "ERROR", "a warm big-pack scenario failed"
    elif not peaks:
        mem.status, mem.note = "ERROR", "no per-process memory figures on this platform"
    else:
        mem.value = mem.peak_mib = max(peaks)
    mem.check()
    rows.append(mem)

    c = row_from(cold, fm)
    c.value, c.unit = c.median_s, "s"
    c.note = c.note or cold_note
    rows.append(c)
    rb = row_from(rebuild, fm, BUDGET_REBUILD)
    rb.unit = "x cold"
    rb.value = rb.median_s / cold.median if (rb.median_s is not None and cold.median) else None
    if cold.error and not rebuild.error:
        rb.status, rb.note = "ERROR", "no cold build to compare with"
    rb.check()
    rows.append(rb)

    v = row_from(val, fm)
    v.unit = "records/s"
    v.value = None
    if not val.error and val.median and val.last is not None:
        try:
            data = json.loads(val.last.out)
            n_rec = int(data["records"])
            v.value = n_rec / val.median
            n_prob = len(data.get("problems") or [])
            v.note = f"{n_rec:,} records in the pack" + (f"; {n_prob} problem(s) reported" if n_prob else "")
        except (ValueError, KeyError, TypeError):
            v.status, v.note = "ERROR", "validate --json output not understood"
    rows.append(v)

    failed = [r for r in rows if r.status in ("FAIL", "ERROR")]
    return {
        "ok": not failed,
        "quick": args.quick,
        "runs": args.runs,
        "warmup": args.warmup,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "lawref": lawref_version,
        "lawref_command": shown(lawref),
        "packs": {"big": {"records": big_n, "path": str(big), "show_id": big_show, "touched": str(touched)}, "validate": {"records": mid_n, "path": str(mid)}},
        "bundled_show_id": bundled_id,
        "floor_median_s": fm,
        "rows": [r.__dict__ for r in rows],
    }


# ------------------------------------------------------------------ output


def fmt_value(r: dict) -> str:
    v, u = r["value"], r["unit"]
    if v is None:
        return "-"
    if u == "x floor":
        return f"{v:.2f}x"
    if u == "x cold":
        return f"{v:.3f}x cold"
    if u == "MiB":
        return f"{v:.0f} MiB"
    if u == "records/s":
        return f"{v:,.0f} rec/s"
    if u == "s":
        return f"{v:.2f} s"
    return f"{v:g}"


def fmt_budget(r: dict) -> str:
    b, u = r["budget"], r["unit"]
    if b is None:
        return ""
    if u == "x floor":
        return f"<= {b:g}x"
    if u == "x cold":
        return f"<= {b:g}x cold"
    if u == "MiB":
        return f"<= {b:g} MiB"
    return f"<= {b:g}"


def print_table(res: dict) -> None:
    head = ["scenario", "median", "x floor", "peak MiB", "measure", "budget", "result"]
    body = []
    for r in res["rows"]:
        body.append(
            [
                r["scenario"],
                f"{r['median_s']:.3f}s" if r["median_s"] is not None else "-",
                f"{r['ratio_floor']:.2f}" if r["ratio_floor"] is not None else "-",
                f"{r['peak_mib']:.0f}" if r["peak_mib"] is not None else "-",
                fmt_value(r),
                fmt_budget(r),
                r["status"] if r["status"] != "report" else "",
            ]
        )
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(head)]
    right = {1, 2, 3, 4}
    out = sys.stdout

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    out.write(f"lawref benchmarks: {res['lawref']} ({res['lawref_command']}), Python {res['python']}, {res['platform']}\n")
    out.write(f"median of {res['runs']} runs after {res['warmup']} warm-up(s){' (--quick)' if res['quick'] else ''}; floor = benchmarks/floor_app.py\n\n")
    out.write(line(head) + "\n")
    out.write(line(["-" * w for w in widths]) + "\n")
    for b in body:
        out.write(line(b) + "\n")
    notes = [(r["scenario"], r["note"]) for r in res["rows"] if r["note"]]
    if notes:
        out.write("\n")
        for name, note in notes:
            out.write(f"note: {name}: {note}\n")
    bad = [r for r in res["rows"] if r["status"] in ("FAIL", "ERROR")]
    out.write("\n" + ("all budgets met\n" if not bad else f"{len(bad)} row(s) failed: {', '.join(r['key'] for r in bad)}\n"))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="Time lawref against a floor typer app and check the performance budgets.")
    ap.add_argument("--quick", action="store_true", help="3 runs after 1 warm-up; the big-pack rows use the 10k pack instead of 100k")
    ap.add_argument("--runs", type=int, help="timed runs per scenario (default 7; 3 with --quick)")
    ap.add_argument("--warmup", type=int, help="warm-up runs per scenario (default 2; 1 with --quick)")
    ap.add_argument("--big", type=int, help="records in the big pack (default 100000; 10000 with --quick)")
    ap.add_argument("--packs-dir", default=str(HERE / ".packs"), help="where generated packs are kept (default benchmarks/.packs)")
    ap.add_argument("--timeout", type=float, default=TIMEOUT, help=f"kill a process that runs longer than this many seconds (default {TIMEOUT:g})")
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    a = ap.parse_args(argv)
    a.runs = a.runs if a.runs is not None else (3 if a.quick else 7)
    a.warmup = a.warmup if a.warmup is not None else (1 if a.quick else 2)
    a.big = a.big if a.big is not None else (10_000 if a.quick else 100_000)
    if a.runs < 1 or a.warmup < 0 or a.big < 10:
        ap.error("--runs must be >= 1, --warmup >= 0, --big >= 10")
    a.rebuilds = 2 if a.quick else 3
    a.validate_runs = 1 if a.quick else 3
    a.validate_warmup = 0 if a.quick else 1
    return a


def main(argv: list[str] | None = None) -> int:
    global TIMEOUT
    args = parse_args(argv)
    TIMEOUT = args.timeout
    res = benchmark(args)
    if args.json:
        sys.stdout.write(json.dumps(res, indent=2) + "\n")
    else:
        print_table(res)
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
