"""`lawref render`: templates x formats, golden Markdown, the browser print, hostile text,
the template sandbox, and safe writing.

Golden files (tests/golden/*.md) are the Markdown outputs for the bundled deepfake topic and
the Cho Ju-bin case at a fixed --as-of. Regenerate them after a data or template change with

    LAWREF_REGEN_GOLDEN=1 python -m pytest tests/test_render.py

and read the diff before committing.
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from factories import write_pack

from lawref import render as R
from lawref.render import TEMPLATES, build_context, md_escape, render, safe_url

AS_OF = "2026-10-30"  # fixed, and within the bundled ECB series, so goldens are stable
DAY = dt.date.fromisoformat(AS_OF)
CURRENCY = "EUR"
SUBJECTS = {"deepfake": ["deepfake"], "cho-ju-bin": ["kr/cho-ju-bin"]}
GOLDEN = ROOT / "tests" / "golden"
REGEN = bool(os.environ.get("LAWREF_REGEN_GOLDEN"))
HOSTILE = "<script>alert(1)</script> {{ 7*7 }} [red]x[/red]"
HOSTILE_PARTS = ["<script>alert(1)</script>", "{{ 7*7 }}", "[red]x[/red]"]


def _chromium() -> str | None:
    from lawref.pdf import find_chromium

    try:
        return find_chromium()
    except Exception:  # noqa: BLE001 - a bad LAWREF_CHROMIUM means "not installed" here
        return None


def _pdf_engine_or_skip():
    from lawref.pdf import PdfEngineMissing, find_engine

    try:
        return find_engine()
    except PdfEngineMissing as e:
        pytest.skip(f"no PDF engine installed: {e}")


def _pdftotext(path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _pdfinfo(path: Path) -> dict:
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines()) if k}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _md_to_html(text: str) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


def _visible(html: str) -> str:
    """The text a reader sees in an HTML page (tags dropped, entities decoded)."""
    html = re.sub(r"(?is)<(style|head)\b.*?</\1>", " ", html)
    return _norm(htmllib.unescape(re.sub(r"<[^>]+>", " ", html)))


# --------------------------------------------------------------------------- every template, every format


@pytest.mark.parametrize("subject", sorted(SUBJECTS))
@pytest.mark.parametrize("template", TEMPLATES)
def test_markdown_matches_golden(catalogue, subject, template):
    out = render(catalogue, SUBJECTS[subject], template=template, fmt="md", as_of=DAY, currency=CURRENCY).data.decode()
    path = GOLDEN / f"{template}-{subject}.md"
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(out, encoding="utf-8")
    assert path.is_file(), f"missing golden {path.name}: run LAWREF_REGEN_GOLDEN=1 python -m pytest {__file__}"
    assert out == path.read_text(encoding="utf-8"), f"{path.name} differs: if the change is intended, regenerate with LAWREF_REGEN_GOLDEN=1"
    assert not re.search(r"[ \t]+$", out, re.MULTILINE), "no trailing whitespace in Markdown output"


@pytest.mark.parametrize("subject", sorted(SUBJECTS))
@pytest.mark.parametrize("template", TEMPLATES)
def test_html_is_self_contained(catalogue, subject, template):
    page = render(catalogue, SUBJECTS[subject], template=template, fmt="html", as_of=DAY, currency=CURRENCY).data.decode()
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert R.CSP in page and "<style>" in page and "@media print" in page and "size: A4" in page
    # No external fetches: no scripts, stylesheets, images, frames or fonts from elsewhere.
    assert not re.search(r"(?i)<(script|link|img|iframe|object|embed)\b", page)
    assert not re.search(r"(?i)\bsrc\s*=|url\(\s*['\"]?(?!data:)|@import", page)
    ctx = render(catalogue, SUBJECTS[subject], template=template, fmt="md", as_of=DAY, currency=CURRENCY).context
    assert ctx["title"] in htmllib.unescape(page)


@pytest.mark.parametrize("subject", sorted(SUBJECTS))
@pytest.mark.parametrize("template", TEMPLATES)
def test_pdf_renders(catalogue, subject, template, tmp_path):
    _pdf_engine_or_skip()
    res = render(catalogue, SUBJECTS[subject], template=template, fmt="pdf", as_of=DAY, currency=CURRENCY)
    assert res.data.startswith(b"%PDF")
    out = tmp_path / "out.pdf"
    out.write_bytes(res.data)
    text = _norm(_pdftotext(out))
    assert res.context["title"].split(" (")[0] in text


def test_letter_paper(catalogue):
    page = render(catalogue, ["deepfake"], template="handout", fmt="html", as_of=DAY, currency=CURRENCY, paper="letter").data.decode()
    assert "size: letter" in page and "size: A4" not in page


# --------------------------------------------------------------------------- the browser test


def test_deepfake_handout_prints_in_chromium(catalogue, tmp_path):
    """The HTML handout, opened and printed by headless Chromium: at most 2 A4 pages, and
    every jurisdiction and figure of the comparison table is in the PDF text."""
    exe = _chromium()
    if exe is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)")
    page = tmp_path / "handout.html"
    r = run_cli(["render", "deepfake", "--as-of", AS_OF, "--currency", CURRENCY, "-o", str(page)])
    assert r.code == 0, r.err
    pdf = tmp_path / "handout.pdf"
    args = [
        exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}",
        page.resolve().as_uri(),
    ]  # fmt: skip
    subprocess.run(args, check=False, capture_output=True, timeout=180, start_new_session=True)
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), "chromium printed no PDF"
    info = _pdfinfo(pdf)
    assert int(info["Pages"]) <= 2, f"deepfake handout is {info['Pages']} pages"
    assert "A4" in info.get("Page size", ""), info.get("Page size")
    text = _norm(_pdftotext(pdf))
    ctx = build_context(catalogue, ["deepfake"], as_of=DAY, currency=CURRENCY)
    assert ctx["rows"], "the deepfake topic has rows"
    missing = []
    for row in ctx["rows"]:
        since = ("penalty_since",) if row["in_force"] and not row["is_variant"] else ()  # variants leave it blank
        for key in ("jurisdiction_name", "prison", "fine", "fine_converted", "status_text", *since):
            if row[key] and row[key] not in text:
                missing.append(f"{row['id']} {key}={row[key]!r}")
    assert not missing, "not in the PDF text: " + "; ".join(missing)
    for j in ctx["jurisdictions"]:
        assert j["name"] in text


@pytest.mark.parametrize("topic, paper", [("deepfake", "a4"), ("intimate-image-abuse", "letter")])
def test_cli_pdf_of_a_topic_handout_fits_two_pages(tmp_path, topic, paper):
    """Letter is shorter than A4: its margins keep the handout on two pages too."""
    _pdf_engine_or_skip()
    out = tmp_path / "handout.pdf"
    r = run_cli(["render", topic, "--as-of", AS_OF, "--currency", CURRENCY, "--paper", paper, "-o", str(out)])
    assert r.code == 0, r.err
    info = _pdfinfo(out)
    assert int(info["Pages"]) <= 2
    assert ("612 x 792" in info["Page size"]) == (paper == "letter"), info["Page size"]


# --------------------------------------------------------------------------- hostile record text


def _hostile_pack(root: Path) -> Path:
    q = HOSTILE.replace('"', '\\"')
    return write_pack(
        root,
        {
            "statutes/kr/hostile-act/1.yaml": f"""id: kr/hostile-act/1
jurisdiction: KR
instrument:
  title: "Hostile Act {q}"
  short: Hostile Act
article: "1"
title: "Offence {q}"
offence: "Conduct {q} | # * _ ` ~ $1 &lt;b&gt;"
tags: [hostile-test]
penalties:
  - from: 2020-01-01
    prison: {{max: 5y}}
    fine: {{max: 1000000, currency: KRW}}
    combine: or
    note: "Note {q}"
    aggravated:
      - label: "Label {q}"
        prison: {{max: 7y}}
    sources:
      - url: "https://example.org/law?a=1&b=2"
        title: "Source {q}"
        publisher: "Publisher {q}"
        accessed: 2026-11-26
notes: "Notes {q}"
""",
            "cases/kr/hostile-case.yaml": f"""id: kr/hostile-case
jurisdiction: KR
title: "Case {q}"
tags: [hostile-test]
defendant: {{name: "Defendant {q}"}}
summary: "Summary {q}"
offences: [kr/hostile-act/1]
proceedings:
  - date: 2021-01-01
    court: "Court {q}"
    level: first-instance
    outcome: convicted
    sentence: {{prison: {{max: 3y}}}}
    orders: ["Order {q}"]
    final: true
    sources:
      - url: https://example.org/case
        publisher: "Court publisher {q}"
        accessed: 2026-11-26
""",
        },
    )


@pytest.fixture(scope="module")
def hostile_pack(tmp_path_factory):
    return _hostile_pack(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("subject", ["hostile-test", "kr/hostile-case"])
def test_hostile_text_is_literal_in_markdown(hostile_pack, template, subject):
    r = run_cli(["--data", str(hostile_pack), "render", subject, "-t", template, "-f", "md", "--as-of", AS_OF])
    assert r.code == 0, r.err
    assert not re.search(r"(?<!\\)<script", r.out), "raw HTML must not reach a Markdown viewer"
    page = _md_to_html(r.out)
    assert not re.search(r"(?i)<script", page)
    seen = _visible(page)
    for part in HOSTILE_PARTS:
        assert part in seen, f"{part!r} not shown literally"
    if template == "summary" and subject == "hostile-test":  # the offence text, Markdown characters and all
        assert f"Conduct {HOSTILE} | # * _ ` ~ $1 &lt;b&gt;" in seen


@pytest.mark.parametrize("template", TEMPLATES)
def test_hostile_text_is_literal_in_html(hostile_pack, template):
    r = run_cli(["--data", str(hostile_pack), "render", "hostile-test", "-t", template, "-f", "html", "--as-of", AS_OF])
    assert r.code == 0, r.err
    assert not re.search(r"(?i)<script", r.out)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.out
    seen = _visible(r.out)
    for part in HOSTILE_PARTS:
        assert part in seen


@pytest.mark.parametrize("template", TEMPLATES)
def test_hostile_text_is_literal_in_pdf(hostile_pack, template, tmp_path):
    _pdf_engine_or_skip()
    out = tmp_path / "h.pdf"
    r = run_cli(["--data", str(hostile_pack), "render", "kr/hostile-case", "-t", template, "-o", str(out), "--as-of", AS_OF])
    assert r.code == 0, r.err
    text = _norm(_pdftotext(out))
    for part in HOSTILE_PARTS:
        assert part in text


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("{{ 7*7 }}", r"{{ 7\*7 }}"),
        ("[red]x[/red]", r"\[red\]x\[/red\]"),
        ("[a](javascript:x)", r"\[a\](javascript:x)"),
        ("a | b", r"a \| b"),
        ("# heading", r"\# heading"),
        ("- item", r"\- item"),
        ("1. item", r"1\. item"),
        ("> quote", r"\> quote"),
        ("---", r"\---"),
        ("&lt;b&gt;", r"\&lt;b\&gt;"),
        ("$5 or $6", r"\$5 or \$6"),
        ("line\nbreak\x1b[31m", "line break"),
        ("version 0.1.0, 2024-10-16, #tag, -5", "version 0.1.0, 2024-10-16, #tag, -5"),
    ],
)
def test_md_escape(raw, expected):
    assert md_escape(raw) == expected


@pytest.mark.parametrize(
    "url,ok",
    [
        ("https://example.org/a?b=1&c=2", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>", False),
        ("https://example.org/a b", False),
        ('https://example.org/"onmouseover=', False),
        ("//example.org", False),
    ],
)
def test_safe_url(url, ok):
    assert (safe_url(url) == url) is ok


# --------------------------------------------------------------------------- user templates and the sandbox


def _user_template(tmp_path: Path, text: str, name: str = "mine.j2") -> Path:
    d = tmp_path / "tpl"
    d.mkdir(exist_ok=True)
    p = d / name
    p.write_text(text, encoding="utf-8")
    return p


def test_user_template_renders_context(tmp_path):
    p = _user_template(tmp_path, "{{ title }} | {% for r in rows if not r.is_variant %}{{ r.jurisdiction }} {{ r.prison }}; {% endfor %}{% include 'part.j2' %}")
    (p.parent / "part.j2").write_text("[{{ as_of }}]", encoding="utf-8")
    r = run_cli(["render", "deepfake", "-t", str(p), "--as-of", AS_OF])
    assert r.code == 0, r.err
    assert r.out.startswith("Deepfake") and f"[{AS_OF}]" in r.out and "KR 7 years" in r.out


def test_user_template_html_autoescapes(hostile_pack, tmp_path):
    p = _user_template(tmp_path, "<p>{{ cases[0].title }}</p>")
    r = run_cli(["--data", str(hostile_pack), "render", "kr/hostile-case", "-t", str(p), "-f", "html", "--as-of", AS_OF])
    assert r.code == 0, r.err
    assert "&lt;script&gt;" in r.out and "<script>" not in r.out


@pytest.mark.parametrize(
    "text,words",
    [
        ("{{ title.__class__ }}", ["sandbox", "__class__"]),
        ("{{ cycler.__init__.__globals__ }}", ["sandbox", "unsafe"]),
        ("{{ rows.__class__.__mro__ }}", ["sandbox"]),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", ["sandbox"]),
        ("{% include '../../etc/passwd' %}", ["cannot include", "own directory"]),
        ("{% include '/etc/passwd' %}", ["cannot include", "own directory"]),
        ("{% extends '../secret.j2' %}", ["cannot include"]),
        ("{% include 'missing.j2' %}", ["cannot include", "no such file"]),
        ("{{ 'x' * 100000000 }}", ["sandbox", "repetition"]),
        ("{{ 9 ** 99999999 }}", ["sandbox"]),
        ("{{ 'x'|center(999999999) }}", ["sandbox", "larger than"]),
        ("{{ '%0999999999d' % 1 }}", ["sandbox", "format width"]),
        ("{{ '{:>99999999}'.format(1) }}", ["sandbox", "format width"]),
        ("{{ nope.x }}", ["undefined", "mine.j2:1"]),
        ("line one\n{% if %}", ["syntax error", "mine.j2:2"]),
    ],
)
def test_user_template_errors_are_one_clear_line(tmp_path, text, words):
    p = _user_template(tmp_path, text)
    r = run_cli(["render", "deepfake", "-t", str(p), "--as-of", AS_OF])
    assert r.code == 2, (r.code, r.err)
    assert "Traceback" not in r.err and len(r.err.strip().splitlines()) == 1, r.err
    for w in words:
        assert w in r.err, (w, r.err)
    assert r.out == ""


def test_symlink_out_of_the_template_directory_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    p = _user_template(tmp_path, "{% include 'link.j2' %}")
    try:
        (p.parent / "link.j2").symlink_to(secret)
    except OSError:
        pytest.skip("cannot create symlinks here")
    r = run_cli(["render", "deepfake", "-t", str(p), "--as-of", AS_OF])
    assert r.code == 2 and "TOP SECRET" not in r.out + r.err and "cannot include" in r.err


def test_template_path_is_resolved_safely(tmp_path, monkeypatch):
    _user_template(tmp_path, "ok {{ as_of }}")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    r = run_cli(["render", "deepfake", "-t", "../tpl/mine.j2", "--as-of", AS_OF])
    assert r.code == 0 and r.out.strip() == f"ok {AS_OF}"
    for bad, word in [("../tpl", "not a regular file"), ("../nope.j2", "no such template"), ("/dev/null/x", "no such template")]:
        r = run_cli(["render", "deepfake", "-t", bad, "--as-of", AS_OF])
        assert r.code == 2 and word in r.err, (bad, r.err)


def test_render_time_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(R, "MAX_RENDER_SECONDS", 0.5)
    p = _user_template(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")
    r = run_cli(["render", "deepfake", "-t", str(p), "--as-of", AS_OF])
    assert r.code == 1 and "longer than" in r.err and "Traceback" not in r.err


def test_render_output_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(R, "MAX_OUTPUT_BYTES", 10_000)
    p = _user_template(tmp_path, "{% for i in range(100000) %}{{ title }}{% endfor %}")
    r = run_cli(["render", "deepfake", "-t", str(p), "--as-of", AS_OF])
    assert r.code == 1 and "output larger than" in r.err


def test_render_recursion_limit(tmp_path):
    p = _user_template(tmp_path, "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}")
    r = run_cli(["render", "deepfake", "-t", str(p), "--as-of", AS_OF])
    assert r.code == 1 and "recursion" in r.err


# --------------------------------------------------------------------------- writing files


def test_never_overwrites_without_force(tmp_path):
    out = tmp_path / "h.md"
    out.write_text("OLD", encoding="utf-8")
    r = run_cli(["render", "deepfake", "--as-of", AS_OF, "-o", str(out)])
    assert r.code == 1 and "--force" in r.err and len(r.err.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "OLD"
    r = run_cli(["render", "deepfake", "--as-of", AS_OF, "-o", str(out), "--force"])
    assert r.code == 0 and out.read_text(encoding="utf-8").startswith("# Deepfake")
    assert [p.name for p in tmp_path.iterdir()] == ["h.md"]


@pytest.mark.parametrize("kind", ["directory", "no-parent", "trailing-slash"])
def test_output_path_is_validated(tmp_path, kind):
    target = {"directory": str(tmp_path), "no-parent": str(tmp_path / "nope" / "h.md"), "trailing-slash": str(tmp_path / "new") + "/"}[kind]
    r = run_cli(["render", "deepfake", "--as-of", AS_OF, "-o", target])
    assert r.code == 2 and r.err.startswith("lawref: error: -o ")
    assert not (tmp_path / "nope").exists() and not (tmp_path / "new").exists()


def test_format_from_extension_and_stdout(tmp_path):
    out = tmp_path / "h.html"
    assert run_cli(["render", "kr/cho-ju-bin", "--as-of", AS_OF, "-o", str(out)]).code == 0
    assert out.read_text(encoding="utf-8").lstrip().startswith("<!doctype html>")
    r = run_cli(["render", "kr/cho-ju-bin", "-t", "brief", "--as-of", AS_OF, "-o", "-"])
    assert r.code == 0 and r.out.startswith("# Cho Ju-bin") and "*Brief*" in r.out


def test_interrupted_write_keeps_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    from lawref import files

    out = tmp_path / "h.md"
    assert run_cli(["render", "deepfake", "--as-of", AS_OF, "-o", str(out)]).code == 0  # warm caches
    out.write_text("OLD", encoding="utf-8")

    def boom(*a, **k):
        raise KeyboardInterrupt  # Ctrl-C at the worst moment: the temp file is complete

    monkeypatch.setattr(files, "_replace", boom)
    r = run_cli(["render", "deepfake", "--as-of", AS_OF, "-o", str(out), "--force"])
    assert r.code == 130
    assert out.read_text(encoding="utf-8") == "OLD"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.md"]


def test_stale_temp_files_are_removed_by_the_next_run(tmp_path):
    out = tmp_path / "h.md"
    dead = _dead_pid()
    stale = tmp_path / f".h.md.{dead}-abcd1234.tmp"
    stale.write_bytes(b"partial")
    other = tmp_path / f".other.md.{dead}-abcd1234.tmp"
    other.write_bytes(b"not ours")
    assert run_cli(["render", "deepfake", "--as-of", AS_OF, "-o", str(out)]).code == 0
    assert not stale.exists() and other.exists()


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_killed_render_leaves_old_file_and_next_run_cleans_up(tmp_path):
    """SIGTERM at any point of a PDF render: the old file stays whole, and after the next
    run no temp file is left beside it."""
    _pdf_engine_or_skip()
    out = tmp_path / "h.pdf"
    out.write_bytes(b"OLD")
    lawref = [sys.executable, "-m", "lawref", "render", "deepfake", "--as-of", AS_OF, "-o", str(out), "--force"]
    env = {**os.environ, "LAWREF_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen(lawref, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    time.sleep(1.0)  # somewhere in loading, rendering or printing: any point must be safe
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=120)
    data = out.read_bytes()
    assert data == b"OLD" or (data.startswith(b"%PDF") and b"%%EOF" in data[-64:])
    r = subprocess.run(lawref, check=False, capture_output=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == ["h.pdf"]
    assert out.read_bytes().startswith(b"%PDF")


def test_cache_uses_the_shared_atomic_write():
    from lawref import cache, files

    assert cache.atomic_write_bytes is files.atomic_write_bytes


def test_json_context_to_a_file(tmp_path):
    import json

    out = tmp_path / "ctx.json"
    r = run_cli(["render", "kr/cho-ju-bin", "--as-of", AS_OF, "--json", "-o", str(out)])
    assert r.code == 0 and r.out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["cases"][0]["id"] == "kr/cho-ju-bin"


def test_cli_import_does_not_load_jinja2():
    code = "import sys, lawref.cli; print(any(m.startswith(('jinja2', 'lawref.render', 'lawref.pdf')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# --------------------------------------------------------------------------- PDF engines


def test_missing_pdf_engine_says_what_to_install(tmp_path, monkeypatch):
    from lawref import pdf

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("LAWREF_CHROMIUM", raising=False)
    monkeypatch.setattr(pdf, "weasyprint_available", lambda: False)
    r = run_cli(["render", "deepfake", "--as-of", AS_OF, "-o", str(tmp_path / "x.pdf")])
    assert r.code == 1
    assert "apt-get install chromium" in r.err and "pip install 'lawref[pdf]'" in r.err
    assert not (tmp_path / "x.pdf").exists()


def test_bad_lawref_chromium(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWREF_CHROMIUM", str(tmp_path / "no-such-browser"))
    r = run_cli(["render", "deepfake", "--as-of", AS_OF, "-o", str(tmp_path / "x.pdf")])
    assert r.code == 1 and "LAWREF_CHROMIUM" in r.err


def test_chromium_runs_offline():
    from lawref.pdf import chromium_args

    args = chromium_args("chromium", Path("/tmp/p.html"), Path("/tmp/o.pdf"), Path("/tmp/prof"), False)
    assert "--proxy-server=127.0.0.1:9" in args and any(a.startswith("--host-resolver-rules=") for a in args)
    assert args[-1] == "file:///tmp/p.html"


# --------------------------------------------------------------------------- the context


def test_json_context_is_the_documented_one():
    import json

    r = run_cli(["render", "deepfake", "--as-of", AS_OF, "--currency", CURRENCY, "--json"])
    assert r.code == 0, r.err
    ctx = json.loads(r.out)
    for key in ("title", "as_of", "currency", "rows", "offences", "cases", "key_dates", "questions", "sources", "key_sources", "jurisdictions", "notes", "rates"):
        assert key in ctx, key
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for key in ("rows", "offences", "cases", "key_dates", "questions", "sources", "key_sources"):
        assert f"`{key}`" in readme, f"{key} not documented"


def test_questions_are_derived_from_the_data(catalogue):
    ctx = build_context(catalogue, ["deepfake"], as_of=DAY, currency=CURRENCY)
    by_kind = {q["kind"]: q for q in ctx["questions"]}
    assert "highest-maximum" in by_kind
    # The highest and lowest maxima named are those of the rows in force.
    national = [r for r in ctx["rows"] if r["in_force"] and not r["is_variant"] and not r["minimum_standard"] and r["prison_max_months"]]
    months = [1_000_000 if r["prison_max_months"] == "life" else r["prison_max_months"] for r in national]
    top = {r["jurisdiction_name"] for r, m in zip(national, months) if m == max(months)}
    for name in top:
        assert name in by_kind["highest-maximum"]["text"]
    # Every id a question cites is in the context.
    ids = {r["id"] for r in ctx["rows"]} | {c["id"] for c in ctx["cases"]}
    for q in ctx["questions"]:
        assert set(q["ids"]) <= ids, q


def test_questions_follow_the_date(catalogue):
    """An offence passed but not yet in force on --as-of yields a 'not yet in force' question;
    one passed only later is not mentioned (a handout of that date could not know it)."""
    o = catalogue.records["kr/sexual-crimes-act/14-2.1"]
    first = o.penalties[0]
    assert first.promulgated < first.start
    between = first.promulgated + dt.timedelta(days=1)
    qs = build_context(catalogue, [o.id], as_of=between, currency=CURRENCY)["questions"]
    assert any(q["kind"] == "not-in-force" and o.id in q["ids"] for q in qs)
    before = build_context(catalogue, [o.id], as_of=first.promulgated - dt.timedelta(days=1), currency=CURRENCY)
    assert not any(q["kind"] in ("not-in-force", "upcoming") for q in before["questions"])
    assert not any(k["kind"] == "upcoming" for k in before["key_dates"])


def test_summary_of_one_case_cites_its_own_sources_first(catalogue):
    ctx = build_context(catalogue, ["kr/cho-ju-bin"], as_of=DAY, currency=CURRENCY)
    case = next(c for c in ctx["cases"] if c["id"] == "kr/cho-ju-bin")
    assert case["subject"] and case["source_refs"] == list(range(1, len(case["source_refs"]) + 1))
    assert [s["n"] for s in ctx["subject_sources"]] == case["source_refs"]


def test_every_defendant_sentenced_on_the_last_day_is_in_the_outcome(catalogue):
    """Multi-defendant cases: the outcome names each defendant sentenced that day."""
    cases = [c for c in catalogue.cases if c.final_sentence(DAY) is not None]
    ctx = build_context(catalogue, [c.id for c in cases], as_of=DAY, currency=CURRENCY)
    by_id = {c["id"]: c for c in ctx["cases"]}
    for c in cases:
        last = c.final_sentence(DAY)
        same = [p for p in c.proceedings if p.sentence and p.date == last.date]
        if len(same) > 1:
            for p in same:
                if p.defendant:
                    assert p.defendant in by_id[c.id]["outcome"], (c.id, p.defendant)


def test_render_leaves_other_peoples_temp_like_files_alone(cli, tmp_path):
    """Only temp names lawref makes (.NAME.PID-XXXXXXXX.tmp) are swept, never a user's file
    that merely looks similar."""
    import os
    import time

    out = tmp_path / "h.md"
    theirs = [tmp_path / ".h.md.my-notes.tmp", tmp_path / ".h.md.123-x.tmp"]
    old = time.time() - 3600
    for f in theirs:
        f.write_text("mine")
        os.utime(f, (old, old))
    ours = tmp_path / ".h.md.999999-abcdef12.tmp"  # a dead writer's temp file
    ours.write_text("partial")
    r = cli(["render", "kr/cho-ju-bin", "--format", "md", "-o", str(out)])
    assert r.code == 0, r.err
    assert all(f.exists() for f in theirs) and not ours.exists()


def test_a_civil_penalty_is_not_a_fine_in_handouts(catalogue):
    """Rotondo's civil pecuniary penalty reads as one in Leading cases and Key dates, and
    is never set against a criminal maximum in the questions."""
    ctx = build_context(catalogue, ["deepfake"], as_of=DAY, currency=CURRENCY)
    case = next(c for c in ctx["cases"] if c["id"] == "au/esafety-v-rotondo")
    assert "a civil penalty of A$343,500" in case["outcome"]
    ruling = next(d for d in ctx["key_dates"] if d["ids"] == ["au/esafety-v-rotondo"])
    assert "a civil penalty of A$343,500" in ruling["what"]
    text = render(catalogue, ["deepfake"], fmt="md", as_of=DAY, currency=CURRENCY).data.decode()
    assert "fine of A\\$343,500" not in text and "civil penalty of A\\$343,500" in text
    assert not any("au/esafety-v-rotondo" in q["ids"] for q in ctx["questions"])


def test_leading_cases_and_key_dates_list_every_sentenced_defendant_as_compare_does(catalogue):
    """The handout names each defendant's latest sentence with its own court and date, as
    `lawref compare` does (no co-defendant left out, none given another's court)."""
    from lawref.compare import by_ruling, defendant_sentences

    for day in (DAY, dt.date(2024, 11, 1), dt.date(2025, 3, 25)):
        ctx = build_context(catalogue, ["deepfake"], as_of=day, currency=CURRENCY)
        for c in ctx["cases"]:
            rulings = [d for d in ctx["key_dates"] if d["ids"] == [c["id"]]]
            for group in by_ruling(defendant_sentences(catalogue.get(c["id"]), day)):
                words = "; ".join(s.words for s in group)
                court, date = group[0].court, group[0].date.isoformat()
                assert f"{words} ({court}, {date}" in c["outcome"], (day, c["id"], words)
                assert any(d["date"] == date and d["what"].endswith(f": {words} ({court})") for d in rulings), (day, c["id"], words)
    ctx = build_context(catalogue, ["deepfake"], as_of=DAY, currency=CURRENCY)
    snu = next(c for c in ctx["cases"] if c["id"] == "kr/snu-deepfake")
    assert "Park (accomplice): 4 years 6 months' imprisonment (Seoul Central District Court, Criminal Appeal Division 1-2" in snu["outcome"]
    assert {p["defendant"] for p in snu["sentences"]} == {"Park (accomplice)", "Park (principal offender)", "Kang (accomplice)"}


def test_leading_cases_show_where_a_case_stands_never_other(catalogue):
    """A case without a sentence reads by its latest real outcome and its state (Durov:
    charged, then pending), never by a bare "other" (lifting a travel ban)."""
    for day in (DAY, dt.date(2024, 8, 25), dt.date(2025, 4, 1), dt.date(2023, 11, 1)):
        ctx = build_context(catalogue, [c.id for c in catalogue.cases], as_of=day, currency=CURRENCY)
        for c in ctx["cases"]:
            assert not (c["outcome"] or "").startswith("other"), (day, c["id"], c["outcome"])
            assert "other (" not in (c["outcome"] or ""), (day, c["id"])
    durov = next(c for c in build_context(catalogue, ["fr/durov"], as_of=DAY, currency=CURRENCY)["cases"] if c["id"] == "fr/durov")
    assert durov["outcome"].startswith("charged (Tribunal judiciaire de Paris") and "2024-08-28" in durov["outcome"]
    assert durov["outcome"].endswith("pending (latest step: investigation, 2025-11-10)")
    early = build_context(catalogue, ["fr/durov"], as_of=dt.date(2024, 8, 25), currency=CURRENCY)["cases"][0]
    assert early["outcome"].startswith("arrested (Le Bourget")


@pytest.mark.parametrize(
    "query, jurisdictions, missing, not_named",
    [
        (["child-sexual-abuse-material"], None, ["Australia", "European Union"], []),
        (["child-sexual-abuse-material"], {"AU", "KR"}, ["Australia"], ["European Union"]),
        (["deepfake"], {"KR"}, None, ["France", "Australia"]),
        (["deepfake", "korea"], None, None, ["France", "Australia"]),
        (["deepfake"], {"KR", "FR"}, None, ["Australia", "United States"]),
    ],
)
def test_no_offence_question_names_only_selected_jurisdictions_as_a_catalogue_gap(catalogue, query, jurisdictions, missing, not_named):
    """A sheet for -j KR (or "deepfake korea") never says France or the US lack an offence;
    a gap is worded as the catalogue's, not as conduct left lawful."""
    ctx = build_context(catalogue, query, as_of=DAY, currency=CURRENCY, jurisdictions=jurisdictions)
    qs = [q["text"] for q in ctx["questions"] if q["kind"] == "no-offence"]
    if missing is None:
        assert qs == []
        return
    (text,) = qs
    named = text.split(" for ", 1)[1].split(" are not covered by this catalogue.")[0]
    assert named == " and ".join(missing)
    assert "That is a gap in the catalogue, not a finding that the conduct is lawful there" in text
    assert "unpunished" not in text
    for name in not_named:
        assert name not in text


def test_penalty_then_is_the_ruling_day_with_the_earlier_penalty_beside_it(catalogue):
    """Records give no offence dates: the penalty is said to be the ruling day's, and the one
    in force at the case's first recorded step is shown when it differed (Cho offended in
    2019-2020, when Youth Protection Act Art. 11(3) carried up to 7 years or ₩50M)."""
    cho, o = catalogue.get("kr/cho-ju-bin"), catalogue.get("kr/youth-protection-act/11.3")
    then = R.penalty_then(cho, o, dt.date(2021, 10, 14))
    assert then["penalty"].startswith("at least 3 years' imprisonment")
    assert then["at_start"] == "up to 7 years' imprisonment or a fine of up to ₩50,000,000"
    assert then["start_date"] == dt.date(2020, 3, 16)
    assert R.penalty_then(cho, catalogue.get("kr/youth-protection-act/11.1"), dt.date(2021, 10, 14))["at_start"] is None
    ctx = build_context(catalogue, ["kr/cho-ju-bin"], as_of=DAY, currency=CURRENCY)
    x = next(x for x in ctx["cases"][0]["offences"] if x["id"] == o.id)
    assert (x["penalty_basis"], x["penalty_date"], x["penalty_start_date"]) == ("ruling", "2021-10-14", "2020-03-16")


def test_sentence_question_never_calls_the_ruling_day_penalty_the_one_at_the_time(catalogue):
    """SNU: 7 years applied only from 16 October 2024, during the case; the question gives
    the ruling day's figure as such and the earlier one beside it."""
    for day in (DAY, dt.date(2025, 6, 1)):
        ctx = build_context(catalogue, ["deepfake"], as_of=day, currency=CURRENCY)
        q = next(q for q in ctx["questions"] if q["kind"] == "sentence-vs-maximum")
        assert "at the time" not in q["text"]
        if "kr/snu-deepfake" in q["ids"]:
            assert "On the day of that ruling the penalty for one offence under Sexual Crimes Act Art. 14-2(1) was up to 7 years' imprisonment" in q["text"]
            assert "on 28 August 2024, the case's first recorded step, it was up to 5 years' imprisonment" in q["text"]
            assert "does not date the offences" in q["text"]


@pytest.mark.parametrize("topic", ["deepfake", "child-sexual-abuse-material", "intimate-image-abuse"])
def test_heaviest_maximum_question_says_what_it_leaves_aside(catalogue, topic):
    """The range is over the maxima articles set themselves; a general cap (Korea's 30 years
    under Criminal Act Art. 42) is named apart rather than silently dropped."""
    ctx = build_context(catalogue, [topic], as_of=DAY, currency=CURRENCY)
    (q,) = [q for q in ctx["questions"] if q["kind"] == "highest-maximum"]
    assert q["text"].startswith("Leaving aside aggravated forms and general caps, the heaviest maximum prison term each jurisdiction's articles set here ranges from ")
    own = [r for r in ctx["rows"] if r["in_force"] and not r["is_variant"] and not r["minimum_standard"] and r["prison_max_months"] is not None and not r["prison_max_basis"]]
    best: dict = {}
    for r in own:
        m = 10**6 if r["prison_max_months"] == "life" else r["prison_max_months"]
        if r["jurisdiction"] not in best or m > best[r["jurisdiction"]][0]:
            best[r["jurisdiction"]] = (m, r["prison_max"])
    lo, hi = min(best.values()), max(best.values())
    assert f"ranges from {lo[1]} (" in q["text"] and f") to {hi[1]} (" in q["text"]
    for r in ctx["rows"]:
        if r["in_force"] and r["prison_max_basis"]:
            assert f"In {r['jurisdiction_name']}, articles that set only a minimum run up to {r['prison_max']} under {r['prison_max_basis']}." in q["text"]


def test_a_change_only_to_an_aggravated_form_is_not_a_raise_from_x_to_x(catalogue):
    """Code pénal Art. 226-8 kept 1 year / €15,000 in 2024 and gained an aggravated form: the
    question, Key dates and the summary's versions table say so (as `lawref changes` lists
    the variants), never "raised from X to X"."""
    ctx = build_context(catalogue, ["deepfake"], as_of=dt.date(2024, 6, 1), currency=CURRENCY)
    (q,) = [q for q in ctx["questions"] if q["kind"] == "recent-change"]
    assert "under Code pénal Art. 226-8, an aggravated form was added (committed using an online public communication service" in q["text"]
    assert "up to 2 years' imprisonment, a fine of up to €45,000, or both" in q["text"]
    assert "the base penalty stayed up to 1 year's imprisonment, a fine of up to €15,000, or both" in q["text"]
    for q in ctx["questions"]:
        m = re.search(r"from (.+?) to (.+?)\. ", q["text"])
        assert not (m and m.group(1) == m.group(2)), q["text"]
    full = build_context(catalogue, ["deepfake"], as_of=DAY, currency=CURRENCY)
    (d,) = [d for d in full["key_dates"] if "fr/code-penal/226-8" in d["ids"] and d["date"] == "2024-05-23"]
    assert d["what"] == "Code pénal Art. 226-8: aggravated form added"
    o = next(o for o in full["offences"] if o["id"] == "fr/code-penal/226-8")
    assert [v["change_text"] for v in o["versions"]] == ["first recorded", "aggravated form added"]


def test_change_words_name_what_changed_in_the_variants(catalogue):
    from lawref.penalty import change_kind, change_words

    o = catalogue.get("us/18-usc/2252a-possession")
    old, new = o.penalties[0], o.penalties[1]
    assert change_words(old, new, change_kind(old, new)) == "aggravated form added"
    assert change_words(new, old, change_kind(new, old)) == "aggravated form removed"
    k = catalogue.get("kr/sexual-crimes-act/14-2.1")
    assert change_words(k.penalties[0], k.penalties[1], "raised") == "penalty raised"


@pytest.mark.parametrize("topic", ["deepfake", "child-sexual-abuse-material", "intimate-image-abuse"])
def test_penalty_since_agrees_with_key_dates(catalogue, topic):
    """The table's "Penalty since" is the date of the last change Key dates shows for that
    offence's base penalty (FR 226-8: 2002, though 2024 added an aggravated form; KR 14-3(1):
    2020-05-19, not the 2024 version that only widened the conduct)."""
    ctx = build_context(catalogue, [topic], as_of=DAY, currency=CURRENCY)
    for r in ctx["rows"]:
        if not r["in_force"] or r["is_variant"]:
            continue
        changes = [d["date"] for d in ctx["key_dates"] if r["id"] in d["ids"] and d["kind"] in ("new-offence", "raised", "lowered", "changed") and not d["text"].startswith("aggravated form")]
        assert all(d <= r["penalty_since"] for d in changes), (r["id"], r["penalty_since"], changes)
        if changes:
            assert max(changes) == r["penalty_since"], (r["id"], r["penalty_since"], changes)


def test_handout_table_says_how_prison_and_fine_combine(catalogue):
    """KR "or", FR and GB "and/or", US "and": the handout's table says which, with a legend."""
    ctx = build_context(catalogue, ["deepfake"], as_of=DAY, currency=CURRENCY)
    md = render(catalogue, ["deepfake"], fmt="md", as_of=DAY, currency=CURRENCY).data.decode()
    html = _visible(render(catalogue, ["deepfake"], fmt="html", as_of=DAY, currency=CURRENCY).data.decode())
    combos = {r["combine"] for r in ctx["rows"] if r["combine"]}
    assert {"or", "and/or"} <= combos
    for r in ctx["rows"]:
        if r["in_force"] and not r["is_variant"] and r["combine"]:
            line = next(x for x in md.splitlines() if f"| {md_escape(r['citation'])}: " in x)
            assert f"| {md_escape(r['prison'])} | {md_escape(r['combine'])} | {md_escape(r['fine'])} |" in line, line
    for text in (md, html):
        assert "Combine: how prison and fine combine: or (one of them), and (both), and/or (either or both)." in text


@pytest.mark.parametrize(
    "args, name, says",
    [
        (["-f", "pdf"], "x.html", "--format pdf contradicts -o"),
        (["-f", "md"], "x.pdf", "--format md contradicts -o"),
        (["--format", "html"], "x.markdown", "--format html contradicts -o"),
        (["--json"], "x.pdf", "--json writes the template context as JSON"),
    ],
)
def test_a_format_contradicting_the_file_name_is_refused(tmp_path, args, name, says):
    out = tmp_path / name
    r = run_cli(["render", "kr/cho-ju-bin", "--as-of", AS_OF, *args, "-o", str(out)])
    assert r.code == 2 and r.err.startswith("lawref: error: ") and says in r.err, r.err
    assert r.err.count("\n") == 1 and not out.exists()


@pytest.mark.parametrize("args, name, starts", [(["-f", "html"], "x.htm", "<!doctype html>"), (["-f", "md"], "notes.txt", "# Cho Ju-bin"), (["--json", "-f", "pdf"], "c.json", "{")])
def test_a_format_matching_or_free_of_the_file_name_is_written(tmp_path, args, name, starts):
    out = tmp_path / name
    r = run_cli(["render", "kr/cho-ju-bin", "--as-of", AS_OF, *args, "-o", str(out)])
    assert r.code == 0, r.err
    assert out.read_text(encoding="utf-8").lstrip().startswith(starts)


@pytest.mark.parametrize("query", [["deepfake"], ["au/esafety-v-rotondo"]])
def test_a_handout_dated_after_today_says_later_amendments_are_unknown(catalogue, query):
    later = dt.date.today() + dt.timedelta(days=400)
    md = render(catalogue, query, fmt="md", as_of=later, currency=CURRENCY).data.decode()
    assert f"{later.isoformat()} is after today" in md and "amendments made later are unknown" in md
    assert "is after today" not in render(catalogue, query, fmt="md", as_of=DAY, currency=CURRENCY).data.decode()


@pytest.mark.parametrize("query", [["kr/cho-ju-bin"], ["kr/sexual-crimes-act/14-2.1"]])
def test_summary_of_one_record_does_not_repeat_its_title(catalogue, query):
    """One record: the page title is its heading (no H2 repeating the H1); several keep one
    heading each."""
    md = render(catalogue, query, template="summary", fmt="md", as_of=DAY, currency=CURRENCY).data.decode()
    heads = [x for x in md.splitlines() if x.startswith("#")]
    assert heads[0].startswith("# ") and not any(h[3:] and h[3:] in heads[0] for h in heads[1:] if h.startswith("## "))
    html = render(catalogue, query, template="summary", fmt="html", as_of=DAY, currency=CURRENCY).data.decode()
    rec = catalogue.get(query[0])
    page = htmllib.unescape(html)
    assert f"<h1>{rec.title if rec.kind == 'case' else rec.title + ' (' + rec.citation + ')'}</h1>" in page
    assert f"<h2>{rec.title}</h2>" not in page
    both = render(catalogue, ["kr/cho-ju-bin", "kr/snu-deepfake"], template="summary", fmt="md", as_of=DAY, currency=CURRENCY).data.decode()
    assert "\n## Cho Ju-bin" in both and "\n## Seoul National University deepfake case" in both


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_handout_shows_a_variant_that_is_another_row_once(catalogue, fmt):
    """AU s 474.17A's aggravated forms are the offence s 474.17AA (same 7 years): the handout's
    table has one 7-year line, s 474.17AA's, naming every circumstance of those forms."""
    ctx = build_context(catalogue, ["deepfake"], as_of=DAY, currency=CURRENCY, jurisdictions={"AU"})
    rows = ctx["rows"]
    assert [(r["id"], r["is_variant"]) for r in rows] == [("au/criminal-code/474-17a", False), ("au/criminal-code/474-17aa", False)]
    labels = [a.label for a in catalogue.get("au/criminal-code/474-17a").in_force(DAY).aggravated]
    assert all(any(c in label for c in rows[1]["circumstances"]) for label in labels)
    out = render(catalogue, ["deepfake"], template="handout", fmt=fmt, as_of=DAY, currency=CURRENCY, jurisdictions={"AU"}).data.decode()
    table = out.split("Comparison", 1)[1].split("Leading cases", 1)[0]
    assert table.count("7 years") == 1 and "↳" not in table
    for c in rows[1]["circumstances"]:
        assert (htmllib.escape(c) if fmt == "html" else md_escape(c)) in table
