"""Render every section of the main window, with demo data, offscreen to PNG files.

    python scripts/screenshots.py --out docs/screenshots [--size 500]

The README's pictures come from here.
"""
import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

WIDTH, HEIGHT = 1280, 800


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--size", type=int, default=500, help="demo applications")
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="pelita-shots-"))
    # Keep the user's own settings and connection profile out of it.
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")

    from PySide6.QtCore import QSettings

    from desktop import database
    from desktop.models import User
    from desktop.services.demo import seed
    from desktop.services.shared import timefmt
    from desktop.views.shell import workers
    from desktop.views.shell.login_dialog import LoginDialog
    from desktop.views.shell.main_window import MainWindow
    from desktop.views.shell.sections import visible_sections
    from desktop.views.shell.session import Session

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "qt"))
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    workers.SYNCHRONOUS = True  # every page shows its data in the picture
    first_run = _first_run(args.out, home)
    url = "sqlite:///" + str(home / "demo.db")
    target = database.connect(url)
    seed.fill(size=args.size)
    timefmt.set_office_time_zone("Asia/Jakarta")
    args.out.mkdir(parents=True, exist_ok=True)

    login = LoginDialog(target.describe(), username="layanan")
    login.show()
    app.processEvents()
    _save(login, args.out / "login.png")
    login.close()

    # Each section as the role that works in it daily: the duty officer's schedule, the
    # head's letters; the rest as the front office, else the head, else the administrator.
    preferred = {"jadwal": "piket", "surat": "kadis"}
    users = {name: User.get(User.username == name)
             for name in ("piket", "kadis", "layanan", "admin")}
    owner = {}
    for name in ("layanan", "kadis", "admin"):
        for section in visible_sections(users[name]):
            owner.setdefault(section.key, preferred.get(section.key, name))
    written = []
    for username, user in users.items():
        window = MainWindow(Session(user, target.describe(), url), demo=True)
        window.resize(WIDTH, HEIGHT)
        window.show()
        for section in window.sections:
            if owner.get(section.key) != username:
                continue
            window.select_section(section.key)
            if section.key == "pemohon":  # show a person, not an empty search
                page = window.pages["pemohon"]
                page.search_edit.setText("Sri")
                page.search()
                page.results.setCurrentRow(0)
            if section.key == "surat":  # a letter waiting for this head, with its preview
                page = window.pages["surat"]
                page.select_state("waiting_signature")
                page.table.selectRow(0)
            app.processEvents()
            path = args.out / f"{section.key}.png"
            _save(window, path)
            written.append(path)
        if username == "layanan":
            written += _dialogs(args.out, Session(user, target.describe(), url), window)
        window.idle_lock.stop()
        window.close()
    written[:0] = [args.out / "login.png", first_run]
    for path in written:
        print(path)
    database.close()
    return 0


def _first_run(out: Path, home: Path) -> Path:
    """A new office's first start, on its office step (an empty database of its own)."""
    from PySide6.QtWidgets import QWizard

    from desktop import database
    from desktop.views.shell.first_run_wizard import FirstRunWizard

    url = "sqlite:///" + str(home / "baru.db")
    target = database.connect(url)
    wizard = FirstRunWizard(target.describe(), url)
    wizard.show()
    wizard.button(QWizard.WizardButton.NextButton).click()
    page = wizard.office_page
    page.province.setCurrentIndex(page.province.findData("35"))
    page.regency.setCurrentIndex(page.regency.findData("3520"))
    page.address.setPlainText("Jl. Tripandita No. 17, Magetan")
    page.phone.setText("(0351) 895 000")
    QApplication.instance().processEvents()
    path = out / "persiapan-kantor.png"
    _save(wizard, path)
    wizard.close()
    database.close()
    return path


def _dialogs(out: Path, session, window) -> list[Path]:
    """The new-application flow and an application's detail, as the front office sees them."""
    from desktop.models import Application
    from desktop.views.applications.application_detail import ApplicationDetailDialog
    from desktop.views.applications.new_application import NewApplicationDialog

    app = QApplication.instance()
    new = NewApplicationDialog(session, window)
    new.resize(1000, 700)
    new.show()
    app.processEvents()
    paths = [out / "permohonan-baru.png"]
    _save(new, paths[-1])
    new.close()
    busy = (Application.select().where(Application.state == "open")
            .order_by(Application.current_step.desc(), Application.received_at.desc()).first())
    detail = ApplicationDetailDialog(session, busy.id, window)
    detail.resize(1100, 760)
    detail.show()
    app.processEvents()
    paths.append(out / "detail-permohonan.png")
    _save(detail, paths[-1])
    detail.close()
    return paths


def _save(widget, path: Path) -> None:
    if not widget.grab().save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")


if __name__ == "__main__":
    sys.exit(main())
