"""Draft letters for many applications at once, each in its own transaction.

Qt-free: a screen runs draft_many in a worker thread (inside db.connection_context()) and
passes `progress` and `cancelled` callables that talk to the UI thread through signals.
"""
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.errors import PelitaError
from desktop.services.applications import workflow
from desktop.services.letters import lifecycle
from desktop.services.shared import permissions

log = logging.getLogger(__name__)


@dataclass
class BatchResult:
    created: list = field(default_factory=list)  # Letter
    failed: list = field(default_factory=list)  # (application id, registration number, reason)
    cancelled: bool = False

    def summary(self) -> str:
        text = f"{len(self.created)} konsep surat dibuat"
        if self.failed:
            text += f", {len(self.failed)} gagal"
        if self.cancelled:
            text += "; dibatalkan sebelum selesai"
        return text + "."


def draft_many(actor, application_ids, signer, *,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> BatchResult:
    """Draft each application's letter; one failure is recorded and the rest go on.

    `progress(done, total)` is called after each application; `cancelled()` is asked before
    each and stops the batch when true (letters already drafted stay).
    """
    permissions.require(actor, "letters.draft")
    ids = list(dict.fromkeys(application_ids))
    result = BatchResult()
    total = len(ids)
    for done, application_id in enumerate(ids):
        if cancelled is not None and cancelled():
            result.cancelled = True
            break
        reg_number = ""
        try:
            application = workflow.get(application_id, actor, record=False)
            reg_number = application.reg_number
            result.created.append(lifecycle.draft(actor, application, signer=signer))
        except PelitaError as exc:
            result.failed.append((application_id, reg_number, exc.message))
        except Exception as exc:  # one broken record must not stop the batch
            log.error("Drafting for application %s failed: %s", application_id,
                      type(exc).__name__)
            result.failed.append((application_id, reg_number, "kesalahan tak terduga; "
                                  "laporkan nomor permohonan ini kepada administrator."))
        if progress is not None:
            progress(done + 1, total)
    return result
