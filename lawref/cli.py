"""The typer app: global options, error mapping, and the foundation commands.

Commands parse arguments, call the library and format the result; nothing else. Feature
commands live in `lawref/commands/<name>.py`, each with a `register(app)` function.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import List, Optional

import typer
from typing import Annotated

from . import __version__
from .commands._common import JsonOpt, catalogue, state

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

app = typer.Typer(
    name="lawref",
    help=(
        "A terminal reference for criminal penalties and case law: dated penalty versions "
        "with sources, side-by-side comparison, handouts and fact-checking.\n\n"
        "Example: lawref search deepfake -j KR"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"lawref {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    data: Annotated[
        Optional[List[str]],
        typer.Option("--data", metavar="DIR", help="Also load the data pack in DIR (repeatable). LAWREF_DATA adds more (os.pathsep-separated)."),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Parse every file; do not read or write the compiled cache.")] = False,
    version: Annotated[Optional[bool], typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")] = None,
) -> None:
    """Global options apply to every command."""
    st = state(ctx)
    st["data"] = list(data or [])
    st["no_cache"] = no_cache
    if no_cache:
        from .amounts import disable_memo

        disable_memo()


@app.command()
def validate(
    ctx: typer.Context,
    dirs: Annotated[Optional[List[str]], typer.Argument(metavar="[DIR]...", help="Pack directories to check. Default: every pack in use.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check data packs: schema, dates, version order, sources, ids and references.

    Prints every problem as FILE:LINE: field: message, then a count. Exit 1 when any.

    Example: lawref validate ~/my-pack
    """
    from .output import emit_json, plain
    from .validate import validate as run_validate

    st = state(ctx)
    report = run_validate(list(dirs or []), st.get("data") or [], use_cache=not st.get("no_cache"))
    problems = report.problems
    if as_json:
        emit_json({"ok": report.ok, "records": report.records, "problems": [p.__dict__ for p in problems]})
    else:
        for p in problems:
            sys.stdout.write(plain(str(p)) + "\n")
        if problems:
            sys.stdout.write(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {report.files} files\n")
        else:
            sys.stdout.write(f"ok: {report.records} records in {report.files} files, no problems\n")
    raise typer.Exit(EXIT_PROBLEMS if problems else EXIT_OK)


@app.command()
def jurisdictions(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List the jurisdictions the catalogue covers, with record counts.

    Example: lawref jurisdictions --json
    """
    from collections import Counter

    from .jurisdictions import name
    from .output import emit_json, table

    cat = catalogue(ctx)
    off = Counter(r.jurisdiction for r in cat.rows.values() if r.kind == "offence")
    cas = Counter(r.jurisdiction for r in cat.rows.values() if r.kind == "case")
    codes = sorted(set(off) | set(cas))
    rows = [{"code": c, "name": name(c), "offences": off[c], "cases": cas[c]} for c in codes]
    if as_json:
        emit_json(rows)
    else:
        table(["code", "name", "offences", "cases"], [[r["code"], r["name"], r["offences"], r["cases"]] for r in rows])


@app.command()
def tags(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List the topic tags in use, with how many records carry each.

    Example: lawref tags
    """
    from collections import Counter

    from .output import emit_json, table

    cat = catalogue(ctx)
    counts: Counter = Counter()
    for r in cat.rows.values():
        counts.update(set(r.tags))
    rows = [{"tag": t, "records": n} for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    if as_json:
        emit_json(rows)
    else:
        table(["tag", "records"], [[r["tag"], r["records"]] for r in rows])


@app.command()
def info(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Show the data packs in use, record counts per pack, data age and the cache location.

    Example: lawref --data ~/firm-pack info
    """
    from .cache import cache_dir
    from .output import emit_json, table

    cat = catalogue(ctx)
    packs = []
    for p in cat.packs:
        newest = cat.newest_check(p.pack)
        packs.append(
            {
                "path": p.pack.path,
                "origin": p.pack.origin,
                "files": p.files,
                "offences": p.offences,
                "cases": p.cases,
                "newest_source_check": newest.isoformat() if newest else None,
            }
        )
    newest = cat.newest_check()
    out = {
        "version": __version__,
        "packs": packs,
        "records": len(cat.records),
        "problems": len(cat.problems),
        "newest_source_check": newest.isoformat() if newest else None,
        "cache_dir": None if state(ctx).get("no_cache") else str(cache_dir()),
    }
    if as_json:
        emit_json(out)
        return
    table(
        ["pack", "origin", "files", "offences", "cases", "sources checked"],
        [[p["path"], p["origin"], p["files"], p["offences"], p["cases"], p["newest_source_check"] or "-"] for p in packs],
        title=f"lawref {__version__}",
    )
    sys.stdout.write(f"records: {out['records']}  problems: {out['problems']}  data last checked: {out['newest_source_check'] or '-'}\n")
    sys.stdout.write(f"cache: {out['cache_dir'] or 'disabled (--no-cache)'}\n")


_COMMAND_MODULES = ("search", "show", "changes", "compare", "render", "check")
for _name in _COMMAND_MODULES:
    try:
        _mod = importlib.import_module(f".commands.{_name}", __package__)
    except ModuleNotFoundError as _e:  # a command not built yet
        if _e.name != f"{__package__}.commands.{_name}":
            raise
        continue
    _mod.register(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, mapping library errors to one line and an exit code."""
    from .errors import LawrefError

    from typer._click import exceptions as click_errors

    try:
        rv = app(args=argv, prog_name="lawref", standalone_mode=False)
        sys.stdout.flush()  # a full disk shows here, as a write error, not at interpreter exit
        if isinstance(rv, int) and not isinstance(rv, bool) and rv:
            sys.exit(rv)  # an explicit exit code (click's Exit)
    except click_errors.NoArgsIsHelpError as e:
        e.show()
        sys.exit(e.exit_code)
    except click_errors.UsageError as e:
        # One line, as every other error: what is wrong and where to read more.
        from .output import error

        where = e.ctx.command_path if e.ctx is not None else _command_path(sys.argv[1:] if argv is None else argv)
        error(f"{_option_message(e)} (see `{where} --help`)")
        sys.exit(e.exit_code)
    except click_errors.ClickException as e:
        from .output import error

        error(e.format_message())
        sys.exit(e.exit_code)
    except LawrefError as e:
        from .output import error

        error(str(e))
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("lawref: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        sys.exit(0)
    except SystemExit as e:
        from typer._click.utils import PacifyFlushWrapper

        if e.code == 1 and isinstance(sys.stdout, PacifyFlushWrapper):
            # click met a closed pipe (`lawref search x | head -1`) and exited 1; the reader
            # simply stopped reading, which is not a failure.
            sys.exit(0)
        raise
    except OSError as e:
        import errno

        if e.filename is None and e.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG, errno.EBADF):
            # Writing the output failed (`> /dev/full`, a full disk): the reader's problem, said once.
            try:
                sys.stdout = open(os.devnull, "w")
            except OSError:
                pass
            from .output import error

            error(f"cannot write the output: {e.strerror or e}")
            sys.exit(1)
        if os.environ.get("LAWREF_DEBUG"):
            raise
        from .output import error

        error(f"internal error: {type(e).__name__}: {e} (set LAWREF_DEBUG=1 for details; please report it)")
        sys.exit(EXIT_INTERNAL)
    except UnicodeEncodeError as e:
        # Bytes that are not UTF-8 in an argument (a query, an id), carried as surrogates.
        from .output import error

        if "surrogate" in str(e):
            error("an argument holds bytes that are not valid UTF-8; give text in UTF-8")
            sys.exit(EXIT_USAGE)
        error(f"internal error: {type(e).__name__}: {e} (set LAWREF_DEBUG=1 for details; please report it)")
        sys.exit(EXIT_INTERNAL)
    except Exception as e:  # noqa: BLE001 - last resort: never show a traceback to users
        if type(e).__module__.startswith("sqlite3"):
            # A cache store damaged after it was opened (a truncated page, say): drop it.
            from .cache import discard_open_stores
            from .output import error

            where = discard_open_stores()
            error(f"the compiled cache was damaged ({e}) and has been removed{f' from {where}' if where else ''}; run the command again (it is rebuilt), or use --no-cache")
            sys.exit(EXIT_INTERNAL)
        if os.environ.get("LAWREF_DEBUG"):
            raise
        from .output import error

        error(f"internal error: {type(e).__name__}: {e} (set LAWREF_DEBUG=1 for details; please report it)")
        sys.exit(EXIT_INTERNAL)


def _command_path(argv: list[str]) -> str:
    """`lawref COMMAND` for the command `argv` runs (an error raised before its context
    exists, such as "-j requires an argument"), else `lawref`."""
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    name = next((a for a in argv if a in names), None)
    return f"lawref {name}" if name else "lawref"


def _option_message(e) -> str:
    """The message of a usage error in plain words: typer's validation (pydantic) reports
    "Input should be a valid integer, unable to parse string as an integer" or "Value error,
    ..."; say what was given and what is wanted instead."""
    cause = e.__cause__
    if hasattr(e, "message") and type(cause).__name__ == "ValidationError" and hasattr(cause, "errors"):
        errs = cause.errors()
        if errs:
            e.message = _validation_text(errs[0])
    return e.format_message()


def _validation_text(err: dict) -> str:
    given, ctx, kind = err.get("input"), err.get("ctx") or {}, err.get("type", "")
    if kind in ("int_parsing", "int_from_float"):
        return f"{given!r} is not a whole number"
    if kind == "float_parsing":
        return f"{given!r} is not a number"
    bounds = {"greater_than_equal": ("ge", "at least"), "greater_than": ("gt", "more than"), "less_than_equal": ("le", "at most"), "less_than": ("lt", "less than")}
    if kind in bounds and bounds[kind][0] in ctx:
        key, words = bounds[kind]
        return f"{given!r}: give a number {words} {ctx[key]}"
    if kind == "enum" and "expected" in ctx:
        return f"{given!r} is not one of {ctx['expected']}"
    msg = str(err.get("msg", ""))
    return msg.removeprefix("Value error, ")
