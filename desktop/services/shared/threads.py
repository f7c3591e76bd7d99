"""Service calls on a thread of their own (a worker pool's): each gets its own connection."""
from desktop.models import db


def own_connection():
    """A context in which this thread has its own connection, returned to the pool after."""
    return db.connection_context()
