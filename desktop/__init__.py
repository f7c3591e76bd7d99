"""Pelita: Pelayanan Terpadu Dinas Sosial."""

__version__ = "0.1.0"
APP_NAME = "Pelita"
ORG_NAME = "Pelita"

from desktop import drivers  # noqa: E402  (before any module of ours imports peewee)

drivers.import_peewee()
