"""The one Jinja environment every letter is rendered and checked in.

Templates live in the database, so anyone with its login could plant one. Jinja's sandbox
refuses underscore attributes and unsafe callables; on top of it, a template may read
attributes only of plain values (text, numbers, dates, lists, dicts): the images in the
context are docxtpl InlineImage objects whose `.tpl` is the DocxTemplate itself, with
render(), save() and replace_zipname() that would write files or render outside the sandbox.
The globals are cut to the sandbox's bounded `range`, and `**` and `*` are checked before
they run (Jinja folds constants at compile time unless the operator is intercepted).
"""
import datetime
import functools
import operator

MAX_POWER = 64
MAX_REPEAT = 100_000  # characters or items a `*` may build

_PLAIN = (str, int, float, bool, type(None), list, tuple, dict, datetime.date,
          datetime.time, datetime.timedelta)
# A for-loop's own counters (`{{ loop.index }}. {{ item }}` numbers tembusan and prizes).
LOOP_ATTRIBUTES = frozenset({"index", "index0", "revindex", "revindex0", "first", "last",
                             "length", "depth", "depth0", "previtem", "nextitem"})


@functools.cache
def _environment_class():
    from jinja2.runtime import LoopContext
    from jinja2.sandbox import SandboxedEnvironment
    from markupsafe import Markup

    plain = (*_PLAIN, Markup)

    class LetterSandbox(SandboxedEnvironment):
        intercepted_binops = frozenset({"**", "*"})

        def is_safe_attribute(self, obj, attr, value):
            if isinstance(obj, LoopContext):
                return attr in LOOP_ATTRIBUTES
            return isinstance(obj, plain) and super().is_safe_attribute(obj, attr, value)

        def call_binop(self, context, operator_name, left, right):
            if operator_name == "**":
                if isinstance(right, (int, float)) and abs(right) > MAX_POWER:
                    _refuse()
                return operator.pow(left, right)
            if isinstance(left, (str, list, tuple)) and isinstance(right, int):
                if len(left) * right > MAX_REPEAT:
                    _refuse()
            elif isinstance(right, (str, list, tuple)) and isinstance(left, int):
                if len(right) * left > MAX_REPEAT:
                    _refuse()
            return operator.mul(left, right)

    return LetterSandbox


def _refuse():
    from jinja2.exceptions import SecurityError

    raise SecurityError("operation too large for a letter template")


def environment():
    """A fresh sandboxed, autoescaped environment (docxtpl sets attributes on the one it gets)."""
    env = _environment_class()(autoescape=True)
    env.globals = {"range": env.globals["range"]}  # the sandbox's own bounded range
    return env


def security_error():
    from jinja2.exceptions import SecurityError

    return SecurityError
