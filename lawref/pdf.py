"""HTML to PDF: find a PDF engine on this machine and print a self-contained page with it.

Two engines are supported, both optional:

* **Chromium** (or Google Chrome) in headless mode, found as ``$LAWREF_CHROMIUM`` or on the
  PATH as ``chromium``, ``chromium-browser``, ``google-chrome``, ``google-chrome-stable`` or
  ``chrome``. It runs with a fresh profile in a temp directory, offline (proxy to a closed
  port, no DNS, no background networking), and the page itself carries a
  Content-Security-Policy that blocks scripts and every external fetch.
* **WeasyPrint** (``pip install 'lawref[pdf]'``), with a URL fetcher that refuses everything
  but inline ``data:`` URLs.

``auto`` prefers Chromium (the engine the print CSS is tested with), then WeasyPrint.
"""

from __future__ import annotations

import importlib.util
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import LawrefError, UsageError

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
ENGINES = ("auto", "chromium", "weasyprint")
TIMEOUT_SECONDS = 120

INSTALL_HINT = (
    "install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere Google Chrome, "
    "or set LAWREF_CHROMIUM=/path/to/chrome) or WeasyPrint (`pip install 'lawref[pdf]'`), "
    "or render HTML with `--format html` and print it from a browser"
)


class PdfEngineMissing(LawrefError):
    """No PDF engine is installed."""

    exit_code = 1


class PdfFailed(LawrefError):
    """The PDF engine ran but did not produce a PDF."""

    exit_code = 1


@dataclass(frozen=True)
class Engine:
    """A PDF engine found on this machine."""

    name: str  # "chromium" | "weasyprint"
    path: str | None = None  # the browser executable for chromium


def find_chromium() -> str | None:
    """The Chromium/Chrome executable: $LAWREF_CHROMIUM, else the first found on PATH."""
    env = os.environ.get("LAWREF_CHROMIUM", "").strip()
    if env:
        found = shutil.which(os.path.expanduser(env))
        if not found:
            raise PdfEngineMissing(f"LAWREF_CHROMIUM={env!r} is not an executable file")
        return found
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def weasyprint_available() -> bool:
    try:
        return importlib.util.find_spec("weasyprint") is not None
    except (ImportError, ValueError):
        return False


def find_engine(preference: str = "auto") -> Engine:
    """The engine to use. Raises PdfEngineMissing (saying what to install) when none is."""
    preference = (preference or "auto").lower()
    if preference not in ENGINES:
        raise UsageError(f"--pdf-engine: unknown engine {preference!r}; use one of {', '.join(ENGINES)}")
    if preference in ("auto", "chromium"):
        path = find_chromium()
        if path:
            return Engine("chromium", path)
        if preference == "chromium":
            raise PdfEngineMissing(
                "PDF engine chromium not found (looked for $LAWREF_CHROMIUM and "
                f"{', '.join(CHROMIUM_NAMES)} on PATH); install it: Debian/Ubuntu `sudo apt-get install chromium`"
            )
    if preference in ("auto", "weasyprint"):
        if weasyprint_available():
            return Engine("weasyprint")
        if preference == "weasyprint":
            raise PdfEngineMissing("PDF engine weasyprint is not installed; install it with `pip install 'lawref[pdf]'`")
    raise PdfEngineMissing(f"PDF output needs a PDF engine and none was found: {INSTALL_HINT}")


def html_to_pdf(html: str, engine: Engine | None = None, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """Print a self-contained HTML page to PDF bytes with `engine` (default: find one)."""
    engine = engine or find_engine()
    if engine.name == "weasyprint":
        return _weasyprint(html)
    return _chromium(html, engine.path or "chromium", timeout)


# --------------------------------------------------------------------------- chromium

_TMP_PREFIX = "lawref-pdf-"


def _clean_stale_dirs() -> None:
    """Remove work directories left by earlier runs that were killed (their pid is gone)."""
    from .files import _pid_alive

    base = tempfile.gettempdir()
    try:
        names = os.listdir(base)
    except OSError:
        return
    for name in names:
        if not name.startswith(_TMP_PREFIX):
            continue
        try:
            pid = int(name[len(_TMP_PREFIX) :].split("-", 1)[0])
        except ValueError:
            continue
        if pid != os.getpid() and not _pid_alive(pid):
            shutil.rmtree(os.path.join(base, name), ignore_errors=True)


def chromium_args(exe: str, page: Path, out: Path, profile: Path, no_sandbox: bool) -> list[str]:
    """The command line that prints `page` to `out`, offline, with a throwaway profile."""
    args = [
        exe,
        "--headless",
        "--disable-gpu",
        "--no-pdf-header-footer",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--no-default-browser-check",
        "--mute-audio",
        "--hide-scrollbars",
        # Offline: nothing resolves and every proxied fetch goes to a closed port.
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=127.0.0.1:9",
        f"--user-data-dir={profile}",
        f"--print-to-pdf={out}",
    ]
    if no_sandbox:
        args.append("--no-sandbox")
    extra = os.environ.get("LAWREF_CHROMIUM_ARGS", "").strip()
    if extra:
        args.extend(shlex.split(extra))
    args.append(page.as_uri())
    return args


def _run(args: list[str], timeout: float) -> tuple[int, str]:
    """Run a browser in its own process group; kill the whole group on timeout or interrupt."""
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except BaseException:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (OSError, AttributeError):
            proc.kill()
        proc.wait()
        raise
    return proc.returncode, out.decode("utf-8", "replace")


def _chromium(html: str, exe: str, timeout: float) -> bytes:
    _clean_stale_dirs()
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    with tempfile.TemporaryDirectory(prefix=f"{_TMP_PREFIX}{os.getpid()}-") as work:
        work_dir = Path(work)
        page, out = work_dir / "page.html", work_dir / "out.pdf"
        page.write_text(html, encoding="utf-8")
        attempts = [as_root] if as_root else [False, True]
        log = ""
        for no_sandbox in attempts:
            profile = work_dir / f"profile-{int(no_sandbox)}"
            try:
                code, log = _run(chromium_args(exe, page, out, profile, no_sandbox), timeout)
            except subprocess.TimeoutExpired:
                raise PdfFailed(f"{exe} did not finish printing within {timeout:g} s") from None
            except OSError as e:
                raise PdfFailed(f"cannot run {exe}: {e.strerror or e}") from None
            if out.is_file() and out.stat().st_size > 0:
                data = out.read_bytes()
                if data.startswith(b"%PDF"):
                    return data
            # Without root, a missing user-namespace sandbox is the usual failure: retry once.
            if "sandbox" not in log.lower():
                break
        last = next((ln.strip() for ln in reversed(log.splitlines()) if ln.strip()), "no output")
        raise PdfFailed(f"{os.path.basename(exe)} did not produce a PDF (exit {code}): {last[:200]}")


# --------------------------------------------------------------------------- weasyprint


def _deny_fetch(url: str, *args, **kwargs):
    if url.startswith("data:"):
        from weasyprint.urls import default_url_fetcher

        return default_url_fetcher(url, *args, **kwargs)
    raise ValueError(f"lawref: external resource refused: {url[:80]}")


def _weasyprint(html: str) -> bytes:
    try:
        import weasyprint
    except Exception as e:  # noqa: BLE001 - missing Pango raises OSError, not ImportError
        raise PdfEngineMissing(
            f"WeasyPrint could not be loaded ({type(e).__name__}: {str(e)[:120]}); it needs Pango "
            "(Debian/Ubuntu: `sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0`), or install chromium"
        ) from None
    try:
        return weasyprint.HTML(string=html, base_url=None, url_fetcher=_deny_fetch).write_pdf()
    except Exception as e:  # noqa: BLE001 - engine failure becomes a one-line message
        raise PdfFailed(f"WeasyPrint failed: {type(e).__name__}: {str(e)[:200]}") from None
