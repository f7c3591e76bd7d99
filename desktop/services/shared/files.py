"""Writing a file the user named: written beside it and moved into place, so a full disk, a
crash or a cancel never leaves half a file under that name (nor the partial one beside it)."""
from pathlib import Path

PARTIAL_SUFFIX = ".sebagian"


def write_beside(path, write):
    """`write(partial_path)` fills the file; on success it replaces `path`. Its result."""
    path = Path(path)
    partial = path.with_name(path.name + PARTIAL_SUFFIX)
    try:
        result = write(partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
    return result
