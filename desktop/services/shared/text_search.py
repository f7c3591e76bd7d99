"""A typed search text as a case-insensitive substring match. The text's own `%` and `_` are
matched as themselves (escaped), not as LIKE's wildcards: "50%" finds "50%", not "50" and
anything after it, and "_" does not match every row."""
from peewee import OP, SQL, Expression, NodeList, Value

_ESCAPE = "!"  # not the backslash: MySQL string literals treat it specially


def pattern(text: str) -> str:
    """`text` inside a LIKE pattern, its wildcards escaped."""
    for char in (_ESCAPE, "%", "_"):
        text = text.replace(char, _ESCAPE + char)
    return f"%{text}%"


def contains(field, text: str) -> Expression:
    """`field` holds `text`, whatever its case (ILIKE on PostgreSQL, LIKE elsewhere)."""
    return Expression(field, OP.ILIKE,
                      NodeList((Value(pattern(text)), SQL(f"ESCAPE '{_ESCAPE}'"))))
