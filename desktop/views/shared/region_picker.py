"""Kelurahan and kecamatan chosen from the office region's list: editable combo boxes whose
typed text completes from the list (any part of the name). Picking a kelurahan sets its
kecamatan; a kecamatan narrows the kelurahan offered. Without a list they take any text: the
service decides what is refused."""
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit


class PlaceCombo(QComboBox):
    """An editable combo read and filled like a line edit (text, setText)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typed names stay typed only
        self.setMaxVisibleItems(12)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "rejo" finds Kemirirejo
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def text(self) -> str:
        return self.currentText()

    def setText(self, text: str) -> None:
        self.setCurrentIndex(self.findText(text or "", Qt.MatchFlag.MatchFixedString))
        self.setEditText(text or "")

    def set_items(self, names: list[str]) -> None:
        """Offer `names`, keeping what is typed."""
        typed = self.text()
        self.blockSignals(True)
        self.clear()
        self.addItems(names)
        self.blockSignals(False)
        self.setText(typed)


class RegionPicker(QObject):
    """The pair of combos for a form's two rows; `region` is regions.Region or None."""

    def __init__(self, region, city_edit: QLineEdit | None = None, parent=None):
        super().__init__(parent)
        self.region = region
        self.city_edit = city_edit
        self.kelurahan = PlaceCombo()
        self.kecamatan = PlaceCombo()
        if region is None:
            return
        self.kelurahan.lineEdit().setPlaceholderText("ketik sebagian nama, pilih dari daftar")
        self.kecamatan.lineEdit().setPlaceholderText("terisi sendiri dari kelurahan")
        self.kecamatan.set_items(sorted(region.kecamatan))
        self.kelurahan.set_items(region.kelurahan())
        self.kecamatan.lineEdit().editingFinished.connect(self._kecamatan_chosen)
        self.kecamatan.activated.connect(self._kecamatan_chosen)
        self.kelurahan.lineEdit().editingFinished.connect(self._kelurahan_chosen)
        # A whole name typed sets its kecamatan at once, before the popup is even closed.
        self.kelurahan.lineEdit().textEdited.connect(self._kelurahan_typed)
        self.kelurahan.activated.connect(self._kelurahan_chosen)
        self.kelurahan.completer().activated.connect(self._kelurahan_chosen)

    def _kecamatan_chosen(self, *_) -> None:
        found = self.region.find_kecamatan(self.kecamatan.text())
        if found is not None:
            self.kecamatan.setText(found)
        self.kelurahan.set_items(self.region.kelurahan(found or ""))

    def _kelurahan_typed(self, text: str) -> None:
        found = self.region.find_kelurahan(text, self.kecamatan.text())
        if found is not None:
            self._set_kecamatan(found[1])

    def _set_kecamatan(self, kecamatan: str) -> None:
        if self.kecamatan.text() != kecamatan:
            self.kecamatan.setText(kecamatan)
            self.kelurahan.set_items(self.region.kelurahan(kecamatan))
        if self.city_edit is not None and not self.city_edit.text().strip():
            self.city_edit.setText(self.region.name)

    def _kelurahan_chosen(self, *_) -> None:
        found = self.region.find_kelurahan(self.kelurahan.text(), self.kecamatan.text())
        if found is None:
            return
        self.kelurahan.setText(found[0])
        self._set_kecamatan(found[1])
