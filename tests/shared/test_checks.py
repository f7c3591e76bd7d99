"""FieldChecks: every field's refusal of a form raised together."""
import pytest

from desktop.errors import ValidationError, ValidationErrors
from desktop.services.shared.checks import FieldChecks
from desktop.services.shared.validators import check_nik, require_text


def test_every_refusal_is_raised_together_in_order():
    checks = FieldChecks()
    assert checks.run(require_text, "", "Nama", 120) is None
    assert checks.run(require_text, " Ani ", "Alamat", 120) == "Ani"
    checks.run(check_nik, "", "NIK")
    checks.add("Telepon", "isi 8 s.d. 15 angka.")
    assert checks.failed("NIK") and not checks.failed("Alamat")
    with pytest.raises(ValidationErrors) as caught:
        checks.raise_errors()
    error = caught.value
    assert isinstance(error, ValidationError) and error.field == "Nama"
    assert [e.field for e in error.errors] == ["Nama", "NIK", "Telepon"]
    assert error.message.splitlines() == ["Nama: wajib diisi.", "NIK: wajib diisi.",
                                          "Telepon: isi 8 s.d. 15 angka."]


def test_one_refusal_is_raised_as_it_was_and_none_raises_nothing():
    checks = FieldChecks()
    checks.raise_errors()

    class Special(ValidationError):
        pass

    def refuse():
        raise Special("Kendaraan", "bentrok.")

    checks.run(refuse)
    with pytest.raises(Special):
        checks.raise_errors()


def test_collected_errors_of_a_nested_check_are_flattened():
    inner = FieldChecks()
    inner.add("A", "salah.")
    inner.add("B", "salah.")

    def nested():
        inner.raise_errors()

    outer = FieldChecks()
    outer.run(nested)
    outer.add("C", "salah.")
    with pytest.raises(ValidationErrors) as caught:
        outer.raise_errors()
    assert [e.field for e in caught.value.errors] == ["A", "B", "C"]


def test_an_empty_nik_is_required_not_miscounted():
    with pytest.raises(ValidationError) as caught:
        check_nik("  ", "NIK almarhum")
    assert caught.value.message == "NIK almarhum: wajib diisi."
    with pytest.raises(ValidationError) as caught:
        check_nik("3371", "NIK")
    assert "tertulis 4 karakter" in caught.value.message


def test_a_trial_keeps_nothing_it_writes_and_raises_what_the_call_refuses(backend_db):
    from desktop.models import Counter
    from desktop.services.shared import numbering
    from desktop.services.shared.checks import trial

    def takes_a_number():
        numbering.ensure_series("trial", 2026)
        return numbering.next_value("trial", 2026)

    trial(takes_a_number)  # accepted: returns, and the number is not taken
    assert not Counter.select().where(Counter.series == "trial").exists()

    def refuses_after_writing():
        takes_a_number()
        checks = FieldChecks()
        checks.run(require_text, "", "Nama", 120)
        checks.raise_errors()

    with pytest.raises(ValidationError) as caught:
        trial(refuses_after_writing)
    assert caught.value.field == "Nama"
    assert not Counter.select().where(Counter.series == "trial").exists()
    assert takes_a_number() == 1  # outside a trial the series starts at its first number


def test_a_trial_gives_the_records_it_changed_their_values_and_version_back(backend_db):
    from desktop.models import AidItem
    from desktop.services.shared.checks import trial
    from desktop.services.stock import stock
    from tests.factories import make_user

    officer = make_user("gudang", role="petugas_layanan")
    item = stock.save_item(officer, name="Beras", unit="kg")
    version = item.version
    trial(lambda: stock.save_item(officer, item, name="Beras premium", unit="kg"))
    assert (item.name, item.version) == ("Beras", version)  # as the database still has it
    assert AidItem.get_by_id(item.id).name == "Beras"
    stock.save_item(officer, item, name="Beras premium", unit="kg")  # no false conflict
    assert AidItem.get_by_id(item.id).name == "Beras premium" and item.version == version + 1
