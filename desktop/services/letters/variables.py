"""The letter templates' variables as a list inside the app: name, meaning, a sample value and
the templates that take it. Read from catalogue.py, the one source VARIABLES.md is built from."""
from dataclasses import dataclass

from desktop.services.letters import catalogue

EVERY_TEMPLATE = "Semua templat"
EVERY_LETTER = "Semua surat dinas (yang memuat Nomor, Sifat, Lampiran, Hal)"


@dataclass(frozen=True)
class Variable:
    name: str
    meaning: str
    example: str
    used_in: str  # in words: every template, every letter, or the titles
    templates: tuple[str, ...]  # template keys, for a list filtered to one template

    @property
    def tag(self) -> str:
        """As it is typed in the Word template."""
        return "{{ " + self.name + " }}"

    def matches(self, text: str) -> bool:
        wanted = text.strip().lower()
        return not wanted or any(wanted in part.lower() for part in
                                 (self.name, self.meaning, self.example, self.used_in))


def example_text(value) -> str:
    """A sample value as a template author needs to know it: text, a list, a table, a picture."""
    if value is None:
        return "(gambar; tidak ada bila belum tersedia)"
    if isinstance(value, bool):
        return "True atau False (untuk {% if %})"
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "Tabel, tiap baris memuat: " + ", ".join(value[0])
        shown = "; ".join(str(item) for item in value[:2])
        return f"Daftar: {shown}" + ("; …" if len(value) > 2 else "")
    return str(value)


def all_variables() -> list[Variable]:
    """Every variable once per meaning (templates may give one name their own meaning), in
    VARIABLES.md's order: the shared ones, then each template's."""
    found: dict[tuple[str, str], dict] = {}
    samples = {spec.key: catalogue.sample_context(spec.key) for spec in catalogue.SPECS}

    def add(variables: dict, used_in: str | None, key: str):
        for name, meaning in variables.items():
            entry = found.setdefault((name, meaning), {"used_in": used_in, "keys": [],
                                                       "example": None})
            if key not in entry["keys"]:
                entry["keys"].append(key)
            if entry["example"] is None and name in samples[key]:
                entry["example"] = example_text(samples[key][name])

    for spec in catalogue.SPECS:
        add(catalogue.OFFICE_VARIABLES, EVERY_TEMPLATE, spec.key)
        add(catalogue.SIGNING_VARIABLES, EVERY_TEMPLATE, spec.key)
        if spec.kind == "letter":
            add(catalogue.LETTER_VARIABLES, EVERY_LETTER, spec.key)
    for spec in catalogue.SPECS:
        add(spec.variables, None, spec.key)
    return [Variable(name, meaning, entry["example"] or "",
                     entry["used_in"] or ", ".join(catalogue.spec(k).title for k in entry["keys"]),
                     tuple(entry["keys"]))
            for (name, meaning), entry in found.items()]


def search(text: str = "", template_key: str = "") -> list[Variable]:
    """The variables whose name, meaning, sample or templates contain `text`, of one template
    when `template_key` is given."""
    return [v for v in all_variables()
            if (not template_key or template_key in v.templates) and v.matches(text)]
