"""A child's name as lists and tasks show it: initials only (UU 11/2012 SPPA Pasal 19)."""


def initials(name: str) -> str:
    """"Muhammad Rizki Pratama" -> "M.R.P."; an empty name stays empty."""
    return "".join(f"{part[0].upper()}." for part in (name or "").split() if part[0].isalnum())
