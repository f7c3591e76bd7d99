"""Build resources/translations/qt_id.ts and qt_id.qm: Indonesian for the strings Qt itself shows
in Pelita (standard buttons, the text fields' context menu, message box details, Qt's own file
dialog where the system has none). Qt ships no qtbase_id.qm, so Pelita carries its own.

Run after changing TRANSLATIONS: `PYTHONPATH=. .venv/bin/python scripts/build_translations.py`.
It needs lrelease, which PySide6 ships; the app itself loads only the .qm.
"""
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "translations" / "qt_id"

# context -> {Qt's English source text: Indonesian}. The sources are Qt's own, exactly as its
# code passes them to tr() (qplatformtheme.cpp, qlineedit.cpp, qmessagebox.cpp, …).
EDITING = {"&Undo": "&Urungkan", "&Redo": "Ulang&i", "Cu&t": "Po&tong", "&Copy": "&Salin",
           "&Paste": "T&empel", "Delete": "Hapus", "Select All": "Pilih Semua"}
TRANSLATIONS = {
    "QPlatformTheme": {
        "OK": "OK", "Save": "Simpan", "Save All": "Simpan Semua", "Open": "Buka",
        "&Yes": "&Ya", "Yes to &All": "Ya untuk &Semua", "&No": "&Tidak",
        "N&o to All": "T&idak untuk Semua", "Abort": "Hentikan", "Retry": "Coba Lagi",
        "Ignore": "Abaikan", "Close": "Tutup", "Cancel": "Batal", "Discard": "Buang",
        "Help": "Bantuan", "Apply": "Terapkan", "Reset": "Atur Ulang",
        "Restore Defaults": "Kembalikan Bawaan"},
    "QGnomeTheme": {  # the same buttons where Qt follows GNOME (Linux desktops)
        "&OK": "&OK", "&Save": "&Simpan", "&Cancel": "&Batal", "&Close": "&Tutup",
        "Close without Saving": "Tutup tanpa Menyimpan"},
    "QMessageBox": {"Show Details...": "Tampilkan Rincian...",
                    "Hide Details...": "Sembunyikan Rincian..."},
    "QLineEdit": EDITING,
    "QWidgetTextControl": {**EDITING, "Copy &Link Location": "Salin &Alamat Tautan"},
    "QAbstractSpinBox": {"&Select All": "&Pilih Semua", "&Step up": "&Naik",
                         "Step &down": "&Turun"},
    "QWizard": {"< &Back": "< &Kembali", "&Next >": "&Lanjut >", "&Next": "&Lanjut",
                "&Finish": "&Selesai", "Cancel": "Batal", "&Help": "&Bantuan",
                "Commit": "Simpan"},
    "QFileDialog": {
        "Look in:": "Lihat di:", "File &name:": "&Nama berkas:",
        "Files of type:": "Jenis berkas:", "&Open": "&Buka", "&Save": "&Simpan",
        "&Choose": "&Pilih", "Open": "Buka", "Save As": "Simpan Sebagai",
        "All Files (*)": "Semua Berkas (*)", "Back": "Kembali", "Forward": "Maju",
        "Parent Directory": "Folder Induk", "Create New Folder": "Buat Folder Baru",
        "New Folder": "Folder Baru", "&New Folder": "Folder &Baru",
        "List View": "Tampilan Daftar", "Detail View": "Tampilan Rinci",
        "Directory:": "Folder:", "Recent Places": "Tempat Terakhir",
        "My Computer": "Komputer Saya", "Computer": "Komputer", "&Delete": "&Hapus",
        "&Rename": "&Ubah Nama", "Show &hidden files": "Tampilkan berkas &tersembunyi",
        "%1 already exists.\nDo you want to replace it?":
            "%1 sudah ada.\nGanti dengan berkas yang baru?",
        "Are you sure you want to delete '%1'?": "Yakin akan menghapus '%1'?"},
    "QFileSystemModel": {"Name": "Nama", "Size": "Ukuran", "Type": "Jenis", "Kind": "Jenis",
                         "Date Modified": "Tanggal Diubah"},
}


def ts_text() -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="id_ID">']
    for context, messages in TRANSLATIONS.items():
        lines.append(f"<context><name>{context}</name>")
        for source, translation in messages.items():
            lines.append(f"<message><source>{escape(source)}</source>"
                         f"<translation>{escape(translation)}</translation></message>")
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def lrelease() -> str:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).exists():
            return str(folder / name)
    raise SystemExit("lrelease not found in the PySide6 package")


def build(target: Path = TARGET) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    ts = target.with_suffix(".ts")
    ts.write_text(ts_text(), encoding="utf-8")
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(target.with_suffix(".qm"))],
                   check=True)
    return target.with_suffix(".qm")


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
