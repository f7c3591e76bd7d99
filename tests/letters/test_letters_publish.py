"""The verification page for phones outside the office (`pelita letters publish-verification`):
what its files hold (no list of letters, nothing readable without a letter's own code), and
what a real browser shows for a genuine, an altered, an unknown and a revoked code."""
import fcntl
import functools
import http.server
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading

import pytest

from desktop import cli
from desktop.errors import PermissionDenied, ValidationError
from desktop.models import AuditEntry
from desktop.services.letters import context as letter_context, lifecycle, publish
from desktop.services.shared import permissions, timefmt
from tests.factories import submit_complete
from tests.letters.test_letters_lifecycle import adoption_case, ready_to_sign, setup_office

REASON = "Surat dibuat untuk permohonan yang salah."


def issued_letters(o) -> dict:
    """One letter of each kind the page tells apart, and one not yet signed."""
    made = {"genuine": lifecycle.sign(o["head"], ready_to_sign(o)),
            "on_behalf": lifecycle.sign(o["head"], ready_to_sign(o, signing_as="a.n."), "a.n."),
            "revoked": lifecycle.revoke(o["head"], lifecycle.sign(o["head"], ready_to_sign(o)),
                                        REASON)}
    # A child's case (an adoption): sensitive, its subject not published.
    child = lifecycle.draft(o["worker"], adoption_case(o), signer=o["head"])
    child = lifecycle.paraf(o["coordinator"], submit_complete(o["worker"], child))
    made["sensitive"] = lifecycle.sign(o["head"], child)
    made["unsigned"] = ready_to_sign(o)
    return made


def code_of(letter) -> str:
    return letter.verification_code


def altered(code: str) -> str:
    """The code with one character changed, as a mistyped or forged code would be."""
    swap = "X" if code[5] != "X" else "Y"
    return code[:5] + swap + code[6:]


def folder_text(folder) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*"))
                     if p.is_file())


def test_the_page_holds_each_letter_only_under_its_own_code(backend_db, tmp_path,
                                                            monkeypatch):
    o = setup_office()
    made = issued_letters(o)
    monkeypatch.setattr(publish, "BATCH", 3)  # read in pages: 3 letters, then 1
    folder = tmp_path / "verifikasi"
    with pytest.raises(PermissionDenied, match="halaman verifikasi"):
        publish.publish(o["clerk"], folder)
    done = publish.publish(o["admin"], folder)
    assert (done.letters, done.revoked, done.hidden_subjects) == (4, 1, 1)
    assert (folder / "index.html").exists() and done.shards == len(list(
        (folder / "data").glob("*.js")))

    # Nothing in the files a reader without the code could use: no code, number, subject,
    # applicant, NIK or signer; only the office's name and the scheme's parameters.
    text = folder_text(folder)
    secrets = ["Agus Prasetyo", "3371011503850001", "Dewi Lestari", "3371024409860003",
               "Muhammad Rizki", "Agus Setiawan", "3371021507840001", "Kabid Santoso",
               "19700512", "Pengangkatan", REASON]
    for letter in (made["genuine"], made["on_behalf"], made["revoked"], made["sensitive"]):
        code = code_of(letter)
        secrets += [code, letter_context.format_code(code), letter.number, letter.subject,
                    str(letter.sequence).zfill(4) + "/"]
    for secret in secrets:
        assert secret not in text, secret
    assert "Dinas Sosial Kota Magelang" in text
    manifest = publish.read_manifest(folder)
    assert manifest["iterations"] == publish.ITERATIONS >= 100_000

    # Each entry opens with its own code, as the page opens it.
    genuine = publish.read_entry(folder, code_of(made["genuine"]))
    day = timefmt.format_date(timefmt.to_local(made["genuine"].signed_at).date())
    assert genuine == {"status": "asli", "nomor": made["genuine"].number, "tanggal": day,
                       "hal": made["genuine"].subject, "penanda_tangan": "Kabid Santoso",
                       "jabatan": "Kepala Bidang Rehabilitasi Sosial",
                       "sebagai": "Atas jabatan sendiri", "dicabut": ""}
    on_behalf = publish.read_entry(folder, code_of(made["on_behalf"]))
    assert on_behalf["sebagai"] == "Atas nama (a.n.) Kepala Dinas Sosial Kota Magelang"
    revoked = publish.read_entry(folder, code_of(made["revoked"]))
    revoked_day = timefmt.format_date(timefmt.to_local(made["revoked"].revoked_at).date())
    assert (revoked["status"], revoked["dicabut"]) == ("dicabut", revoked_day)
    assert REASON not in json.dumps(revoked)  # the reason stays in the app
    sensitive = publish.read_entry(folder, code_of(made["sensitive"]))
    assert sensitive["hal"] == publish.SENSITIVE_SUBJECT
    assert sensitive["nomor"] == made["sensitive"].number
    assert "Rizki" not in json.dumps(sensitive) and "Anak" not in json.dumps(sensitive)
    assert publish.read_entry(folder, altered(code_of(made["genuine"]))) is None
    assert publish.read_entry(folder, "ABCDEFGHJKMN") is None
    assert made["unsigned"].verification_code is None
    entry = AuditEntry.select().where(AuditEntry.action == "publish").get()
    assert entry.username == "admin" and '"letters": 4' in entry.new_values

    # Published again: a new salt, so no hash of the first publication is in the second.
    first = {p.name: p.read_text() for p in (folder / "data").glob("*.js")}
    again = publish.publish(permissions.SYSTEM, folder)
    assert again.letters == 4 and publish.read_manifest(folder)["salt"] != manifest["salt"]
    second = folder_text(folder)
    for shard in first.values():
        for lookup in json.loads(shard[shard.index("{"):shard.rindex("}") + 1]):
            assert lookup not in second
    assert publish.read_entry(folder, code_of(made["revoked"]))["status"] == "dicabut"


def test_the_folder_is_checked_before_anything_is_written(sqlite_db, tmp_path):
    o = setup_office()
    lifecycle.sign(o["head"], ready_to_sign(o))
    site = tmp_path / "situs"
    site.mkdir()
    (site / "index.html").write_text("<html>Beranda dinas</html>")
    with pytest.raises(ValidationError, match="Folder tujuan.*index.html lain"):
        publish.publish(o["admin"], site)
    assert (site / "index.html").read_text() == "<html>Beranda dinas</html>"
    assert not (site / "data").exists()
    a_file = tmp_path / "berkas.txt"
    a_file.write_text("x")
    with pytest.raises(ValidationError, match="bukan folder"):
        publish.publish(o["admin"], a_file)
    # A previous publication is replaced, and its leftover data files removed.
    folder = tmp_path / "verifikasi"
    publish.publish(o["admin"], folder)
    (folder / "data" / "abc.js").write_text("stale")
    (folder / "data" / "catatan.txt").write_text("not Pelita's")
    publish.publish(o["admin"], folder)
    assert not (folder / "data" / "abc.js").exists()
    assert (folder / "data" / "catatan.txt").exists()


def test_the_command_writes_the_folder_and_says_what_to_upload(sqlite_db, tmp_path, capsys):
    o = setup_office()
    made = lifecycle.sign(o["head"], ready_to_sign(o))
    folder = tmp_path / "verifikasi"
    assert cli.main(["letters", "publish-verification", str(folder), "--database",
                     sqlite_db]) == 0
    out = capsys.readouterr().out
    assert "1 surat" in out and str(folder) in out and "Unggah" in out
    assert "belum diisi" in out  # no verification_url yet: the QR does not open the page
    assert publish.read_entry(folder, code_of(made))["nomor"] == made.number
    with pytest.raises(SystemExit):
        cli.main(["letters", "publish-verification", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "letters.verification_url" in help_text and "https" in help_text


# --- in a real browser -------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DEADLINE = 120  # seconds: only so a broken browser fails the test instead of hanging it
RESULT = """new Promise(function (resolve) {
  (function wait() {
    var box = document.getElementById("hasil");
    var status = box && box.getAttribute("data-status");
    if (status && status !== "memeriksa") resolve({status: status, text: box.innerText});
    else setTimeout(wait, 20);
  })();
})"""


class Chromium:
    """Headless Chromium driven over its DevTools pipe (fds 3 and 4): a page's result is read
    when the page itself says it is done, never after a guessed delay."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="pelita-chromium-")
        to_browser, self._in = os.pipe()
        self._out, from_browser = os.pipe()
        # From 10 up (bash's redirections take any number, dash's one digit), so that neither
        # redirection below overwrites the other's source.
        to_browser, from_browser = (self._above_four(to_browser),
                                    self._above_four(from_browser))
        self.process = subprocess.Popen(
            ["bash", "-c", f'exec "$0" "$@" 3<&{to_browser} 4>&{from_browser}', CHROMIUM,
             "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
             "--disable-extensions", "--remote-debugging-pipe",
             f"--user-data-dir={self.profile}", "about:blank"],
            pass_fds=(to_browser, from_browser), stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self._buffer, self._next = b"", 0

    @staticmethod
    def _above_four(fd: int) -> int:
        moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
        os.close(fd)
        return moved

    def call(self, method, params=None, session=None, until_event=None):
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._in, json.dumps(message).encode() + b"\0")
        reply, event = None, until_event is None
        while reply is None or not event:
            received = self._receive()
            if received.get("id") == self._next:
                if "error" in received:
                    raise RuntimeError(received["error"])
                reply = received["result"]
            elif (reply is not None and received.get("method") == until_event
                  and received.get("sessionId") == session):  # the new page's, after commit
                event = True
        return reply

    def _receive(self) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._out], [], [], DEADLINE)
            chunk = os.read(self._out, 1 << 16) if ready else b""
            if not chunk:
                raise RuntimeError("Chromium did not answer")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def open(self, url: str) -> str:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target,
                                                      "flatten": True})["sessionId"]
        self.call("Page.enable", session=session)
        self.call("Page.navigate", {"url": url}, session, until_event="Page.loadEventFired")
        return session

    def evaluate(self, session: str, expression: str):
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True}, session)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def result(self, session: str) -> dict:
        return self.evaluate(session, RESULT)

    def type_code(self, session: str, text: str) -> dict:
        """Type a code into the field and press Periksa, as a visitor does."""
        self.evaluate(session, f"document.getElementById('kode').value = {json.dumps(text)};"
                               "document.getElementById('periksa').click();")
        return self.result(session)

    def close(self):
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError):
            self.process.kill()
        self.process.wait(DEADLINE)
        os.close(self._in)
        os.close(self._out)
        shutil.rmtree(self.profile, ignore_errors=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def browser():
    if CHROMIUM is None:
        pytest.skip("Chromium tidak terpasang (apt-get install chromium)")
    chromium = Chromium()
    yield chromium
    chromium.close()


@pytest.fixture
def site(tmp_path):
    """A static web server on 127.0.0.1 (a secure context, as https is) serving tmp_path."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_phone_s_browser_shows_genuine_altered_unknown_and_revoked(sqlite_db, tmp_path,
                                                                     browser, site,
                                                                     monkeypatch):
    o = setup_office()
    made = issued_letters(o)
    monkeypatch.setattr(publish, "SHARD_TARGET", 1)  # 4 data files: the page picks its one
    folder = tmp_path / "verifikasi"
    assert publish.publish(o["admin"], folder).shards == 4
    page = f"{site}/verifikasi"  # letters.verification_url: the uploaded folder
    genuine = made["genuine"]
    shown = letter_context.format_code(code_of(genuine))

    # The QR code's address, as a phone opens it (the server adds the folder's slash).
    session = browser.open(f"{page}?kode={shown}")
    result = browser.result(session)
    assert result["status"] == "asli", result
    assert "ASLI" in result["text"] and genuine.number in result["text"]
    assert genuine.subject in result["text"] and "Kabid Santoso" in result["text"]
    assert "Kepala Bidang Rehabilitasi Sosial" in result["text"]
    assert "Atas jabatan sendiri" in result["text"] and shown in result["text"]

    # Typed into the field: one character changed, an unknown code, a malformed one.
    result = browser.type_code(session, letter_context.format_code(altered(code_of(genuine))))
    assert result["status"] == "tidak_dikenal" and "TIDAK DIKENAL" in result["text"], result
    assert genuine.number not in result["text"]
    result = browser.type_code(session, "ABCD-EFGH-JKMN")
    assert result["status"] == "tidak_dikenal" and "tidak terdaftar" in result["text"]
    result = browser.type_code(session, "0O1I-xx")
    assert result["status"] == "tidak_dikenal" and "bukan kode verifikasi" in result["text"]
    # A code typed in lower case with spaces, and the QR's text pasted whole.
    result = browser.type_code(session, shown.lower().replace("-", " "))
    assert result["status"] == "asli" and genuine.number in result["text"]
    on_behalf = made["on_behalf"]
    result = browser.type_code(session, lifecycle.QR_PREFIX + code_of(on_behalf))
    assert result["status"] == "asli" and on_behalf.number in result["text"]
    assert "Atas nama (a.n.) Kepala Dinas Sosial Kota Magelang" in result["text"]

    revoked = made["revoked"]
    session = browser.open(f"{page}/?kode={letter_context.format_code(code_of(revoked))}")
    result = browser.result(session)
    day = timefmt.format_date(timefmt.to_local(revoked.revoked_at).date())
    assert result["status"] == "dicabut" and "DICABUT" in result["text"], result
    assert f"dicabut pada {day}" in result["text"] and revoked.number in result["text"]
    assert REASON not in result["text"]

    sensitive = made["sensitive"]
    result = browser.type_code(session, f"{page}?kode={code_of(sensitive)}")  # a pasted URL
    assert result["status"] == "asli" and sensitive.number in result["text"]
    assert "Tidak ditampilkan" in result["text"] and sensitive.subject not in result["text"]

    # Served over plain http from elsewhere, a browser has no Web Crypto: the page says why.
    browser.evaluate(session, "Object.defineProperty(Crypto.prototype, 'subtle', "
                              "{get: function () { return undefined; }}); true")
    result = browser.type_code(session, shown)
    assert result["status"] == "galat" and "https://" in result["text"], result

    # Opened from disk (file://, where fetch() is refused): the same page works.
    session = browser.open((folder / "index.html").as_uri() + f"?kode={code_of(genuine)}")
    result = browser.result(session)
    assert result["status"] == "asli" and genuine.number in result["text"], result
