"""`lawref render`: a handout, summary or brief for a topic or records, as md, html or pdf."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from ._common import (
    AsOfOpt,
    CurrencyOpt,
    ForceOpt,
    JsonOpt,
    JurisdictionOpt,
    as_of,
    catalogue,
    jurisdictions,
    state,
)

_EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}

TemplateOpt = Annotated[
    str,
    typer.Option(
        "--template",
        "-t",
        metavar="NAME|PATH",
        help="handout (one topic across jurisdictions), summary (one offence or case in full), brief (compact, citation-heavy), or the path of your own jinja2 template (sandboxed; may include only files beside it).",
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="md|html|pdf",
        help="Output format. Default: from the -o file's extension, else md. A file named .md, .html or .pdf must match it (-f pdf -o x.html is refused); any other name takes the format given.",
    ),
]
OutputOpt = Annotated[
    str,
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE ('-' for stdout, the default). An existing file is kept unless --force."),
]
PaperOpt = Annotated[str, typer.Option("--paper", metavar="a4|letter", help="Page size for printing (html and pdf).")]
EngineOpt = Annotated[
    str,
    typer.Option("--pdf-engine", metavar="auto|chromium|weasyprint", help="PDF engine: headless Chromium ($LAWREF_CHROMIUM or on PATH) or WeasyPrint (pip install 'lawref[pdf]')."),
]


def _format(fmt: str | None, output: str, as_json: bool = False) -> str:
    """The output format: --format, else the -o file's extension, else md.

    A file named .md, .html or .pdf must hold that format: a --format that contradicts it
    (`-f pdf -o x.html`) is refused, as is --json into such a file (JSON is not that
    format). Any other extension takes --format as given (`-f md -o notes.txt`).
    """
    from ..errors import UsageError
    from ..render import FORMATS

    ext = os.path.splitext(output)[1].lower() if output != "-" else ""
    named = _EXTENSIONS.get(ext)
    if as_json and named:
        raise UsageError(f"-o {output}: --json writes the template context as JSON, not {named}; name the file .json, or drop --json")
    if fmt:
        f = fmt.strip().lower()
        f = {"markdown": "md", "htm": "html"}.get(f, f)
        if f not in FORMATS:
            raise UsageError(f"--format: use one of {', '.join(FORMATS)} (not {fmt!r})")
        if named and named != f:
            raise UsageError(f"--format {f} contradicts -o {output} ({ext} is {named}); name the file .{f}, or drop --format to write {named}")
        return f
    if ext and not named and not (as_json and ext == ".json"):
        raise UsageError(f"-o {output}: cannot tell the format from {ext!r}; name the file .md, .html or .pdf, or give --format")
    return named or "md"


def render(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(metavar="TOPIC|ID...", help="A tag or search phrase (e.g. deepfake), or record ids (e.g. kr/cho-ju-bin).")],
    template: TemplateOpt = "handout",
    fmt: FormatOpt = None,
    output: OutputOpt = "-",
    as_of_: AsOfOpt = None,
    currency: CurrencyOpt = "USD",
    jurisdiction: JurisdictionOpt = None,
    paper: PaperOpt = "a4",
    pdf_engine: EngineOpt = "auto",
    force: ForceOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Render a handout, summary or brief from the catalogue to Markdown, HTML or PDF.

    The data is the comparison `lawref compare` makes (penalties in force on --as-of, fines
    converted to --currency at the ECB rate of that date), the leading cases, key dates,
    discussion questions derived from the data, and numbered sources. HTML is one
    self-contained file with print CSS; PDF is printed by headless Chromium or WeasyPrint.
    Files are written atomically and never overwritten without --force. --json gives the
    template context instead (what a --template file can use; to a file, name it .json).
    A -o name ending .md, .html or .pdf sets the format; a --format that contradicts it
    exits 2.

    Example: lawref render deepfake --as-of 2025-06-01 --currency EUR -o deepfake.pdf
    """
    from ..errors import UsageError
    from ..files import check_output_path, terminate_as_interrupt, write_output
    from ..money import RateTable
    from ..output import is_tty

    output = output.strip() if output else "-"
    f = _format(fmt, output, as_json)
    paper = paper.strip().lower()
    target = None
    if output != "-":
        target = check_output_path(output, force)
    elif f == "pdf" and not as_json and is_tty(sys.stdout):
        raise UsageError("PDF output is binary: give -o FILE.pdf (or redirect stdout to a file)")
    day = as_of(as_of_)
    cat = catalogue(ctx)
    rates = RateTable.for_packs([p.pack.path for p in cat.packs], use_cache=not state(ctx).get("no_cache"))
    jur = jurisdictions(jurisdiction)
    if as_json:
        from ..output import dumps, emit_json
        from ..render import TEMPLATES, build_context

        context = build_context(cat, query, as_of=day, currency=currency, jurisdictions=jur, template=template if template in TEMPLATES else "custom", fmt=f, paper=paper, rates=rates)
        if target is not None:
            write_output(target, (dumps(context) + "\n").encode("utf-8"), force=force)
        else:
            emit_json(context)
        return
    from ..render import render as run

    with terminate_as_interrupt():
        result = run(cat, query, template=template, fmt=f, as_of=day, currency=currency, jurisdictions=jur, paper=paper, pdf_engine=pdf_engine, rates=rates)
        data = result.data
        if f != "pdf":
            from ..output import strip_controls

            data = strip_controls(data.decode("utf-8")).encode("utf-8")
        if target is not None:
            write_output(target, data, force=force)
            if is_tty(sys.stderr):
                via = f" via {result.engine}" if result.engine else ""
                sys.stderr.write(f"lawref: wrote {output} ({len(data):,} bytes, {f}{via})\n")
            return
    if f == "pdf":
        buf = getattr(sys.stdout, "buffer", None)
        if buf is None:
            raise UsageError("PDF output is binary and stdout takes text here: give -o FILE.pdf")
        sys.stdout.flush()
        buf.write(data)
        buf.flush()
    else:
        sys.stdout.write(data.decode("utf-8"))


def register(app: typer.Typer) -> None:
    app.command(name="render")(render)
