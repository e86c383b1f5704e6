"""The `lawref` console script: start the cache-check helper, then run the CLI.

Kept apart from lawref.cli so that nothing heavy is imported before
:func:`lawref.prefetch.start` has had the chance to fork (see that module).
"""

from __future__ import annotations

import sys


def main() -> None:
    from .prefetch import start

    start(sys.argv[1:])
    from .cli import main as run

    run()


if __name__ == "__main__":
    main()
