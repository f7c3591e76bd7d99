"""Builds resources/regions.json.gz, the list of Indonesia's provinces, cities and regencies,
districts (kecamatan) and villages (kelurahan/desa) with their Kemendagri codes, from the
SQL dump of github.com/cahyadsn/wilayah (MIT; "Kepmendagri No 300.2.2-2138 Tahun 2025").

    python scripts/build_regions.py path/to/wilayah/db/wilayah.sql [commit]

Codes are kept without their dots: 33 (province), 3371 (city: the NIK's first four digits),
337101 (kecamatan), 3371011003 (kelurahan)."""
import gzip
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "regions.json.gz"
ROW = re.compile(r"\('(\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?)','((?:[^'\\]|\\.|'')*)'\)")
LEVELS = ("provinces", "regencies", "districts", "villages")


def main(sql_path: str, commit: str = "") -> None:
    found = {level: [] for level in LEVELS}
    for code, name in ROW.findall(Path(sql_path).read_text(encoding="utf-8")):
        name = name.replace("\\'", "'").replace("''", "'").strip()
        found[LEVELS[code.count(".")]].append([code.replace(".", ""), name])
    for rows in found.values():
        rows.sort()
    data = {"source": "github.com/cahyadsn/wilayah db/wilayah.sql"
                      + (f" @ {commit}" if commit else "")
                      + " (MIT), Kepmendagri No 300.2.2-2138 Tahun 2025", **found}
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
    print(OUT, {level: len(rows) for level, rows in found.items()}, OUT.stat().st_size)


if __name__ == "__main__":
    main(*sys.argv[1:])
