"""Typed exceptions. The library raises these; only the CLI turns them into messages."""

from __future__ import annotations


class LawrefError(Exception):
    """Base class: a user-facing problem with a one-line message."""

    exit_code = 2


class UsageError(LawrefError):
    """Bad arguments (a bad date, an unknown option value)."""


class UnknownRecord(LawrefError):
    """No record has this id."""

    def __init__(self, rid: str, suggestions: list[str] | None = None) -> None:
        self.rid = rid
        self.suggestions = suggestions or []
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        last = next((part for part in reversed(rid.split("/")) if part.strip()), "")
        if last:
            import shlex

            hint += f" (try `lawref search {shlex.quote(last.strip())}`)"
        super().__init__(f"no record with id {rid!r}{hint}")


class BrokenRecord(UnknownRecord):
    """The record's file is in a pack but has errors, so it was not loaded."""

    def __init__(self, rid: str, problem) -> None:
        self.rid, self.suggestions = rid, []
        LawrefError.__init__(self, f"the record {rid!r} has errors and was not loaded: {problem} (run `lawref validate` for all of them)")


NEXT_STEP = "one jurisdiction's records: `lawref search -j CODE`"


class NoMatch(LawrefError):
    """A search found nothing."""

    def __init__(self, query: str, suggestions: list[str] | None = None, without_filters: bool = False, message: str | None = None) -> None:
        self.query = query
        self.suggestions = suggestions or []
        if message is None:
            label = "matches without the filters" if without_filters else "closest"
            hint = f"; {label}: {', '.join(self.suggestions)}" if self.suggestions else f"; no record is close (topics: `lawref tags`; {NEXT_STEP})"
            message = f"nothing matches {query!r}{hint}"
        super().__init__(message)


class OutputExists(LawrefError):
    """Refusing to overwrite a file without --force."""

    exit_code = 1
