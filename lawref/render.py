"""Handouts, summaries and briefs: a template context built from the library, rendered by
jinja2 in a sandbox, to Markdown, HTML or PDF.

:func:`build_context` turns a topic or record ids into plain data (dicts, lists, strings,
numbers: nothing a template could use to reach Python objects), using
:func:`lawref.compare.compare` for the comparison table, :mod:`lawref.penalty` for the
wording and :mod:`lawref.money` for amounts. :func:`render` fills a bundled template
(``templates/{handout,summary,brief}.{md,html}.j2``) or a user's own, and prints HTML to
PDF through :mod:`lawref.pdf`.

Safety, for bundled and user templates alike:

* jinja2's ``ImmutableSandboxedEnvironment``: no attribute starting with ``_``, no
  ``__class__``/``__globals__``, no mutation of the context.
* Autoescaping everywhere: HTML escaping for html/pdf; for Markdown, record text is escaped
  so it cannot become markup (``<script>`` shows as text, ``[x](y)`` is not a link, ``|``
  does not break a table). Control characters are removed in every format.
* Only ``http``/``https`` URLs become links; anything else (``javascript:``) prints as text.
* Limits: render time, output size, memory (Linux), large repetition/exponent/width
  arguments, recursion. A user template may include only files in its own directory.
* HTML output carries a Content-Security-Policy that blocks scripts and external fetches.

Nothing here imports typer or rich; :mod:`lawref.commands.render` parses and writes.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import re
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from .errors import LawrefError, UsageError
from .output import strip_controls

TEMPLATES = ("handout", "summary", "brief")
FORMATS = ("md", "html", "pdf")
PAPERS = ("a4", "letter")

MAX_RENDER_SECONDS = 10.0
MAX_OUTPUT_BYTES = 8 * 1024 * 1024
MAX_TEMPLATE_BYTES = 512 * 1024
MAX_MEMORY_BYTES = 1 << 30  # extra address space a render may use (Linux)
MAX_NUMBER_ARG = 100_000  # widths, counts and repetitions passed to filters and methods

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
_CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


class TemplateProblem(LawrefError):
    """A template that cannot be used: missing, unreadable, bad syntax, or an error in it."""

    exit_code = 2


class SandboxViolation(TemplateProblem):
    """A template tried something the sandbox forbids (private attributes, file access)."""


class RenderLimit(LawrefError):
    """Rendering exceeded a limit (time, output size, memory, recursion)."""

    exit_code = 1


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so no `except Exception` inside jinja2 eats it."""


# --------------------------------------------------------------------------- templates


def templates_dir() -> Path:
    """The bundled templates: the package's templates/ (wheel) or the checkout's templates/."""
    here = Path(__file__).resolve().parent
    inside = here / "templates"
    return inside if inside.is_dir() else here.parent / "templates"


@dataclass(frozen=True)
class TemplateRef:
    """Which template to render: a bundled one by name, or a user's file."""

    name: str  # the loader name (file name inside `directory`)
    directory: Path
    user: bool
    shown: str  # how to name it in messages


def format_for(fmt: str) -> str:
    """The template flavour of an output format: pdf is printed from html."""
    return "html" if fmt in ("html", "pdf") else "md"


def resolve_template(spec: str, fmt: str) -> TemplateRef:
    """`handout`/`summary`/`brief`, or a path to a user's template file.

    A bundled name wins over a file of the same name in the current directory (use
    `./handout` for the file). A user template path is resolved (symlinks followed) and
    must be a regular, readable file of at most MAX_TEMPLATE_BYTES.
    """
    if fmt not in FORMATS:
        raise UsageError(f"--format: use one of {', '.join(FORMATS)} (not {fmt!r})")
    if spec in TEMPLATES:
        d = templates_dir()
        name = f"{spec}.{format_for(fmt)}.j2"
        if not (d / name).is_file():
            raise TemplateProblem(f"bundled template {name} is missing from {d} (a broken install?)")
        return TemplateRef(name, d, False, spec)
    if not spec or "\x00" in spec:
        raise UsageError("--template: give handout, summary, brief or a template file")
    path = Path(os.path.expanduser(spec))
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise TemplateProblem(f"--template {spec}: no such template file (bundled templates: {', '.join(TEMPLATES)})") from None
    if not real.is_file():
        raise TemplateProblem(f"--template {spec}: not a regular file")
    try:
        size = real.stat().st_size
    except OSError as e:
        raise TemplateProblem(f"--template {spec}: cannot read it: {e.strerror}") from None
    if size > MAX_TEMPLATE_BYTES:
        raise TemplateProblem(f"--template {spec}: {size} bytes, more than the {MAX_TEMPLATE_BYTES}-byte limit for a template")
    if not os.access(real, os.R_OK):
        raise TemplateProblem(f"--template {spec}: not readable")
    return TemplateRef(real.name, real.parent, True, spec)


def _plain_name(name: str) -> bool:
    """A file name with no directory part, not hidden, nothing that could climb out."""
    return bool(name) and not any(c in name for c in "/\\\x00:") and not name.startswith(".") and name not in ("..", ".")


def _loader(ref: TemplateRef):
    from jinja2 import BaseLoader, FileSystemLoader, TemplateNotFound

    if not ref.user:
        return FileSystemLoader(str(ref.directory), encoding="utf-8", followlinks=False)

    directory = ref.directory

    class BesideLoader(BaseLoader):
        """Loads only plain file names from the user template's own directory."""

        def get_source(self, environment, template):
            if not _plain_name(template):
                raise TemplateNotFound(template, "outside")
            path = directory / template
            try:
                real = path.resolve(strict=True)
            except (OSError, RuntimeError):
                raise TemplateNotFound(template, "missing") from None
            if real.parent != directory or not real.is_file():
                raise TemplateNotFound(template, "outside")
            if real.stat().st_size > MAX_TEMPLATE_BYTES:
                raise TemplateProblem(f"{template}: larger than the {MAX_TEMPLATE_BYTES}-byte limit for a template")
            try:
                text = real.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                raise TemplateProblem(f"{template}: not UTF-8 text") from None
            except OSError as e:
                raise TemplateProblem(f"{template}: cannot read it: {e.strerror}") from None
            return text, str(real), lambda: False

    return BesideLoader()


# --------------------------------------------------------------------------- escaping

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~$])")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Only where a block construct could start: `# `, `- `, `+ `, `>`, `1. `, `1) `, a line of
# `-` or `=` (thematic break / setext underline). `*`, `_`, `` ` ``, `~`, `<`, `|` are always
# escaped inline, so they need no rule here.
_MD_LINE_START = re.compile(r"^( ?)(#(?=#{0,5}(?:\s|$))|[-+](?=\s|$)|-(?=[-\s]*$)|=(?=[=\s]*$)|>)")
_MD_ORDERED = re.compile(r"^( ?\d{1,9})([.)])(?=\s|$)")
_WS = re.compile(r"\s+")


def md_escape(text: Any) -> str:
    """Record text made inert in Markdown: one line, every markup character escaped.

    `<script>` stays text (no raw HTML), `[a](b)` is no link, `|` cannot split a table
    cell, `*`/`_` do not emphasise, `&lt;` is not an entity, and a leading `#`, `-`, `>` or
    `1.` starts no heading, list or quote. Control characters are removed.
    """
    s = _WS.sub(" ", strip_controls(str(text)).strip("\r\n\t"))
    s = _MD_INLINE.sub(r"\\\1", s)
    s = _MD_ENTITY.sub(r"\\&", s)
    s = _MD_LINE_START.sub(r"\1\\\2", s)
    return _MD_ORDERED.sub(r"\1\\\2", s)


def _finalize_md(value: Any) -> Any:
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value  # already safe: produced by a filter or marked |safe by the template
    if isinstance(value, bool):
        return "yes" if value else "no"
    return md_escape(value)


def _finalize_html(value: Any) -> Any:
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    if isinstance(value, str):
        return strip_controls(value)  # then autoescape escapes it
    return value


def safe_url(url: Any) -> str:
    """`url` when it is an http(s) URL without spaces or control characters, else ''."""
    if not isinstance(url, str):
        return ""
    u = url.strip()
    if not re.match(r"(?i)^https?://[^\s/?#]+", u) or re.search(r"[\s\x00-\x1f\x7f<>\"'`\\]", u):
        return ""
    return u


def short_url(url: Any, limit: int = 60) -> str:
    """A URL for display: no scheme or `www.`, cut to `limit` characters with `…`."""
    u = re.sub(r"(?i)^https?://(www\.)?", "", str(url or "")).rstrip("/")
    return u if len(u) <= limit else u[: limit - 1] + "…"


def _md_url(url: str) -> str:
    """A URL safe inside a Markdown link destination `(...)` (parentheses encoded)."""
    return url.replace("(", "%28").replace(")", "%29")


def _md_link(text: Any, url: Any):
    """`[text](url)` in Markdown when the URL is safe, else the escaped text."""
    from markupsafe import Markup

    label = md_escape(text)
    u = safe_url(url)
    if not u:
        return Markup(label)
    return Markup(f"[{label}]({_md_url(u)})")


def _md_autolink(url: Any):
    """A bare URL as a Markdown link (`<https://...>`), or the escaped text if unsafe."""
    from markupsafe import Markup

    u = safe_url(url)
    if not u:
        return Markup(md_escape(url))
    return Markup(f"<{u.replace('>', '%3E')}>")


def harden_html(html: str) -> str:
    """Put the Content-Security-Policy meta first in the document (after any doctype)."""
    m = re.match(r"(?is)^\s*(?:<!doctype[^>]*>\s*)?(?:<html(?:\s[^>]*)?>\s*)?<head(?:\s[^>]*)?>", html)
    if m is None:
        m = re.match(r"(?is)^\s*<!doctype[^>]*>", html)
    at = m.end() if m else 0
    return html[:at] + _CSP_META + html[at:]


# --------------------------------------------------------------------------- sandbox


def _too_big(n: Any) -> bool:
    return isinstance(n, int) and not isinstance(n, bool) and abs(n) > MAX_NUMBER_ARG


# Calls whose integer arguments are sizes (widths, counts): those must stay small.
_SIZED = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "indent", "wordwrap", "batch", "slice", "lipsum"})


def _check_args(what: str, args: Sequence[Any], kwargs: dict) -> None:
    from jinja2.exceptions import SecurityError

    for v in list(args) + list(kwargs.values()):
        if _too_big(v):
            raise SecurityError(f"{what}: argument {v} is larger than the limit of {MAX_NUMBER_ARG}")


_FORMAT_WIDTH = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _check_format_string(fmt: Any) -> None:
    from jinja2.exceptions import SecurityError

    if not isinstance(fmt, str):
        return
    for m in _FORMAT_WIDTH.finditer(fmt):
        for g in m.groups():
            if g == "*" or (g and int(g) > MAX_NUMBER_ARG):
                raise SecurityError(f"format width {g} is not allowed in a template")


def _guard_binop(operator: str, left: Any, right: Any) -> None:
    from jinja2.exceptions import SecurityError

    limit = MAX_OUTPUT_BYTES
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple, bytes)) and isinstance(n, int) and len(seq) * max(n, 0) > limit:
                raise SecurityError(f"repetition would make {len(seq) * n} items (limit {limit})")
    elif operator == "+":
        if hasattr(left, "__len__") and hasattr(right, "__len__") and len(left) + len(right) > limit:
            raise SecurityError(f"concatenation would make {len(left) + len(right)} items (limit {limit})")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right * max(abs(left).bit_length(), 1) > 4096:
            raise SecurityError("power too large for a template")
        if isinstance(right, (int, float)) and right > MAX_NUMBER_ARG:
            raise SecurityError("exponent too large for a template")
    elif operator == "%":
        _check_format_string(left)


_ENV_CLASS = None


def _env_class():
    """ImmutableSandboxedEnvironment with guards on operators and call arguments."""
    global _ENV_CLASS
    if _ENV_CLASS is None:
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        class LawrefSandbox(ImmutableSandboxedEnvironment):
            intercepted_binops = frozenset({"*", "**", "+", "%"})

            def call_binop(self, context, operator, left, right):
                _guard_binop(operator, left, right)
                return super().call_binop(context, operator, left, right)

            def call(*a, **kwargs):  # (self, context, obj, *args): kwargs may hold any name
                self, context, obj, *args = a
                name = getattr(obj, "__name__", "")
                if name in _SIZED:
                    _check_args(name, args, kwargs)
                return ImmutableSandboxedEnvironment.call(self, context, obj, *args, **kwargs)

            def wrap_str_format(self, value):
                # str.format / format_map: no huge field widths or precisions.
                wrapped = super().wrap_str_format(value)
                if wrapped is None:
                    return None
                from jinja2.exceptions import SecurityError

                spec = value.__self__
                if re.search(r"\{[^{}]*:[^{}]*\d{6,}", spec):

                    def refuse(*args, **kwargs):
                        raise SecurityError("format width too large for a template")

                    return refuse
                if re.search(r":[^{}]*\{", spec):  # a width taken from the arguments

                    def checked(*args, **kwargs):
                        values = []
                        for x in (*args, *kwargs.values()):
                            values.extend(x.values() if isinstance(x, dict) else x if isinstance(x, (list, tuple)) else [x])
                        _check_args("format", values, {})
                        return wrapped(*args, **kwargs)

                    return checked
                return wrapped

        _ENV_CLASS = LawrefSandbox
    return _ENV_CLASS


def _guarded(name: str, fn):
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if name == "format":
            _check_format_string(args[0] if args else None)
        else:
            rest = args[1:] if getattr(fn, "jinja_pass_arg", None) else args
            _check_args(f"filter {name}", rest[1:], kwargs)  # not the value being filtered
        return fn(*args, **kwargs)

    return wrapper


def make_environment(ref: TemplateRef, fmt: str):
    """The sandboxed environment for `ref` in `fmt` (md escapes Markdown, html/pdf HTML)."""
    from jinja2 import StrictUndefined

    html = format_for(fmt) == "html"
    env = _env_class()(
        loader=_loader(ref),
        autoescape=html,
        finalize=_finalize_html if html else _finalize_md,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=0,
    )
    env.globals.pop("lipsum", None)
    env.filters.update(
        url=safe_url,
        date_long=date_long,
        refs=refs_text,
        first_sentence=first_sentence,
    )
    if not html:
        env.filters.update(md_link=_md_link, md_url=_md_autolink, md=lambda v: __import__("markupsafe").Markup(md_escape(v)))
    env.filters = {k: (_guarded(k, f) if k in _SIZED or k == "format" else f) for k, f in env.filters.items()}
    return env


# --------------------------------------------------------------------------- limits


def _vm_bytes() -> int | None:
    try:
        with open("/proc/self/statm", "rb") as fh:
            pages = int(fh.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


@contextlib.contextmanager
def _limits(seconds: float) -> Iterator[float]:
    """Time (SIGALRM in the main thread, else a deadline checked per chunk) and memory
    (RLIMIT_AS, Linux) limits around a render. Yields the deadline (time.monotonic)."""
    deadline = time.monotonic() + seconds
    alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    old_handler = None
    old_timer = (0.0, 0.0)
    started = time.monotonic()
    if alarm:

        def _on_alarm(signum, frame):
            raise _Timeout

        old_handler = signal.signal(signal.SIGALRM, _on_alarm)
        old_timer = signal.setitimer(signal.ITIMER_REAL, seconds)
    old_as = None
    try:
        import resource

        vm = _vm_bytes()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if vm is not None:
            want = vm + MAX_MEMORY_BYTES
            if (soft == resource.RLIM_INFINITY or want < soft) and (hard == resource.RLIM_INFINITY or want <= hard):
                resource.setrlimit(resource.RLIMIT_AS, (want, hard))
                old_as = (soft, hard)
    except (ImportError, OSError, ValueError, AttributeError):
        old_as = None
    try:
        yield deadline
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old_handler)
            if old_timer[0] > 0:  # someone else's timer was running: put back what is left
                left = old_timer[0] - (time.monotonic() - started)
                signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), old_timer[1])
        if old_as is not None:
            import resource

            with contextlib.suppress(OSError, ValueError):
                resource.setrlimit(resource.RLIMIT_AS, old_as)


def _template_line(exc: BaseException, ref: TemplateRef) -> str:
    """`NAME:LINE` of the innermost template frame in `exc`'s traceback."""
    lineno = getattr(exc, "lineno", None)
    name = getattr(exc, "name", None) or getattr(exc, "filename", None)
    if lineno:
        return f"{Path(name).name if name else ref.name}:{lineno}"
    tb = exc.__traceback__
    found = None
    while tb is not None:
        fname = tb.tb_frame.f_code.co_filename
        if fname.endswith(".j2") or (ref.user and fname.startswith(str(ref.directory))):
            found = (Path(fname).name, tb.tb_lineno)
        tb = tb.tb_next
    return f"{found[0]}:{found[1]}" if found else ref.name


def render_text(context: dict, ref: TemplateRef, fmt: str) -> str:
    """Render `ref` with `context` inside the sandbox and the limits. Returns the text
    (for html/pdf with the CSP inserted). Raises TemplateProblem, SandboxViolation or
    RenderLimit with a one-line message."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    where = ref.shown
    env = make_environment(ref, fmt)
    try:
        tmpl = env.get_template(ref.name)
    except TemplateSyntaxError as e:
        raise TemplateProblem(f"template {where}: {_template_line(e, ref)}: syntax error: {e.message}") from None
    except TemplateNotFound as e:
        raise TemplateProblem(f"template {where}: {e} not found") from None
    except SecurityError as e:
        raise SandboxViolation(f"template {where}: blocked by the template sandbox: {e}") from None
    parts: list[str] = []
    size = 0
    try:
        with _limits(MAX_RENDER_SECONDS) as deadline:
            for chunk in tmpl.generate(context):
                size += len(chunk)
                if size > MAX_OUTPUT_BYTES:
                    raise RenderLimit(f"template {where}: output larger than the {MAX_OUTPUT_BYTES // (1024 * 1024)} MiB limit; rendering stopped")
                if time.monotonic() > deadline:
                    raise _Timeout
                parts.append(chunk)
    except _Timeout:
        raise RenderLimit(f"template {where}: rendering took longer than the {MAX_RENDER_SECONDS:g} s limit; stopped") from None
    except (MemoryError, OverflowError):
        raise RenderLimit(f"template {where}: rendering needed too much memory; stopped") from None
    except RecursionError:
        raise RenderLimit(f"template {where}: recursion too deep (a macro calling itself?)") from None
    except LawrefError:
        raise
    except SecurityError as e:
        raise SandboxViolation(f"template {where}: {_template_line(e, ref)}: blocked by the template sandbox: {e}") from None
    except TemplateNotFound as e:
        target = e.name
        if not ref.user:
            why = "not a bundled template"
        elif e.message == "missing":
            why = f"no such file beside the template in {ref.directory}"
        else:
            why = "a user template may only include files in its own directory (plain file names, no paths, no links out)"
        raise SandboxViolation(f"template {where}: {_template_line(e, ref)}: cannot include {str(target)!r}: {why}") from None
    except TemplateSyntaxError as e:
        raise TemplateProblem(f"template {where}: {_template_line(e, ref)}: syntax error: {e.message}") from None
    except UndefinedError as e:
        raise TemplateProblem(f"template {where}: {_template_line(e, ref)}: {e.message} (see the template context in the README, or --json)") from None
    except Exception as e:  # noqa: BLE001 - any error raised inside a template is the template's
        raise TemplateProblem(f"template {where}: {_template_line(e, ref)}: {type(e).__name__}: {e}") from None
    text = "".join(parts)
    if format_for(fmt) == "html":
        text = harden_html(text)
    elif not text.endswith("\n"):
        text += "\n"
    return text


# --------------------------------------------------------------------------- small helpers


def date_long(value: Any) -> str:
    """`2024-10-16` (or a date) -> `16 October 2024`; other values unchanged."""
    if isinstance(value, str):
        try:
            value = _dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, _dt.date):
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    return "" if value is None else str(value)


def refs_text(numbers: Any, lead: str = ""):
    """[1, 3] (or 1) -> `[1, 3]` (safe markup: digits only); empty or None -> ''.

    `lead` is put before a non-empty result (`refs(" ")` gives ` [1]` or nothing).
    """
    from markupsafe import Markup

    if isinstance(numbers, int) and not isinstance(numbers, bool):
        numbers = [numbers]
    try:
        nums = [int(n) for n in numbers or ()]
    except (TypeError, ValueError):
        return ""
    if not nums:
        return ""
    return Markup(f"{escape_lead(lead)}[{', '.join(str(n) for n in nums)}]")


def escape_lead(lead: Any) -> str:
    """A separator from a template for refs(): plain spaces and punctuation only."""
    return re.sub(r"[^ ,;:.\u00a0\u2009]", "", str(lead))[:4]


def first_sentence(text: Any, limit: int = 240) -> str:
    """The first sentence of `text` (up to `limit` characters, cut at a word)."""
    s = _WS.sub(" ", str(text or "")).strip()
    m = re.search(r"(?<=[a-z0-9)\"'])[.;](?=\s+[A-Z(\"'])", s)
    if m:
        s = s[: m.start() + 1]
    if len(s) > limit:
        s = s[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return s


def _iso(d: _dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _jname(code: str) -> str:
    from .jurisdictions import name

    try:
        return name(code)
    except Exception:  # noqa: BLE001 - an odd code in a user pack still renders
        return code


def _term_words(t) -> str | None:
    return t.words() if t is not None else None


def _prison_short(prison, minimum_standard: bool) -> str | None:
    """Compact prison figure for tables: `7 years`, `3 to 7 years`, `at least 3 years`."""
    if prison is None or (prison.max is None and prison.min is None):
        return None
    hi, lo = prison.max, prison.min
    if minimum_standard and hi is not None:
        return f"max. at least {hi.words()}"
    if hi is not None and hi.life:
        return f"life (min. {lo.words()})" if lo is not None else "life"
    if hi is not None and prison.max_basis:
        return f"{lo.words() if lo is not None else 'no minimum'} to {hi.words()} (general cap)"
    if hi is not None and lo is not None:
        return f"{lo.words()} to {hi.words()}"
    if lo is not None:
        return f"at least {lo.words()}"
    return hi.words()


def _fine_short(fine) -> str | None:
    from .money import format_amount

    if fine is None:
        return None
    if fine.unlimited:
        return "unlimited"
    if fine.max is None:
        return f"at least {format_amount(fine.min, fine.currency or '')}" if fine.min else None
    if fine.min:
        return f"{format_amount(fine.min, fine.currency or '')} to {format_amount(fine.max, fine.currency or '')}"
    return format_amount(fine.max, fine.currency or "")


# --------------------------------------------------------------------------- sources


class _SourceIndex:
    """Numbers sources by URL in the order they are first cited."""

    def __init__(self) -> None:
        self._by_url: dict[str, dict] = {}
        self._collecting: list[set[int]] = []

    def ref(self, s) -> int:
        if s.url not in self._by_url:
            self._by_url[s.url] = _source_dict(s, len(self._by_url) + 1)
        n = self._by_url[s.url]["n"]
        for got in self._collecting:
            got.add(n)
        return n

    @contextlib.contextmanager
    def collecting(self) -> Iterator[set[int]]:
        """Collect the numbers cited while building one record."""
        got: set[int] = set()
        self._collecting.append(got)
        try:
            yield got
        finally:
            self._collecting.remove(got)

    def refs(self, sources) -> list[int]:
        return sorted({self.ref(s) for s in sources})

    def all(self) -> list[dict]:
        return list(self._by_url.values())


def _source_dict(s, n: int) -> dict:
    return {
        "n": n,
        "url": s.url,
        "safe_url": safe_url(s.url),
        "short_url": short_url(s.url),
        "title": s.title,
        "publisher": s.publisher,
        "label": s.label(),
        "kind": s.kind.value,
        "published": _iso(s.published),
        "accessed": _iso(s.accessed),
        "quote": s.quote,
        "note": s.note,
    }


def _key_source(sources) -> Any:
    """The source to cite when only one fits: the first primary, else the first."""
    sources = list(sources)
    for s in sources:
        if s.kind.value == "primary":
            return s
    return sources[0] if sources else None


# --------------------------------------------------------------------------- records


def _record_dict(rec) -> dict:
    """The record as plain data: the `--json` shape of `lawref show`."""
    from .serialize import record_to_dict

    return record_to_dict(rec)


def _penalty_text(prison, fine, combine, note, minimum_standard: bool) -> str:
    from .penalty import penalty_words

    return penalty_words(SimpleNamespace(prison=prison, fine=fine, combine=combine, note=note), minimum_standard)


def _row_dict(r, src: _SourceIndex, key: _SourceIndex, parent_key: int | None, aggravation: str | None = None) -> dict:
    from .compare import IN_FORCE
    from .model import Prison
    from .money import Conversion, NoConversion

    conv = r.converted
    prison = Prison(max=r.prison_max, min=r.prison_min, max_basis=r.prison_max_basis) if (r.prison_max or r.prison_min) else None
    figures = any(x is not None for x in (r.prison_max, r.prison_min)) or (r.fine is not None and (r.fine.max is not None or r.fine.min))
    ks = _key_source(r.sources)
    key_ref = key.ref(ks) if ks is not None else None
    return {
        "id": r.id,
        "jurisdiction": r.jurisdiction,
        "jurisdiction_name": _jname(r.jurisdiction),
        "citation": r.citation,
        "instrument": r.instrument,
        "article": r.article,
        "conduct": r.conduct,
        "variant": r.variant,
        "is_variant": r.variant is not None,
        "status": r.status,
        "in_force": r.status == IN_FORCE,
        "status_text": r.status_text,
        "has_figures": bool(figures),
        "prison": _prison_short(prison, r.minimum_standard) or ("term not recorded" if r.combine and r.fine else None),
        "prison_max": _term_words(r.prison_max),
        "prison_min": _term_words(r.prison_min),
        "prison_max_months": r.prison_max.json() if r.prison_max else None,
        "prison_max_basis": r.prison_max_basis,
        "fine": _fine_short(r.fine),
        "fine_unlimited": bool(r.fine is not None and r.fine.unlimited),
        "fine_amount_converted": conv.rounded() if isinstance(conv, Conversion) else None,
        "fine_converted": conv.text() if isinstance(conv, Conversion) and conv.source != "same currency" else None,
        "rate": f"{conv.rate_text()} ({conv.source}, {conv.rate_date.isoformat()})" if isinstance(conv, Conversion) and conv.source != "same currency" else None,
        "conversion_note": conv.reason if isinstance(conv, NoConversion) else (conv.note if isinstance(conv, Conversion) else None),
        "combine": r.combine.value if r.combine else None,
        "penalty": _penalty_text(prison, r.fine, r.combine, None, r.minimum_standard) if figures else None,
        "in_force_from": _iso(r.in_force_from),
        "penalty_since": _iso(r.penalty_since),
        "in_force_until": _iso(r.in_force_until),
        "minimum_standard": r.minimum_standard,
        "label": r.label,
        "transposition_deadline": _iso(r.transposition_deadline),
        "unverified": r.unverified,
        "note": r.note,
        "aggravates": r.aggravates,
        "circumstances": list(r.circumstances),
        "aggravation": aggravation,
        "refs": src.refs(r.sources),
        "key_ref": key_ref if key_ref != parent_key else None,
    }


def _version_dict(o, v, prev, day: _dt.date, src: _SourceIndex) -> dict:
    from .penalty import penalty_since
    from .penalty import change_kind, change_words, penalty_words

    kind = change_kind(prev, v)
    return {
        "from": _iso(v.start),
        "until": _iso(v.end),
        "promulgated": _iso(v.promulgated),
        "penalty_since": _iso(penalty_since(o, v)),
        "status": v.status.value,
        "in_force": v.covers(day),
        "upcoming": v.start > day,
        "prison": _prison_short(v.prison, o.minimum_standard),
        "fine": _fine_short(v.fine),
        "combine": v.combine.value if v.combine else None,
        "penalty": penalty_words(v, o.minimum_standard),
        "change": kind,
        "change_text": "first recorded" if kind == "new-offence" and o.history_start(v) else change_words(prev, v, kind) if kind != "unchanged" else "unchanged",
        "note": v.note,
        "unverified": v.unverified,
        "aggravated": [
            {
                "label": a.label,
                "prison": _prison_short(a.prison, o.minimum_standard),
                "fine": _fine_short(a.fine),
                "penalty": penalty_words(a, o.minimum_standard) if (a.prison or a.fine) else None,
                "note": a.note,
                "unverified": a.unverified,
                "refs": src.refs(a.sources),
            }
            for a in v.aggravated
        ],
        "refs": src.refs(v.sources),
    }


def _offence_dict(o, day: _dt.date, src: _SourceIndex, cat, status_text: str | None) -> dict:
    with src.collecting() as got:
        d = _offence_fields(o, day, src, cat, status_text)
    d["source_refs"] = sorted(got)
    return d


def _offence_fields(o, day: _dt.date, src: _SourceIndex, cat, status_text: str | None) -> dict:
    versions = []
    prev = None
    for v in o.penalties:
        versions.append(_version_dict(o, v, prev, day, src))
        if v.status.value != "prospective":
            prev = v
    current = next((x for x in reversed(versions) if x["in_force"]), None)
    related = []
    for rid in o.related:
        r = cat.records.get(rid)
        if r is not None and getattr(r, "kind", "") == "offence":
            related.append({"id": r.id, "citation": r.citation, "title": r.title})
    return {
        "id": o.id,
        "kind": "offence",
        "jurisdiction": o.jurisdiction,
        "jurisdiction_name": _jname(o.jurisdiction),
        "title": o.title,
        "citation": o.citation,
        "instrument": {
            "title": o.instrument.title,
            "short": o.instrument.short,
            "native_title": o.instrument.native_title,
            "citation": o.instrument.citation,
            "url": o.instrument.url,
            "safe_url": safe_url(o.instrument.url),
        },
        "article": o.article,
        "offence": o.offence,
        "native_offence": o.native_offence,
        "aliases": list(o.aliases),
        "tags": list(o.tags),
        "minimum_standard": o.minimum_standard,
        "transposition_deadline": _iso(o.transposition_deadline),
        "status_text": status_text,
        "current": current,
        "versions": versions,
        "upcoming": [x for x in versions if x["upcoming"]],
        "cases": [c.id for c in cat.cases_citing(o.id)],
        "related": related,
        "notes": o.notes,
        "refs": src.refs(o.sources),
        "pack": o.pack,
        "record": _record_dict(o),
    }


def _ruling_groups(c, day: _dt.date) -> list[list]:
    """Each defendant's latest sentence on `day` (as `lawref compare` lists them), grouped by
    the ruling that imposed it."""
    from .compare import by_ruling, defendant_sentences

    return by_ruling(defendant_sentences(c, day))


def _group_words(group) -> str:
    """`Park (principal offender): 9 years' imprisonment; Kang (accomplice): ...`."""
    return "; ".join(dict.fromkeys(s.words for s in group))


def _sentences_outcome(c, day: _dt.date) -> str | None:
    """Every defendant's latest sentence with its own court and date, ruling by ruling:
    `Park (accomplice): 4 years 6 months' imprisonment (Court A, 2025-03-20); Park
    (principal offender): 9 years' ...; Kang ...: ... (Court B, 2025-04-18)`."""
    parts = []
    for g in _ruling_groups(c, day):
        final = ", final" if all(s.final for s in g) else ""
        parts.append(f"{_group_words(g)} ({g[0].court}, {g[0].date.isoformat()}{final})")
    return "; ".join(parts) or None


# A step without an outcome of its own, said by its level.
_LEVEL_STATE = {
    "arrest": "arrested",
    "charge": "charged",
    "investigation": "under investigation",
    "civil": "civil proceedings",
    "first-instance": "at first instance",
    "appeal": "on appeal",
    "supreme": "before the supreme court",
    "other": "proceedings under way",
}


def _state_outcome(c, day: _dt.date) -> str | None:
    """Where a case without a sentence stands on `day`: its latest step with a real outcome
    (`charged (court, date)`), then, when later steps followed, its status and the latest
    one (`pending (latest step: investigation, 2025-11-10)`); never a bare "other"."""
    latest = c.latest(day)
    if latest is None:
        return None
    step = c.last_outcome(day)
    if step is None:
        what = _LEVEL_STATE.get(latest.level, latest.level.replace("-", " "))
        return f"{what} ({latest.court}, {latest.date.isoformat()})"
    text = f"{step.outcome} ({step.court}, {step.date.isoformat()})"
    if latest is not step and latest.date > step.date:
        status = c.status_on(day)
        text += f"; {status + ' ' if status else ''}(latest step: {latest.level.replace('-', ' ')}, {latest.date.isoformat()})"
    return text


def _proceeding_dict(c, p, src: _SourceIndex) -> dict:
    from .penalty import is_civil, ruling_words

    return {
        "date": _iso(p.date),
        "court": p.court,
        "defendant": getattr(p, "defendant", None),
        "level": p.level,
        "outcome": p.outcome,
        "case_number": p.case_number,
        "sentence": ruling_words(p) if p.sentence else None,
        "civil": is_civil(p),
        "sentence_note": p.sentence.note if p.sentence else None,
        "orders": list(p.orders),
        "final": p.final,
        "description": p.description,
        "unverified": p.unverified,
        "refs": src.refs(p.sources),
    }


def penalty_then(c, o, when: _dt.date) -> dict:
    """The penalty for offence `o` on `when` (a ruling's day), and, when it differed, on the
    day of the case's first recorded proceeding.

    A record gives no structured offence dates, and the penalty that applies is usually the
    one in force when an offence was committed: a ruling-day figure is only that, so a
    change while the case was under way is shown beside it rather than hidden.

    Returns {"penalty", "date", "at_start", "start_date"} (penalties in words or None).
    """
    from .penalty import penalty_words

    v = o.in_force(when)
    now = penalty_words(v, o.minimum_standard) if v else None
    first = c.proceedings[0].date if c.proceedings else None
    before = o.in_force(first) if first is not None and first < when else None
    earlier = penalty_words(before, o.minimum_standard) if before else None
    return {"penalty": now, "date": when, "at_start": earlier if earlier != now else None, "start_date": first}


def _case_key_source(c, day: _dt.date):
    p = c.final_sentence(day) or c.latest(day)
    return _key_source(p.sources) if p is not None else _key_source(c.sources)


def _case_dict(c, day: _dt.date, src: _SourceIndex, cat) -> dict:
    with src.collecting() as got:
        d = _case_fields(c, day, src, cat)
    d["source_refs"] = sorted(got)
    return d


def _case_fields(c, day: _dt.date, src: _SourceIndex, cat) -> dict:
    shown = [p for p in c.proceedings if p.date <= day]
    procs = [_proceeding_dict(c, p, src) for p in shown]
    sentenced = c.final_sentence(day)
    latest = c.latest(day)
    ages = [a for a in c.defendant.ages if a.date is None or a.date <= day]
    offences = []
    for oid in c.offences:
        o = cat.records.get(oid)
        if o is not None and getattr(o, "kind", "") == "offence":
            then = penalty_then(c, o, sentenced.date if sentenced else day)
            offences.append(
                {
                    "id": o.id,
                    "citation": o.citation,
                    "title": o.title,
                    "penalty_then": then["penalty"],
                    "penalty_date": _iso(then["date"]),
                    "penalty_basis": "ruling" if sentenced else "as-of",
                    "penalty_at_start": then["at_start"],
                    "penalty_start_date": _iso(then["start_date"]) if then["at_start"] else None,
                }
            )
        else:
            offences.append({"id": oid, "citation": oid, "title": None, "penalty_then": None, "penalty_date": None, "penalty_basis": None, "penalty_at_start": None, "penalty_start_date": None})
    outcome = _sentences_outcome(c, day) or _state_outcome(c, day)
    return {
        "id": c.id,
        "kind": "case",
        "jurisdiction": c.jurisdiction,
        "jurisdiction_name": _jname(c.jurisdiction),
        "title": c.title,
        "defendant": {
            "name": c.defendant.name,
            "native_name": c.defendant.native_name,
            "born": c.defendant.born,
            "age": ages[-1].age if ages else None,
            "age_date": _iso(ages[-1].date) if ages else None,
        },
        "summary": c.summary,
        "status": c.status_on(day),
        "offences": offences,
        "proceedings": procs,
        "later_proceedings": sum(1 for p in c.proceedings if p.date > day),
        "sentence": _proceeding_dict(c, sentenced, src) if sentenced else None,
        "sentences": [_proceeding_dict(c, p, src) for p in c.latest_sentences(day)],
        "latest": _proceeding_dict(c, latest, src) if latest else None,
        "outcome": outcome,
        "unverified": any(p.unverified for p in shown),
        "notes": c.notes,
        "refs": src.refs(c.sources),
        "key_ref": None,  # set once the table's sources are numbered
        "pack": c.pack,
        "record": _record_dict(c),
    }


# --------------------------------------------------------------------------- key dates

def _cite_prefix(o) -> str:
    """`Sexual Crimes Act Art. ` from a citation `Sexual Crimes Act Art. 14-2(1)`."""
    cite = o.citation
    return cite[: -len(o.article)] if o.article and cite.endswith(o.article) else f"{o.instrument.name} "


def key_dates(offences, cases, day: _dt.date) -> list[dict]:
    """Law changes (in force, raised, lowered, upcoming, deadlines) and case rulings, by date.

    Changes on the same day in the same instrument and of the same kind are one entry. A
    case contributes each defendant's latest sentence on or before `day` (one entry per
    ruling, as `lawref compare` lists them) and its final rulings.
    """
    from .penalty import change_kind, change_words

    groups: dict[tuple, dict] = {}
    for o in offences:
        prev = None
        for v in o.penalties:
            prospective = v.status.value == "prospective"
            kind = change_kind(prev, v)
            if kind == "new-offence" and o.history_start(v):
                kind = "unchanged"  # where the record's history begins: not a dated event of the law
            if kind != "unchanged" and v.start > day and not v.enacted_by(day):
                kind = "unchanged"  # passed after the date: not known then
            if kind != "unchanged":
                upcoming = v.start > day
                text = change_words(prev, v, kind)  # "aggravated form added" when only a variant changed
                if upcoming:
                    text = f"{text} (upcoming{', enacted, not yet in force' if prospective else ''})"
                k = (v.start, o.jurisdiction, o.instrument.name, text)
                g = groups.setdefault(k, {"date": v.start.isoformat(), "jurisdiction": o.jurisdiction, "kind": "upcoming" if upcoming else kind, "instrument": _cite_prefix(o), "articles": [], "ids": [], "text": text})
                g["articles"].append(o.article)
                g["ids"].append(o.id)
            if v.end is not None and not any(x.start > v.end for x in o.penalties):
                k = (v.end + _dt.timedelta(days=1), o.jurisdiction, o.instrument.name, "no longer in force")
                g = groups.setdefault(k, {"date": k[0].isoformat(), "jurisdiction": o.jurisdiction, "kind": "ended", "instrument": _cite_prefix(o), "articles": [], "ids": [], "text": "no longer in force"})
                g["articles"].append(o.article)
                g["ids"].append(o.id)
            if not prospective:
                prev = v
        if o.transposition_deadline:
            d = o.transposition_deadline
            k = (d, o.jurisdiction, o.instrument.name, "transposition deadline")
            g = groups.setdefault(k, {"date": d.isoformat(), "jurisdiction": o.jurisdiction, "kind": "deadline", "instrument": _cite_prefix(o), "articles": [], "ids": [], "text": "transposition deadline"})
            g["articles"].append(o.article)
            g["ids"].append(o.id)
    out = list(groups.values())
    for g in out:
        g["articles"] = list(dict.fromkeys(g["articles"]))
        g["what"] = g["short"] = f"{g['instrument']}{', '.join(g['articles'])}: {g['text']}"

    for c in cases:
        # Each defendant's latest sentence (by ruling), then final rulings without one.
        rulings = [(g[0].date, g[0].court, _group_words(g)) for g in _ruling_groups(c, day)]
        seen = {(d, court) for d, court, _ in rulings}
        for p in c.proceedings:
            if p.final and p.date <= day and (p.date, p.court) not in seen:
                seen.add((p.date, p.court))
                rulings.append((p.date, p.court, p.outcome or "final ruling"))
        for date, court, outcome in rulings:
            what = f"{c.title}: {outcome} ({court})"
            out.append({"date": date.isoformat(), "jurisdiction": c.jurisdiction, "kind": "ruling", "instrument": None, "articles": [], "ids": [c.id], "text": what, "what": what, "short": f"{c.title}: {outcome}"})
    out.sort(key=lambda g: (g["date"], g["jurisdiction"], g["what"]))
    for g in out:
        g["jurisdiction_name"] = _jname(g["jurisdiction"])
    return out


# --------------------------------------------------------------------------- questions


def discussion_questions(rows: list[dict], offences, cases, cat, day: _dt.date, currency: str, topic_tag: str | None, explicit_cases=(), jurisdictions=None) -> list[dict]:
    """Questions for a class, each derived from the data in front of the reader.

    Each is {"kind", "text", "ids"}; kinds: highest-maximum, recent-change, not-in-force,
    no-offence, fines, minimum-standard, sentence-vs-maximum, upcoming, unverified.
    `jurisdictions` is the selection (-j, or places named in the topic; None for all): only
    those are said to lack an offence.
    """
    qs: list[dict] = []
    base = [r for r in rows if not r["is_variant"]]
    national = [r for r in base if r["in_force"] and not r["minimum_standard"]]

    # 1. Highest and lowest maximum prison term an article sets itself, per jurisdiction
    # (base offences only: aggravated forms and general caps are said apart).
    best: dict[str, dict] = {}
    for r in national:
        m = r["prison_max_months"]
        if m is None or r["prison_max_basis"]:
            continue  # a general cap (e.g. 30 years for any fixed term) is not the article's own choice
        months = 10**6 if m == "life" else m
        if r["jurisdiction"] not in best or months > best[r["jurisdiction"]]["_m"]:
            best[r["jurisdiction"]] = {**r, "_m": months}
    if len(best) >= 2:
        hi_m = max(r["_m"] for r in best.values())
        lo_m = min(r["_m"] for r in best.values())
        if hi_m != lo_m:
            tops = sorted((r for r in best.values() if r["_m"] == hi_m), key=lambda r: r["jurisdiction"])
            lows = sorted((r for r in best.values() if r["_m"] == lo_m), key=lambda r: r["jurisdiction"])

            def who(group):
                return _join([f"{r['jurisdiction_name']} ({r['citation']})" for r in group])

            # Articles that set only a minimum, capped by a general rule: said apart, not hidden.
            caps = {}
            for r in national:
                if r["prison_max_basis"] and r["prison_max_months"] is not None:
                    caps.setdefault((r["jurisdiction_name"], r["prison_max_basis"]), r["prison_max"])
            capped = " ".join(f"In {j}, articles that set only a minimum run up to {m} under {basis}." for (j, basis), m in sorted(caps.items()))
            qs.append(
                {
                    "kind": "highest-maximum",
                    "text": (
                        "Leaving aside aggravated forms and general caps, the heaviest maximum prison term each jurisdiction's articles set here "
                        f"ranges from {lows[0]['prison_max']} ({who(lows)}) to {tops[0]['prison_max']} ({who(tops)}). "
                        + (capped + " " if capped else "")
                        + "What could explain the difference, and does a higher maximum mean heavier sentences in practice?"
                    ),
                    "ids": [r["id"] for r in tops + lows],
                }
            )

    # 2. The most recent change on or before the date.
    from .penalty import change_kind

    recent = None
    for o in offences:
        prev = None
        for v in o.penalties:
            if v.status.value == "prospective":
                continue
            kind = change_kind(prev, v)
            if kind == "new-offence" and o.history_start(v):
                kind = "unchanged"  # where the record's history begins: not a change of the law
            changed = v.start <= day and kind in ("new-offence", "raised", "lowered", "changed")
            if changed and (recent is None or v.start > recent[1].start):
                recent = (o, v, prev, kind)
            prev = v
    if recent is not None:
        o, v, prev, kind = recent
        from .penalty import change_words

        # A change only to an aggravated form says what changed, never "raised from X to X".
        what = change_words(prev, v, kind, figures=True, minimum_standard=o.minimum_standard)
        qs.append(
            {
                "kind": "recent-change",
                "text": f"The most recent change here is in {_jname(o.jurisdiction)}: on {date_long(v.start)}, under {o.citation}, {what}. What events or debates led to it?",
                "ids": [o.id],
            }
        )

    # 3. Offences not yet in force on the date.
    by_id = {o.id: o for o in offences}

    def known_then(rid: str) -> bool:
        # Only a law already passed on the date: a handout "as of 2019" knows nothing of 2020.
        o = by_id.get(rid)
        return o is not None and any(v.start > day and v.enacted_by(day) for v in o.penalties)

    later = [r for r in base if r["status"] == "not-yet-in-force" and r["in_force_from"] and known_then(r["id"])]
    if later:
        r = min(later, key=lambda r: r["in_force_from"])
        qs.append(
            {
                "kind": "not-in-force",
                "text": (
                    f"On {date_long(day)}, {r['citation']} ({r['jurisdiction_name']}) was not yet in force; it applies from {date_long(r['in_force_from'])}. "
                    "How would the conduct have been dealt with before then?"
                ),
                "ids": [r["id"]],
            }
        )
    # 3b. Jurisdictions selected (all, or -j) that the catalogue has records for but no
    # offence in force for this topic: a gap in the catalogue, not proof of a gap in the law.
    if topic_tag:
        from .jurisdictions import applies_in

        # A jurisdiction whose offence predates its recorded history is not "without an offence".
        covered = {r["jurisdiction"] for r in base if r["in_force"] or r["status"] == "not-recorded"}
        all_j = sorted({o.jurisdiction for o in cat.offences if not jurisdictions or applies_in(o.jurisdiction, jurisdictions)})
        missing = [j for j in all_j if j not in covered]
        if missing and covered:
            names = _join([_jname(j) for j in missing])
            qs.append(
                {
                    "kind": "no-offence",
                    "text": (
                        f"Offences tagged '{topic_tag}' in force on {date_long(day)} for {names} are not covered by this catalogue. "
                        "That is a gap in the catalogue, not a finding that the conduct is lawful there: "
                        "where would you look for the law that applies?"
                    ),
                    "ids": [],
                }
            )

    # 4. Fines once converted.
    with_amount = [(r["fine_amount_converted"], r) for r in national if r["fine_amount_converted"] is not None]
    unlimited = sorted({r["jurisdiction_name"] for r in national if r["fine_unlimited"]})
    no_fine = sorted({r["jurisdiction_name"] for r in national if r["fine"] is None and r["has_figures"]} - {r["jurisdiction_name"] for r in national if r["fine"]})
    if len(with_amount) >= 2 or (with_amount and (unlimited or no_fine)):
        hi = max(with_amount, key=lambda x: (x[0], x[1]["jurisdiction"]))
        lo = min(with_amount, key=lambda x: (x[0], x[1]["jurisdiction"]))
        parts = [f"Converted to {currency}, the highest maximum fine here is {hi[1]['fine_converted'] or hi[1]['fine']} ({hi[1]['jurisdiction_name']})"]
        if lo[0] != hi[0]:
            parts.append(f"the lowest {lo[1]['fine_converted'] or lo[1]['fine']} ({lo[1]['jurisdiction_name']})")
        text = ", ".join(parts) + "."
        if unlimited:
            text += f" {_join(unlimited)} set{'s' if len(unlimited) == 1 else ''} no cap on the fine."
        if no_fine:
            text += f" {_join(no_fine)} provide{'s' if len(no_fine) == 1 else ''} no fine for these offences."
        text += " How much do fines matter next to prison for this conduct?"
        qs.append({"kind": "fines", "text": text, "ids": [hi[1]["id"], lo[1]["id"]]})

    # 5. A minimum standard against the national maxima.
    floors = [r for r in base if r["in_force"] and r["minimum_standard"] and r["prison_max_months"] not in (None, "life")]
    if floors and national:
        f = max(floors, key=lambda r: r["prison_max_months"])
        qs.append(
            {
                "kind": "minimum-standard",
                "text": (
                    f"The {f['jurisdiction_name']} minimum standard ({f['citation']}"
                    + (f"; transposition deadline {date_long(f['transposition_deadline'])}" if f["transposition_deadline"] else "")
                    + f") requires a maximum of at least {f['prison_max']}. "
                    "Which national maxima in the table meet that floor, and which jurisdictions are bound by it?"
                ),
                "ids": [f["id"]],
            }
        )

    # 6. A sentence against the penalty for the offence it cites (the cases asked for first).
    from .penalty import is_civil, ruling_words

    pick = None
    topic_ids = {o.id for o in offences}
    for c in list(explicit_cases) or list(cases):
        # A civil penalty is not measured against a criminal maximum.
        ps = [q for q in c.latest_sentences(day) if not is_civil(q)]
        if not ps:
            continue
        # Several defendants: the heaviest prison term standing.
        p = max(ps, key=lambda q: q.sentence.prison.max.sort_key() if q.sentence.prison and q.sentence.prison.max else -1.0)
        imposed = p.sentence.prison.max if p.sentence.prison else None
        for oid in c.offences:
            o = cat.records.get(oid)
            v = o.in_force(p.date) if o is not None and getattr(o, "kind", "") == "offence" else None
            if v is None:
                continue
            ratio = None
            # Against the article's own maximum (a general cap says little about this offence).
            if imposed is not None and not imposed.life and v.prison and v.prison.max and not v.prison.max.life and not v.prison.max_basis:
                ratio = imposed.sort_key() / max(v.prison.max.sort_key(), 1)
            # An offence of the handout's own table first, then the widest gap.
            score = (o.id in topic_ids, abs(ratio - 1) if ratio is not None else -1.0)
            if pick is None or score > pick[0]:
                pick = (score, ratio, c, p, o, v)
        if pick is not None:
            break
    if pick is not None:
        _, ratio, c, p, o, v = pick
        then = penalty_then(c, o, p.date)
        if then["at_start"]:
            tail = "The record does not date the offences: which of the two applies, and why?"
        elif ratio is not None and ratio > 1:
            tail = "How do several counts and other charges add up to one sentence?"
        elif ratio is not None and ratio < 1:
            tail = "What does the gap between the maximum and the sentence tell us about sentencing in practice?"
        else:
            tail = "How do courts arrive at a sentence within the range the law sets?"
        earlier = f"; on {date_long(then['start_date'])}, the case's first recorded step, it was {then['at_start']}" if then["at_start"] else ""
        qs.append(
            {
                "kind": "sentence-vs-maximum",
                "text": (
                    f"In {c.title} the court imposed {ruling_words(p)}{' on ' + p.defendant if getattr(p, 'defendant', None) else ''} ({date_long(p.date)}). "
                    f"On the day of that ruling the penalty for one offence under {o.citation} was {then['penalty']}{earlier}. {tail}"
                ),
                "ids": [c.id, o.id],
            }
        )

    # 7. Changes already enacted for after the date.
    ups = [(v, o) for o in offences for v in o.penalties if v.start > day and v.enacted_by(day)]
    if ups:
        v, o = min(ups, key=lambda x: (x[0].start, x[1].id))
        qs.append(
            {
                "kind": "upcoming",
                "text": f"{o.citation} ({_jname(o.jurisdiction)}) changes on {date_long(v.start)}. Will the table above still be right a year from now, and how would you check?",
                "ids": [o.id],
            }
        )

    # 8. Unverified facts.
    unv = [r for r in rows if r["unverified"]]
    if unv:
        qs.append(
            {
                "kind": "unverified",
                "text": f"{len(unv)} figure{'s are' if len(unv) != 1 else ' is'} marked unverified (for example {unv[0]['citation']}). How would you confirm {'them' if len(unv) != 1 else 'it'} from a primary source?",
                "ids": [unv[0]["id"]],
            }
        )
    return qs


def _join(names: list[str]) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# --------------------------------------------------------------------------- context


def _topic_title(text: str) -> str:
    t = text.replace("-", " ").strip()
    return t[:1].upper() + t[1:]


def build_context(
    cat,
    query: Sequence[str],
    *,
    as_of: _dt.date,
    currency: str = "USD",
    jurisdictions: set[str] | None = None,
    template: str = "handout",
    fmt: str = "md",
    paper: str = "a4",
    rates=None,
) -> dict:
    """The data every template sees (documented in the README; `lawref render --json`).

    Args:
        cat: the catalogue.
        query: a topic (a tag or phrase, resolved like `lawref compare`) or record ids;
            a case id brings in the offences it cites.
        as_of: the date the law is stated at (also the exchange-rate date).
        currency: ISO 4217 code fines are converted to.
        jurisdictions: keep only these codes (upper case); None for all.
        template, fmt, paper: recorded in the context for templates that adapt.

    Raises:
        UsageError, UnknownRecord, NoMatch (as compare does).
    """
    from . import __version__
    from .compare import aggravation_words, compare, future_note
    from .model import Case, Offence, newest_check

    if paper not in PAPERS:
        raise UsageError(f"--paper: use one of {', '.join(PAPERS)} (not {paper!r})")
    query = [q.strip() for q in query if q and q.strip()]
    if not query:
        raise UsageError("render: give a topic (e.g. deepfake) or record ids (e.g. kr/cho-ju-bin)")
    currency = currency.strip().upper()
    explicit: list = []
    if any("/" in q for q in query):
        mode = "records"
        for q in query:
            rec = cat.get(q)
            if rec not in explicit:
                explicit.append(rec)
        offence_ids = [r.id for r in explicit if isinstance(r, Offence)]
        for r in explicit:
            if isinstance(r, Case):
                offence_ids.extend(i for i in r.offences if isinstance(cat.records.get(i), Offence))
        offence_ids = list(dict.fromkeys(offence_ids))
        comparison = compare(cat, offence_ids, as_of, currency, jurisdictions, rates=rates) if offence_ids else None
    else:
        mode = "topic"
        comparison = compare(cat, query, as_of, currency, jurisdictions, rates=rates)
        jurisdictions = comparison.jurisdictions  # -j, or a place named in the topic
    from .jurisdictions import applies_in
    if comparison is None:
        from .jurisdictions import is_currency

        if not is_currency(currency):
            raise UsageError(f"--currency: {currency!r} is not an ISO 4217 currency code (e.g. USD, EUR, KRW)")
    rows_src = comparison.rows if comparison else []
    tag = comparison.tag if comparison else None

    offence_recs = [cat.records[i] for i in dict.fromkeys(r.id for r in rows_src)]
    # Cases: those asked for, then those citing the compared offences, then (for a tag)
    # those carrying the tag; only jurisdictions kept by -j; none that began after as_of.
    case_recs: list = [r for r in explicit if isinstance(r, Case)]
    for n in comparison.notable if comparison else []:
        c = cat.records.get(n.case_id)
        if c is not None and c not in case_recs:
            case_recs.append(c)
    if tag:
        for c in cat.cases:
            if tag in c.tags and c not in case_recs:
                case_recs.append(c)
    explicit_ids = {e.id for e in explicit}
    case_recs = [
        c
        for c in case_recs
        if c.id in explicit_ids or ((not jurisdictions or applies_in(c.jurisdiction, jurisdictions)) and any(p.date <= as_of for p in c.proceedings))
    ]

    def _case_order(c):  # asked-for first, then by jurisdiction and latest proceeding
        last = c.latest(as_of)
        return (c.id not in explicit_ids, c.jurisdiction, last.date if last else as_of, c.id)

    case_recs.sort(key=_case_order)

    def is_subject(rec) -> bool:
        return mode == "topic" or rec.id in explicit_ids

    # Sources are numbered in the order records are described: the subjects first (so a
    # summary of one record cites [1]..[n]), then the table, then everything else.
    status = {r.id: r.status_text for r in rows_src if r.variant is None}
    src, key = _SourceIndex(), _SourceIndex()
    built: dict[str, dict] = {}
    for rec in [o for o in offence_recs if is_subject(o)] + [c for c in case_recs if is_subject(c)]:
        built[rec.id] = _offence_dict(rec, as_of, src, cat, status.get(rec.id)) if isinstance(rec, Offence) else _case_dict(rec, as_of, src, cat)
    rows: list[dict] = []
    parent_key = None
    for r in rows_src:
        d = _row_dict(r, src, key, parent_key if r.variant is not None else None, aggravation_words(r, rows_src))
        if r.variant is None:
            parent_key = d["key_ref"]
        rows.append(d)
    for rec in offence_recs + case_recs:
        if rec.id not in built:
            built[rec.id] = _offence_dict(rec, as_of, src, cat, status.get(rec.id)) if isinstance(rec, Offence) else _case_dict(rec, as_of, src, cat)
    offences = [built[o.id] for o in offence_recs]
    cases = [built[c.id] for c in case_recs]
    for c, d in zip(case_recs, cases):
        ks = _case_key_source(c, as_of)
        d["key_ref"] = key.ref(ks) if ks is not None else None
    for d in offences + cases:
        d["subject"] = d["id"] in explicit_ids or mode == "topic"
    sources = src.all()
    subject_refs = sorted({n for d in offences + cases if d["subject"] for n in d["source_refs"]})
    subject_sources = [sources[n - 1] for n in subject_refs]

    jur_codes = list(dict.fromkeys([r["jurisdiction"] for r in rows] + [c["jurisdiction"] for c in cases]))
    jur_list = [
        {
            "code": j,
            "name": _jname(j),
            "offences": len({r["id"] for r in rows if r["jurisdiction"] == j}),
            "in_force": any(r["in_force"] for r in rows if r["jurisdiction"] == j),
            "minimum_standard": any(r["minimum_standard"] for r in rows if r["jurisdiction"] == j),
            "titles": list(dict.fromkeys(r["conduct"] for r in rows if r["jurisdiction"] == j and not r["is_variant"])),
            "citations": list(dict.fromkeys(r["citation"] for r in rows if r["jurisdiction"] == j and not r["is_variant"])),
        }
        for j in jur_codes
    ]
    dates = key_dates(offence_recs, case_recs, as_of)
    questions = discussion_questions(rows, offence_recs, case_recs, cat, as_of, currency, tag, [r for r in explicit if isinstance(r, Case)], jurisdictions)

    if mode == "topic":
        title = f"{_topic_title(tag or ' '.join(query))}: the law in {len([j for j in jur_list if j['offences']])} jurisdiction{'s' if len(jur_list) != 1 else ''}"
    elif len(explicit) == 1:
        r = explicit[0]
        title = r.title if isinstance(r, Case) else f"{r.title} ({r.citation})"
    else:
        title = "; ".join(r.title for r in explicit[:3]) + (f" and {len(explicit) - 3} more" if len(explicit) > 3 else "")
    rates_used = list(dict.fromkeys(r["rate"] for r in rows if r["rate"]))
    unverified = [f"{r['citation']}{' (' + r['variant'] + ')' if r['variant'] else ''}" for r in rows if r["unverified"]]
    unverified += [f"{c['title']}: {p['date']} {p['court']}" for c in cases for p in c["proceedings"] if p["unverified"]]
    newest = newest_check(offence_recs + case_recs)
    return {
        "lawref_version": __version__,
        "template": template,
        "format": fmt,
        "paper": paper,
        "mode": mode,
        "query": " ".join(query),
        "tag": tag,
        "title": title,
        "as_of": as_of.isoformat(),
        "currency": currency,
        "basis": comparison.notes[0] if comparison and comparison.notes else None,
        "notes": list(comparison.notes[1:]) if comparison else [n for n in [future_note(as_of)] if n],
        "rates": rates_used,
        "jurisdictions": jur_list,
        "rows": rows,
        "offences": offences,
        "cases": cases,
        "key_dates": dates,
        "questions": questions,
        "sources": sources,
        "subject_sources": subject_sources,
        "key_sources": key.all(),
        "unverified": unverified,
        "data_checked": _iso(newest),
    }


# --------------------------------------------------------------------------- entry point


@dataclass
class Rendered:
    """A rendered document: its bytes, format, and the context it was made from."""

    data: bytes
    fmt: str
    context: dict = field(repr=False)
    engine: str | None = None


def render(
    cat,
    query: Sequence[str],
    *,
    template: str = "handout",
    fmt: str = "md",
    as_of: _dt.date,
    currency: str = "USD",
    jurisdictions: set[str] | None = None,
    paper: str = "a4",
    pdf_engine: str = "auto",
    rates=None,
) -> Rendered:
    """Render `template` (a bundled name or a file path) for `query` to md, html or pdf.

    The template and the PDF engine are checked before any data is gathered, so a missing
    engine or a bad template path fails fast.
    """
    ref = resolve_template(template, fmt)
    engine = None
    if fmt == "pdf":
        from .pdf import find_engine

        engine = find_engine(pdf_engine)
    ctx = build_context(cat, query, as_of=as_of, currency=currency, jurisdictions=jurisdictions, template=template if template in TEMPLATES else "custom", fmt=fmt, paper=paper, rates=rates)
    text = render_text(ctx, ref, fmt)
    if fmt == "pdf":
        from .pdf import html_to_pdf

        return Rendered(html_to_pdf(text, engine), fmt, ctx, engine.name)
    data = text.encode("utf-8")
    if len(data) > MAX_OUTPUT_BYTES:
        raise RenderLimit(f"template {template}: output larger than the {MAX_OUTPUT_BYTES // (1024 * 1024)} MiB limit")
    return Rendered(data, fmt, ctx)
