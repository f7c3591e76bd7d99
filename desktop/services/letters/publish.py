"""The verification page for phones outside the office: a static folder (index.html and data/)
that any web host serves, where the QR code of a letter (…/verifikasi?kode=CODE) says whether
the letter is genuine (ASLI), revoked (DICABUT) or unknown (TIDAK DIKENAL).

The folder is not a list of letters. Each issued letter is one entry: under a lookup hash of
its code, its number, date, subject and signer encrypted with a key derived from the code, so
only whoever holds the code (the letter's reader) can find and read that entry:

    master = PBKDF2-HMAC-SHA256(code, salt, ITERATIONS, 32 bytes)
    lookup = HMAC-SHA256(master, LOOKUP_INFO)[:16]      (hex, the entry's key)
    key    = HMAC-SHA256(master, KEY_INFO)              (AES-256-GCM, 12-byte random nonce,
                                                         the lookup as associated data)

with a random salt per publication (two publications share no hash). A code is 12 characters
of 31 (2^59 codes); one guess costs an attacker ITERATIONS PBKDF2 rounds, so even against every
entry of 100,000 letters at once, finding one valid code takes some 10^18 SHA-256 blocks: years
of a GPU, for one letter's number and subject. The plaintext is padded to PAD bytes, so an
entry's size does not tell its subject's length. The page (verification_page.html) does the same
with the browser's Web Crypto API, which needs a secure context: https://, http://localhost
or 127.0.0.1, or the file opened from disk.

Entries are split into data/<n>.js shards by the lookup's first bits; the page loads only the
one its code falls in (a <script> element: works from file://, where fetch() is refused).

What an entry holds: the letter's number, date, subject, the signer's name, position and
capacity, and for a revoked letter the date it was revoked (not the reason: that stays in the
app). A letter of a sensitive service (children, referrals: the catalog's `sensitive`) or the
reply to a confidential complaint shows SENSITIVE_SUBJECT instead of its subject: a subject
such as "Rekomendasi Izin Pengangkatan Anak" would tell whoever sees the code, or a photograph
of it, what case its holder is in, and the number, date and signer are what a reader checks.
"""
import base64
import concurrent.futures
import datetime
import hashlib
import hmac
import html
import json
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from desktop.errors import ValidationError
from desktop.models import Application, Complaint, Letter, Service, utcnow
from desktop.services.admin import office, settings
from desktop.services.letters import context as letter_context
from desktop.services.letters import lifecycle
from desktop.services.letters.lifecycle import ISSUED
from desktop.services.shared import audit, permissions, timefmt

FORMAT = 1
ITERATIONS = 100_000
SALT_BYTES = 16
LOOKUP_BYTES = 16
NONCE_BYTES = 12
LOOKUP_INFO = "pelita-verifikasi/cari"
KEY_INFO = "pelita-verifikasi/kunci"
PAD = 128  # plaintext length rounded up to a multiple of this
SHARD_TARGET = 250  # entries per data file, on average, at most
MAX_SHARD_BITS = 12  # 4096 files
BATCH = 2000  # letters read at a time
PAGE = Path(__file__).with_name("verification_page.html")
MARKER = '<meta name="generator" content="pelita-verifikasi">'
SHARD_NAME = re.compile(r"[0-9a-f]{1,3}\.js")
SENSITIVE_SUBJECT = ("Tidak ditampilkan untuk melindungi pihak yang bersangkutan; cocokkan "
                     "nomor, tanggal dan penanda tangan.")


@dataclass(frozen=True)
class Publication:
    folder: Path
    letters: int  # entries written: every issued letter
    revoked: int
    hidden_subjects: int  # sensitive letters, published without their subject
    shards: int  # files in data/
    published_at: datetime.datetime  # UTC
    page_url: str  # letters.verification_url, "" when not set
    files: list[Path] = field(default_factory=list)


# -- the scheme ---------------------------------------------------------------------------------

def derive(code: str, salt: bytes, iterations: int = ITERATIONS) -> tuple[bytes, bytes]:
    """(lookup, key) of a normalised code (K7Q2M9XD4TPA)."""
    master = hashlib.pbkdf2_hmac("sha256", code.encode("ascii"), salt, iterations, 32)
    lookup = hmac.new(master, LOOKUP_INFO.encode(), hashlib.sha256).digest()[:LOOKUP_BYTES]
    key = hmac.new(master, KEY_INFO.encode(), hashlib.sha256).digest()
    return lookup, key


def seal(code: str, content: dict, salt: bytes, iterations: int = ITERATIONS
         ) -> tuple[str, str]:
    """(lookup as hex, base64 of nonce + AES-GCM ciphertext and tag) of one entry."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    lookup, key = derive(code, salt, iterations)
    plain = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()
    plain += b" " * (-len(plain) % PAD)  # JSON ignores the trailing spaces
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = nonce + AESGCM(key).encrypt(nonce, plain, lookup)
    return lookup.hex(), base64.b64encode(sealed).decode("ascii")


def shard_of(lookup: bytes, bits: int) -> int:
    return int.from_bytes(lookup[:2], "big") >> (16 - bits) if bits else 0


def shard_bits(count: int) -> int:
    bits = 0
    while bits < MAX_SHARD_BITS and (1 << bits) * SHARD_TARGET < count:
        bits += 1
    return bits


def read_entry(folder: Path, code: str) -> dict | None:
    """What the page shows for `code` (normalised), read from a published folder as the page
    reads it; None when the folder has no entry for it."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    manifest = read_manifest(folder)
    salt = base64.b64decode(manifest["salt"])
    lookup, key = derive(code, salt, manifest["iterations"])
    text = (folder / "data" / f"{shard_of(lookup, manifest['shard_bits']):x}.js").read_text()
    call = re.fullmatch(r'pelitaShard\("([0-9a-f]+)", (\d+), (.*)\);\s*', text, re.S)
    if call is None or call.group(1) != manifest["id"]:
        raise ValueError("not a data file of this publication")
    sealed = json.loads(call.group(3)).get(lookup.hex())
    if sealed is None:
        return None
    raw = base64.b64decode(sealed)
    plain = AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], lookup)
    return json.loads(plain.decode())


def read_manifest(folder: Path) -> dict:
    page = (folder / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="pelita-publikasi">(.*?)</script>',
                      page, re.S)
    return json.loads(found.group(1))


# -- what is published --------------------------------------------------------------------------

def _capacity(signing_as: str, issued: dict) -> str:
    """How the signature block reads: own title, a.n. the head, or Plt./Plh. the head."""
    label = letter_context.SIGNING_AS.get(signing_as, signing_as)
    if signing_as == "a.n.":
        return f"{label} {issued.get('on_behalf_of', '')}".strip()
    if signing_as in ("Plt.", "Plh."):
        return f"{label} {issued.get('signer_position', '')}".strip()
    return label


def _protected() -> set[int]:
    """Of the issued letters, those of a sensitive service's case or answering a confidential
    complaint, in one query."""
    sensitive = Application.select(Application.id).join(Service).where(Service.sensitive)
    confidential = Complaint.select(Complaint.id).where(Complaint.identity == "rahasia")
    query = Letter.select(Letter.id).where(
        Letter.state.in_(ISSUED) & (Letter.application.in_(sensitive)
                                    | Letter.complaint.in_(confidential)))
    return {letter_id for (letter_id,) in query.tuples()}


def entry_content(letter: Letter, protected: bool) -> dict:
    issued = lifecycle.issued_values(letter)
    revoked = letter.state == "revoked"
    return {
        "status": "dicabut" if revoked else "asli",
        "nomor": letter.number,
        "tanggal": timefmt.format_local_date(letter.signed_at),
        "hal": SENSITIVE_SUBJECT if protected else letter.subject,
        "penanda_tangan": issued.get("signer_name", ""),
        "jabatan": issued.get("signer_position", ""),
        "sebagai": _capacity(letter.signing_as, issued),
        "dicabut": (timefmt.format_local_date(letter.revoked_at)
                    if revoked and letter.revoked_at else ""),
    }


def _issued_letters():
    """(code, letter) of every issued letter, without the documents; a code that is not one
    (never, unless written outside Pelita) is skipped: no page could look it up."""
    columns = (Letter.id, Letter.state, Letter.number, Letter.subject, Letter.signed_at,
               Letter.issued, Letter.signing_as, Letter.revoked_at, Letter.verification_code)
    last = 0
    while True:  # a page at a time: each row's issued context is a few kB
        page = list(Letter.select(*columns)
                    .where(Letter.state.in_(ISSUED) & (Letter.id > last))
                    .order_by(Letter.id).limit(BATCH))
        for letter in page:
            code = letter.verification_code or ""
            if lifecycle.is_code(code):
                yield code, letter
        if len(page) < BATCH:
            return
        last = page[-1].id


# -- writing the folder -------------------------------------------------------------------------

def _check_folder(folder: Path) -> Path:
    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ValidationError("Folder tujuan", f"{folder} adalah berkas, bukan folder; pilih "
                              "folder (baru atau kosong) untuk halaman verifikasi.")
    page = folder / "index.html"
    if page.exists():
        try:
            ours = MARKER in page.read_text(encoding="utf-8", errors="replace")
        except OSError:
            ours = False
        if not ours:
            raise ValidationError("Folder tujuan", f"{folder} sudah berisi index.html lain "
                                  "yang bukan halaman verifikasi Pelita; pilih folder baru atau "
                                  "kosong agar halaman itu tidak tertimpa.")
    try:
        (folder / "data").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError("Folder tujuan", f"{folder} tidak bisa dibuat: {exc.strerror}. "
                              "Pilih folder yang boleh Anda tulisi.") from None
    return folder


def _script_json(value) -> str:
    """JSON safe inside a <script> element."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def page_html(manifest: dict) -> str:
    text = PAGE.read_text(encoding="utf-8")
    return (text.replace("%%OFFICE%%", html.escape(manifest["office"]))
            .replace("%%PUBLISHED%%", html.escape(manifest["published"]))
            .replace("%%MANIFEST%%", _script_json(manifest)))


def publish(actor, folder: Path, *, workers: int | None = None) -> Publication:
    """Write the verification page of every issued letter into `folder` (made if missing;
    a previous publication there is replaced). Upload the whole folder to the address set as
    letters.verification_url."""
    permissions.require(actor, "letters.publish")
    folder = _check_folder(folder)
    now = utcnow()
    salt = secrets.token_bytes(SALT_BYTES)
    publication_id = secrets.token_hex(8)
    protected_ids = _protected()
    items, hidden = [], 0  # (code, content): the letters' rows are not kept
    for code, letter in _issued_letters():
        hidden += letter.id in protected_ids
        items.append((code, entry_content(letter, letter.id in protected_ids)))
    revoked = sum(1 for _, content in items if content["status"] == "dicabut")
    bits = shard_bits(len(items))
    shards: dict[int, dict[str, str]] = {n: {} for n in range(1 << bits)}
    # PBKDF2 is the time taken (hashlib lets go of the GIL): one thread per processor.
    with concurrent.futures.ThreadPoolExecutor(workers or os.cpu_count() or 1) as pool:
        sealed = pool.map(lambda item: seal(item[0], item[1], salt), items, chunksize=64)
        for lookup, box in sealed:
            shards[shard_of(bytes.fromhex(lookup), bits)][lookup] = box
    manifest = {"format": FORMAT, "id": publication_id,
                "office": office.unit_name(office.get_profile()),
                "published": timefmt.format_local(now),
                "salt": base64.b64encode(salt).decode("ascii"), "iterations": ITERATIONS,
                "lookup_bytes": LOOKUP_BYTES, "lookup_info": LOOKUP_INFO, "key_info": KEY_INFO,
                "shard_bits": bits}
    data = folder / "data"
    written = {f"{n:x}.js" for n in shards}
    try:
        for old in data.iterdir():  # the previous publication's files this one does not have
            if SHARD_NAME.fullmatch(old.name) and old.name not in written:
                old.unlink()
        files = []
        for n, entries in shards.items():
            path = data / f"{n:x}.js"
            path.write_text(f'pelitaShard("{publication_id}", {n}, '
                            f'{json.dumps(entries, sort_keys=True)});\n', encoding="ascii")
            files.append(path)
        page = folder / "index.html"  # last: a page never names shards not yet written
        page.write_text(page_html(manifest), encoding="utf-8")
        files.insert(0, page)
    except OSError as exc:
        raise ValidationError("Folder tujuan", f"{folder} tidak bisa ditulisi: {exc.strerror}. "
                              "Pilih folder lain lalu terbitkan lagi.") from None
    if items:  # what the page will do, once, on the files as written
        code, content = items[0]
        if read_entry(folder, code) != content:
            raise ValidationError("Halaman verifikasi", "data yang tertulis tidak terbaca "
                                  "kembali; terbitkan lagi, dan laporkan ke administrator bila "
                                  "terulang.")
    audit.record(actor, "publish", "letter", None,
                 new={"letters": len(items), "revoked": revoked, "hidden_subjects": hidden,
                      "publication": publication_id})
    return Publication(folder=folder, letters=len(items), revoked=revoked,
                       hidden_subjects=hidden, shards=len(shards), published_at=now,
                       page_url=settings.get("letters.verification_url") or "", files=files)
