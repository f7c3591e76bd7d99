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
    from desktop.services import timefmt
    from desktop.services.demo import seed
    from desktop.views import workers
    from desktop.views.login_dialog import LoginDialog
    from desktop.views.main_window import MainWindow
    from desktop.views.session import Session

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "qt"))
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    workers.SYNCHRONOUS = True  # every page shows its data in the picture
    url = "sqlite:///" + str(home / "demo.db")
    target = database.connect(url)
    seed.fill(size=args.size)
    timefmt.set_office_time_zone("Asia/Jakarta")
    args.out.mkdir(parents=True, exist_ok=True)

    login = LoginDialog(target.describe(), username="layanan")
    login.show()
    app.processEvents()
    _save(login, args.out / "00-login.png")
    login.close()

    # Each section as the first of these who uses it daily sees it: front office, head, admin.
    written = []
    taken = set()
    for username in ("layanan", "kadis", "admin"):
        user = User.get(User.username == username)
        window = MainWindow(Session(user, target.describe(), url), demo=True)
        window.resize(WIDTH, HEIGHT)
        window.show()
        for section in window.sections:
            if section.key in taken:
                continue
            taken.add(section.key)
            window.select_section(section.key)
            if section.key == "pemohon":  # show a person, not an empty search
                page = window.pages["pemohon"]
                page.search_edit.setText("Sri")
                page.search()
                page.results.setCurrentRow(0)
            app.processEvents()
            path = args.out / f"{len(taken):02d}-{section.key}.png"
            _save(window, path)
            written.append(path)
        if username == "layanan":
            written += _dialogs(args.out, Session(user, target.describe(), url), window)
        window.idle_lock.stop()
        window.close()
    written.insert(0, args.out / "00-login.png")
    for path in written:
        print(path)
    database.close()
    return 0


def _dialogs(out: Path, session, window) -> list[Path]:
    """The new-application flow and an application's detail, as the front office sees them."""
    from desktop.models import Application
    from desktop.views.application_detail import ApplicationDetailDialog
    from desktop.views.new_application import NewApplicationDialog

    app = QApplication.instance()
    new = NewApplicationDialog(session, window)
    new.resize(1000, 700)
    new.show()
    app.processEvents()
    paths = [out / "20-permohonan-baru.png"]
    _save(new, paths[-1])
    new.close()
    busy = (Application.select().where(Application.state == "open")
            .order_by(Application.current_step.desc(), Application.received_at.desc()).first())
    detail = ApplicationDetailDialog(session, busy.id, window)
    detail.resize(1100, 760)
    detail.show()
    app.processEvents()
    paths.append(out / "21-detail-permohonan.png")
    _save(detail, paths[-1])
    detail.close()
    return paths


def _save(widget, path: Path) -> None:
    if not widget.grab().save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")


if __name__ == "__main__":
    sys.exit(main())
