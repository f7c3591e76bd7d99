"""The one Jinja environment every letter is rendered and checked in.

Templates live in the database, so anyone with its login could plant one: Jinja's sandbox
refuses underscore attributes, calls of unsafe methods and oversized ranges at render time;
the globals are cut to `range` so `cycler`, `joiner`, `lipsum` and `namespace` (whose
`__init__.__globals__` reach the os module) are not there to start from.
"""
import functools


@functools.cache
def _environment_class():
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment


def environment():
    """A fresh sandboxed, autoescaped environment (docxtpl sets attributes on the one it gets)."""
    env = _environment_class()(autoescape=True)
    env.globals = {"range": env.globals["range"]}  # the sandbox's own bounded range
    return env


def security_error():
    from jinja2.exceptions import SecurityError

    return SecurityError
