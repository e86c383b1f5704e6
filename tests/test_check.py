"""Fact-checking: verdicts on the seed news report and on claims about every jurisdiction."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from lawref.check import Verdict, check_text, worst

SEED = Path("/work/shared/seeds/telegram-deepfake-news.txt")
ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = dt.date(2024, 9, 4)  # the report's publication date (Telegram's apology, 3-4 Sep 2024)
TODAY = dt.date(2026, 11, 26)  # "today" pinned, so the tests do not age

A, O, U, I = Verdict.ACCURATE, Verdict.OUTDATED, Verdict.UNVERIFIABLE, Verdict.INACCURATE


def _seed_text() -> str:
    for p in (SEED, ROOT.parent / "shared" / "seeds" / SEED.name):
        if p.is_file():
            return p.read_text(encoding="utf-8")
    pytest.skip("seed news report not available")


def check(catalogue, text, as_of=PUBLISHED, today=TODAY, **kw):
    return check_text(catalogue, text, as_of, today=today, **kw)


# --------------------------------------------------------------------------- the seed report


@pytest.fixture(scope="module")
def seed(catalogue):
    return check(catalogue, _seed_text())


def test_seed_claims_and_verdicts_on_publication_date_and_today(seed):
    assert [r.claim.text[:25] for r in seed.results] == ["In South Korea, creating ", "Durov has since been form", "Cho, who was 20 at the ti"]
    assert [r.verdict for r in seed.results] == [A, A, I]
    assert [r.today.verdict for r in seed.results] == [O, A, I]
    assert [r.record for r in seed.results] == ["kr/sexual-crimes-act/14-2.1", "fr/durov", "kr/cho-ju-bin"]
    assert seed.verdict is I and seed.verdict_today is I


def test_seed_korean_penalty(seed):
    r = seed.results[0]
    aspects = [(f.aspect, f.verdict) for f in r.findings]
    assert aspects == [("prison", A), ("fine", A), ("conversion", A), ("conversion", A)]
    assert "until 2024-10-15" in r.findings[0].explanation
    # Converted amounts are checked separately, at the rate of the claim's date.
    usd, gbp = r.findings[2], r.findings[3]
    assert "$37,500" in usd.found and "2024-09-04" in usd.explanation and "±5%" in usd.explanation
    assert "£28,300" in gbp.found
    assert any("statutory maximum" in c for c in r.context)
    assert any("minor" in c for c in r.context)  # a higher penalty when the person depicted is a minor
    assert any("2024-10-16" in c for c in r.context)  # the change that came after
    assert r.sources and all(s.url.startswith("http") for s in r.sources)
    # Today: the prison term changed on 2024-10-16 to 7 years; the fine did not.
    t = r.today
    assert [(f.aspect, f.verdict) for f in t.findings][:2] == [("prison", O), ("fine", A)]
    assert "2024-10-16" in t.findings[0].explanation and "7 years" in t.findings[0].explanation
    assert t.findings[0].expected == "up to 7 years' imprisonment"


def test_seed_durov_charged(seed):
    r = seed.results[1]
    (f,) = r.findings
    assert (f.aspect, f.verdict, f.record) == ("status", A, "fr/durov")
    assert "2024-08-28" in f.explanation
    assert any("not a conviction" in c for c in r.context)
    assert any("mis en examen" in c for c in r.context)


def test_seed_cho_sentence_and_age(seed):
    r = seed.results[2]
    sentence, age = r.findings
    assert (sentence.aspect, sentence.verdict) == ("sentence", A) and "42 years" in sentence.expected
    assert (age.aspect, age.verdict) == ("age", I)
    assert age.expected.startswith("age ") and age.expected.endswith("at the time of the offences")
    lo, hi = (int(x) for x in age.expected.split()[1].split("–"))
    assert not lo <= 20 <= hi and lo <= 24 <= hi
    assert "24 (2020-03-25)" in age.explanation  # the recorded ages are stated
    assert any("Cho" in c and "named earlier" in c for c in r.context)


# --------------------------------------------------------------------------- claims about every jurisdiction

CLAIMS = [
    # (claim, as_of, verdict, record)
    ("In France, sharing a sexual deepfake without consent is punishable by up to two years in prison and a €60,000 fine.", "2025-01-01", A, "fr/code-penal/226-8-1"),
    ("In France, sharing a sexual deepfake online can cost you three years in prison and a fine of €75,000.", "2025-01-01", A, "fr/code-penal/226-8-1"),
    # Sexual deepfakes have had their own offence (226-8-1, 2 years) since 2024-05-23; before
    # that the general montage offence (226-8, 1 year) covered them.
    ("French law punishes sexual deepfakes with a maximum of one year in jail.", "2025-01-01", I, "fr/code-penal/226-8-1"),
    ("French law punishes sexual deepfakes with a maximum of one year in jail.", "2023-06-01", A, "fr/code-penal/226-8"),
    ("In France, sharing a deepfake of someone without their consent carries up to one year in prison.", "2025-01-01", A, "fr/code-penal/226-8"),
    ("In the US, publishing intimate images without consent carries up to 18 months in prison.", "2025-06-01", I, "us/47-usc/223-h-adult"),
    ("Under federal law, posting deepfake nudes of an adult carries up to 2 years.", "2025-06-01", A, "us/47-usc/223-h-adult"),
    ("In the US, threatening to publish intimate images of an adult carries up to 18 months in prison.", "2025-06-01", A, "us/47-usc/223-h-threats"),
    ("Australian law sets a maximum of six years' imprisonment for transmitting sexual material without consent.", "2025-01-01", A, "au/criminal-code/474-17a"),
    ("The eSafety Commissioner won a A$343,500 penalty against Anthony Rotondo.", "2026-01-01", A, "au/esafety-v-rotondo"),
    ("In South Korea, making sexual deepfakes can cost you a fine of 50 million won a year later.", "2025-01-01", A, "kr/sexual-crimes-act/14-2.1"),
    ("In France, possessing child pornography carries a maximum sentence of two years.", "2019-06-01", A, "fr/code-penal/227-23-possession"),
    ("In France, possessing child pornography carries a maximum sentence of two years.", "2024-06-01", O, "fr/code-penal/227-23-possession"),
    ("In France, distributing child pornography online can bring seven years and a €100,000 fine.", "2025-01-01", A, "fr/code-penal/227-23"),
    ("In the UK, sharing intimate images without consent carries up to six months in prison.", "2025-01-01", A, "gb-eaw/sexual-offences-act-2003/66b"),
    ("The maximum penalty for possessing indecent images of children in the UK is 10 years.", "2025-01-01", I, "gb-eaw/criminal-justice-act-1988/160"),
    ("In England, making indecent images of children carries a maximum of ten years.", "2025-01-01", A, "gb-eaw/protection-of-children-act-1978/1"),
    ("British law makes creating a sexually explicit deepfake of an adult punishable by an unlimited fine.", "2026-03-01", A, "gb-eaw/sexual-offences-act-2003/66e"),
    # Before an offence was created lawref cannot tell whether an older law it does not hold
    # covered the conduct (data/README.md): unverifiable, naming the creation date.
    ("British law makes creating a sexually explicit deepfake of an adult punishable by an unlimited fine.", "2025-03-01", U, "gb-eaw/sexual-offences-act-2003/66e"),
    # ... and a predecessor the catalogue holds answers for its own years.
    ("In 2019, disclosing private sexual photographs in England to cause distress carried up to two years in prison.", "2026-11-26", A, "gb-eaw/criminal-justice-and-courts-act-2015/33"),
    ("In 2019, revenge porn in England carried up to five years in prison.", "2026-11-26", I, "gb-eaw/criminal-justice-and-courts-act-2015/33"),
    ("Under federal law, distributing child pornography carries a mandatory minimum of five years and up to 20 years in prison.", "2024-01-01", A, "us/18-usc/2252a"),
    ("In the US, possession of child sexual abuse material carries up to 10 years in federal prison.", "2025-01-01", A, "us/18-usc/2252a-possession"),
    ("Publishing deepfake porn of an adult is a federal crime punishable by up to two years in prison under the Take It Down Act.", "2025-06-01", A, "us/47-usc/223-h-adult"),
    ("Publishing deepfake porn of an adult is a federal crime punishable by up to two years in prison under the Take It Down Act.", "2024-06-01", I, "us/47-usc/223-h-adult"),
    ("Under the Take It Down Act, threatening to publish a deepfake of a minor carries up to 30 months in prison.", "2025-07-01", A, "us/47-usc/223-h-threats"),
    ("In Australia, sharing sexually explicit deepfakes without consent can lead to six years in jail.", "2024-10-01", A, "au/criminal-code/474-17a"),
    ("In Australia, people who create and share deepfake porn face up to 7 years in prison.", "2024-10-01", A, "au/criminal-code/474-17aa"),
    ("Australian man Anthony Rotondo was fined $343,500 for posting deepfakes.", "2025-10-01", A, "au/esafety-v-rotondo"),
    ("The EU requires member states to punish non-consensual sharing of deepfakes with at least one year in prison.", "2025-01-01", A, "eu/directive-2024-1385/5"),
    ("Hugh Nelson was jailed for 18 years for creating AI child abuse images.", "2025-01-01", A, "gb-eaw/hugh-nelson"),
    ("Hugh Nelson received a 24-year sentence.", "2025-01-01", A, "gb-eaw/hugh-nelson"),  # 18 custody + 6 licence
    ("Hugh Nelson, 27, was sentenced to 20 years.", "2025-01-01", I, "gb-eaw/hugh-nelson"),
    ("Cho Ju-bin was sentenced to 40 years in prison.", "2020-12-01", A, "kr/cho-ju-bin"),
    ("Cho Ju-bin was sentenced to 40 years in prison.", "2025-01-01", O, "kr/cho-ju-bin"),  # first instance, replaced on appeal
    ("Jo Ju-bin, 25, had his 42-year sentence upheld by the Supreme Court.", "2021-10-15", A, "kr/cho-ju-bin"),
    ("Cho Ju-bin received a life sentence.", "2025-01-01", I, "kr/cho-ju-bin"),
    ("Korean courts sentenced Moon Hyung-wook to 34 years.", "2025-01-01", A, "kr/moon-hyeong-wook"),
    ("Pavel Durov has been convicted in France.", "2025-01-01", I, "fr/durov"),
    ("Pavel Durov has not been charged.", "2025-01-01", I, "fr/durov"),
    # Active voice and imprisonment as a status.
    ("Paris investigating judges charged Pavel Durov in August 2024.", "2025-01-01", A, "fr/durov"),
    ("An appeals court acquitted Steven Anderegg.", "2026-11-26", I, "us/steven-anderegg"),
    ("Anthony Rotondo was jailed for posting deepfakes of Australian women.", "2026-11-26", I, "au/esafety-v-rotondo"),
    ("Hugh Nelson was jailed.", "2026-11-26", A, "gb-eaw/hugh-nelson"),
    ("Pavel Durov was arrested in France.", "2025-01-01", A, "fr/durov"),
    ("Durov was sentenced to five years.", "2025-06-01", I, "fr/durov"),
    ("Creating deepfake porn in South Korea is punishable by up to 7 years in prison.", "2024-09-04", I, "kr/sexual-crimes-act/14-2.1"),
    ("Creating deepfake porn in South Korea is punishable by up to 7 years in prison.", "2025-01-01", A, "kr/sexual-crimes-act/14-2.1"),
    ("In South Korea, watching sexual deepfakes can get you up to three years in jail or a fine of up to 30 million won.", "2025-01-01", A, "kr/sexual-crimes-act/14-2.4"),
    ("In South Korea, watching sexual deepfakes can get you up to three years in jail.", "2024-09-01", U, "kr/sexual-crimes-act/14-2.4"),  # a 2024 offence
    # ... but a claim naming the law itself is wrong before that law existed.
    ("Publishing deepfake porn of an adult is punishable by up to two years under 47 U.S.C. 223(h).", "2024-06-01", I, "us/47-usc/223-h-adult"),
    ("Selling sexual deepfakes for profit in South Korea is punishable by at least three years in prison.", "2025-01-01", A, "kr/sexual-crimes-act/14-2.3"),
    ("In Korea, producing child sexual exploitation material is punishable by life imprisonment.", "2025-01-01", A, "kr/youth-protection-act/11.1"),
    ("South Korean law punishes blackmail using intimate videos with at least one year in prison.", "2025-01-01", A, "kr/sexual-crimes-act/14-3.1"),
    # The article sets only a floor; the 30-year cap is the Criminal Act's general limit.
    ("South Korean law punishes blackmail using intimate videos with up to 30 years in prison.", "2025-01-01", A, "kr/sexual-crimes-act/14-3.1"),
    ("South Korean law punishes blackmail using intimate videos with up to five years in prison.", "2025-01-01", I, "kr/sexual-crimes-act/14-3.1"),
    ("In South Korea, distributing deepfakes carries a maximum of 10 years in prison.", "2025-01-01", I, "kr/sexual-crimes-act/14-2.2"),
    ("Making deepfakes in South Korea is punishable by between five and seven years.", "2025-01-01", I, "kr/sexual-crimes-act/14-2.1"),  # no minimum
    ("In South Korea, producing deepfakes now carries up to seven years, up from five years.", "2025-01-01", A, "kr/sexual-crimes-act/14-2.1"),
    ("In South Korea, creating sexually explicit deepfakes can result in fines of up to 50 million yen.", "2024-09-04", I, "kr/sexual-crimes-act/14-2.1"),
    ("Durov faces up to 10 years in prison.", "2025-01-01", A, "fr/code-penal/227-23"),  # his case's offence, organised-gang variant
    ("Cho Ju-bin was 24 when he was arrested.", "2025-01-01", A, "kr/cho-ju-bin"),
    ("Cho, 30, is serving a 42-year term.", "2026-11-26", A, "kr/cho-ju-bin"),
    ("Rotondo, 55, was ordered to pay A$343,500.", "2025-10-01", A, "au/esafety-v-rotondo"),
    ("Australia's Federal Court ordered Anthony Rotondo to pay a penalty of $343,500 in September 2025.", "2026-11-26", A, "au/esafety-v-rotondo"),
    ("Rotondo was ordered to pay A$343,500 in March 2024.", "2026-11-26", I, "au/esafety-v-rotondo"),
    ("Rotondo, 50, was hit with a A$343,500 penalty.", "2026-11-26", I, "au/esafety-v-rotondo"),
    # A claim that dates itself is checked on that date, whatever --as-of says.
    ("In 2021, making sexual deepfakes in South Korea carried up to seven years in prison.", "2026-11-26", I, "kr/sexual-crimes-act/14-2.1"),
    ("In 2021, making sexual deepfakes in South Korea carried up to five years in prison.", "2026-11-26", A, "kr/sexual-crimes-act/14-2.1"),
    ("Before October 2024, Korea punished deepfake creation with up to 5 years in prison.", "2026-11-26", A, "kr/sexual-crimes-act/14-2.1"),
    ("Since 2022, making deepfakes in South Korea is punishable by up to seven years.", "2026-11-26", I, "kr/sexual-crimes-act/14-2.1"),
    ("Since October 2024, making deepfakes in South Korea is punishable by up to seven years.", "2026-11-26", A, "kr/sexual-crimes-act/14-2.1"),
    ("South Korea's deepfake maximum rose from five to seven years in March 2024.", "2026-11-26", I, "kr/sexual-crimes-act/14-2.1"),
    ("South Korea's deepfake maximum rose from five to seven years in October 2024.", "2026-11-26", A, "kr/sexual-crimes-act/14-2.1"),
    # A dated sentence is the one standing then; an unrecorded event is not a denial.
    ("Moon Hyeong-wook was sentenced to 34 years in April 2021.", "2026-11-26", A, "kr/moon-hyeong-wook"),
    ("Cho Ju-bin was jailed for 42 years in November 2020.", "2026-11-26", I, "kr/cho-ju-bin"),
    ("Hugh Nelson was arrested in 2023.", "2026-11-26", U, "gb-eaw/hugh-nelson"),
    ("David Tatum was charged in 2022.", "2026-11-26", U, "us/david-tatum"),
    # A state of a federation: its own law is not held, so only a match with federal law counts.
    ("In New South Wales, sharing sexual deepfakes carries up to six years.", "2025-06-01", A, "au/criminal-code/474-17a"),
    ("In Texas, publishing deepfake nudes of adults carries up to five years in prison.", "2025-06-01", U, "us/47-usc/223-h-adult"),
    ("A Texas man faces up to 10 years in federal prison for possessing child pornography.", "2025-06-01", A, "us/18-usc/2252a-possession"),
    # Fines and ranges written in other ways.
    ("France's deepfake law carries one year in prison and a 25,000-euro fine.", "2025-06-01", I, "fr/code-penal/226-8"),
    ("In France, sharing a deepfake without consent carries one year in prison and a fine of 15 000 €.", "2025-06-01", A, "fr/code-penal/226-8"),
    ("Under the Take It Down Act, publishing deepfake nudes of adults carries a fine of up to a quarter of a million dollars.", "2025-06-01", A, "us/47-usc/223-h-adult"),
    ("South Korea punishes producing child sexual exploitation material with at least five years and up to life imprisonment.", "2025-06-01", A, "kr/youth-protection-act/11.1"),
    # Before a record's history starts, the penalty is unknown, not absent.
    ("In France, distributing child pornography carried up to seven years in prison in 2015.", "2026-11-26", U, "fr/code-penal/227-23"),
    # The article cited picks the record, and its jurisdiction when none is named.
    ("Article 226-8-1 of the French Criminal Code carries two years in prison.", "2025-06-01", A, "fr/code-penal/226-8-1"),
    ("Under section 474.17A of Australia's Criminal Code, the maximum penalty is six years.", "2025-06-01", A, "au/criminal-code/474-17a"),
    ("18 U.S.C. 2252A carries a mandatory minimum of five years.", "2025-06-01", A, "us/18-usc/2252a"),
    ("Under 18 USC 1466A, producing obscene AI images of children carries up to 10 years.", "2025-06-01", I, "us/18-usc/1466a"),
    ("Under 18 USC 1466A(b), possessing obscene AI images of children carries up to 10 years.", "2025-06-01", A, "us/18-usc/1466a-b"),
    # The claim's own words rule out variants (other conduct, repeat offenders, adults) and,
    # for a minor, the adult base penalty.
    ("In the US, threatening to share a deepfake of a minor carries up to 18 months.", "2025-07-01", I, "us/47-usc/223-h-threats"),
    ("In the US, a first offence of distributing child pornography can mean 40 years in prison.", "2025-06-01", I, "us/18-usc/2252a"),
    # "Americans convicted of ..." is a rule about anyone, not a claim about a case.
    ("Americans convicted of possessing child abuse images face up to 10 years.", "2025-06-01", A, "us/18-usc/2252a-possession"),
    # Dates relative to the claim's date.
    ("Hugh Nelson received an 18-year jail term last March.", "2025-01-15", I, "gb-eaw/hugh-nelson"),
    ("Hugh Nelson received an 18-year jail term last October.", "2025-01-15", A, "gb-eaw/hugh-nelson"),
    ("Kim Nok-wan was sentenced to life in prison last month.", "2025-12-10", A, "kr/kim-nok-wan"),
    ("Kim Nok-wan was sentenced to life in prison earlier this month.", "2025-11-30", A, "kr/kim-nok-wan"),
    ("Two weeks ago Hugh Nelson was jailed for 18 years.", "2024-11-12", A, "gb-eaw/hugh-nelson"),
    ("Two weeks ago Hugh Nelson was jailed for 18 years.", "2024-11-01", I, "gb-eaw/hugh-nelson"),  # 4 days before
    ("Kim Nok-wan was sentenced to life in prison a year ago.", "2026-06-01", A, "kr/kim-nok-wan"),
    # An offence that states no fine: general law may allow one, so a claimed fine is not refuted.
    ("Australia's new deepfake offence carries six years in prison and a fine of A$100,000.", "2026-11-26", U, "au/criminal-code/474-17a"),
    # The conduct named picks the offence: distributing filmed material is not filming it.
    ("In South Korea, distributing illegally filmed videos carries up to seven years or a fine of KRW 50 million.", "2026-11-26", A, "kr/sexual-crimes-act/14.2"),
    ("In South Korea, sharing secretly filmed videos carries up to seven years.", "2026-11-26", A, "kr/sexual-crimes-act/14.2"),
    ("South Korea fines people who secretly film others up to 50,000,000 won.", "2026-11-26", A, "kr/sexual-crimes-act/14.1"),
    ("South Korea punishes upskirting with up to seven years.", "2026-11-26", A, "kr/sexual-crimes-act/14.1"),
    # French press wording.
    ("En France, la diffusion d'un deepfake sexuel est punie de cinq ans d'emprisonnement et de 60 000 euros d'amende.", "2026-11-26", I, "fr/code-penal/226-8-1"),
    ("En France, la diffusion d'un deepfake sexuel est punie de deux ans d'emprisonnement et de 60 000 euros d'amende.", "2026-11-26", A, "fr/code-penal/226-8-1"),
    ("En France, la détention d'images pédopornographiques est punie de cinq ans d'emprisonnement et de 75 000 euros d'amende.", "2026-11-26", A, "fr/code-penal/227-23-possession"),
    ("Pavel Durov a été mis en examen en France.", "2026-11-26", A, "fr/durov"),
    ("Hugh Nelson a été condamné à 20 ans de prison.", "2026-11-26", I, "gb-eaw/hugh-nelson"),
    # Korean press and statute wording.
    ("한국에서 딥페이크 성착취물을 제작하면 7년 이하의 징역 또는 5천만원 이하의 벌금에 처한다.", "2026-11-26", A, "kr/sexual-crimes-act/14-2.1"),
    ("한국에서 딥페이크 성착취물을 제작하면 5년 이하의 징역 또는 5천만원 이하의 벌금에 처한다.", "2026-11-26", O, "kr/sexual-crimes-act/14-2.1"),
    ("한국에서 딥페이크 성착취물을 소지하거나 시청하면 3년 이하의 징역 또는 3천만원 이하의 벌금에 처한다.", "2026-11-26", A, "kr/sexual-crimes-act/14-2.4"),
    ("조주빈은 징역 42년을 선고받았다.", "2026-11-26", A, "kr/cho-ju-bin"),
    ("조주빈은 징역 45년을 선고받았다.", "2026-11-26", I, "kr/cho-ju-bin"),
    # Korean dates are dates, not terms ("2021년 10월" is October 2021, not 2021 years).
    ("조주빈은 2021년 10월 대법원에서 징역 42년을 확정받았다.", "2026-11-26", A, "kr/cho-ju-bin"),
    ("조주빈은 2020년 11월 1심에서 징역 40년을 선고받았다.", "2026-11-26", A, "kr/cho-ju-bin"),
    ("조주빈은 2021년 10월 14일 징역 42년이 확정됐다.", "2026-11-26", A, "kr/cho-ju-bin"),
    ("조주빈은 2019년 5월 징역 42년을 선고받았다.", "2026-11-26", I, "kr/cho-ju-bin"),
    ("문형욱은 2021년 징역 34년을 선고받았다.", "2026-11-26", A, "kr/moon-hyeong-wook"),
    # "<date> 체포된 X은 ...": the date is the arrest's, not the sentence's.
    ("2020년 3월 체포된 조주빈은 징역 42년을 선고받았다.", "2026-11-26", A, "kr/cho-ju-bin"),
    ("2021년 3월 체포된 조주빈은 징역 42년을 선고받았다.", "2026-11-26", I, "kr/cho-ju-bin"),
    ("조주빈은 2020년 3월 체포됐다.", "2026-11-26", A, "kr/cho-ju-bin"),
    ("조주빈은 2021년 3월 체포됐다.", "2026-11-26", I, "kr/cho-ju-bin"),
    # A bare age closing the sentence.
    ("Hugh Nelson is 45.", "2026-11-26", I, "gb-eaw/hugh-nelson"),
    ("Hugh Nelson, now 29, is in prison.", "2026-11-26", A, "gb-eaw/hugh-nelson"),
    # An age tied to a ruling is checked on that ruling's date.
    ("Cho Ju-bin was 30 when the Supreme Court confirmed his sentence.", "2026-11-26", I, "kr/cho-ju-bin"),
    ("Cho Ju-bin was 25 when the Supreme Court confirmed his sentence.", "2026-11-26", A, "kr/cho-ju-bin"),
    ("Before October 2024, making deepfakes in South Korea carried up to half a decade in prison.", "2026-11-26", A, "kr/sexual-crimes-act/14-2.1"),
    # A date no calendar has is wrong whatever else is right.
    ("Cho Ju-bin was jailed for 42 years on 30 February 2021.", "2026-11-26", I, "kr/cho-ju-bin"),
    # Phrasings read since: a date after "since", "§" after U.S.C., a mandatory minimum after
    # the term, supervised release not a prison term, "before the 2024 amendment", old years.
    ("In South Korea, making deepfakes has been punishable by up to seven years since October 16, 2024.", "2025-03-01", A, "kr/sexual-crimes-act/14-2.1"),
    ("Possessing child pornography under 18 U.S.C. § 2252A(a)(5) carries up to 10 years.", "2025-03-01", A, "us/18-usc/2252a-possession"),
    ("In the US, distributing child pornography carries a five-year mandatory minimum.", "2025-03-01", A, "us/18-usc/2252a"),
    ("David Tatum got 40 years and 30 years of supervised release.", "2025-03-01", A, "us/david-tatum"),
    ("Bolton man Hugh Nelson was handed 18 years in custody plus six years on extended licence.", "2025-03-01", A, "gb-eaw/hugh-nelson"),
    ("Possessing sexual deepfakes in South Korea is no longer legal and carries up to three years in prison.", "2025-03-01", A, "kr/sexual-crimes-act/14-2.4"),
    ("Before the 2024 amendment, South Korea punished making deepfakes with up to five years.", "2025-03-01", A, "kr/sexual-crimes-act/14-2.1"),
    ("Cho Ju-bin was jailed for 42 years in 1850.", "2025-03-01", I, "kr/cho-ju-bin"),
    # "does not carry a prison sentence"; a change's own date ("became punishable ... last year").
    ("Transmitting sexual deepfakes in Australia does not carry a prison sentence.", "2026-03-01", I, "au/criminal-code/474-17a"),
    ("Last year, watching deepfake porn in South Korea became punishable by up to three years in prison.", "2026-05-01", I, "kr/sexual-crimes-act/14-2.4"),
    ("In October 2024, watching deepfake porn in South Korea became punishable by up to three years in prison.", "2026-05-01", A, "kr/sexual-crimes-act/14-2.4"),
    # A claim about the future cannot be confirmed.
    ("In 2099, making deepfakes in South Korea will carry up to 7 years.", "2025-06-01", U, "kr/sexual-crimes-act/14-2.1"),
    # A penalty said NOT to apply.
    ("In France, sharing a sexual deepfake is no longer punishable by two years in prison.", "2025-06-01", I, "fr/code-penal/226-8-1"),
    ("In South Korea, making deepfakes is no longer punishable by five years in prison.", "2025-06-01", A, "kr/sexual-crimes-act/14-2.1"),
    ("In South Korea, distributing deepfakes carries not less than five years.", "2025-06-01", I, "kr/sexual-crimes-act/14-2.2"),
    # Must stay unverifiable: what is missing is named.
    ("In France, possessing sexual deepfakes carries up to two years in prison.", "2025-01-01", U, None),  # only sharing is an offence
    ("In Germany, making deepfakes can lead to two years in prison.", "2025-01-01", U, None),
    ("Making deepfakes can lead to two years in prison.", "2025-01-01", U, None),
    ("In Scotland, sharing deepfake porn can lead to five years in jail.", "2025-01-01", U, None),
    ("Offenders in Korea face as much as five years behind bars.", "2024-09-04", U, None),
    ("John Smith was sentenced to 10 years for making deepfakes.", "2025-01-01", U, None),
    ("Deepfakes are a serious problem in South Korea.", "2025-01-01", U, None),
]


@pytest.mark.parametrize("text, day, verdict, record", CLAIMS, ids=[f"{i}-{c[2].value}" for i, c in enumerate(CLAIMS)])
def test_claims(catalogue, text, day, verdict, record):
    rep = check(catalogue, text, dt.date.fromisoformat(day))
    (r,) = rep.results
    assert r.verdict is verdict, r.json()
    assert r.record == record
    if verdict is not U:
        assert r.sources, "a verdict names the sources to cite"
        assert r.expected


@pytest.mark.parametrize(
    "text, missing",
    [
        ("In Germany, making deepfakes can lead to two years in prison.", "missing jurisdiction"),
        ("Making deepfakes can lead to two years in prison.", "names no jurisdiction"),
        ("Offenders in Korea face as much as five years behind bars.", "missing offence"),
        ("John Smith was sentenced to 10 years for making deepfakes.", "missing case"),
        ("Deepfakes are a serious problem in South Korea.", "Nothing to check"),
        ("In France, possessing sexual deepfakes carries up to two years in prison.", "covers possession (missing offence)"),
    ],
)
def test_unverifiable_says_what_is_missing(catalogue, text, missing):
    (r,) = check(catalogue, text, dt.date(2025, 1, 1)).results
    assert r.verdict is U and missing in r.explanation


def test_a_general_cap_is_named_as_such(catalogue):
    rep = check(catalogue, "In South Korea, blackmail with deepfakes is punishable by up to 30 years in prison.", dt.date(2025, 1, 1))
    (r,) = rep.results
    assert r.verdict is A and "Criminal Act Art. 42" in r.expected
    assert any("general cap under Criminal Act Art. 42" in c for c in r.context), r.context
    assert any("/형법/" in s.url for s in r.sources), "the general provision is cited"


def test_outdated_says_when_it_changed_and_what_it_is_now(catalogue):
    (r,) = check(catalogue, "In France, possessing child pornography carries a maximum sentence of two years.", dt.date(2024, 6, 1)).results
    (f,) = r.findings
    assert "until 2020-07-31" in f.explanation and "since 2020-08-01" in f.explanation and "5 years" in f.explanation


def test_superseded_sentence_says_so(catalogue):
    (r,) = check(catalogue, "Cho Ju-bin was sentenced to 40 years in prison.", dt.date(2025, 1, 1)).results
    assert "first-instance sentence of 2020-11-26" in r.explanation and "42 years" in r.explanation


def test_aggravated_variant_is_named(catalogue):
    (r,) = check(catalogue, "In France, sharing a sexual deepfake online can cost you three years in prison and a fine of €75,000.", dt.date(2025, 1, 1)).results
    assert "online public communication service" in r.findings[0].explanation
    assert any("applies only" in c for c in r.context)


def test_case_named_earlier_resolves_a_surname(catalogue):
    text = "Police arrested Hugh Nelson in 2023. Nelson was jailed for 18 years."
    first, r = check(catalogue, text, dt.date(2025, 1, 1)).results
    assert (first.verdict, first.record) == (U, "gb-eaw/hugh-nelson")  # the record lists no arrest
    assert (r.verdict, r.record) == (A, "gb-eaw/hugh-nelson")


def test_romanisation_variants_and_native_names(catalogue):
    for name in ("Cho Ju-bin", "Jo Joo-bin", "Cho Joo-bin", "조주빈"):
        (r,) = check(catalogue, f"{name} received a 42-year prison sentence.", dt.date(2025, 1, 1)).results
        assert (r.verdict, r.record) == (A, "kr/cho-ju-bin"), name


# --------------------------------------------------------------------------- conversions


@pytest.mark.parametrize(
    "usd, day, verdict",
    [
        (37_500, PUBLISHED, A),
        # Right at a rate of the year before (late 2024): outdated, saying until when.
        (37_500, dt.date(2025, 4, 10), O),
        # Right only at a rate years older (2021): wrong at the claim's date.
        (45_000, PUBLISHED, I),
        (60_000, PUBLISHED, I),
    ],
)
def test_conversion_checked_at_the_dated_rate(catalogue, usd, day, verdict):
    text = f"In South Korea, making deepfakes can result in fines of up to 50 million won (${usd:,})."
    (r,) = check(catalogue, text, day).results
    conv = [f for f in r.findings if f.aspect == "conversion"]
    assert [f.verdict for f in conv] == [verdict]
    assert [f for f in r.findings if f.aspect == "fine"][0].verdict is A  # the native amount, apart
    if verdict is O:
        assert "matched the exchange rate until about" in conv[0].explanation
    if usd == 45_000:
        assert any("more than a year before" in c for c in conv[0].context)


def test_conversion_tolerance_option(catalogue):
    text = "In South Korea, making deepfakes can result in fines of up to 50 million won ($60,000)."
    (r,) = check(catalogue, text, PUBLISHED, tolerance=0.7).results
    assert [f.verdict for f in r.findings if f.aspect == "conversion"] == [A]


def test_conversion_without_rates_is_unverifiable(catalogue):
    from lawref.money import NoConversion

    class NoRates:
        def convert(self, amount, a, b, day):
            return NoConversion("no rates in this test")

    text = "In South Korea, making deepfakes can result in fines of up to 50 million won ($37,500)."
    (r,) = check(catalogue, text, PUBLISHED, rates=NoRates()).results
    conv = [f for f in r.findings if f.aspect == "conversion"]
    assert [f.verdict for f in conv] == [U] and "no rates in this test" in conv[0].explanation
    assert r.verdict is U  # never accurate when part of it could not be checked


def test_fine_stated_in_another_currency_is_converted(catalogue):
    text = "In South Korea, making deepfakes can result in fines of up to $37,000."
    (r,) = check(catalogue, text, PUBLISHED).results
    assert r.verdict is A and any("Compared after conversion" in c for c in r.context)


# --------------------------------------------------------------------------- invariants and output


def test_verdict_order():
    assert worst([A, U]) is U and worst([U, O]) is O and worst([O, I, A]) is I and worst([]) is A
    assert [v.rating for v in (I, O, U, A)] == [1, 2, 3, 4]


def test_json_schema(catalogue):
    rep = check(catalogue, _seed_text())
    data = json.loads(json.dumps(rep.json(), default=str))
    assert set(data) >= {"as_of", "verdict", "today", "claims"}
    assert data["as_of"] == "2024-09-04" and data["verdict"] == "inaccurate" and data["today"]["date"] == "2026-11-26"
    for c in data["claims"]:
        assert set(c) >= {"text", "verdict", "record", "expected", "found", "explanation", "context", "sources", "checks", "today"}
        assert isinstance(c["context"], list)
        for s in c["sources"]:
            assert set(s) >= {"url", "accessed"}
    assert data["claims"][0]["today"]["verdict"] == "outdated"


def test_claimreview(catalogue):
    rep = check(catalogue, _seed_text())
    reviews = rep.claimreview(url="https://example.org/story", author="BBC News")
    assert len(reviews) == 3
    r = reviews[2]
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    assert r["claimReviewed"].startswith("Cho, who was 20")
    assert r["itemReviewed"] == {
        "@type": "Claim",
        "datePublished": "2024-09-04",
        "appearance": {"@type": "CreativeWork", "url": "https://example.org/story"},
        "author": {"@type": "Organization", "name": "BBC News"},
    }
    assert r["reviewRating"] == {"@type": "Rating", "ratingValue": 1, "bestRating": 4, "worstRating": 1, "alternateName": "Inaccurate"}
    assert r["citation"] and all(c["url"].startswith("http") for c in r["citation"])
    assert reviews[0]["reviewRating"]["alternateName"] == "Accurate"


def test_empty_text_is_a_usage_error(catalogue):
    from lawref.errors import UsageError

    with pytest.raises(UsageError):
        check(catalogue, "   ")


# Claims with nothing matching must never crash and never be "accurate".
def test_no_match_is_never_accurate(catalogue):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    vocab = [
        "In", "Germany", "Japan", "federal", "up to", "five", "years", "€75,000", "at least", "life", "was", "charged",
        "convicted", "who was 20 at the time", "received", "a 42-year", "prison", "sentence", ",", ".", "deepfakes",
        "sharing", "possessing", "₩50m", "($37,500)", "fine", "unlimited", "between", "and", "to", "raised", "up from",
        "John Smith", "Mary Jones", "aged", "30", "0", "999999999999", "[red]", "\x1b[2J", "months", "decade", "not",
        "\n\n", "½", "Korean", "France", "Cho",
    ]  # fmt: skip

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.sampled_from(vocab), min_size=1, max_size=25), st.dates(dt.date(1995, 1, 1), dt.date(2030, 12, 31)))
    def run(words, day):
        text = " ".join(words)
        if not text.strip():
            return
        rep = check(catalogue, text, day)
        assert rep.results
        for r in rep.results:
            assert r.verdict is not A or (r.record and r.sources), (text, r.json())
            for f in r.findings:
                assert f.verdict is not A or f.record, (text, f.json())
        rep.json()
        rep.claimreview()

    run()


def test_arbitrary_text_never_crashes(catalogue):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.text(min_size=1, max_size=300))
    def run(text):
        if not text.strip():
            return
        for r in check(catalogue, text).results:
            assert r.verdict is not A or r.record

    run()


# --------------------------------------------------------------------------- the CLI


@pytest.fixture
def pinned_today(monkeypatch):
    import lawref.dates

    monkeypatch.setattr(lawref.dates, "today", lambda: TODAY)


def test_cli_seed_file_json(cli, pinned_today):
    res = cli(["check", "--file", str(SEED), "--as-of", "2024-09-04", "--json"]) if SEED.is_file() else pytest.skip("no seed")
    assert res.code == 1, res.err
    data = json.loads(res.out)
    assert [c["verdict"] for c in data["claims"]] == ["accurate", "accurate", "inaccurate"]
    assert [c["today"]["verdict"] for c in data["claims"]] == ["outdated", "accurate", "inaccurate"]


def test_cli_exit_codes(cli, pinned_today):
    ok = cli(["check", "Pavel Durov was arrested in France.", "--as-of", "2025-01-01"])
    assert ok.code == 0, ok.err
    bad = cli(["check", "Pavel Durov has been convicted.", "--as-of", "2025-01-01"])
    assert bad.code == 1
    unknown = cli(["check", "Deepfakes are bad."])
    assert unknown.code == 1 and "UNVERIFIABLE" in unknown.out


@pytest.mark.parametrize(
    "args, message",
    [
        (["check"], "no claim given"),
        (["check", "x", "--file", "f.txt"], "not both"),
        (["check", "--file", "/nonexistent/claims.txt"], "cannot read"),
        (["check", "x", "--format", "xml"], "unknown format"),
        (["check", "x", "--json", "--format", "claimreview"], "cannot be combined"),
        (["check", "x", "--as-of", "2024-13-01"], "not a valid date"),
        (["check", "x", "--tolerance", "2"], "--tolerance"),
        (["check", "x", "--format", "claimreview", "--claim-url", "javascript:alert(1)"], "--claim-url"),
    ],
)
def test_cli_usage_errors(cli, args, message):
    res = cli(args)
    assert res.code == 2 and message in res.err and "Traceback" not in res.err
    assert res.err.count("\n") == 1


def test_cli_stdin_and_plain_output(cli, pinned_today):
    res = cli(["check", "-", "--as-of", "2024-09-04"], stdin="In South Korea, making deepfakes can result in up to five years in prison.")
    assert res.code == 0
    assert "1. ACCURATE:" in res.out and "record:   kr/sexual-crimes-act/14-2.1" in res.out
    assert "Today (2026-11-26): OUTDATED." in res.out  # both verdicts when they differ
    assert "\x1b" not in res.out  # plain text when piped


def test_cli_prints_user_text_literally(cli):
    res = cli(["check", "In France, [red]sharing[/red] a sexual deepfake \x1b[31mcarries up to 2 years."])
    assert "[red]sharing[/red]" in res.out and "\x1b[31m" not in res.out


def test_cli_claimreview(cli, pinned_today):
    res = cli(["check", "Durov has been formally charged.", "--as-of", "2024-09-04", "--format", "claimreview", "--claim-url", "https://example.org/a"])
    assert res.code == 0
    (review,) = json.loads(res.out)
    assert review["itemReviewed"]["datePublished"] == "2024-09-04" and review["reviewRating"]["ratingValue"] == 4
    assert review["itemReviewed"]["appearance"]["url"] == "https://example.org/a"
    assert "url" not in review  # schema.org: a ClaimReview's url is the review's own page


def test_cli_help_has_example(cli):
    res = cli(["check", "--help"])
    assert res.code == 0 and "Example: lawref check" in res.out


def test_one_sentence_two_jurisdictions_two_claims(catalogue):
    text = "France punishes sharing sexual deepfakes with two years in prison, while the UK punishes sharing intimate images with six months."
    rep = check(catalogue, text, dt.date(2025, 1, 1))
    assert [(r.verdict, r.record) for r in rep.results] == [(A, "fr/code-penal/226-8-1"), (A, "gb-eaw/sexual-offences-act-2003/66b")]
    assert any("England and Wales" in c for c in rep.results[1].context)  # the UK record covers E&W only


def test_later_clause_is_matched_with_the_sentence_subject(catalogue):
    text = "In South Korea, deepfake possession now carries up to 3 years in prison, while making them carries up to 7 years."
    rep = check(catalogue, text, dt.date(2025, 1, 1))
    assert [(r.verdict, r.record) for r in rep.results] == [(A, "kr/sexual-crimes-act/14-2.4"), (A, "kr/sexual-crimes-act/14-2.1")]


@pytest.mark.parametrize(
    "text, day, verdict, replaced_by",
    [
        ("Kang was sentenced to 4 years for making the deepfakes.", "2024-11-01", A, None),
        ("Kang was sentenced to 4 years for making the deepfakes.", "2025-06-01", O, "3 years 6 months"),
        ("The principal offender Park was jailed for 9 years on appeal.", "2025-06-01", A, None),
        ("In the Seoul National University deepfake case, the ringleader received 10 years.", "2025-06-01", O, "9 years"),
    ],
)
def test_cases_with_several_defendants(catalogue, text, day, verdict, replaced_by):
    (r,) = check(catalogue, text, dt.date.fromisoformat(day)).results
    assert (r.verdict, r.record) == (verdict, "kr/snu-deepfake")
    if replaced_by:
        assert f"replaced by {replaced_by}" in r.explanation


def test_a_figure_matched_in_an_unverified_variant_is_flagged(catalogue):
    """Accurate against the record, but the record itself is unsure: the reader is told."""
    off = catalogue.get("fr/code-penal/226-8-1")
    day = dt.date(2025, 1, 1)
    online = next(a for a in off.in_force(day).aggravated if "online" in a.label)
    (r,) = check(catalogue, "In France, sharing a sexual deepfake online is punishable by up to three years in prison.", day).results
    assert r.verdict is A and r.record == off.id
    assert online.prison.max.months == 36
    assert any("unverified" in c for c in r.json()["context"]) is online.unverified


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Hugh Nelson was jailed for 18 years in October 2022.", I),
        ("Hugh Nelson was jailed for 18 years in October 2024.", A),
        ("Hugh Nelson was jailed for 18 years on 28 October 2024.", A),
    ],
)
def test_a_stated_date_is_checked_against_the_proceeding(catalogue, text, verdict):
    case = catalogue.get("gb-eaw/hugh-nelson")
    sentenced = next(p for p in case.proceedings if p.sentence and p.sentence.prison)
    (r,) = check(catalogue, text, dt.date(2025, 1, 1)).results
    dated = [f for f in r.findings if f.aspect == "date"]
    assert len(dated) == 1 and dated[0].expected == sentenced.date.isoformat()
    assert dated[0].verdict is verdict and r.verdict is verdict


@pytest.mark.parametrize(
    "text",
    [
        "Tatum secretly filmed his 15-year-old cousin and was sentenced to 40 years.",
        "Cho Ju-bin, who blackmailed a 16-year-old girl, was sentenced to 42 years.",
        "Kim Nok-wan's victims, many aged 15 or 16, were blackmailed; he was sentenced to life.",
        "Steven Anderegg allegedly sent the images to a 15-year-old boy and was charged in May 2024.",
    ],
)
def test_a_victims_age_is_not_the_defendants(catalogue, text):
    rep = check(catalogue, text, dt.date(2026, 11, 26))
    assert rep.results and all(f.aspect != "age" for r in rep.results for f in r.findings), [r.json() for r in rep.results]


@pytest.mark.parametrize("age, verdict", [(27, A), (26, I), (28, I)])
def test_an_age_reported_for_the_day_beats_the_birth_year_range(catalogue, age, verdict):
    """Hugh Nelson's age is reported as 27 on the day he was sentenced: 26 is wrong then,
    though a year-only range would allow it."""
    case = catalogue.get("gb-eaw/hugh-nelson")
    sentenced = next(p for p in case.proceedings if p.sentence and p.sentence.prison)
    assert any(a.date == sentenced.date and a.age == 27 for a in case.defendant.ages)
    (r,) = check(catalogue, f"Hugh Nelson, {age}, was sentenced to 18 years.", dt.date(2026, 11, 26)).results
    (f,) = [f for f in r.findings if f.aspect == "age"]
    assert f.verdict is verdict


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("The Seoul High Court reduced Park's sentence from 10 years to nine years.", A),
        ("An appeals court cut Kang's sentence from four years to three years and six months.", A),
        ("An appeals court cut Kang's sentence from five years to three years and six months.", I),  # he first got four
        ("Cho Ju-bin's sentence was increased from 40 years to 42 years on appeal.", A),
    ],
)
def test_a_sentence_changed_on_appeal_is_checked_against_the_rulings_not_the_statute(catalogue, text, verdict):
    (r,) = check(catalogue, text, dt.date(2026, 11, 26)).results
    assert r.verdict is verdict, r.json()
    assert all(f.record and not f.record.startswith("kr/sexual") and f.aspect != "prison" for f in r.findings)
    assert any("earlier" in f.found for f in r.findings if f.aspect == "sentence")


@pytest.mark.parametrize(
    "text",
    [
        "Cho Ju-bin got 42 years and a 30-year electronic tag.",  # an order beside the sentence
        "Cho Ju-bin got 42 years and a 10-year ban on working with children.",
        "Prosecutors sought life imprisonment for Cho Ju-bin, but the court gave him 40 years in November 2020.",
        "Kim Nok-wan was sentenced to life in prison. His co-defendants received two to four years.",
    ],
)
def test_orders_demands_and_co_defendants_terms_are_not_the_defendants_sentence(catalogue, text):
    rep = check(catalogue, text, dt.date(2025, 11, 30), today=dt.date(2025, 11, 30))
    assert rep.verdict is A, [r.json() for r in rep.results]
    assert all(f.aspect != "prison" for r in rep.results for f in r.findings)


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("Pavel Durov was arrested in August 2024. A Paris court later convicted him.", I),  # no conviction recorded
        ("David Tatum was sentenced in November 2023. A jury had convicted him in May 2022.", I),  # May 2023
        ("David Tatum was sentenced in November 2023. A jury had convicted him in May 2023.", A),
        ("Cho Ju-bin was arrested in March 2020. A court later sentenced him to life in prison.", I),
        ("Pavel Durov was arrested in August 2024. Four days later, French judges placed him under formal investigation.", A),
    ],
)
def test_an_object_pronoun_is_the_person_just_named(catalogue, text, verdict):
    rep = check(catalogue, text, dt.date(2026, 11, 26))
    assert len(rep.results) == 2, [r.json() for r in rep.results]
    assert rep.results[1].record == rep.results[0].record and rep.results[1].verdict is verdict


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("Cho Ju-bin, who was arrested in March 2020, was sentenced to 42 years.", A),
        ("Cho Ju-bin, who was arrested in March 2021, was sentenced to 42 years.", I),  # the arrest was in 2020
        ("Cho Ju-bin (arrested in March 2020) was sentenced to 40 years in November 2020.", A),
        ("In November 2020 Cho Ju-bin was sentenced to 40 years, a term later increased to 42 years on appeal.", A),
    ],
)
def test_a_date_in_an_aside_dates_only_the_aside(catalogue, text, verdict):
    (r,) = check(catalogue, text, dt.date(2026, 11, 26)).results
    assert r.verdict is verdict, r.json()
    assert all(f.verdict is A for f in r.findings if f.aspect == "sentence")


@pytest.mark.parametrize(
    "text",
    [
        "Cho Ju-bin was sentenced to 40 years at first instance.",
        "A district court sentenced Cho Ju-bin to 40 years.",
        "The accomplice Park was sentenced to five years at first instance.",
    ],
)
def test_a_sentence_true_of_the_court_level_named_is_accurate(catalogue, text):
    """A later appeal does not make a true account of an earlier ruling outdated."""
    (r,) = check(catalogue, text, dt.date(2026, 11, 26)).results
    assert r.verdict is A, r.json()
    assert "later replaced" in r.explanation
    # without the court level, the same figure is outdated
    (bare,) = check(catalogue, "Cho Ju-bin was sentenced to 40 years.", dt.date(2026, 11, 26)).results
    assert bare.verdict is O


def test_until_a_month_is_the_day_before_it(catalogue):
    """CJCA 2015 s 33 (two years) was repealed at the end of January 2024: "until January 2024" is right."""
    off = catalogue.get("gb-eaw/criminal-justice-and-courts-act-2015/33")
    assert off.penalties[-1].end.year == 2024 and off.penalties[-1].end.month == 1
    text = "Until January 2024, disclosing private sexual images to cause distress in England and Wales carried a maximum of two years under the Criminal Justice and Courts Act 2015."
    (r,) = check(catalogue, text, dt.date(2026, 11, 26)).results
    assert r.record == off.id and r.verdict is A, r.json()


@pytest.mark.parametrize(
    "text, verdicts",
    [
        ("Under the Take It Down Act, publishing a deepfake of an adult carries up to two years in prison, and of a minor up to ten.", [A, I]),
        ("Under the Take It Down Act, publishing a deepfake of an adult carries up to two years in prison, and of a minor up to three.", [A, A]),
        ("Australia's Criminal Code punishes sharing non-consensual deepfake sexual material with up to six years' jail, rising to 15 if the offender created the image.", [A, I]),
        ("Australia's Criminal Code punishes sharing non-consensual deepfake sexual material with up to six years' jail, rising to seven if the offender created the image.", [A, A]),
        ("In the US, possessing child pornography carries up to 10 years, or 50 if the images involve a child under 12.", [A, I]),
        ("In the US, possessing child pornography carries up to 10 years, or 20 if the images involve a child under 12.", [A, A]),
        ("Korea punishes making sexual deepfakes with seven years but possessing them with three.", [A, A]),
        ("Sharing an intimate image without consent in England is punishable by up to six months in jail, or two years if it is done to cause distress.", [A, A]),
    ],
)
def test_a_second_figure_for_another_case_of_the_conduct_is_its_own_claim(catalogue, text, verdicts):
    rep = check(catalogue, text, dt.date(2026, 11, 26))
    assert [r.verdict for r in rep.results] == verdicts, [r.json() for r in rep.results]
    assert rep.results[0].record != rep.results[1].record or any(f.context for f in rep.results[1].findings) or verdicts[1] is I


@pytest.mark.parametrize("maximum, verdict", [(20, A), (50, I)])
def test_a_bare_second_figure_takes_the_first_ones_unit(catalogue, maximum, verdict):
    text = f"In the United States, distributing child sexual abuse material carries a mandatory minimum of five years and a maximum of {maximum}."
    (r,) = check(catalogue, text, dt.date(2026, 11, 26)).results
    assert r.verdict is verdict and r.record == "us/18-usc/2252a", r.json()


@pytest.mark.parametrize(
    "text, verdict, who",
    [
        ("Park was convicted in October 2024.", A, "principal"),  # the accomplice Park was convicted in August
        ("Park was convicted in August 2024.", A, "accomplice"),
        ("Park was convicted in March 2023.", I, None),  # neither Park: nothing to decide by
    ],
)
def test_a_shared_surname_is_decided_by_the_date_the_claim_gives(catalogue, text, verdict, who):
    (r,) = check(catalogue, text, dt.date(2026, 11, 26)).results
    assert r.record == "kr/snu-deepfake" and r.verdict is verdict, r.json()
    if who:
        assert any(who in f.explanation for f in r.findings if f.aspect == "status")


def test_an_age_of_a_co_defendant_without_recorded_ages_is_unverifiable(catalogue):
    (r,) = check(catalogue, "Park, the 28-year-old accomplice, was sentenced to five years in August 2024.", dt.date(2026, 11, 26)).results
    got = {f.aspect: f.verdict for f in r.findings}
    assert got["sentence"] is A and got["age"] is U


@pytest.mark.parametrize(
    "text",
    [
        "Cho Ju-bin was sentenced to 42 years. His accomplice Kang Hoon got 13 years.",  # not the SNU case's Kang
        "Han, a co-defendant in the SNU deepfake case, was acquitted in February 2025.",  # named in the summary only
    ],
)
def test_a_person_the_case_records_do_not_hold_is_unverifiable(catalogue, text):
    rep = check(catalogue, text, dt.date(2026, 11, 26))
    last = rep.results[-1]
    assert last.verdict is U, last.json()
    assert all(f.verdict is not I for r in rep.results for f in r.findings)


def test_a_figure_the_case_summary_gives_without_a_dated_proceeding_is_unverifiable(catalogue):
    """Rotondo's contempt fine is in the summary (its date unconfirmed), not a proceeding:
    lawref must not contradict its own record; another amount is still wrong."""
    case = catalogue.get("au/esafety-v-rotondo")
    assert "25,000" in case.summary and not any(p.sentence and p.sentence.fine and p.sentence.fine.max == 25000 for p in case.proceedings)
    (r,) = check(catalogue, "Rotondo was ordered to pay A$25,000 for contempt of court.", dt.date(2026, 11, 26)).results
    assert r.verdict is U and "summary" in r.explanation
    (r,) = check(catalogue, "Rotondo was ordered to pay A$30,000.", dt.date(2026, 11, 26)).results
    assert r.verdict is I
    # a maximum the summary mentions is not a sentence
    (r,) = check(catalogue, "Steven Anderegg was sentenced to 70 years.", dt.date(2026, 11, 26)).results
    assert r.verdict is I


def test_a_ruling_the_record_does_not_hold_leaves_its_date_unchecked(catalogue):
    (r,) = check(catalogue, "Tatum's 40-year sentence was upheld by the Fourth Circuit in 2025.", dt.date(2026, 11, 26)).results
    got = {f.aspect: f.verdict for f in r.findings}
    assert got.get("court") is U and "date" not in got and r.verdict is U


def test_a_converted_amount_in_a_dated_case_claim_uses_that_dates_rate(catalogue):
    """At the 2025-09-30 rate A$343,500 was about US$227,000; a year later far more."""
    text = "Anthony Rotondo was ordered to pay A$343,500 (about US$225,000) in September 2025."
    (r,) = check(catalogue, text, dt.date(2026, 11, 26)).results
    (conv,) = [f for f in r.findings if f.aspect == "conversion"]
    assert conv.verdict is A and "2025-09" in conv.explanation, conv.explanation


def test_an_impossible_age_is_inaccurate(catalogue):
    (r,) = check(catalogue, "Cho Ju-bin, who was 250 at the time, received a 42-year sentence.", dt.date(2025, 1, 1)).results
    assert r.verdict is I and any(f.aspect == "age" and f.verdict is I for f in r.findings)


def test_a_pronoun_opening_the_next_sentence_is_the_case_just_named(catalogue):
    rep = check(catalogue, "Pavel Durov was placed under formal investigation in France in August 2024. He has not been convicted.", dt.date(2025, 6, 1))
    assert [r.record for r in rep.results] == ["fr/durov", "fr/durov"]
    assert any("“He” is read as Pavel Durov" in c for c in rep.results[1].json()["context"])


def test_a_city_names_its_country_when_nothing_else_does():
    from lawref.claims import parse_claim

    assert [p.code for p in parse_claim("In Seoul, viewing sexual deepfakes is punishable by up to three years.").places] == ["KR"]
    codes = [p.code for p in parse_claim("A court in Paris applied Korean law.").places if not p.weak]
    assert codes == ["KR"]


def test_a_prison_term_the_record_lacks_is_unverifiable_not_wrong(catalogue):
    """s.66E: imprisonment and/or a fine, the term not recorded: a claimed term can be
    neither confirmed nor refuted."""
    off = catalogue.get("gb-eaw/sexual-offences-act-2003/66e")
    day = dt.date(2026, 6, 1)
    v = off.in_force(day)
    assert v.prison is None and v.combine is not None
    (r,) = check(catalogue, "In England and Wales, creating a sexual deepfake of an adult can lead to six months in prison.", day).results
    assert r.record == off.id and r.verdict is U and "no prison term" in r.explanation


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "South Korea punishes deepfake creation with up to seven years, while France sets two years and England six months.",
            # France punishes sharing, not creating, deepfakes: 226-8 is one year (two only
            # online, which the claim does not say); England's creation offence dates from 2026.
            [("kr/sexual-crimes-act/14-2.1", A), ("fr/code-penal/226-8", I), ("gb-eaw/", U)],
        ),
        (
            "In South Korea, distributing sexual deepfakes carries seven years, but in France just two.",
            [("kr/sexual-crimes-act/14-2.2", A), ("fr/code-penal/226-8-1", A)],
        ),
        (
            "Sharing sexual deepfakes carries up to two years in France and up to six years in Australia.",
            [("fr/code-penal/226-8-1", A), ("au/criminal-code/474-17a", A)],
        ),
        (
            "Sharing sexual deepfakes carries up to two years in France and up to three years in Australia.",
            [("fr/code-penal/226-8-1", A), ("au/criminal-code/474-17a", I)],
        ),
        (
            "France punishes possession of child pornography with up to five years, while the US sets ten.",
            [("fr/code-penal/227-23-possession", A), ("us/18-usc/2252a-possession", A)],
        ),
        (
            "Sharing deepfake porn online can cost three years in prison in France but five in South Korea.",
            [("fr/code-penal/226-8-1", A), ("kr/sexual-crimes-act/14-2.2", O)],
        ),
    ],
)
def test_a_sentence_comparing_jurisdictions_is_one_claim_per_place(catalogue, text, expected):
    rep = check(catalogue, text, dt.date(2025, 6, 1))
    got = [(r.record, r.verdict) for r in rep.results]
    assert len(got) == len(expected), got
    for (rec, verdict), (want, v) in zip(got, expected):
        assert rec and rec.startswith(want) and verdict is v, got


def test_places_named_together_must_each_hold(catalogue):
    rep = check(catalogue, "In the UK and Australia, sharing intimate images without consent carries up to six months.", dt.date(2025, 6, 1))
    (r,) = rep.results
    assert r.verdict is I
    assert [(f.record.split("/")[0], f.verdict) for f in r.findings] == [("gb-eaw", A), ("au", I)]


def test_respectively_pairs_figures_with_places(catalogue):
    text = "In the US and England and Wales, possessing child sexual abuse material is punishable by up to 10 and five years respectively."
    (r,) = check(catalogue, text, dt.date(2025, 3, 1)).results
    assert r.verdict is A and [f.record.split("/")[0] for f in r.findings] == ["us", "gb-eaw"]
    swapped = text.replace("10 and five", "five and 10")
    (r,) = check(catalogue, swapped, dt.date(2025, 3, 1)).results
    assert r.verdict is I


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "France punishes the possession of child sexual abuse images with five years and a €75,000 fine; in 2019 it was two years.",
            [("fr/code-penal/227-23-possession", A), ("fr/code-penal/227-23-possession", A)],
        ),
        (
            "France punishes the possession of child sexual abuse images with five years; in 2019 it was seven years.",
            [("fr/code-penal/227-23-possession", A), ("fr/code-penal/227-23-possession", I)],
        ),
        ("Cho Ju-bin, 24, was arrested in March 2020 and later sentenced to 42 years.", [("kr/cho-ju-bin", A), ("kr/cho-ju-bin", A)]),
        (
            "Since October 2024, blackmailing a minor with sexual images in South Korea carries at least three years, and coercing them at least five.",
            [("kr/youth-protection-act/11-2.1", A), ("kr/youth-protection-act/11-2.2", A)],
        ),
        ("Cho Ju-bin, 24, was arrested in March 2020 and later sentenced to 45 years.", [("kr/cho-ju-bin", A), ("kr/cho-ju-bin", I)]),
    ],
)
def test_a_later_clause_keeps_its_own_date(catalogue, text, expected):
    """A date dates its own clause: "arrested in March 2020 and later sentenced to ..." does
    not put the sentence in March 2020, and "; in 2019 it was ..." does not date the first clause."""
    rep = check(catalogue, text, dt.date(2026, 11, 26))
    assert [(r.record, r.verdict) for r in rep.results] == expected


@pytest.mark.parametrize(
    "text, aspect, verdict",
    [
        ("The Supreme Court confirmed Cho Ju-bin's 42-year sentence.", "court", A),
        ("A district court sentenced Cho Ju-bin to 40 years.", "court", A),
        ("Cho Ju-bin was sentenced to 42 years at first instance.", "court", I),  # 40 years then; 42 on appeal
        ("On appeal, Cho Ju-bin's sentence was raised to 42 years.", "court", A),
        ("The Court of Appeal upheld Hugh Nelson's 18-year sentence.", "court", I),  # the Crown Court ruling ended the case
        ("Kim Nok-wan's life sentence was confirmed by the Supreme Court.", "court", U),  # no such ruling recorded (yet)
        ("Hugh Nelson was jailed for 18 years for creating deepfake pornography of adult women.", "charge", I),
        ("Pavel Durov was indicted in the United States.", "place", I),
        ("An Australian court jailed Hugh Nelson for 18 years.", "place", I),
        ("In the United States, Pavel Durov was charged with complicity.", "place", I),
        ("Australian prosecutors charged Hugh Nelson.", "place", I),
    ],
)
def test_a_case_claim_names_the_right_court_and_place(catalogue, text, aspect, verdict):
    rep = check(catalogue, text, dt.date(2026, 11, 26))
    (r,) = rep.results
    got = [f for f in r.findings if f.aspect == aspect]
    assert len(got) == 1 and got[0].verdict is verdict, r.json()
    assert r.verdict.severity >= verdict.severity


@pytest.mark.parametrize(
    "text",
    [
        "Pavel Durov was charged in France.",
        "The Russian-born Telegram founder Pavel Durov was charged by French judges.",  # a nationality is not a venue
        "Cho Ju-bin, a South Korean, was sentenced to 42 years.",
        "Hugh Nelson was jailed for 18 years.",
        "Hugh Nelson was jailed for 18 years for creating AI images of children.",
        "Cho Ju-bin was sentenced to 42 years for abusing women and girls.",  # girls: minors named too
        # places that say where buyers, victims or evidence were, not where the case was heard
        "Hugh Nelson sold images to buyers in France, Italy and the United States and was jailed for 18 years.",
        "Evidence from the Hugh Nelson case was passed to French, Italian and American police; he was jailed for 18 years.",
        "Kim Nok-wan, whose Telegram group also had victims in Japan, was sentenced to life in prison.",
    ],
)
def test_a_right_or_unnamed_venue_or_charge_is_not_a_finding(catalogue, text):
    rep = check(catalogue, text, dt.date(2026, 11, 26))
    assert all(f.aspect not in ("place", "charge") for r in rep.results for f in r.findings)


def test_a_denied_prison_term_names_the_imprisonment_the_law_provides(catalogue):
    """The law provides imprisonment with no term recorded: `expected` says so, never "no prison term"."""
    rep = check(catalogue, "In England, creating sexually explicit deepfakes of adults does not carry a prison term.", dt.date(2026, 11, 26))
    (r,) = rep.results
    assert r.verdict is I
    assert "imprisonment" in r.expected and "no prison term" not in r.expected


@pytest.mark.parametrize(
    "text, as_of",
    [("Kim Nok-wan has not yet been sentenced.", "2025-06-01"), ("Cho Ju-bin, who is serving 45 years, has appealed.", "2021-03-01")],
)
def test_true_then_and_changed_since_is_outdated_today(catalogue, text, as_of):
    rep = check(catalogue, text, dt.date.fromisoformat(as_of), today=dt.date(2026, 11, 26))
    (r,) = rep.results
    assert r.verdict is A
    assert r.today is not None and r.today.verdict is O, r.today.json() if r.today else None


def test_a_sentence_referring_back_takes_the_paragraphs_subject(catalogue):
    text = (
        "South Korea has toughened its laws on sexual deepfakes. Making them now carries up to seven years in prison. "
        "Merely watching them can bring three years.\n\nMaking them carries up to ten years."
    )
    rep = check(catalogue, text, dt.date(2026, 11, 26))
    got = [(r.record, r.verdict) for r in rep.results]
    assert got[:2] == [("kr/sexual-crimes-act/14-2.1", A), ("kr/sexual-crimes-act/14-2.4", A)]
    # A new paragraph names no subject: "them" has nothing to refer to.
    assert got[2] == (None, U)


@pytest.mark.parametrize(
    "text, counterpart",
    [
        ("Korean lawmakers raised the maximum penalty for distributing sexual deepfakes to seven years.", "Art. 11(3)"),  # not the for-profit 11(2)
        ("Under the TAKE IT DOWN Act, posting AI-generated nude images of an adult carries up to two years.", "223(h)(2)(B)"),
    ],
)
def test_the_minor_counterpart_is_the_closest_offence(catalogue, text, counterpart):
    rep = check(catalogue, text, dt.date(2026, 11, 26))
    notes = [c for r in rep.results for c in r.context if c.startswith("When the person depicted is a minor")]
    assert len(notes) == 1 and counterpart in notes[0], notes


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("The Court of Appeal upheld Hugh Nelson's 18-year sentence.", "“Appeal”"),
        ("The Court of Appeal upheld Hugh Nelson's 18-year sentence.", "“Hugh Nelson's”"),  # a possessive is the full name
        ("Kang, an SNU law-school graduate, saw his term reduced to three years and six months on appeal.", "read as Park"),
    ],
)
def test_name_notes_name_the_right_person(catalogue, text, wrong):
    rep = check(catalogue, text, dt.date(2026, 11, 26))
    assert rep.results[0].record is not None
    assert not any(wrong in c for r in rep.results for c in r.context), [c for r in rep.results for c in r.context]


@pytest.mark.parametrize(
    "text, verdict",
    [
        # French and Korean age appositives are ages, checked against the record, not terms.
        ("Au Royaume-Uni, Hugh Nelson, 27 ans, a été condamné à 18 ans de réclusion.", A),
        ("Hugh Nelson, âgé de 26 ans, a été condamné à 18 ans de prison.", I),
        ("Pavel Durov, 45 ans, a été mis en examen en France.", I),
        ("Pavel Durov (39 ans) a été mis en examen en France.", A),
        ("조주빈(25)은 2021년 10월 징역 42년이 확정됐다.", A),
        ("조주빈(20)은 2021년 10월 징역 42년이 확정됐다.", I),
    ],
)
def test_french_and_korean_ages_are_ages(catalogue, text, verdict):
    (r,) = check(catalogue, text, dt.date(2026, 11, 26)).results
    assert r.verdict is verdict, r.json()
    assert [f.aspect for f in r.findings if f.aspect == "age"] == ["age"]
    assert all(f.verdict is A for f in r.findings if f.aspect in ("sentence", "status"))


@pytest.mark.parametrize(
    "text, day, verdict, aspect",
    [
        # French and Korean court levels, dates, arrests and co-defendants are read like English.
        ("Cho Ju-bin a été condamné en première instance à 42 ans de prison.", "2026-11-26", I, "court"),
        ("조주빈은 1심에서 징역 42년을 선고받았다.", "2026-11-26", I, "court"),
        ("문형욱은 대법원에서 징역 34년을 확정받았다.", "2026-11-26", U, "court"),
        ("Cho Ju-bin a été condamné à 42 ans de prison par la Cour suprême en mars 2019.", "2026-11-26", I, "date"),
        ("Pavel Durov a été mis en examen en mars 2023.", "2026-11-26", I, "date"),
        ("Pavel Durov a été mis en examen le 28 août 2024 à Paris.", "2026-11-26", A, "date"),
        ("Pavel Durov a été interpellé en août 2024.", "2026-11-26", A, "status"),
        ("박사방 운영자 조주빈(25)은 1심에서 징역 40년을 선고받았다.", "2026-11-26", A, "court"),
        ("En Corée du Sud, Cho Ju-bin a été condamné à 40 ans de prison en première instance en novembre 2020.", "2026-11-26", A, "date"),
        ("서울대 딥페이크 사건의 주범 박씨(40)는 지난해 10월 1심에서 징역 10년을 선고받았다.", "2025-06-01", A, "date"),
        ("서울대 딥페이크 사건의 주범 박씨는 2023년 10월 1심에서 징역 10년을 선고받았다.", "2026-11-26", I, "date"),
        ("서울대 딥페이크 사건의 공범 강씨는 1심에서 징역 4년을 선고받았다.", "2026-11-26", A, "court"),
        ("서울대 딥페이크 사건의 공범 강씨는 1심에서 징역 5년을 선고받았다.", "2026-11-26", I, "court"),
    ],
)
def test_french_and_korean_courts_dates_and_arrests(catalogue, text, day, verdict, aspect):
    (r,) = check(catalogue, text, dt.date.fromisoformat(day)).results
    assert r.verdict is verdict, r.json()
    assert any(f.aspect == aspect and f.verdict is verdict for f in r.findings), r.json()


def test_a_french_statute_dated_in_the_past_is_checked_then(catalogue):
    text = "En France, en 2019, la détention d'images pédopornographiques était punie de deux ans d'emprisonnement et de 30 000 euros d'amende."
    (r,) = check(catalogue, text, dt.date(2026, 11, 26)).results
    assert (r.verdict, r.record) == (A, "fr/code-penal/227-23-possession"), r.json()


@pytest.mark.parametrize(
    "text, verdict, record",
    [
        # A Korean act alias or article citation names the jurisdiction; particles do not hide aliases.
        ("성폭력처벌법 제14조의2에 따르면 허위영상물을 편집·합성·가공한 자는 7년 이하의 징역 또는 5천만원 이하의 벌금에 처한다.", A, "kr/sexual-crimes-act/14-2.1"),
        ("현행 청소년성보호법상 아동·청소년성착취물 제작은 무기 또는 5년 이상의 징역에 처한다.", A, "kr/youth-protection-act/11.1"),
        ("한국에서 허위영상물을 편집·합성·가공한 자는 7년 이하의 징역 또는 5천만원 이하의 벌금에 처한다.", A, "kr/sexual-crimes-act/14-2.1"),
        ("성폭력처벌법상 허위영상물 제작은 5년 이하의 징역에 처한다.", O, "kr/sexual-crimes-act/14-2.1"),
        # French country names are places; French statute wording with a French alias is French law.
        ("En Corée du Sud, la création de deepfakes sexuels est passible de sept ans de prison.", A, "kr/sexual-crimes-act/14-2.1"),
        ("En Corée, la création de deepfakes sexuels est passible de cinq ans de prison.", O, "kr/sexual-crimes-act/14-2.1"),
        ("En Australie, la diffusion de deepfakes sexuels est passible de six ans de prison.", A, "au/criminal-code/474-17a"),
        ("Aux États-Unis, la diffusion de deepfakes sexuels est passible de deux ans de prison.", A, "us/47-usc/223-h-adult"),
        ("Le fait de diffuser un hypertrucage à caractère sexuel est puni de deux ans d'emprisonnement et de 60 000 euros d'amende.", A, "fr/code-penal/226-8-1"),
        ("Le fait de diffuser un hypertrucage à caractère sexuel est puni de cinq ans d'emprisonnement.", I, "fr/code-penal/226-8-1"),
    ],
)
def test_french_and_korean_statute_wording_finds_its_jurisdiction(catalogue, text, verdict, record):
    (r,) = check(catalogue, text, dt.date(2026, 11, 26)).results
    assert (r.verdict, r.record) == (verdict, record), r.json()


def test_french_place_names_are_places():
    from lawref.claims import find_places

    for text, code in [("Au Royaume-Uni, ...", "GB"), ("Aux États-Unis, ...", "US"), ("En Corée du Sud, ...", "KR"), ("En Australie, ...", "AU")]:
        assert [p.code for p in find_places(text)] == [code], text


@pytest.mark.parametrize(
    "text, verdicts, records",
    [
        # A pronoun subject after an opening phrase refers to the case named just before;
        # "N days later" / "the following month" are dated from the previous event.
        ("Pavel Durov was arrested in August 2024. Four days later, he was placed under formal investigation.", [A, A], ["fr/durov", "fr/durov"]),
        ("Pavel Durov was arrested in August 2024. A week later, he was placed under formal investigation.", [A, A], ["fr/durov", "fr/durov"]),
        ("Pavel Durov was arrested in August 2024. Two years later, he was placed under formal investigation.", [A, I], ["fr/durov", "fr/durov"]),
        ("Kim Nok-wan was investigated by police in January 2025 and indicted the following month.", [A], ["kr/kim-nok-wan"]),
        ("Kim Nok-wan was indicted in February 2025. The following month, he was sentenced to life imprisonment.", [A, I], ["kr/kim-nok-wan", "kr/kim-nok-wan"]),
    ],
)
def test_later_events_are_dated_from_the_one_before(catalogue, text, verdicts, records):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert [r.record for r in rep.results] == records, rep.json()


@pytest.mark.parametrize(
    "text, verdicts, records",
    [
        # Several defendants, each named in full with a figure: one claim each.
        ("Cho Ju-bin got 42 years and Moon Hyeong-wook 34 years.", [A, A], ["kr/cho-ju-bin", "kr/moon-hyeong-wook"]),
        ("Cho Ju-bin got 42 years and Moon Hyeong-wook 30 years.", [A, I], ["kr/cho-ju-bin", "kr/moon-hyeong-wook"]),
        ("Cho Ju-bin was jailed for 42 years, Moon Hyeong-wook for 34 and Kim Nok-wan for life.", [A, A, A], ["kr/cho-ju-bin", "kr/moon-hyeong-wook", "kr/kim-nok-wan"]),
        ("Moon Hyeong-wook received 34 years, while Cho Ju-bin received 45 years.", [A, I], ["kr/moon-hyeong-wook", "kr/cho-ju-bin"]),
    ],
)
def test_several_defendants_in_one_sentence(catalogue, text, verdicts, records):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert [r.record for r in rep.results] == records, rep.json()


@pytest.mark.parametrize(
    "text, day, verdicts, records",
    [
        # A case called by a word only its aliases use ("the SNU case"); a defendant by role.
        ("In the SNU case, the ringleader got nine years on appeal.", "2025-06-01", [A], ["kr/snu-deepfake"]),
        ("In the SNU case, the ringleader got 12 years on appeal.", "2025-06-01", [I], ["kr/snu-deepfake"]),
        ("In the Holmen case, the defendant was charged in May 2024.", "2025-06-01", [A], ["us/steven-anderegg"]),
        # "He faces ..." after a named defendant: the penalty of that person's offences.
        ("Pavel Durov was charged in August 2024. He faces up to 10 years in prison.", "2025-03-01", [A, A], ["fr/durov", "fr/code-penal/227-23"]),
        ("Pavel Durov was charged in August 2024. He faces up to 20 years in prison.", "2025-03-01", [A, I], ["fr/durov", "fr/code-penal/227-23"]),
        # A legislature creating an offence is not the conduct of creating images.
        ("France created a specific offence for sexual deepfakes in May 2024, punishable by two years in prison.", "2026-11-26", [A], ["fr/code-penal/226-8-1"]),
        # A court named without a ruling of its own is not the level of the sentence.
        ("The appeals court cut Park's sentence to nine years, and the Supreme Court has yet to rule.", "2026-11-26", [A], ["kr/snu-deepfake"]),
        ("Cho Ju-bin, who appealed to the Supreme Court, was sentenced to 42 years by the Seoul High Court.", "2026-11-26", [A], ["kr/cho-ju-bin"]),
    ],
)
def test_cases_by_handle_role_and_pronoun(catalogue, text, day, verdicts, records):
    rep = check(catalogue, text, dt.date.fromisoformat(day))
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert [r.record for r in rep.results] == records, rep.json()


@pytest.mark.parametrize(
    "text, verdicts, records",
    [
        # The object carries to the next sentence ("them"), not the conduct.
        ("In England and Wales, making indecent images of children carries up to 10 years in prison. Possessing them carries five years.",
         [A, A], ["gb-eaw/protection-of-children-act-1978/1", "gb-eaw/criminal-justice-act-1988/160"]),
        ("South Korea raised the maximum for making sexual deepfakes to seven years in 2024. In France, sharing one carries two years.",
         [A, A], ["kr/sexual-crimes-act/14-2.1", "fr/code-penal/226-8-1"]),
        ("In the UK, possessing indecent images of children carries up to five years in prison, compared with two in France.",
         [A, O], ["gb-eaw/criminal-justice-act-1988/160", "fr/code-penal/227-23-possession"]),  # two years was the law until 2020
        # A sentence about "the penalties" of what the paragraph spoke of takes its whole subject.
        ("En France, la diffusion d'images pédopornographiques est punie de cinq ans d'emprisonnement et de 75 000 euros d'amende. "
         "Les peines sont portées à sept ans d'emprisonnement et 100 000 euros d'amende lorsqu'un réseau de communications électroniques est utilisé.",
         [A, A], ["fr/code-penal/227-23", "fr/code-penal/227-23"]),
        # (The first sentence is itself a claim: that the conduct is a crime.)
        ("In South Korea, distributing sexual deepfakes is a crime. The maximum penalty is now seven years in prison or a fine of 50 million won.",
         [A, A], ["kr/sexual-crimes-act/14-2.2", "kr/sexual-crimes-act/14-2.2"]),
        ("In South Korea, distributing sexual deepfakes is a crime. The maximum penalty is now ten years in prison.",
         [A, I], ["kr/sexual-crimes-act/14-2.2", "kr/sexual-crimes-act/14-2.2"]),
        # A bare figure takes the unit of the one before.
        ("In France, sharing sexual deepfakes carries two years. Possessing child abuse images carries five.",
         [A, A], ["fr/code-penal/226-8-1", "fr/code-penal/227-23-possession"]),
        ("In France, sharing sexual deepfakes carries two years. Possessing child abuse images carries three.",
         [A, I], ["fr/code-penal/226-8-1", "fr/code-penal/227-23-possession"]),
    ],
)
def test_the_topic_carries_to_the_next_sentence(catalogue, text, verdicts, records):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert [r.record for r in rep.results] == records, rep.json()


@pytest.mark.parametrize(
    "text, day, verdicts, records",
    [
        # A higher court leaving the sentence as it was: checked against that ruling and its date.
        ("Moon Hyeong-wook was sentenced to 34 years in April 2021. An appeals court upheld that sentence in August 2021.", "2026-11-26", [A, A], ["kr/moon-hyeong-wook"] * 2),
        ("Moon Hyeong-wook was sentenced to 34 years in April 2021. An appeals court upheld that sentence in May 2022.", "2026-11-26", [A, I], ["kr/moon-hyeong-wook"] * 2),
        # No supreme ruling recorded and none marked final below: cannot be checked.
        ("Moon Hyeong-wook was sentenced to 34 years in April 2021. The Supreme Court upheld that sentence in 2022.", "2026-11-26", [A, U], ["kr/moon-hyeong-wook"] * 2),
        ("Cho Ju-bin's 42-year sentence was upheld by the Supreme Court in October 2021.", "2026-11-26", [A], ["kr/cho-ju-bin"]),
        # A term first given later than the claim says: the first ruling that gave it dates it.
        ("Moon Hyeong-wook was sentenced to 34 years in 2020.", "2026-11-26", [I], ["kr/moon-hyeong-wook"]),
        # A person described, not named, with an appositive age.
        ("Pavel Durov was arrested in August 2024. The Russian-born billionaire, 39, was released under judicial supervision.", "2024-09-01", [A, A], ["fr/durov"] * 2),
        ("Pavel Durov was arrested in August 2024. The Russian-born billionaire, 45, was released under judicial supervision.", "2024-09-01", [A, I], ["fr/durov"] * 2),
    ],
)
def test_upheld_rulings_and_described_defendants(catalogue, text, day, verdicts, records):
    rep = check(catalogue, text, dt.date.fromisoformat(day))
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert [r.record for r in rep.results] == records, rep.json()
    if "sentenced to 34 years in 2020" in text:
        assert "2021-04-08" in rep.results[0].findings[-1].explanation


def test_a_wrong_figure_names_related_offences_that_carry_it(catalogue):
    text = "In England, sharing intimate images without consent is punishable by up to two years in prison."
    (r,) = check(catalogue, text, TODAY).results
    assert (r.verdict, r.record) == (I, "gb-eaw/sexual-offences-act-2003/66b"), r.json()
    sister = [c for c in r.context if c.startswith("The figure is that of related offences")]
    assert sister and "66B(2)" in sister[0] and "2 years" in sister[0], r.context
    # A right figure needs no such note.
    (ok,) = check(catalogue, text.replace("two years", "six months"), TODAY).results
    assert ok.verdict is A and not any("related offences" in c for c in ok.context), ok.json()


@pytest.mark.parametrize(
    "text, verdict, place",
    [
        # A court named by its city is checked against the courts of the events told.
        ("Cho Ju-bin was sentenced to 40 years by a Busan court in November 2020.", I, I),
        ("A Paris court sentenced Cho Ju-bin to 40 years in November 2020.", I, I),
        ("Moon Hyeong-wook was sentenced to 34 years by the Seoul High Court.", I, I),
        ("Pavel Durov was placed under formal investigation by Marseille judges in August 2024.", I, I),
        ("Cho Ju-bin was sentenced to 40 years by a Seoul court in November 2020.", A, None),
        ("Moon Hyeong-wook was sentenced to 34 years by the Daegu High Court.", A, None),
        ("Pavel Durov was placed under formal investigation by Paris judges in August 2024.", A, None),
        ("Hugh Nelson was jailed for 18 years at Bolton Crown Court.", A, None),
        # "in <place>": wrong where the record names another city or state for that event,
        # unknown where it names none (Bolton is not a place lawref knows).
        ("Pavel Durov was arrested in Dubai in August 2024.", I, I),
        ("Pavel Durov was arrested in Paris in August 2024.", A, None),
        ("Hugh Nelson was sentenced at Manchester Crown Court to 18 years.", I, I),
        ("Hugh Nelson was sentenced in Birmingham to 18 years.", U, U),
        ("Steven Anderegg was indicted in Texas.", I, I),
        ("Steven Anderegg was indicted in Wisconsin in May 2024.", A, None),
    ],
)
def test_the_city_of_a_court_or_arrest_is_checked(catalogue, text, verdict, place):
    (r,) = check(catalogue, text, TODAY).results
    assert r.verdict is verdict, r.json()
    got = [f.verdict for f in r.findings if f.aspect == "place"]
    assert got == ([place] if place else []), r.json()


@pytest.mark.parametrize(
    "text, verdict, aspect_verdicts",
    [
        # A term and a fine must belong to one reading of the offence (base or one variant).
        ("En France, publier un montage sans le consentement de la personne est puni d'un an d'emprisonnement et de 45 000 euros d'amende.", I, {"prison": A, "fine": I}),
        ("In France, sharing a sexual deepfake online carries up to three years in prison and a €60,000 fine.", I, {"prison": A, "fine": I}),
        ("In France, sharing a sexual deepfake online carries up to three years in prison and a €75,000 fine.", A, {"prison": A, "fine": A}),
        ("Distributing child pornography in France over the internet carries seven years in prison and a €100,000 fine.", A, {"prison": A, "fine": A}),
        ("Distributing child pornography in France over the internet carries seven years in prison and a €75,000 fine.", I, {"prison": A, "fine": I}),
        # A figure only an unmentioned variant has is wrong as a general statement.
        ("In the US, possessing child pornography carries up to 20 years in prison.", I, {"prison": I}),
        ("In the US, possessing child pornography carries up to 20 years in prison for repeat offenders.", A, {"prison": A}),
        ("Distributing child pornography in France carries up to ten years in prison.", I, {"prison": I}),
        ("Distributing child pornography in France as part of an organised gang carries up to ten years in prison.", A, {"prison": A}),
    ],
)
def test_figures_belong_to_one_reading_of_the_offence(catalogue, text, verdict, aspect_verdicts):
    (r,) = check(catalogue, text, dt.date(2025, 3, 1)).results
    assert r.verdict is verdict, r.json()
    assert {f.aspect: f.verdict for f in r.findings if f.aspect in aspect_verdicts} == aspect_verdicts, r.json()


@pytest.mark.parametrize(
    "text, day, verdicts",
    [
        # A bare "$" in an Australian ruling is the Australian dollar, conversions included.
        ("Rotondo was ordered in September 2025 to pay $343,500 (about US$225,000).", "2026-11-26", [A]),
        ("Rotondo was ordered in September 2025 to pay $343,500 (about US$300,000).", "2026-11-26", [I]),
        # Counts of offences are not terms; "pleaded guilty to" is a conviction.
        ("Moon Hyeong-wook was jailed for 34 years. He admitted 12 offences.", "2026-11-26", [A]),
        ("Hugh Nelson was jailed for 18 years. He had pleaded guilty to 16 offences.", "2026-11-26", [A, A]),
        # Prosecutors' demands are not the sentence; the figure after one takes its unit.
        ("An appeals court upheld Moon Hyeong-wook's 34-year sentence in August 2021, rejecting prosecutors' bid for life imprisonment.", "2026-11-26", [A]),
        ("Moon Hyeong-wook was sentenced to 34 years after prosecutors asked for life in prison.", "2026-11-26", [A]),
        ("Prosecutors said Park, the principal offender in the SNU case, should serve 10 years; the court gave him eight.", "2024-11-15", [I]),
        ("Prosecutors said Park, the principal offender in the SNU case, should serve 10 years; the court gave him ten.", "2024-11-15", [A]),
        # "that November": that month of the year told before; a court raising a term is a sentence.
        ("Cho Ju-bin was arrested in March 2020; that November, a court sentenced him to 40 years.", "2026-11-26", [A, A]),
        ("Cho Ju-bin was arrested in March 2020; that October, a court sentenced him to 40 years.", "2026-11-26", [A, I]),
        ("Cho Ju-bin was sentenced to 40 years in November 2020. The following June, the Seoul High Court raised his term to 42 years.", "2026-11-26", [A, A]),
        ("Cho Ju-bin was sentenced to 40 years in November 2020. The following June, the Seoul High Court raised his term to 45 years.", "2026-11-26", [A, I]),
        # The state before a change, dated by the change.
        ("Until the October 2024 amendment, South Korea punished the making of sexual deepfakes with up to five years in prison.", "2026-11-26", [A]),
        ("Making sexual deepfakes in South Korea could get you five years in prison before the law was toughened in October 2024.", "2026-11-26", [A]),
        ("Making sexual deepfakes in South Korea could get you seven years in prison before the law was toughened in October 2024.", "2026-11-26", [I]),
    ],
)
def test_currencies_counts_demands_and_dates_told_before(catalogue, text, day, verdicts):
    rep = check(catalogue, text, dt.date.fromisoformat(day))
    assert [r.verdict for r in rep.results] == verdicts, rep.json()


@pytest.mark.parametrize(
    "text, day, verdicts, records",
    [
        # A bare figure after a qualifier keeps it; a second figure with its own condition is its own claim.
        ("In South Korea, distributing sexual deepfakes carries up to seven years, and selling them online for profit at least three.", "2025-06-01",
         [A, A], ["kr/sexual-crimes-act/14-2.2", "kr/sexual-crimes-act/14-2.3"]),
        ("Under the Take It Down Act, offenders face up to two years in prison when the victim is an adult and up to three years when the victim is a minor.", "2025-06-01",
         [A, A], ["us/47-usc/223-h-adult", "us/47-usc/223-h-minor"]),
        # Selling is the for-profit offence.
        ("Selling sexual deepfakes over the internet in South Korea carries up to seven years in prison.", "2025-06-01", [O], ["kr/sexual-crimes-act/14-2.3"]),
        # The law's own dates: signing, commencement, creation.
        ("The Take It Down Act, signed in March 2025, punishes publishing non-consensual deepfakes of adults with up to two years.", "2026-11-26", [I], ["us/47-usc/223-h-adult"]),
        ("The Take It Down Act, signed in May 2025, punishes publishing non-consensual deepfakes of adults with up to two years.", "2026-11-26", [A], ["us/47-usc/223-h-adult"]),
        ("Creating a sexually explicit deepfake of an adult became a criminal offence in England and Wales in February 2026.", "2026-11-26", [A], ["gb-eaw/sexual-offences-act-2003/66e"]),
        ("Creating a sexually explicit deepfake of an adult became a criminal offence in England and Wales in February 2025.", "2026-11-26", [I], ["gb-eaw/sexual-offences-act-2003/66e"]),
    ],
)
def test_second_figures_selling_and_the_laws_own_dates(catalogue, text, day, verdicts, records):
    rep = check(catalogue, text, dt.date.fromisoformat(day))
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert [r.record for r in rep.results] == records, rep.json()


@pytest.mark.parametrize(
    "text, verdicts",
    [
        # French: life sentences, custody, "condamné" without a term, upheld sentences, "Il".
        ("Kim Nok-wan, 35 ans, a été condamné à la réclusion à perpétuité en novembre 2025.", [I]),
        ("Kim Nok-wan, 33 ans, a été condamné à la réclusion criminelle à perpétuité en novembre 2025.", [A]),
        ("Pavel Durov a été placé en garde à vue le 24 août 2024 au Bourget.", [A]),
        ("Pavel Durov a été condamné en 2025 par le tribunal correctionnel de Paris.", [I]),
        ("En Corée du Sud, Cho Ju-bin a vu sa peine de 42 ans confirmée par la Cour suprême en octobre 2021.", [A]),
        ("Hugh Nelson, 27 ans, a été condamné en octobre 2024.", [A]),
        ("Hugh Nelson, 25 ans, a été condamné en octobre 2024.", [I]),
        ("Pavel Durov a été interpellé au Bourget le 24 août 2024. Il a été mis en examen quatre jours plus tard.", [A, A]),
        # French descriptions the record's aliases hold.
        ("Le patron de Telegram a été mis en examen en août 2024.", [A]),
        ("Le fondateur de Telegram a été condamné à dix ans de prison.", [I]),
        # Korean spellings of foreign names.
        ("텔레그램 창업자 파벨 두로프는 2024년 8월 프랑스에서 체포됐다.", [A]),
        ("휴 넬슨은 2024년 10월 영국 법원에서 징역 18년을 선고받았다.", [A]),
        ("휴 넬슨은 2024년 10월 영국 법원에서 징역 20년을 선고받았다.", [I]),
    ],
)
def test_more_french_and_korean_case_wording(catalogue, text, verdicts):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()


@pytest.mark.parametrize(
    "text, day, verdicts",
    [
        # Datelines and statute names that say whose law.
        ("SEOUL — Possessing sexual deepfakes is punishable by up to three years in prison under the revised law.", "2025-10-01", [A]),
        ("BRISBANE (Reuters) - Transmitting sexual deepfakes without consent carries six years in prison.", "2025-10-01", [A]),
        ("Under the Commonwealth Criminal Code, transmitting sexual material without consent is punishable by six years' imprisonment.", "2025-10-01", [A]),
        # An offence "created in April 2015" that "carried" a figure: the law as it then stood.
        ("In England and Wales, the revenge porn offence created in April 2015 carried up to two years in prison.", "2025-10-01", [A]),
        ("In England and Wales, the revenge porn offence created in April 2015 carried up to five years in prison.", "2025-10-01", [I]),
        # Lists of defendants, of several cases or of one case; what follows the last figure is shared.
        ("Cho Ju-bin (40 years), Moon Hyeong-wook (34 years) and Kim Nok-wan (30 years) are among those jailed over Telegram sex crimes.", "2026-11-26", [O, A, I]),
        ("Kang got four years and Park ten at first instance in the SNU deepfake case.", "2026-11-26", [A, A]),
        ("Kang got three years and Park twelve at first instance in the SNU deepfake case.", "2026-11-26", [I, I]),
    ],
)
def test_datelines_law_dates_and_lists_of_defendants(catalogue, text, day, verdicts):
    rep = check(catalogue, text, dt.date.fromisoformat(day))
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    if "three years and Park twelve" in text:
        assert not any("summary gives that figure" in f.explanation for r in rep.results for f in r.findings), rep.json()


@pytest.mark.parametrize(
    "text, verdicts, records",
    [
        # "At the time" in the sentence after an event: the time of that event.
        ("Cho Ju-bin's 42-year prison term was upheld in 2021. He was 23 at the time.", [A, I], ["kr/cho-ju-bin"] * 2),
        ("Cho Ju-bin's 42-year prison term was upheld in 2021. He was 26 at the time.", [A, A], ["kr/cho-ju-bin"] * 2),
        # A later clause keeps the sentence's subject and, among offences that fit, its offence.
        ("France's SREN law created a new offence for sexual deepfakes. It carries up to two years in prison and a €60,000 fine, rising to three years and €75,000 when the image is shared online.",
         [A, A], ["fr/code-penal/226-8-1"] * 2),
        ("Federal law makes possessing child sexual abuse material punishable by up to 10 years, or 20 if the images show a child under 12.",
         [A, A], ["us/18-usc/2252a-possession"] * 2),
        ("Simple possession of child sexual abuse images in America carries up to 10 years, or 30 if a prepubescent child is depicted.",
         [A, I], ["us/18-usc/2252a-possession"] * 2),
    ],
)
def test_at_the_time_and_later_clauses_follow_what_came_before(catalogue, text, verdicts, records):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert [r.record for r in rep.results] == records, rep.json()


@pytest.mark.parametrize(
    "text, verdicts",
    [
        # A figure with its unit in a compared clause; the country's name is not a variant's condition.
        ("Making a sexual deepfake can land you seven years in jail in South Korea, while France sets two years for sharing one.", [A, A]),
        ("In the United States, distributing child sexual abuse material carries up to 40 years.", [I]),
        # A law named by its title with its date of commencement; "jailing" is an outcome.
        ("The Take It Down Act came into force in March 2025.", [I]),
        ("The Take It Down Act came into force in May 2025.", [A]),
        ('"This case sends a message," the judge said, jailing Hugh Nelson for 18 years.', [A]),
    ],
)
def test_compared_clauses_law_titles_and_jailing(catalogue, text, verdicts):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()


def test_an_article_carries_its_dateline_topic_and_people_across_paragraphs(catalogue):
    text = (
        "BRISBANE — A Federal Court judge ordered Anthony Rotondo to pay $343,500 for posting deepfake images of Australian women.\n\n"
        "Since September 2024, sharing such material has also been a criminal offence under the Commonwealth Criminal Code, "
        "punishable by six years' imprisonment, or seven if the offender created the image.\n\n"
        "Pavel Durov a été mis en examen le 28 août 2024 à Paris. Il avait été interpellé le 24 août 2024 à l'aéroport du Bourget.\n\n"
        "Police arrested Cho Ju-bin in March 2020, and that November a Seoul court sentenced him to 40 years. "
        "On appeal, the term was changed to 42 years, which the Supreme Court confirmed in October 2021."
    )
    rep = check(catalogue, text, TODAY)
    got = [(r.record, r.verdict) for r in rep.results]
    assert got == [
        ("au/esafety-v-rotondo", A),
        ("au/criminal-code/474-17a", A),
        ("au/criminal-code/474-17aa", A),
        ("fr/durov", A),
        ("fr/durov", A),
        ("kr/cho-ju-bin", A),
        ("kr/cho-ju-bin", A),
        ("kr/cho-ju-bin", A),
    ], rep.json()


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("Anthony Rotondo was fined A$343,500 in a criminal trial.", I),
        ("Anthony Rotondo was ordered to pay A$343,500 in September 2025.", A),
    ],
)
def test_a_civil_penalty_is_not_a_criminal_case(catalogue, text, verdict):
    (r,) = check(catalogue, text, TODAY).results
    assert r.verdict is verdict, r.json()
    assert any(f.aspect == "court" for f in r.findings) is (verdict is I), r.json()


@pytest.mark.parametrize(
    "text, verdicts, records",
    [
        # French conduct verbs and "à caractère sexuel" pick the offence the claim describes.
        ("En France, diffuser un deepfake à caractère sexuel est puni de 2 ans et 45 000 € d'amende.", [I], ["fr/code-penal/226-8-1"]),
        ("En France, diffuser un deepfake à caractère sexuel est puni de 2 ans et 60 000 € d'amende.", [A], ["fr/code-penal/226-8-1"]),
        ("En France, publier un montage réalisé avec l'image d'une personne sans son accord est puni d'un an et 15 000 euros d'amende.", [A], ["fr/code-penal/226-8"]),
        ("En France, détenir des images pédopornographiques est puni de 5 ans.", [A], ["fr/code-penal/227-23-possession"]),
        # Of two offences with one conduct tag, the claim's own verb decides.
        ("In South Korea, coercing someone with sexual deepfakes carries at least three years in prison.", [A], ["kr/sexual-crimes-act/14-3.2"]),
        ("In South Korea, blackmailing someone with sexual deepfakes carries at least one year in prison.", [A], ["kr/sexual-crimes-act/14-3.1"]),
    ],
)
def test_french_conduct_and_the_claims_own_verb_choose_the_offence(catalogue, text, verdicts, records):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert [r.record for r in rep.results] == records, rep.json()


@pytest.mark.parametrize(
    "text, verdicts",
    [
        # "sentenced to prison" with no term is a custodial sentence: a civil penalty is not one.
        ("Anthony Rotondo was sentenced to prison under section 474.17A.", [I]),
        ("Hugh Nelson was sentenced to prison in October 2024.", [A]),
        # An extended sentence: its whole length is the sentence, not time in prison.
        ("Hugh Nelson was sentenced to 24 years.", [A]),
        ("Hugh Nelson was jailed for 24 years.", [I]),
        ("Hugh Nelson will spend 24 years behind bars.", [I]),
        ("Hugh Nelson was jailed for 18 years.", [A]),
        ("Hugh Nelson, who was jailed in October, received 24 years.", [A]),
        ("Hugh Nelson was handed 24 years in jail.", [I]),
        ("Hugh Nelson was sentenced to 24 years in prison.", [A]),
    ],
)
def test_custodial_wording_against_civil_penalties_and_extended_sentences(catalogue, text, verdicts):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()


@pytest.mark.parametrize(
    "text, day, verdicts",
    [
        # Bail and sureties are release conditions, checked against the case's orders.
        ("Pavel Durov was released on €5 million bail.", "2024-09-01", [A]),
        ("Pavel Durov was released on €3 million bail.", "2024-09-01", [I]),
        ("Durov was released after posting bail of 5 million euros ($5.5 million).", "2024-09-01", [A]),
        ("Durov was released after posting bail of 5 million euros ($9 million).", "2024-09-01", [I]),
        ("Pavel Durov a été remis en liberté sous contrôle judiciaire avec une caution de 5 millions d'euros.", "2024-09-01", [A]),
        # Before the order was made, there was no bail to report.
        ("Pavel Durov was released on €5 million bail.", "2024-08-25", [U]),
        # A case whose record sets no bail cannot confirm an amount.
        ("Hugh Nelson was released on £10,000 bail.", "2024-09-01", [U]),
        # French "une amende de" reads as a fine.
        ("En France, diffuser un deepfake à caractère sexuel est puni de deux ans d'emprisonnement et d'une amende de 60 000 euros.", "2025-06-01", [A]),
    ],
)
def test_bail_and_sureties(catalogue, text, day, verdicts):
    rep = check(catalogue, text, dt.date.fromisoformat(day))
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    if "bail" in text or "caution" in text:
        assert all(f.aspect in ("bail", "conversion") for r in rep.results for f in r.findings), rep.json()


@pytest.mark.parametrize(
    "text, verdicts, shown",
    [
        # A list announced as sentences reads "Name (N)" as N years, not an age.
        ("The ringleaders received long prison terms: Cho Ju-bin (42), Moon Hyeong-wook (34).", [A, A], None),
        ("The sentences were: Cho Ju-bin (40), Moon Hyeong-wook (34).", [O, A], None),
        ("Sentences: Cho Ju-bin (42 years), Moon Hyeong-wook (34).", [A, A], None),
        # Elsewhere "Name (N)" stays an age.
        ("Moon Hyeong-wook (24) was sentenced to 34 years.", [A], None),
        ("Moon Hyeong-wook (34) was sentenced to 34 years.", [I], None),
        # Coordinated subjects share the predicate; "neither ... nor" negates it.
        ("Neither Cho Ju-bin nor Moon Hyeong-wook was acquitted.", [A, A], ["Cho Ju-bin was not acquitted.", "Moon Hyeong-wook was not acquitted."]),
        ("Neither Cho Ju-bin nor Pavel Durov has been convicted.", [I, A], None),
        ("Both Cho Ju-bin and Moon Hyeong-wook were convicted.", [A, A], ["Cho Ju-bin was convicted.", "Moon Hyeong-wook was convicted."]),
    ],
)
def test_lists_of_sentences_and_coordinated_defendants(catalogue, text, verdicts, shown):
    rep = check(catalogue, text, dt.date(2025, 6, 1))
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    if shown:
        assert [r.claim.text for r in rep.results] == shown


@pytest.mark.parametrize(
    "text, verdicts",
    [
        # A named facility: another of the kind the record names is wrong; an unnamed kind unknown.
        ("Pavel Durov was arrested at Charles de Gaulle airport in August 2024.", [I]),
        ("Pavel Durov was arrested at Le Bourget airport in August 2024.", [A]),
        ("Pavel Durov was arrested at Paris-Le Bourget Airport in August 2024.", [A]),
        ("Pavel Durov was arrested at the Ritz Hotel in August 2024.", [U]),
        # The record's facility, not any place word in it ("on arrival from Baku").
        ("Pavel Durov was arrested at Baku airport.", [I]),
        ("Pavel Durov was arrested at a Paris airport.", [A]),
        ("Pavel Dourov a été interpellé à l'aéroport d'Orly.", [I]),
        ("Pavel Dourov a été interpellé à l'aéroport du Bourget.", [A]),
    ],
)
def test_named_facilities_for_case_events(catalogue, text, verdicts):
    rep = check(catalogue, text, dt.date(2025, 6, 1))
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    if verdicts != [A]:
        assert any(f.aspect == "place" for r in rep.results for f in r.findings)


@pytest.mark.parametrize(
    "text, verdicts",
    [
        # A lead describing a person the next sentence names.
        ("A Bolton man who used AI to create child abuse images has been jailed for 18 years. Hugh Nelson, 27, pleaded guilty in August.", [A, A]),
        ("A 27-year-old man has been jailed for 20 years for creating AI child abuse images. Hugh Nelson, from Bolton, was sentenced at Bolton Crown Court.", [I, A]),
        # Not across paragraphs, and not when the next sentence does not open with the name.
        ("A Bolton man has been jailed for 18 years.\n\nHugh Nelson, 27, pleaded guilty in August.", [U, A]),
        ("A Bolton man has been jailed for 18 years. Police said Hugh Nelson pleaded guilty in August.", [U, A]),
        # A description that fits another record, not the next sentence's person, is not linked.
        ("A Charlotte child psychiatrist was jailed for 40 years. Hugh Nelson, 27, was jailed for 18 years in a separate case.", [U, A]),
    ],
)
def test_a_lead_person_named_in_the_next_sentence(catalogue, text, verdicts):
    rep = check(catalogue, text, dt.date(2024, 11, 1))
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    if verdicts[0] is not U:
        assert any("named in the next sentence" in c for c in rep.results[0].context)


@pytest.mark.parametrize(
    "text, verdicts",
    [
        # A directive's transposition deadline, by name, number or "the EU directive".
        ("EU member states must transpose the directive on violence against women by 14 June 2027.", [A]),
        ("Member states have until June 2026 to transpose Directive 2024/1385.", [I]),
        ("The EU directive must be written into national law by 2027.", [A]),
        ("Les États membres ont jusqu'au 14 juin 2027 pour transposer la directive.", [A]),
        ("Les États membres ont jusqu'au 15 juin 2027 pour transposer la directive.", [I]),
        # A directive lawref holds no record of cannot be checked.
        ("Member states must transpose Directive 2011/93 by December 2013.", [U]),
    ],
)
def test_transposition_deadlines(catalogue, text, verdicts):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert all(f.aspect == "transposition" for r in rep.results for f in r.findings), rep.json()


@pytest.mark.parametrize(
    "text, verdicts",
    [
        # A judge by name against the judge the record names.
        ("Hugh Nelson was sentenced by Judge John Smith in October 2024.", [I]),
        ("Hugh Nelson was sentenced by Judge Martin Walsh in October 2024.", [A]),
        ("Judge Walsh jailed Hugh Nelson for 18 years.", [A]),
        ("Judge Kenneth Bell sentenced David Tatum to 40 years.", [A]),
        ("Park was sentenced to five years by Judge Lee in the SNU deepfake case.", [I]),
        # The record names the presiding judge in lower case ("presiding judge Jeong Seong-wook").
        ("Moon Hyeong-wook was sentenced by Judge Park to 34 years.", [I]),
        ("Cho Ju-bin was sentenced to 42 years by presiding judge Lee Hyun-woo.", [I]),
        ("Judge for yourself: Hugh Nelson was jailed for 18 years.", [A]),
        # "Justice Department" is not a judge.
        ("The Justice Department said David Tatum was sentenced to 40 years.", [A]),
    ],
)
def test_judges_named_in_claims(catalogue, text, verdicts):
    rep = check(catalogue, text, dt.date(2025, 6, 1))
    assert [r.verdict for r in rep.results] == verdicts, rep.json()


def test_a_pending_case_checked_after_its_latest_proceeding_says_how_current_the_record_is(catalogue):
    rep = check(catalogue, "Steven Anderegg was sentenced to 30 years in prison.", TODAY)
    (r,) = rep.results
    assert r.verdict is I
    assert any("The case is pending" in c and "latest proceeding" in c for c in r.context), r.context
    # A concluded case has no such note.
    rep = check(catalogue, "Hugh Nelson was sentenced to 30 years.", TODAY)
    assert not any("The case is pending" in c for c in rep.results[0].context)


def test_a_named_law_outranks_the_place_of_the_sentence_before(catalogue):
    text = (
        "Korean law now punishes even viewing deepfake porn with up to 3 years in jail. "
        "The Take It Down Act makes publishing deepfakes of minors punishable by up to three years."
    )
    rep = check(catalogue, text, TODAY)
    assert [r.record for r in rep.results] == ["kr/sexual-crimes-act/14-2.4", "us/47-usc/223-h-minor"], rep.json()
    assert [r.verdict for r in rep.results] == [A, A]
    rep = check(catalogue, "SEOUL — The Take It Down Act makes publishing deepfakes of minors punishable by up to three years.", TODAY)
    assert [r.record for r in rep.results] == ["us/47-usc/223-h-minor"], rep.json()


@pytest.mark.parametrize(
    "text, verdicts, records",
    [
        # Whether conduct was a crime at all, by whether an offence covering it was in force.
        ("Before October 2024, merely possessing a sexual deepfake was not a crime in South Korea.", [A], ["kr/sexual-crimes-act/14-2.4"]),
        ("Possessing sexual deepfakes is not a crime in South Korea.", [I], ["kr/sexual-crimes-act/14-2.4"]),
        ("Creating sexual deepfakes of adults is legal in England.", [I], ["gb-eaw/sexual-offences-act-2003/66e"]),
        ("Creating sexual deepfakes of adults is now a crime in England.", [A], ["gb-eaw/sexual-offences-act-2003/66e"]),
        # Before the specific offence: not confirmed (another law may have applied) ...
        ("In 2023, creating sexual deepfakes of adults was a crime in England.", [U], ["gb-eaw/sexual-offences-act-2003/66e"]),
        # ... and where a general offence the catalogue holds did apply, "legal" is wrong.
        ("In 2023, sharing sexual deepfakes was legal in France.", [I], ["fr/code-penal/226-8"]),
        ("Before 2024, making sexual deepfakes was not a crime in South Korea.", [I], ["kr/sexual-crimes-act/14-2.1"]),
        # A place lawref holds no law for.
        ("In Germany, sharing deepfakes is not a crime.", [U], [None]),
        # "has been an offence since": the offence covering it then, which may be an older one.
        ("In England and Wales, sharing intimate images without consent has been an offence since January 2024.", [A], ["gb-eaw/sexual-offences-act-2003/66b"]),
        ("In England and Wales, sharing intimate images without consent has been an offence since 2015.", [A], ["gb-eaw/criminal-justice-and-courts-act-2015/33"]),
        ("In England and Wales, sharing intimate images without consent was not a crime in 2016.", [I], ["gb-eaw/criminal-justice-and-courts-act-2015/33"]),
        ("In England and Wales, sharing intimate images without consent has been an offence since 2010.", [U], ["gb-eaw/sexual-offences-act-2003/66b"]),
    ],
)
def test_whether_conduct_is_a_crime_at_all(catalogue, text, verdicts, records):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert [r.record for r in rep.results] == records, rep.json()


def test_a_penalty_statement_is_not_read_as_criminality(catalogue):
    from lawref.claims import parse_claim

    assert parse_claim("Possessing deepfakes was not punishable by prison in Korea.").criminal == ""
    assert parse_claim("Possessing deepfakes is punishable by up to three years in Korea.").criminal == ""


@pytest.mark.parametrize(
    "text, verdicts",
    [
        # A legislature's vote is not recorded: consistent dates are unverifiable, a vote after
        # the law took effect is wrong; signing is promulgation, which is recorded.
        ("South Korea's National Assembly voted in September 2024 to make possessing or watching sexual deepfakes punishable by up to three years in prison.", [U]),
        ("In Australia, sharing deepfake sexual material without consent is a crime. The law, passed in August 2024, carries up to six years in prison.", [A, U]),
        ("In Australia, sharing deepfake sexual material without consent is a crime. The law, passed in October 2024, carries up to six years in prison.", [A, I]),
        ("The Take It Down Act, signed in May 2025, punishes publishing non-consensual deepfakes of adults with up to two years.", [A]),
    ],
)
def test_a_vote_date_is_not_a_promulgation_date(catalogue, text, verdicts):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()


@pytest.mark.parametrize(
    "text, verdicts, found",
    [
        # A fine "from X to Y": X is checked as the amount before the change, Y as the amount now.
        ("In Korea, the fine for distributing sexual deepfakes rose from 50 million won to 70 million won.", [I], [(A, "₩50,000,000"), (I, "₩70,000,000")]),
        ("In Korea, the maximum prison term for distributing sexual deepfakes rose from five to seven years, while the fine stayed at 50 million won.", [A, A], None),
        ("The fine for distributing sexual deepfakes in Korea is 50 million won, up from 30 million won.", [I], [(A, "₩50,000,000"), (I, "₩30,000,000")]),
    ],
)
def test_a_fine_before_and_after_a_change(catalogue, text, verdicts, found):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    if found:
        fines = [(f.verdict, f.found) for f in rep.results[0].findings if f.aspect == "fine"]
        assert len(fines) == len(found), fines
        for (verdict, words), (want, amount) in zip(fines, found):
            assert verdict is want and amount in words, fines


@pytest.mark.parametrize(
    "text, verdicts",
    [
        # The size of a change ("raised by two years") against the versions either side of it.
        ("The penalty for making sexual deepfakes in Korea was raised by two years in 2024.", [A]),
        ("The penalty for making sexual deepfakes in Korea was raised by three years in 2024.", [I]),
        ("Korea raised the maximum prison term for making sexual deepfakes by two years to seven years.", [A]),
        ("In 2020, South Korea raised the maximum prison term for illegal filming by two years.", [A]),
        # A factor ("doubled", "tripled") of the prison maximum or the fine.
        ("In 2024 South Korea doubled the fine for making sexual deepfakes.", [I]),
        ("The UK doubled the maximum sentence for possessing indecent images of children.", [I]),
        # An offence created by the change had nothing to double.
        ("South Korea doubled the maximum prison term for viewing illegally filmed material.", [I]),
    ],
)
def test_changes_by_an_amount_or_a_factor(catalogue, text, verdicts):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert rep.results[0].findings[0].aspect in ("prison", "fine"), rep.json()


def test_counts_that_double_are_not_penalties():
    from lawref.claims import parse_claim

    assert parse_claim("Reports of deepfake crimes doubled in Korea in 2024.").ratio is None
    assert not any(q.delta for q in parse_claim("The court cut his sentence by two years.").terms)


def test_a_range_with_the_second_unit_left_out():
    from lawref.claims import parse_claim

    c = parse_claim("The appeals court reduced Park's sentence from ten years to nine.")
    assert [(q.term.months, q.previous) for q in c.terms] == [(120, True), (108, False)]
    c = parse_claim("The maximum rose from five years to seven in 2024.")
    assert [(q.term.months, q.previous) for q in c.terms] == [(60, True), (84, False)]


def test_a_sentence_cut_from_one_figure_to_another_on_appeal(catalogue):
    rep = check(catalogue, "The appeals court reduced Park's sentence from ten years to nine.", TODAY)
    assert [r.verdict for r in rep.results] == [A], rep.json()
    rep = check(catalogue, "The appeals court reduced Park's sentence from ten years to eight.", TODAY)
    assert [r.verdict for r in rep.results] == [I], rep.json()


def test_a_denial_before_the_first_proceeding_cites_the_record(catalogue):
    """Found by hypothesis: "not convicted Cho" on a day before any proceeding is accurate and
    must still cite the record (its first proceeding)."""
    rep = check(catalogue, "not convicted Cho", dt.date(2000, 1, 1))
    (r,) = rep.results
    assert r.verdict is A and r.record == "kr/cho-ju-bin" and r.sources


@pytest.mark.parametrize(
    "text, day, verdicts",
    [
        # Found by review: "sentenced on DATE to N years" is not a range from the year to N.
        ("Moon Hyeong-wook was sentenced on 8 April 2021 to 34 years in prison.", "2026-11-27", [A]),
        ("Cho Ju-bin was sentenced in November 2020 to 40 years in prison.", "2020-11-27", [A]),
        ("Tatum was sentenced on November 8, 2023 to 40 years in prison.", "2026-11-27", [A]),
        # "respectively": one figure per defendant, also co-defendants of one case.
        ("Cho Ju-bin and Moon Hyeong-wook were sentenced to 42 and 34 years respectively.", "2026-11-27", [A, A]),
        ("Cho Ju-bin and Moon Hyeong-wook were sentenced to 34 and 42 years respectively.", "2026-11-27", [I, I]),
        ("Kang and Park were sentenced to four and ten years respectively in the SNU case.", "2024-10-31", [A, A]),
        # An age in apposition is not the elliptic figure.
        ("The 40-year-old principal offender in the Seoul National University case was jailed for 10 years, while Kang, 31, received four.", "2024-10-31", [A, U]),
    ],
)
def test_review_findings_dates_respectively_and_appositive_ages(catalogue, text, day, verdicts):
    rep = check(catalogue, text, dt.date.fromisoformat(day))
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    if "Kang, 31" in text:
        assert rep.results[1].findings[0].verdict is A  # the four years; only the age is unrecorded


@pytest.mark.parametrize(
    "text, verdicts, records",
    [
        # Found by review: a figure only an aggravated form or a sibling offence carries is not
        # accepted by picking that record when the claim describes the base offence.
        ("In Australia, sharing sexual deepfakes without consent is punishable by up to seven years in prison.", [I], ["au/criminal-code/474-17a"]),
        ("In Australia, creating and sharing sexual deepfakes without consent is punishable by up to seven years in prison.", [A], ["au/criminal-code/474-17aa"]),
        ("In Australia, sharing sexual deepfakes is punishable by six years.", [A], ["au/criminal-code/474-17a"]),
        ("Threatening a minor with sexual images of themselves has been punishable by at least five years in prison in South Korea since October 2024.", [I], ["kr/youth-protection-act/11-2.1"]),
        ("Coercing a minor with sexual images of themselves is punishable by at least five years in prison in South Korea.", [A], ["kr/youth-protection-act/11-2.2"]),
        ("Threatening to share deepfake nudes of an adult carries up to two years under the Take It Down Act.", [I], ["us/47-usc/223-h-threats"]),
        ("Threatening to share deepfake nudes of an adult carries up to 18 months under the Take It Down Act.", [A], ["us/47-usc/223-h-threats"]),
        ("Threatening to share real intimate images of an adult carries up to two years under the Take It Down Act.", [A], ["us/47-usc/223-h-threats"]),
    ],
)
def test_the_claims_own_conduct_and_verb_outrank_a_matching_figure(catalogue, text, verdicts, records):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert [r.record for r in rep.results] == records, rep.json()


@pytest.mark.parametrize(
    "text, verdicts, record",
    [
        # An associate of the named defendant is another person (found by review).
        ("Cho Ju-bin's accomplice Kang Hoon was sentenced to 42 years.", [U], "kr/cho-ju-bin"),
        ("Kang Hoon, Cho Ju-bin's right-hand man in the Doctor's room, had his sentence cut to three and a half years on appeal.", [U], "kr/cho-ju-bin"),
        ("Cho Ju-bin's lawyer said he was sentenced to 42 years.", [A], "kr/cho-ju-bin"),
        # A claim about the charge takes the penalty of the offence the record says it was.
        ("Anderegg, a 42-year-old software engineer, was charged in May 2024 with producing AI-generated child sexual abuse images, which carries a five-year mandatory minimum.", [A], "us/steven-anderegg"),
    ],
)
def test_associates_and_the_cases_own_offence(catalogue, text, verdicts, record):
    rep = check(catalogue, text, dt.date(2024, 5, 21) if "Anderegg" in text else TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert rep.results[0].records[0] == record
    if "Anderegg" in text:
        assert "us/18-usc/1466a" in rep.results[0].records


@pytest.mark.parametrize(
    "text, verdicts",
    [
        # The date of a change is when the figures took effect, not a later version that kept them.
        ("France raised the maximum fine for possessing child pornography to €75,000 in 2020.", [A]),
        ("In August 2020, France raised the penalty for possessing child pornography to five years in prison.", [A]),
        ("In 2021, France raised the penalty for possessing child pornography to five years in prison.", [I]),
    ],
)
def test_a_change_is_dated_by_when_its_figures_took_effect(catalogue, text, verdicts):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    date = [f for f in rep.results[0].findings if f.aspect == "date"]
    assert date and date[0].expected == "2020-08-01"


@pytest.mark.parametrize(
    "text, verdicts, record",
    [
        # A dated claim about a law that has since been replaced is checked against that law.
        ("The revenge porn offence introduced in England in 2015 was punishable by up to two years.", [A], "gb-eaw/criminal-justice-and-courts-act-2015/33"),
        ("The revenge porn offence introduced in England in 2015 was punishable by up to five years.", [I], "gb-eaw/criminal-justice-and-courts-act-2015/33"),
        ("England's 2015 revenge porn law carried a maximum of two years in prison.", [A], "gb-eaw/criminal-justice-and-courts-act-2015/33"),
        ("The 2024 law makes possessing sexual deepfakes in Korea punishable by up to three years.", [A], "kr/sexual-crimes-act/14-2.4"),
    ],
)
def test_the_law_of_the_year_the_claim_names(catalogue, text, verdicts, record):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert rep.results[0].record == record


@pytest.mark.parametrize(
    "text, verdicts, record",
    [
        # Found by review: a topic alias with a capital ("AI-generated intimate image") does not
        # name a law; a law's signing date; Korean "불법촬영물" (illegally filmed material).
        ("Under the Take It Down Act, publishing AI-generated intimate images of adults without consent is punishable by up to two years in prison.", [A], "us/47-usc/223-h-adult"),
        ("The Take It Down Act was signed on 19 April 2025.", [I], "us/47-usc/223-h-adult"),
        ("The Take It Down Act was signed on 19 May 2025.", [A], "us/47-usc/223-h-adult"),
        ("불법촬영물을 소지·시청한 자는 3년 이하의 징역 또는 3천만원 이하의 벌금에 처한다.", [A], "kr/sexual-crimes-act/14.4"),
        ("불법촬영물을 소지하거나 시청한 자는 1년 이하의 징역에 처한다.", [I], "kr/sexual-crimes-act/14.4"),
    ],
)
def test_law_names_signing_dates_and_korean_filmed_material(catalogue, text, verdicts, record):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert rep.results[0].record == record


@pytest.mark.parametrize(
    "text, verdicts",
    [
        # The figure before a change ("reduced his 45-year term to 42 years"), also a combined one.
        ("An appeals court in Seoul reduced Cho Ju-bin's combined 45-year term to 42 years in June 2021.", [A]),
        ("An appeals court in Seoul reduced Cho Ju-bin's combined 50-year term to 42 years in June 2021.", [I]),
        ("The appeals court increased Cho Ju-bin's sentence of 40 years to 42 years.", [A]),
    ],
)
def test_the_sentence_before_a_change(catalogue, text, verdicts):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()


@pytest.mark.parametrize(
    "text, day, verdict",
    [
        # A figure a lower court gave on the date the claim names, attributed to a higher one.
        ("Cho, 25, was sentenced to 40 years by the Seoul High Court in November 2020.", "2020-11-27", I),
        ("Cho, 25, was sentenced to 40 years by the Seoul High Court in November 2020.", "2026-11-27", I),
        # No date: a higher ruling after the record's last cannot be ruled out.
        ("김녹완은 서울고등법원에서 무기징역을 선고받았다.", "2026-11-27", U),
    ],
)
def test_a_sentence_attributed_to_the_wrong_court(catalogue, text, day, verdict):
    rep = check(catalogue, text, dt.date.fromisoformat(day))
    assert [r.verdict for r in rep.results] == [verdict], rep.json()
    assert any(f.aspect == "court" and f.verdict is verdict for f in rep.results[0].findings)


def test_raises_that_to_is_a_penalty_of_the_topic(catalogue):
    text = (
        "Sexual deepfakes are a growing problem in France. Sharing them without consent is punishable by two years in prison. "
        "Posting them online raises that to three years."
    )
    rep = check(catalogue, text, TODAY)
    assert [(r.verdict, r.record) for r in rep.results] == [(A, "fr/code-penal/226-8-1"), (A, "fr/code-penal/226-8-1")], rep.json()
    rep = check(catalogue, text.replace("three years", "five years"), TODAY)
    assert [r.verdict for r in rep.results] == [A, I]


@pytest.mark.parametrize(
    "text, verdicts",
    [
        ("Until October 2024, South Koreans could legally keep deepfake porn on their phones.", [A]),
        ("Until 2024, it was legal to watch sexual deepfakes in South Korea.", [A]),
        ("South Koreans can still legally watch deepfake porn.", [I]),
    ],
)
def test_could_legally_is_a_criminality_claim(catalogue, text, verdicts):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert rep.results[0].record == "kr/sexual-crimes-act/14-2.4"


def test_a_judge_named_in_lower_case_in_the_record(catalogue):
    rep = check(catalogue, "Judge Lee Hyun-kyung sentenced Kim Nok-wan to life in prison.", TODAY)
    assert [r.verdict for r in rep.results] == [A], rep.json()
    rep = check(catalogue, "Judge Lee Min-ho sentenced Kim Nok-wan to life in prison.", TODAY)
    assert [r.verdict for r in rep.results] == [I], rep.json()


@pytest.mark.parametrize(
    "text, verdicts",
    [
        # A ban "passed" on a date: the vote cannot come after the law took effect.
        ("South Korean lawmakers passed the ban on possessing sexual deepfakes in November 2024.", [I]),
        ("South Korean lawmakers passed the ban on possessing sexual deepfakes in September 2024.", [U]),
    ],
)
def test_a_ban_passed_on_a_date(catalogue, text, verdicts):
    rep = check(catalogue, text, dt.date(2025, 1, 1))
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    criminal = [f for f in rep.results[0].findings if f.aspect == "criminal"]
    assert criminal and criminal[0].verdict is A  # the ban exists; the date is what is checked


@pytest.mark.parametrize(
    "text, day, verdicts",
    [
        # Second review round: the associate named is the one checked; a frequency is not a term.
        ("Moon Hyeong-wook's accomplice Cho Ju-bin received 34 years.", "2026-11-27", [I]),
        ("Moon Hyeong-wook's accomplice Cho Ju-bin received 42 years.", "2026-11-27", [A]),
        ("Telegram's founder, 39, must pay a surety of five million euros and report to police twice a week.", "2024-08-29", [A]),
    ],
)
def test_second_review_round(catalogue, text, day, verdicts):
    rep = check(catalogue, text, dt.date.fromisoformat(day))
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    if "twice a week" in text:
        assert not any(f.aspect == "sentence" for f in rep.results[0].findings)


@pytest.mark.parametrize(
    "text, verdicts",
    [
        # "the SREN law", with or without a relative clause before "was signed".
        ("France's SREN law, which made sharing sexual deepfakes a crime, was signed in June 2024.", [I]),
        ("The SREN law was signed in June 2024.", [I]),
        ("The SREN law was signed in May 2024.", [A]),
    ],
)
def test_a_law_known_by_its_acronym_and_its_signing(catalogue, text, verdicts):
    rep = check(catalogue, text, TODAY)
    assert [r.verdict for r in rep.results] == verdicts, rep.json()
    assert rep.results[0].record == "fr/code-penal/226-8-1"
