"""Letter numbers stay unique and gap-free when several PCs sign at the same moment."""
import pytest

from desktop.errors import ValidationError
from desktop.models import Counter, Letter
from tests.letters.test_letters_lifecycle import ready_to_sign, setup_office
from tests.races import run_together

PROCESSES = 8
EACH = 3


def _sign_many(url, letter_ids, start_event, results):
    from desktop import database
    from desktop.errors import PelitaError
    from desktop.models import Letter, User
    from desktop.services.letters import lifecycle

    database.connect(url)
    head = User.get(User.username == "kabid")
    start_event.wait()
    outcome = []
    for letter_id in letter_ids:
        try:
            outcome.append(lifecycle.sign(head, Letter.get_by_id(letter_id)).number)
        except PelitaError as exc:
            outcome.append("refused: " + exc.message)
    database.close()
    results.put(outcome)


def _race(url, groups):
    return [n for outcome in run_together(_sign_many, [(url, ids) for ids in groups])
            for n in outcome]


def test_concurrent_signing_gives_unique_gap_free_numbers(backend_db):
    o = setup_office()
    letters = [ready_to_sign(o) for _ in range(PROCESSES * EACH)]
    groups = [[letter.id for letter in letters[i::PROCESSES]] for i in range(PROCESSES)]
    numbers = _race(backend_db, groups)
    assert not [n for n in numbers if n.startswith("refused")]
    assert len(set(numbers)) == PROCESSES * EACH
    sequences = sorted(int(n.split("/")[1]) for n in numbers)
    assert sequences == list(range(1, PROCESSES * EACH + 1))
    signed = list(Letter.select().where(Letter.state == "signed"))
    assert sorted(letter.sequence for letter in signed) == sequences
    assert len({letter.verification_code for letter in signed}) == PROCESSES * EACH
    assert Counter.get(Counter.series == "surat:400.9.14/0000/Dinsos/0").value == \
        PROCESSES * EACH


def test_one_letter_signed_on_two_pcs_at_once_is_signed_once(backend_db):
    o = setup_office()
    letter = ready_to_sign(o)
    outcomes = _race(backend_db, [[letter.id], [letter.id], [letter.id]])
    numbers = [n for n in outcomes if not n.startswith("refused")]
    refusals = [n for n in outcomes if n.startswith("refused")]
    assert len(numbers) == 1 and len(refusals) == 2
    assert all("ditandatangani" in r for r in refusals)
    # the losers' numbers were returned with their rollback: no gap
    assert Counter.get(Counter.series == "surat:400.9.14/0000/Dinsos/0").value == 1
    assert Letter.get_by_id(letter.id).number == numbers[0]


def test_signed_on_another_pc_between_the_two_reads_says_so(sqlite_db, monkeypatch):
    """The moment the signing race once hit: another PC commits its signature after this one
    found the letter unsigned but before it compares versions."""
    from desktop.services.letters import lifecycle
    from desktop.services.shared import records

    o = setup_office()
    letter = ready_to_sign(o)
    stale = Letter.get_by_id(letter.id)
    reload = records.reload

    def other_pc_signs_first(instance):
        monkeypatch.setattr(records, "reload", reload)
        lifecycle.sign(o["head"], Letter.get_by_id(letter.id))
        return reload(instance)
    monkeypatch.setattr(records, "reload", other_pc_signs_first)
    with pytest.raises(ValidationError) as caught:
        lifecycle.sign(o["head"], stale)
    assert "sudah ditandatangani dengan nomor" in caught.value.message
