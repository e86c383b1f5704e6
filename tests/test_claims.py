"""Claim parsing: sentences, numbers in words, terms, fines, conversions, places, ages, status."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawref.claims import (
    conduct_of,
    extract_claims,
    find_names,
    find_places,
    normalise_numbers,
    parse_claim,
    parse_number,
    parse_term,
    split_paragraphs,
    split_sentences,
)
from lawref.model import Term

SEED = Path("/work/shared/seeds/telegram-deepfake-news.txt")
ROOT = Path(__file__).resolve().parent.parent


def _seed_text() -> str:
    for p in (SEED, ROOT.parent / "shared" / "seeds" / SEED.name):
        if p.is_file():
            return p.read_text(encoding="utf-8")
    pytest.skip("seed news report not available")


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "text, expected",
    [
        ("up to five years", "up to 5 years"),
        ("up to two years in prison", "up to 2 years in prison"),  # text2num leaves "two" alone
        ("a forty-two-year prison sentence", "a 42 year prison sentence"),
        ("a 5-year term", "a 5 year term"),
        ("fines reaching 50 million won", "fines reaching 50000000 won"),  # text2num: "50 1000000"
        ("fifty million won", "50000000 won"),
        ("$37,500 or £28,300", "$37500 or £28300"),
        ("two and a half years", "2.5 years"),
        ("a year and a half", "1.5 years"),
        ("half a year", "6 months"),
        ("a decade", "10 years"),
        ("two decades", "20 years"),
        ("half a decade", "5 years"),
        ("between one and 30 years", "between 1 and 30 years"),
        ("from two to five years", "from 2 to 5 years"),
        ("a quarter-century", "25 years"),
        ("half a century", "50 years"),
        ("a quarter of a year", "3 months"),
        ("a quarter-million dollars", "250000 dollars"),
        ("a half million won", "500000 won"),
        ("one hundred thousand euros", "100000 euros"),
        ("no one knows", "no one knows"),
        ("a 20-year-old", "a 20 year old"),
        ("a fine of €75 000", "a fine of €75000"),  # European grouping, beside money only
        ("75.000 euros", "75000 euros"),
        ("KRW 30 000 000", "KRW 30000000"),
        ("in 2024 100 people", "in 2024 100 people"),
        ("a climb of 1.000 m", "a climb of 1.000 m"),
        ("up to 5,5 years", "up to 5.5 years"),  # decimal comma before a unit
        ("W50 million", "₩50000000"),  # the won as Korean English-language press writes it
        ("Wales 50", "Wales 50"),
    ],
)
def test_normalise_numbers(text, expected):
    assert normalise_numbers(text) == expected


@pytest.mark.parametrize(
    "text, value",
    [("5", 5), ("five", 5), ("forty-two", 42), ("50 million", 50_000_000), ("1.5m", 1_500_000), ("30k", 30_000), ("a", 1), ("nothing", None)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text, term",
    [
        ("five years", Term(months=60)),
        ("a 5-year term", Term(months=60)),
        ("a forty-two-year sentence", Term(months=504)),
        ("18 months", Term(months=18)),
        ("2 years and 6 months", Term(months=30)),
        ("two and a half years", Term(months=30)),
        ("a decade", Term(months=120)),
        ("a six-month term", Term(months=6)),
        ("a year", Term(months=12)),
        ("life imprisonment", Term(life=True)),
        ("no term here", None),
    ],
)
def test_parse_term(text, term):
    assert parse_term(text) == term


# --------------------------------------------------------------------------- terms


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Creating deepfakes can result in up to five years in prison.", [("max", 60, "penalty")]),
        ("The offence carries a maximum of seven years.", [("max", 84, "penalty")]),
        ("It is punishable by at least three years in prison.", [("min", 36, "penalty")]),
        ("It is punishable by three years or more in prison.", [("min", 36, "penalty")]),
        ("Offenders can get a 5-year term.", [("exact", 60, "penalty")]),
        ("He was sentenced to 34 years.", [("exact", 408, "sentence")]),
        ("Cho received a 42-year prison sentence.", [("exact", 504, "sentence")]),
        ("He was jailed for 18 years.", [("exact", 216, "sentence")]),
        ("It carries between two and five years in prison.", [("min", 24, "penalty"), ("max", 60, "penalty")]),
        ("Possession is punishable by 6 months to 2 years.", [("min", 6, "penalty"), ("max", 24, "penalty")]),
        ("The maximum penalty for possessing indecent images of children is 10 years.", [("max", 120, "penalty")]),
        ("He faces up to 2 years 6 months in jail.", [("max", 30, "penalty")]),
    ],
)
def test_terms(sentence, expected):
    c = parse_claim(sentence)
    assert [(q.qualifier, q.term.months, q.kind) for q in c.terms] == expected


def test_life_terms():
    c = parse_claim("Producing such material is punishable by life imprisonment.")
    assert [(q.qualifier, q.term.life) for q in c.terms] == [("max", True)]
    c = parse_claim("He was jailed for life.")
    assert [(q.term.life, q.kind) for q in c.terms] == [(True, "sentence")]


@pytest.mark.parametrize(
    "sentence",
    [
        "In just five days, police received 118 reports related to deepfake content.",
        "Two years ago the law was passed.",
        "Within 30 days, the platform removed the videos.",
        "Cho Ju-bin, a 25-year-old, ran the rooms.",
        "The chatrooms ran for months.",
    ],
)
def test_time_spans_are_not_terms(sentence):
    assert parse_claim(sentence).terms == ()


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("It now carries up to seven years, up from five years.", [(84, False), (60, True)]),
        ("The law raised the maximum penalty from five to seven years.", [(60, True), (84, False)]),
    ],
)
def test_previous_figures(sentence, expected):
    assert [(q.term.months, q.previous) for q in parse_claim(sentence).terms] == expected


# --------------------------------------------------------------------------- fines


@pytest.mark.parametrize(
    "sentence, amount, currency, qualifier, converted",
    [
        ("Fines reaching 50 million won ($37,500 or £28,300) apply.", 50_000_000, "KRW", "max", [(37_500, "USD"), (28_300, "GBP")]),
        ("It is punishable by a ₩50m fine.", 50_000_000, "KRW", "exact", []),
        ("The fine can reach 30,000,000 KRW.", 30_000_000, "KRW", "max", []),
        ("It carries a fine of up to €75,000.", 75_000, "EUR", "max", []),
        ("He was fined £28,300.", 28_300, "GBP", "exact", []),
        ("Rotondo was ordered to pay A$343,500.", 343_500, "AUD", "exact", []),
        ("A ₩50m fine (about $37,000) applies.", 50_000_000, "KRW", "exact", [(37_000, "USD")]),
        ("A fine of up to 30 million won, or about US$22,600, applies.", 30_000_000, "KRW", "max", [(22_600, "USD")]),
        ("It is punishable by a fine of USD 250,000.", 250_000, "USD", "exact", []),
        ("A fine of €1.5m applies.", 1_500_000, "EUR", "exact", []),
        ("It carries a fine of up to €75 000.", 75_000, "EUR", "max", []),
        ("It carries a fine of up to 75.000 euros.", 75_000, "EUR", "max", []),
        ("Fines of up to W30 million apply.", 30_000_000, "KRW", "max", []),
    ],
)
def test_fines(sentence, amount, currency, qualifier, converted):
    c = parse_claim(sentence)
    assert len(c.fines) == 1, c.fines
    f = c.fines[0]
    assert (f.money.amount, f.money.currency, f.qualifier) == (amount, currency, qualifier)
    assert [(m.amount, m.currency) for m in f.converted] == converted


def test_unlimited_fine_and_bare_dollar():
    c = parse_claim("It is punishable by an unlimited fine.")
    assert c.fines[0].unlimited and c.fines[0].money is None
    c = parse_claim("He was fined $343,500 for posting deepfakes.")  # "for" is not a currency code
    m = c.fines[0].money
    assert (m.amount, m.currency, m.assumed, m.text) == (343_500, "USD", True, "$343500")


def test_money_without_a_fine_is_not_a_fine():
    assert parse_claim("He earned £5,000 selling images.").fines == ()
    assert parse_claim("The team won 3 games.").fines == ()


# --------------------------------------------------------------------------- places and names


@pytest.mark.parametrize(
    "text, codes",
    [
        ("In South Korea, deepfakes are banned", ["KR"]),
        ("Korean law", ["KR"]),
        ("under French law", ["FR"]),
        ("in the UK", ["GB"]),
        ("British courts", ["GB"]),
        ("in England and Wales", ["GB-EAW"]),
        ("Australian prosecutors", ["AU"]),
        ("under federal law", ["US"]),
        ("in the U.S.", ["US"]),
        ("the EU directive", ["EU"]),
        ("In Germany", ["DE"]),
        ("North Korean hackers", ["KP"]),
        ("Telegram's Russian-born founder", []),  # a compound is not a place
        ("tell us more", []),  # "us" is a pronoun
    ],
)
def test_places(text, codes):
    assert [p.code for p in find_places(text)] == codes


def test_federal_is_weak():
    (p,) = find_places("a federal crime")
    assert p.weak


def test_names_skip_places_and_function_words():
    assert find_names("In South Korea, Cho Ju-bin was jailed.") == ["Cho Ju-bin"]
    assert "Pavel Durov" in find_names("The arrest of Pavel Durov in France")


# --------------------------------------------------------------------------- ages and status


@pytest.mark.parametrize(
    "sentence, age, at_the_time",
    [
        ("Cho, who was 20 at the time, received a 42-year prison sentence.", 20, True),
        ("Hugh Nelson, 27, was jailed.", 27, False),
        ("A 25-year-old man was sentenced.", 25, False),
        ("The principal offender, aged 40, was jailed.", 40, False),
        ("Jo Joo-bin (24) was sentenced to 40 years.", 24, False),
        ("He was 24 when he was arrested.", 24, False),
        ("He was arrested at the age of 24.", 24, False),
    ],
)
def test_ages(sentence, age, at_the_time):
    c = parse_claim(sentence)
    assert [(a.age, a.at_the_time) for a in c.ages] == [(age, at_the_time)]


def test_age_is_not_a_term():
    c = parse_claim("A 25-year-old man was sentenced to 10 years.")
    assert [q.term.months for q in c.terms] == [120]


@pytest.mark.parametrize(
    "sentence, status, negated, formal",
    [
        ("Durov has since been formally charged.", "charged", False, True),
        ("He was charged with distributing images.", "charged", False, False),
        ("He was indicted in April 2020.", "charged", False, False),
        ("Durov has not been charged.", "charged", True, False),
        ("He has yet to be convicted.", "convicted", True, False),
        ("She was found guilty.", "convicted", False, False),
        ("He was arrested in Paris.", "arrested", False, False),
        ("He was acquitted.", "acquitted", False, False),
    ],
)
def test_statuses(sentence, status, negated, formal):
    c = parse_claim(sentence)
    assert [(s.status, s.negated, s.formal) for s in c.statuses] == [(status, negated, formal)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Those convicted of producing such images face five years.",  # a rule, not a person
        "If convicted, he faces ten years.",
        "The arrest of Pavel Durov on charges related to fraud.",  # a noun, not a status
        "He was sentenced to 10 years.",  # a sentence, checked as a term
    ],
)
def test_not_statuses(sentence):
    assert parse_claim(sentence).statuses == ()


# --------------------------------------------------------------------------- conduct and sentences


@pytest.mark.parametrize(
    "text, conduct",
    [
        ("creating sexually explicit deepfakes", {"production"}),
        ("sharing intimate images", {"distribution"}),
        ("possessing or watching deepfakes", {"possession"}),
        ("threatening to leak videos", {"sextortion", "distribution"}),
        ("people who create and share deepfake porn", {"production", "distribution"}),
        ("deepfakes are a problem", set()),
    ],
)
def test_conduct(text, conduct):
    assert conduct_of(text) == conduct


@pytest.mark.parametrize(
    "paragraph, n",
    [
        ("Under U.S. law, it is a crime. Art. 14-2 applies.", 2),
        ("Mr. Cho was jailed. He appealed.", 2),
        ("The fine is 1.5 million euros. It rose.", 2),
        ("He said: it is illegal! Really? Yes.", 3),
        ("J. Smith was jailed for 2 years.", 1),
    ],
)
def test_split_sentences(paragraph, n):
    assert len(split_sentences(paragraph)) == n


def test_paragraphs_join_wrapped_lines():
    text = "In South Korea, making deepfakes can\nresult in up to five years.\n\nNext paragraph."
    assert split_paragraphs(text) == ["In South Korea, making deepfakes can result in up to five years.", "Next paragraph."]


def test_seed_report_has_three_checkable_claims():
    claims = [c for c in extract_claims(_seed_text()) if c.checkable]
    assert [c.text[:30] for c in claims] == [
        "In South Korea, creating sexua",
        "Durov has since been formally ",
        "Cho, who was 20 at the time, r",
    ]
    kr, durov, cho = claims
    assert [p.code for p in kr.places] == ["KR"] and kr.conduct == {"production"}
    assert [(q.qualifier, q.term.months) for q in kr.terms] == [("max", 60)]
    assert [(f.money.amount, f.money.currency, [m.currency for m in f.converted]) for f in kr.fines] == [(50_000_000, "KRW", ["USD", "GBP"])]
    assert [s.status for s in durov.statuses] == ["charged"] and durov.names == ("Durov",)
    assert [a.age for a in cho.ages] == [20] and [q.term.months for q in cho.terms] == [504]


def test_control_characters_and_markup_survive_as_text():
    c = parse_claim("In France, \x1b[31m[red]sharing[/red] deepfakes carries up to 2 years.")
    assert [q.term.months for q in c.terms] == [24]


@pytest.mark.parametrize(
    "sentence, parts",
    [
        ("France punishes sharing sexual deepfakes with two years in prison, while the UK punishes it with six months.", 2),
        ("Possession carries up to 3 years; making them carries up to 7 years.", 2),
        ("It carries up to seven years, up from five years.", 1),  # one claim about a change
        ("He was jailed for 18 years, while his lawyer said he would appeal.", 1),  # second part has nothing to check
    ],
)
def test_split_clauses(sentence, parts):
    from lawref.claims import split_clauses

    assert len(split_clauses(sentence)) == parts


def test_later_clause_keeps_the_subject_of_the_sentence():
    claims = extract_claims("In South Korea, deepfake possession carries up to 3 years in prison, while making them carries up to 7 years.")
    assert len(claims) == 2
    assert claims[1].conduct == {"production"} and "deepfake" in claims[1].context_words


@pytest.mark.parametrize(
    "sentence, dates",
    [
        ("He was jailed for 18 years in October 2022.", [("2022-10-01", "2022-10-31")]),
        ("He was sentenced on 28 October 2024 to 18 years.", [("2024-10-28", "2024-10-28")]),
        ("On November 26, 2020 the court ruled.", [("2020-11-26", "2020-11-26")]),
        ("In 2020, he was sentenced to 40 years.", [("2020-01-01", "2020-12-31")]),
        ("It took effect on 2024-10-16.", [("2024-10-16", "2024-10-16")]),
        ("He may 2023 something", []),  # "may" with no "in": not a date
        ("between 2019 and 2020", []),
        ("on 31 February 2023", []),  # impossible
    ],
)
def test_stated_dates(sentence, dates):
    assert [(d.first.isoformat(), d.last.isoformat()) for d in parse_claim(sentence).dates] == dates


def test_an_impossible_age_is_still_an_age_claim():
    assert [a.age for a in parse_claim("Cho Ju-bin, who was 250 at the time, received a 42-year sentence.").ages] == [250]


def test_a_run_on_sentence_is_read_in_bounded_pieces():
    from lawref.claims import MAX_SENTENCE, extract_claims

    text = "In South Korea making deepfakes carries up to seven years in prison and " * 200
    claims = extract_claims(text)
    assert len(claims) > 1 and all(len(c.text) <= MAX_SENTENCE + 1 for c in claims)
    assert sum(1 for c in claims if c.terms) >= len(claims) - 1


@pytest.mark.parametrize(
    "text, has",
    [
        ("est punie de cinq ans d'emprisonnement et de 75 000 euros d'amende", ["5 years", "in prison", "fine", "punishable by"]),
        ("condamné à deux ans de prison", ["sentenced to", "2 years"]),
        ("a été condamnée à un an de prison ferme", ["was", "sentenced to", "1 years in prison"]),
    ],
)
def test_french_penalty_wording_is_glossed(text, has):
    from lawref.claims import french_gloss

    g = french_gloss(text)
    assert g is not None and all(h in g for h in has), g


@pytest.mark.parametrize("text", ["Cho Ju-bin was sentenced to 42 years.", "Deepfakes carry up to 7 years in South Korea.", "The Paris court fined him."])
def test_english_is_not_glossed(text):
    from lawref.claims import french_gloss

    assert french_gloss(text) is None


@pytest.mark.parametrize(
    "text, has",
    [
        ("7년 이하의 징역 또는 5천만원 이하의 벌금에 처한다", ["up to 7 years in prison", "a fine of up to 50000000 won", "punishable"]),
        ("1억 5천만원의 벌금", ["a fine of 150000000 won"]),
        ("징역 42년을 선고받았다", ["42 years in prison", "was sentenced"]),
        ("3년 이상의 유기징역", ["at least 3 years in prison"]),
    ],
)
def test_korean_penalty_wording_is_glossed(text, has):
    from lawref.claims import korean_gloss

    g = korean_gloss(text)
    assert g is not None and all(h in g for h in has), g


def test_korean_text_without_a_penalty_word_is_not_glossed():
    from lawref.claims import korean_gloss

    assert korean_gloss("딥페이크는 심각한 문제다.") is None


@pytest.mark.parametrize(
    "text, has, hasnt",
    [
        ("2021년 10월 대법원에서 징역 42년을 확정받았다", ["in October 2021", "42 years in prison"], ["2021 years"]),
        ("2021년 10월 14일 징역 42년이 확정됐다", ["on 14 October 2021"], ["2021 years", "14 years"]),
        ("2020년 선고받았다", ["in 2020"], ["2020 years"]),
        ("2024년 10월 16일부터 3년 이하의 징역에 처한다", ["since 16 October 2024", "up to 3 years in prison"], ["2024 years"]),
        ("지난해 10월 징역 10년을 선고받았다", ["in October last year", "10 years in prison"], ["10월"]),
        ("올해 징역 5년을 선고받았다", ["this year"], []),
        ("징역 4년 6개월을 선고받았다", ["4 years 6 months in prison"], []),
        # An order, a probation period and a duration are not prison terms.
        ("징역 40년과 전자발찌 부착 30년을 선고받았다", ["40 years in prison"], ["30 years"]),
    ],
)
def test_korean_dates_are_dates_and_terms_need_prison(text, has, hasnt):
    from lawref.claims import korean_gloss

    g = korean_gloss(text)
    assert g is not None and all(h in g for h in has) and not any(h in g for h in hasnt), g


def test_korean_dates_are_read_as_dates_and_never_as_terms():
    from lawref.claims import parse_claim

    c = parse_claim("조주빈은 2021년 10월 대법원에서 징역 42년을 확정받았다.")
    assert [q.term.months for q in c.terms] == [42 * 12]
    assert [(d.first.isoformat(), d.last.isoformat()) for d in c.dates] == [("2021-10-01", "2021-10-31")]
