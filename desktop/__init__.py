"""Pelita: Pelayanan Terpadu Dinas Sosial."""

__version__ = "0.1.0"
APP_NAME = "Pelita"
ORG_NAME = "Pelita"
