"""The `pelita` command: the app, and administration from the command line."""
import argparse
import shutil
import sys
from pathlib import Path

from desktop import __version__


def _add_database_option(parser: argparse.ArgumentParser, top: bool = False) -> None:
    parser.add_argument("--database", metavar="URL",
                        default=None if top else argparse.SUPPRESS,
                        help="sqlite:///berkas.db, postgresql://user@server/db atau "
                             "mysql://user@server/db (jika tidak diisi: PELITA_DATABASE_URL, "
                             "lalu profil koneksi tersimpan, lalu berkas tertanam)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pelita", description="Pelita: Pelayanan Terpadu "
                                     "Dinas Sosial.")
    parser.add_argument("--version", action="version", version=f"Pelita {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="buka aplikasi pada database sementara berisi data contoh, "
                             "masuk sebagai administrator contoh")
    _add_database_option(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH")

    db_cmd = commands.add_parser("db", help="skema database")
    db_sub = db_cmd.add_subparsers(dest="action", metavar="AKSI", required=True)
    for name, text in [("upgrade", "buat atau perbarui skema dan katalog layanan"),
                       ("status", "tampilkan keadaan skema")]:
        _add_database_option(db_sub.add_parser(name, help=text))
    grant = db_sub.add_parser("grant-app-user", help="buat atau perbarui pengguna database "
                              "aplikasi (hanya data; tidak bisa mengubah skema atau jejak audit)")
    grant.add_argument("name")
    secret = grant.add_mutually_exclusive_group()
    secret.add_argument("--password-stdin", action="store_true",
                        help="baca kata sandi dari stdin (untuk skrip)")
    secret.add_argument("--keep-password", action="store_true",
                        help="pengguna yang sudah ada: perbarui haknya saja, kata sandinya tetap")
    _add_database_option(grant)

    user_cmd = commands.add_parser("user", help="akun pengguna")
    user_sub = user_cmd.add_subparsers(dest="action", metavar="AKSI", required=True)
    add = user_sub.add_parser("add", help="tambah pengguna")
    add.add_argument("username")
    add.add_argument("--role", required=True,
                     help="administrator, petugas_layanan, pekerja_sosial, kepala, "
                          "petugas_piket")
    add.add_argument("--name", help="nama lengkap (jika tidak diisi, ditanyakan)")
    add.add_argument("--nip", default="")
    add.add_argument("--rank", default="", help="pangkat/golongan")
    add.add_argument("--position", default="", help="jabatan")
    add.add_argument("--password-stdin", action="store_true",
                     help="baca kata sandi dari baris pertama stdin (untuk skrip)")
    _add_database_option(add)
    _add_database_option(user_sub.add_parser("list", help="daftar pengguna"))
    reset = user_sub.add_parser("reset-password", help="atur ulang kata sandi")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true")
    _add_database_option(reset)

    cat_cmd = commands.add_parser("catalog", help="katalog layanan")
    cat_sub = cat_cmd.add_subparsers(dest="action", metavar="AKSI", required=True)
    _add_database_option(cat_sub.add_parser("list", help="daftar layanan dan jangka waktunya"))

    tpl_cmd = commands.add_parser("templates", help="templat surat (letter_templates/)")
    tpl_sub = tpl_cmd.add_subparsers(dest="action", metavar="AKSI", required=True)
    tpl_check = tpl_sub.add_parser("check", help="periksa dan bentuk setiap templat dengan "
                                   "data contoh")
    tpl_check.add_argument("--out", metavar="FOLDER", type=Path,
                           help="simpan hasil DOCX tiap templat (bernama sesuai templatnya)")
    tpl_check.add_argument("--database", metavar="URL", default=None,
                           help="periksa juga templat pengganti yang diunggah administrator "
                                "ke database ini (yang dipakai surat sekarang)")
    tpl_check.add_argument("--no-paper", action="store_true",
                           help="lewati pemeriksaan di atas kertas (PDF per halaman dengan "
                                "LibreOffice dan pdftotext)")

    letters_cmd = commands.add_parser("letters", help="surat")
    letters_sub = letters_cmd.add_subparsers(dest="action", metavar="AKSI", required=True)
    publish = letters_sub.add_parser(
        "publish-verification", help="tulis halaman verifikasi surat untuk situs kantor",
        description="Tulis ke FOLDER halaman verifikasi surat yang berdiri sendiri (index.html "
                    "dan folder data/), untuk diunggah ke situs web kantor. Memindai kode QR "
                    "surat membuka halaman itu dengan kodenya; halaman menampilkan nomor, "
                    "tanggal, hal dan penanda tangan surat itu beserta ASLI, DICABUT atau "
                    "TIDAK DIKENAL. Halaman tidak memuat daftar surat: keterangan setiap surat "
                    "tersandi dengan kode verifikasinya sendiri.",
        epilog="Unggah seluruh isi FOLDER (index.html dan data/) ke satu folder situs, misalnya "
               "https://dinsos.example.go.id/verifikasi/, lalu isi Pengaturan > Alamat halaman "
               "verifikasi surat (letters.verification_url) dengan alamat folder itu "
               "(https://dinsos.example.go.id/verifikasi) atau alamat index.html-nya. Situs "
               "harus https: peramban hanya membuka data tersandi pada https (atau dari berkas "
               "di komputer sendiri). Terbitkan ulang sesudah surat baru ditandatangani atau "
               "dicabut.")
    publish.add_argument("folder", type=Path, metavar="FOLDER",
                         help="folder tujuan (dibuat bila belum ada; terbitan sebelumnya di "
                              "sana diganti)")
    _add_database_option(publish)

    backup_cmd = commands.add_parser("backup", help="cadangkan seluruh database ke satu berkas")
    backup_cmd.add_argument("file", type=Path)
    _add_database_option(backup_cmd)
    restore_cmd = commands.add_parser("restore", help="pulihkan berkas cadangan ke database "
                                      "baru yang kosong (SQLite, PostgreSQL atau MariaDB)")
    restore_cmd.add_argument("file", type=Path)
    _add_database_option(restore_cmd)

    demo = commands.add_parser("demo", help="isi database dengan data contoh yang realistis")
    demo.add_argument("--size", type=int, default=100, help="banyaknya data contoh")
    demo.add_argument("--seed", type=int, default=2026)
    _add_database_option(demo)
    return parser


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass("Kata sandi: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        from desktop.errors import ValidationError

        raise ValidationError("Kata sandi", "kedua isian tidak sama.")
    return first


def _open(url: str | None, need_current: bool = True):
    from desktop import database
    from desktop.services.shell import schema

    target = database.connect(database.resolve_url(url))
    if need_current:
        schema.check_openable()
    return target


def _grant_app_user(args, target) -> int:
    from desktop.services.admin import db_accounts
    from desktop.services.shared import permissions
    from desktop.services.shell import schema

    schema.check_openable()
    password = None if args.keep_password else _read_password(args.password_stdin)
    tables = db_accounts.grant_app_user(permissions.SYSTEM, args.name, password)
    print(f"Database: {target.describe()}")
    print(f"Pengguna aplikasi '{args.name}' siap: {len(tables)} tabel. Isikan pengguna ini di "
          "setiap PC (Ganti koneksi…).")
    return 0


def _regrant(target) -> None:
    from desktop.services.admin import db_accounts
    from desktop.services.shared import permissions

    names = db_accounts.regrant(permissions.SYSTEM)
    if names is None:
        print("Hak pengguna aplikasi pada tabel baru belum diberikan (pengguna ini tidak "
              "berhak): jalankan «pelita db grant-app-user NAMA --keep-password» dengan "
              "akun root server.")
    elif names:
        print(f"Hak pengguna aplikasi diperbarui: {', '.join(names)}.")


def _cmd_db(args) -> int:
    from desktop.services.shell import schema

    target = _open(args.database, need_current=False)
    if args.action == "grant-app-user":
        return _grant_app_user(args, target)
    if args.action == "status":
        current = schema.status()
        print(f"Database: {target.describe()}")
        print(current.describe())
        for name in current.applied:
            print(f"  [x] {name}")
        for name in current.pending:
            print(f"  [ ] {name}")
        return 0 if current.state == "current" else 2
    applied = schema.upgrade()
    from desktop.services.catalog import service_catalog

    print(f"Database: {target.describe()}")
    print(f"Migrasi dijalankan: {', '.join(applied) if applied else 'tidak ada (sudah mutakhir)'}")
    print(f"Katalog layanan: {len(service_catalog.list_services())} layanan.")
    _regrant(target)
    return 0


def _cmd_user(args) -> int:
    from desktop.services.admin import users
    from desktop.services.shared import permissions

    _open(args.database)
    if args.action == "list":
        for user in users.list_users(permissions.SYSTEM):
            state = "aktif" if user.active else "nonaktif"
            print(f"{user.username:<20} {permissions.role_label(user.role):<16} {state:<9} "
                  f"{user.full_name}")
        return 0
    if args.action == "add":
        name = args.name or input("Nama lengkap: ")
        password = _read_password(args.password_stdin)
        user = users.add_user(permissions.SYSTEM, args.username, name, args.role, password,
                              nip=args.nip, rank=args.rank, position=args.position)
        print(f"Pengguna '{user.username}' ({permissions.role_label(user.role)}) dibuat.")
        return 0
    user = users.get(args.username)
    users.reset_password(permissions.SYSTEM, user, _read_password(args.password_stdin))
    print(f"Kata sandi '{user.username}' diatur ulang; kunci akun dibuka.")
    return 0


def _cmd_catalog(args) -> int:
    from desktop.services.catalog import service_catalog

    _open(args.database)
    office_name = None
    for service in service_catalog.list_services():
        if service.source_office != office_name:
            office_name = service.source_office
            print(f"\n{office_name}")
        limit = service_catalog.time_limit(service).describe()
        flag = "" if service.active else " (nonaktif)"
        print(f"  {service.code:<44} {limit:<26} {service.name}{flag}")
    return 0


def _cmd_demo(args) -> int:
    from desktop.services.demo import seed

    target = _open(args.database, need_current=False)
    report = seed.fill(size=args.size, seed=args.seed)
    print(f"Data contoh dimasukkan ke {target.describe()}.")
    for key, count in report.counts.items():
        print(f"  {key}: {count}")
    if report.users:
        print(f"Akun contoh ({', '.join(report.users)}), kata sandi: {seed.DEMO_PASSWORD}")
    return 0


def _cmd_templates(args) -> int:
    from desktop.services.letters import catalogue, checks, templates

    replacement = None
    if args.database:
        target = _open(args.database)
        print(f"Templat pengganti dari {target.describe()} diperiksa bila ada.")
        replacement = templates.active_template
    problems = checks.check_all(out_dir=args.out, replacement=replacement,
                                on_paper=not args.no_paper)
    failed = {p.template for p in problems}
    for key in catalogue.TEMPLATES:
        if f"{key}.docx" not in failed:
            print(f"  OK     {key}.docx")
    for problem in problems:
        print(f"  GAGAL  {problem}")
    if args.out is not None:
        print(f"Hasil disimpan di {args.out}")
    print(f"{len(catalogue.TEMPLATES)} templat diperiksa, {len(problems)} masalah.")
    return 1 if problems else 0


def _cmd_letters(args) -> int:
    from desktop.services.letters import publish
    from desktop.services.shared import permissions

    target = _open(args.database)
    done = publish.publish(permissions.SYSTEM, args.folder)
    print(f"Database: {target.describe()}")
    print(f"Halaman verifikasi ditulis ke {done.folder.resolve()}: {done.letters} surat "
          f"({done.revoked} dicabut; {done.hidden_subjects} surat layanan sensitif tanpa hal), "
          f"index.html dan {done.shards} berkas di data/.")
    print("Unggah seluruh isi folder itu (index.html dan data/) ke folder situs kantor yang "
          "beralamat https.")
    if done.page_url:
        print(f"Kode QR surat membuka {done.page_url}?kode=…: folder yang diunggah harus ada "
              "di alamat itu.")
    else:
        print("Alamat halaman verifikasi (Pengaturan, letters.verification_url) belum diisi: "
              "kode QR surat belum membuka halaman ini. Isi dengan alamat folder yang diunggah, "
              "mis. https://dinsos.example.go.id/verifikasi; kode QR surat yang ditandatangani "
              "sesudahnya memuat alamat itu.")
    return 0


def _cmd_backup(args) -> int:
    from desktop.services.admin import backup
    from desktop.services.shared import permissions

    target = _open(args.database)
    report = backup.backup(permissions.SYSTEM, args.file)
    print(f"Database: {target.describe()}")
    print(f"Cadangan: {report.path} ({len(report.tables)} tabel, {report.rows} baris, "
          f"{report.path.stat().st_size / 1048576:.1f} MB)")
    return 0


def _cmd_restore(args) -> int:
    from desktop.services.admin import backup
    from desktop.services.shared import permissions

    target = _open(args.database, need_current=False)
    report = backup.restore(permissions.SYSTEM, args.file)
    print(f"Database: {target.describe()}")
    print(f"Dipulihkan dari {report.path}: {len(report.tables)} tabel, {report.rows} baris; "
          "jumlah baris dan sidik SHA-256 setiap tabel cocok.")
    return 0


def _run_demo_app() -> int:
    import tempfile

    from desktop import database
    from desktop.models import User
    from desktop.services.demo import seed
    from desktop.views.shell import app

    _remove_old_demos(Path(tempfile.gettempdir()))
    folder = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
    url = "sqlite:///" + str(folder / "demo.db")
    try:
        database.connect(url)
        seed.fill(size=200)
        return app.run(url, demo_user=User.get(User.username == "admin"))
    finally:  # the demo is thrown away: nothing of it stays in the temporary folder
        database.close()
        shutil.rmtree(folder, ignore_errors=True)


DEMO_PREFIX = "pelita-demo-"
OLD_DEMO_S = 24 * 3600


def _remove_old_demos(temp: Path) -> None:
    """Demo folders a crash or a killed process left behind, a day old or more (a demo that
    is running now is younger)."""
    import time

    for folder in temp.glob(DEMO_PREFIX + "*"):
        try:
            if folder.is_dir() and time.time() - folder.stat().st_mtime > OLD_DEMO_S:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


def main(argv=None) -> int:
    from desktop.errors import PelitaError

    args = build_parser().parse_args(argv)
    handlers = {"db": _cmd_db, "user": _cmd_user, "catalog": _cmd_catalog, "demo": _cmd_demo,
                "templates": _cmd_templates, "letters": _cmd_letters, "backup": _cmd_backup,
                "restore": _cmd_restore}
    try:
        if args.command in handlers:
            return handlers[args.command](args)
        if args.demo:
            return _run_demo_app()
        from desktop.views.shell import app

        return app.run(args.database)
    except PelitaError as exc:
        print(f"Gagal: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
