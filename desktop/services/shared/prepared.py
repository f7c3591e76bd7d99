"""Peewee SELECTs whose SQL is built once per database dialect and then run with new values.

Peewee renders a query's SQL in Python on every execution. For the queries a screen runs
each time it opens (an application with its service and applicant: four tables, about 120
columns) that rendering costs more than the database does. A `Prepared` query is built once
with marker values in place of its parameters; later runs substitute the real values into
the rendered parameter list and let peewee turn the rows into models as usual.
"""
from desktop.models import db

# Values no id takes, so that they can be found again among the rendered parameters.
_MARKERS = (-7_000_000_001, -7_000_000_002, -7_000_000_003)


class Prepared:
    def __init__(self, build):
        """build(*markers) returns the peewee query; each marker stands for one parameter,
        compared with an integer column (ids)."""
        self._build = build
        # database class -> (query, sql, params, positions). Two threads rendering the same
        # query at once both store the same result: no lock needed.
        self._rendered = {}

    def _render(self, database, count: int):
        key = type(database)
        rendered = self._rendered.get(key)
        if rendered is None:
            markers = _MARKERS[:count]
            query = self._build(*markers)
            sql, params = query.sql()
            positions = [(i, markers.index(p)) for i, p in enumerate(params)
                         if isinstance(p, int) and p in markers]
            if sorted({k for _, k in positions}) != list(range(count)):
                raise RuntimeError("a prepared query lost one of its parameters")
            rendered = self._rendered[key] = (query, sql, params, positions)
        return rendered

    def rows(self, *values) -> list:
        """The query's rows (models, as peewee would give them) for these values."""
        database = db.obj
        query, sql, params, positions = self._render(database, len(values))
        params = list(params)
        for index, which in positions:
            params[index] = values[which]
        cursor = database.execute_sql(sql, params)
        # peewee's own row conversion for this query (joined models included).
        return list(query._get_cursor_wrapper(cursor))
