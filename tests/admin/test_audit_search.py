"""A typed search text matches its own % and _ literally, on every backend."""
from desktop.services.admin import audit_query
from desktop.services.shared import audit
from tests.factories import make_office


def test_the_audit_search_finds_the_typed_text_and_nothing_a_wildcard_would(backend_db):
    o = make_office()
    admin = o["admin"]
    audit.record(admin, "update", "setting", 1, new={"potongan": "50% biaya"})
    audit.record(admin, "update", "setting", 2, new={"potongan": "50 ribu"})
    audit.record(admin, "update", "setting", 3, new={"kode": "A_1!\\"})

    def found(text):
        rows = audit_query.fetch(admin, audit_query.AuditFilter(table_name="setting",
                                                                text=text), 0, 100)
        return sorted(e.record_id for e in rows)

    assert found("50%") == [1]
    assert found("50") == [1, 2]
    assert found("_") == [3]
    assert found("a_1!") == [3]  # whatever its case
    assert found("\\") == [3]  # the escape character itself
    assert found("%") == [1]
