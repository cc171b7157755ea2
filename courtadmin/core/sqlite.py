"""SQLite, the embedded default, as PostgreSQL is: a search ignores case in every alphabet.

Django's `icontains` is SQLite's LIKE, which folds case for Latin letters alone: "ахметов" did
not find "Ахметов". SQLite lets a connection replace LIKE; this one folds case with Python's
`casefold` (Kazakh and Russian letters too), keeping LIKE's wildcards and Django's escape.
PostgreSQL's UPPER() already folds Cyrillic in a UTF-8 database.
"""

import re
from functools import lru_cache


@lru_cache(maxsize=256)
def _pattern(pattern: str, escape: str | None) -> re.Pattern:
    parts, index = [], 0
    while index < len(pattern):
        char = pattern[index]
        if escape and char == escape and index + 1 < len(pattern):
            parts.append(re.escape(pattern[index + 1]))
            index += 2
            continue
        parts.append(".*" if char == "%" else "." if char == "_" else re.escape(char))
        index += 1
    return re.compile("".join(parts), re.DOTALL)


def like(pattern, value, escape=None):
    """SQLite's like(X, Y[, Z]): does Y match the pattern X, whatever the case of either?"""
    if pattern is None or value is None:
        return None
    return _pattern(str(pattern).casefold(), escape).fullmatch(str(value).casefold()) is not None


def fold_case_in_like(sender, connection, **kwargs) -> None:
    """connection_created: on SQLite, LIKE folds case in every alphabet, and the languages'
    collations sort as PostgreSQL's ICU ones do (courtadmin/core/collation.py)."""
    from .collation import register_sqlite_collations

    if connection.vendor == "sqlite":
        connection.connection.create_function("like", 2, like, deterministic=True)
        connection.connection.create_function("like", 3, like, deterministic=True)
        register_sqlite_collations(connection.connection)
