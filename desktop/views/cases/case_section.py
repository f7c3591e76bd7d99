"""The application detail's case section: the case kind's own panel and its rules, each with
its standing and, for a kepala, a way to override one that is not met with a written reason.

A plain application (no case kind) shows nothing and costs no query; a case of a kind costs
one (registry.case_file: the kind's record and the overrides together)."""
import importlib

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from desktop.errors import PelitaError
from desktop.services.cases import guards, registry
from desktop.services.cases.kind import accepts_case_data
from desktop.services.shared import permissions, timefmt
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import FieldErrors, dialog_buttons, error_label
from desktop.views.shared.rich_text import typed_text

COLOURS = {True: "#1e6b35", False: "#a93226"}


class CaseSection(QWidget):
    """Hidden for plain applications. `changed` asks the detail to read the case again."""

    changed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.kind = None
        self.panel = None
        self.application = None
        self.standings: list[guards.Standing] = []
        self.heading = QLabel()  # bold, as the detail's other section titles
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.rules = QWidget()  # made again for each showing: rules are few
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.rules)
        self.hide()

    def show_case(self, application) -> None:
        self.application = application
        case = registry.case_file(application)
        if case is None:
            self.hide()
            return
        if case.kind is not self.kind:
            self._build_panel(case.kind)
        self.heading.setText(case.kind.label)
        if self.panel is not None:
            self.panel.show_record(application, case.record)
        self.standings = guards.standings(case)
        self._fill_rules()
        self.show()

    def _build_panel(self, kind) -> None:
        if self.panel is not None:
            self.panel.deleteLater()
            self.panel = None
        self.kind = kind
        if kind.panel is None:
            return
        module, name = kind.panel
        self.panel = getattr(importlib.import_module(module), name)(self.session, self)
        self.panel.changed.connect(self.changed)
        self.layout_.insertWidget(1, self.panel)

    def _fill_rules(self) -> None:
        rules = QWidget()
        rows = QVBoxLayout(rules)
        rows.setContentsMargins(0, 0, 0, 0)
        may_override = (permissions.can(self.session.user, "cases.override")
                        and accepts_case_data(self.application))
        for standing in self.standings:
            row = QHBoxLayout()
            label = QLabel(rule_text(standing))
            label.setWordWrap(True)
            row.addWidget(label, 1)
            if not standing.passes and may_override:
                button = QPushButton("Kesampingkan…")
                button.setToolTip("Lanjutkan permohonan tanpa aturan ini, dengan alasan "
                                  "tertulis yang tercatat di jejak audit")
                button.clicked.connect(lambda _=False, s=standing: self.override(s))
                row.addWidget(button)
            rows.addLayout(row)
        self.layout_.replaceWidget(self.rules, rules)
        self.rules.deleteLater()
        self.rules = rules

    def override(self, standing) -> None:
        dialog = OverrideDialog(self.session, self.application, standing, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed.emit()


def rule_text(standing) -> str:
    colour = COLOURS[standing.passes]
    outcome = standing.outcome
    text = (f"<span style='color:{colour}'>{'✔' if standing.passes else '✖'}</span> "
            f"{standing.rule.label}: {outcome.verdict.value} ({typed_text(outcome.reason)})")
    if standing.override is not None and not outcome.met:
        o = standing.override
        text += (f"<br/><span style='color:#666'>Dikesampingkan oleh {typed_text(o.username)}, "
                 f"{timefmt.format_local(o.at)}: {typed_text(o.reason)}</span>")
    return text


class OverrideDialog(QDialog):
    def __init__(self, session, application, standing, parent=None):
        super().__init__(parent)
        self.session, self.application, self.standing = session, application, standing
        self.setWindowTitle("Kesampingkan aturan — Pelita")
        intro = QLabel(f"<b>{standing.rule.label}</b>: {standing.outcome.reason}.<br/>"
                       "Tuliskan mengapa permohonan ini boleh dilanjutkan. Alasan tercatat "
                       "tetap bersama permohonan dan di jejak audit.")
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(90)
        self.error = error_label()
        self.errors = FieldErrors(self.error, {"Alasan": self.reason})
        buttons, _ = dialog_buttons(self, "Kesampingkan", self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def save(self) -> None:
        try:
            guards.override(self.session.user, self.application, self.standing.key,
                            self.reason.toPlainText())
        except PelitaError as exc:
            self.error.show()
            self.errors.show(exc)
            return
        except Exception as exc:
            self.error.show()
            self.error.setText(describe(exc, "Alasan belum tersimpan."))
            return
        self.accept()
