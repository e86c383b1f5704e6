"""Small factories for test records (eyecite's test_factories): valid YAML text to mutate."""

from __future__ import annotations

from pathlib import Path

SOURCE = """    sources:
      - url: https://example.org/law
        title: Example Act
        accessed: 2026-11-26
"""


def offence_yaml(rid: str = "kr/test-act/1", title: str = "Test offence", versions: str | None = None, extra: str = "") -> str:
    if versions is None:
        versions = f"""  - from: 2020-01-01
    until: 2024-12-31
    prison: {{max: 5y}}
    fine: {{max: 50000000, currency: KRW}}
    combine: or
{SOURCE}  - from: 2025-01-01
    prison: {{max: 7y}}
{SOURCE}"""
    return f"""id: {rid}
jurisdiction: {rid.split('/')[0].upper()}
instrument:
  title: Test Act
article: "1"
title: {title}
offence: Doing the test thing.
penalties:
{versions}{extra}"""


def case_yaml(rid: str = "kr/test-case", offences: str = "[kr/test-act/1]") -> str:
    return f"""id: {rid}
jurisdiction: {rid.split('/')[0].upper()}
title: Test case
defendant: {{name: Test Person}}
summary: A test.
offences: {offences}
proceedings:
  - date: 2021-01-01
    court: Test Court
    level: first-instance
    outcome: convicted
    sentence: {{prison: {{max: 3y}}}}
    sources:
      - url: https://example.org/case
        publisher: Example Court
        accessed: 2026-11-26
"""


def write_pack(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` (relative path -> content) under `root` and return it."""
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
    return root
