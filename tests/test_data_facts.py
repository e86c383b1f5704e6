"""The facts users check most, read through the library (not re-stated from the YAML files
by hand): each assertion would fail if the record or the point-in-time logic were wrong."""

from __future__ import annotations

import datetime as dt

from lawref.model import Status


def test_catalogue_size(catalogue):
    juris = {r.jurisdiction for r in catalogue.records.values()}
    assert len(juris) >= 6
    assert len(catalogue.offences) >= 25
    assert len(catalogue.cases) >= 6


def test_every_version_and_proceeding_is_sourced(catalogue):
    for o in catalogue.offences:
        for v in o.penalties:
            assert v.sources, o.id
            assert all(s.url.startswith("http") and (s.title or s.publisher) and s.accessed for s in v.sources)
    for c in catalogue.cases:
        for p in c.proceedings:
            assert p.sources, c.id


def test_korean_deepfake_maximum_rose_in_october_2024(catalogue):
    o = catalogue.get("kr/sexual-crimes-act/14-2.1")
    before = o.in_force(dt.date(2024, 10, 15))
    after = o.in_force(dt.date(2024, 10, 16))
    assert before.prison.max.months == 60 and after.prison.max.months == 84
    assert before.fine.max == after.fine.max == 50_000_000 and after.fine.currency == "KRW"


def test_korean_possession_offence_is_new_in_2024(catalogue):
    o = catalogue.get("kr/sexual-crimes-act/14-2.4")
    assert o.in_force(dt.date(2024, 10, 15)) is None
    assert o.in_force(dt.date(2025, 1, 1)).prison.max.months == 36


def test_cho_ju_bin_final_sentence(catalogue):
    c = catalogue.get("kr/cho-ju-bin")
    final = [p for p in c.proceedings if p.final]
    assert final and final[-1].date == dt.date(2021, 10, 14)
    assert final[-1].sentence.prison.max.months == 42 * 12
    assert c.final_sentence(dt.date(2021, 1, 1)).sentence.prison.max.months == 40 * 12


def test_france_had_no_sexual_deepfake_offence_before_sren(catalogue):
    o = catalogue.get("fr/code-penal/226-8-1")
    assert o.in_force(dt.date(2024, 5, 22)) is None
    assert o.in_force(dt.date(2024, 6, 1)).prison.max.months == 24


def test_eu_directive_is_a_minimum_standard(catalogue):
    o = catalogue.get("eu/directive-2024-1385/5")
    assert o.minimum_standard and o.transposition_deadline == dt.date(2027, 6, 14)


def test_us_production_offence_carries_15_to_30_years_for_a_first_offence(catalogue):
    o = catalogue.get("us/18-usc/2251")
    v = o.in_force(dt.date(2025, 1, 1))
    assert v.prison.min.months == 15 * 12 and v.prison.max.months == 30 * 12
    assert v.fine.max == 250_000 and v.fine.currency == "USD"
    assert v.sources and all(s.url.startswith("https://") for s in v.sources)
    assert all(s.url.startswith("https://") for s in o.sources)


def test_prospective_versions_are_never_current(catalogue):
    for o in catalogue.offences:
        for v in o.penalties:
            if v.status is Status.PROSPECTIVE:
                assert o.in_force(v.start) is not v
