"""lawref: a terminal reference for criminal penalties and case law.

Library API (importable without the CLI)::

    from lawref import load_catalogue
    cat = load_catalogue()
    cat.get("kr/sexual-crimes-act/14-2.1").in_force(date(2025, 1, 1))
"""

__version__ = "0.1.0"


def load_catalogue(*args, **kwargs):
    """Load the bundled data plus user packs (see :func:`lawref.catalog.load_catalogue`)."""
    from .catalog import load_catalogue as _load

    return _load(*args, **kwargs)


__all__ = ["__version__", "load_catalogue"]
