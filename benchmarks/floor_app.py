"""The floor: a minimal typer + rich app that prints one line.

Any typer CLI pays this much to start (interpreter, typer, click, rich's console). The
benchmark runner reports every lawref figure as a ratio to this app's median time, measured
side by side in the same run.

    python benchmarks/floor_app.py
"""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


@app.command()
def hello(name: str = typer.Option("world", help="Who to greet.")) -> None:
    """Print one line.

    Example: python benchmarks/floor_app.py --name you
    """
    Console().print(f"hello, {name}", markup=False, highlight=False)


if __name__ == "__main__":
    app()
