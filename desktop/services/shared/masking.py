"""Identity numbers on paper that leaves the office: a receipt or a printed list shows enough
of a NIK to tell two people apart, not the number itself (UU 27/2022)."""
import re

SHOWN_DIGITS = 4


def nik_last4(nik: str | None) -> str:
    """************0001 for a 16-digit NIK; anything else as it is ('-', blank)."""
    text = (nik or "").strip()
    if not re.fullmatch(r"\d{16}", text):
        return text
    return "*" * (len(text) - SHOWN_DIGITS) + text[-SHOWN_DIGITS:]


def mask_niks(text: str) -> str:
    """Every 16-digit run in `text` masked (a search typed as a NIK, a cell holding one)."""
    return re.sub(r"(?<!\d)\d{16}(?!\d)", lambda m: nik_last4(m.group(0)), text or "")
