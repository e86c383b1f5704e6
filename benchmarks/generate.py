"""Write a synthetic, valid lawref data pack of N records, deterministically.

    python benchmarks/generate.py N OUTDIR

About 80% offences (statutes/<jur>/<instrument>/<article>.yaml) and 20% cases
(cases/<jur>/<name>.yaml) across KR, FR, GB-EAW, US, AU, DE, JP and CA, with the field sizes
of the bundled records: 2-4 dated penalty versions with 1-2 sources each, aliases (some in
native script), tags, a paragraph of offence text; cases with 2-4 proceedings that cite
generated offences. Every id mirrors its path and is unique; the pack passes
`lawref validate OUTDIR`. The same N always gives the same bytes (seeded random; the records
for N are not a prefix of those for a larger N). Also writes OUTDIR/ids.txt: a few known ids
(`offence-first`, `offence-middle`, `offence-last`, `case-first`, `case-last`), one
`label id` pair a line, for `lawref show`.

The YAML is written as strings directly (no yaml.dump) so 100k files take seconds. All
records are synthetic: made-up instruments on `*.example` URLs, not law.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import random
import sys

SEED = 20261126
ACCESSED = "2026-11-26"

# code: (weight, currency, url host, courts (first instance, appeal, supreme), native topics or None)
JURISDICTIONS = {
    "KR": (20, "KRW", "law.kr.example", ("Seoul Central District Court", "Seoul High Court", "Supreme Court of Korea")),
    "US": (18, "USD", "law.us.example", ("U.S. District Court", "U.S. Court of Appeals", "Supreme Court of the United States")),
    "GB-EAW": (14, "GBP", "law.uk.example", ("Crown Court", "Court of Appeal (Criminal Division)", "UK Supreme Court")),
    "FR": (12, "EUR", "law.fr.example", ("Tribunal correctionnel de Paris", "Cour d'appel de Paris", "Cour de cassation")),
    "DE": (10, "EUR", "law.de.example", ("Landgericht Berlin", "Kammergericht", "Bundesgerichtshof")),
    "AU": (10, "AUD", "law.au.example", ("County Court of Victoria", "Court of Appeal of Victoria", "High Court of Australia")),
    "JP": (8, "JPY", "law.jp.example", ("Tokyo District Court", "Tokyo High Court", "Supreme Court of Japan")),
    "CA": (8, "CAD", "law.ca.example", ("Ontario Superior Court of Justice", "Court of Appeal for Ontario", "Supreme Court of Canada")),
}
CODES = list(JURISDICTIONS)
WEIGHTS = [JURISDICTIONS[c][0] for c in CODES]
# Fine maxima per currency (realistic orders of magnitude).
FINE_STEPS = {"KRW": 10_000_000, "USD": 5_000, "GBP": 5_000, "EUR": 15_000, "AUD": 50_000, "JPY": 500_000, "CAD": 5_000}

TOPICS = [
    ("Online Harms", "online-harms"), ("Image Abuse", "image-abuse"), ("Child Protection", "child-protection"),
    ("Telecommunications Offences", "telecommunications-offences"), ("Privacy Protection", "privacy-protection"),
    ("Obscene Publications", "obscene-publications"), ("Cybercrime", "cybercrime"), ("Digital Safety", "digital-safety"),
    ("Information Network", "information-network"), ("Harassment Prevention", "harassment-prevention"),
    ("Data Misuse", "data-misuse"), ("Voyeurism", "voyeurism"), ("Sexual Exploitation Prevention", "sexual-exploitation-prevention"),
    ("Platform Accountability", "platform-accountability"), ("Electronic Communications", "electronic-communications"),
    ("Synthetic Media", "synthetic-media"), ("Victim Support", "victim-support"), ("Criminal Procedure Amendment", "criminal-procedure-amendment"),
    ("Broadcasting Standards", "broadcasting-standards"), ("Youth Welfare", "youth-welfare"),
]
NATIVE = {
    "KR": ["정보통신망법", "성폭력처벌법", "청소년성보호법", "개인정보 보호법", "전기통신사업법", "형법 특례"],
    "JP": ["児童買春・児童ポルノ禁止法", "私事性的画像記録被害防止法", "刑法", "不正アクセス禁止法", "性的姿態撮影等処罰法"],
    "DE": ["Strafgesetzbuch", "Jugendschutzgesetz", "Netzwerkdurchsetzungsgesetz", "Telekommunikationsgesetz", "Kunsturhebergesetz"],
    "FR": ["Code pénal", "Loi pour la confiance dans l'économie numérique", "Loi sécuriser l'espace numérique", "Code de procédure pénale"],
}
NATIVE_OFFENCE = {
    "KR": ["허위영상물 편집", "불법촬영", "성착취물 소지", "촬영물 유포", "협박"],
    "JP": ["児童ポルノ所持", "私事性的画像の提供", "盗撮", "脅迫"],
    "DE": ["Verbreitung pornographischer Inhalte", "Verletzung des höchstpersönlichen Lebensbereichs", "Nachstellung"],
    "FR": ["montage sans consentement", "diffusion d'images", "détention d'images pédopornographiques"],
}
ACTS = ["making", "sharing", "distributing", "possessing", "viewing", "threatening to share", "selling", "hosting",
        "editing", "recording", "publishing", "advertising", "procuring", "offering", "storing", "transmitting"]
OBJECTS = ["sexual deepfakes", "intimate images", "child sexual abuse material", "covert recordings", "manipulated video",
           "synthetic sexual images", "private sexual photographs", "exploitative material", "indecent pseudo-photographs",
           "non-consensual recordings", "AI-generated sexual content", "upskirt images"]
WORDS = ("person consent image video material recording distribution intent purpose network platform service provider "
         "court offence conduct penalty sentence victim minor adult publication possession production editing "
         "compositing processing digital online communication device account content sexual intimate private "
         "knowingly recklessly unlawfully without the of a an to by in on for with or and any other such which "
         "whose where whether shall must may including against under within whereby thereby depicted reasonably "
         "believe likely cause distress alarm humiliation gain profit commercial organised repeated").split()
ALIAS_WORDS = ["deepfake", "deepfake porn", "revenge porn", "nudify", "sextortion", "NCII", "image-based abuse",
               "upskirting", "spycam", "molka", "CSAM", "child pornography", "intimate image abuse", "cyber flashing",
               "online harassment", "doxxing", "synthetic media", "AI porn", "face swap", "hidden camera",
               "딥페이크", "불법촬영", "몰카", "リベンジポルノ", "ディープフェイク", "盗撮", "pédopornographie",
               "hypertrucage", "Deepfake-Pornografie", "Rachepornografie"]
TAGS = ["deepfake", "intimate-image-abuse", "child-sexual-abuse-material", "sextortion", "illegal-filming",
        "possession", "distribution", "production", "platform-liability", "telegram", "nth-room", "ai-generated"]
TERMS = ["6m", "1y", "2y", "2y6m", "3y", "5y", "7y", "10y", "14y", "15y", "20y", "life"]
COMBINE = ["or", "and", "and/or"]
LEVELS = ["arrest", "charge", "investigation", "first-instance", "appeal", "supreme"]
OUTCOMES_BY_LEVEL = {
    "arrest": ["other", "pending"], "charge": ["charged"], "investigation": ["pending", "charged"],
    "first-instance": ["convicted", "convicted", "acquitted", "penalty"],
    "appeal": ["upheld", "reduced", "increased", "dismissed"], "supreme": ["upheld", "dismissed", "reduced"],
}
ORDERS = ["sex offender registration", "electronic tag", "disclosure of personal information", "device forfeiture",
          "treatment programme", "employment restriction", "sexual harm prevention order", "restraining order"]
SURNAMES = ["kim", "lee", "park", "choi", "martin", "bernard", "smith", "jones", "johnson", "williams", "brown",
            "muller", "schmidt", "tanaka", "suzuki", "sato", "tremblay", "roy", "nguyen", "wilson", "taylor", "dubois"]
GIVEN = ["ji-hoon", "min-jun", "seo-yeon", "lucas", "camille", "oliver", "amelia", "james", "emma", "lukas", "mia",
         "haruto", "yui", "liam", "noah", "chloe", "jack", "sophie", "hugo", "lea", "daniel", "grace"]
HANGUL = "김이박최정강조윤장임한오서신권황안송류전홍"
KANA = "田中鈴木佐藤高橋渡辺伊藤山本中村小林加藤"
PUBLISHERS = ["Ministry of Justice (synthetic)", "Official Gazette (synthetic)", "National Legislation Service (synthetic)",
              "Court Records Office (synthetic)", "Example News (synthetic)", "Law Review (synthetic)"]


def q(s: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    if '"' in s or "\\" in s:
        return json.dumps(s, ensure_ascii=False)
    return '"' + s + '"'  # the generated text has no control characters


def sentence(rng: random.Random, n: int) -> str:
    words = rng.choices(WORDS, k=n)
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng: random.Random, words: int) -> str:
    out, left = [], words
    while left > 0:
        k = min(left, rng.randint(8, 20))
        out.append(sentence(rng, max(k, 3)))
        left -= k
    return " ".join(out)


def folded(text: str, indent: str) -> str:
    """`text` as a folded block scalar body (lines wrapped near 100 columns)."""
    lines, cur = [], indent
    for w in text.split(" "):
        if len(cur) + len(w) > 100 and cur.strip():
            lines.append(cur.rstrip())
            cur = indent
        cur += w + " "
    lines.append(cur.rstrip())
    return "\n".join(lines) + "\n"


def day(rng: random.Random, lo: _dt.date, hi: _dt.date) -> _dt.date:
    span = (hi - lo).days
    return lo + _dt.timedelta(days=rng.randint(0, max(span, 0)))


def sources(rng: random.Random, host: str, path: str, indent: str, before: _dt.date) -> str:
    out = [f"{indent}sources:\n"]
    for i in range(rng.randint(1, 2)):
        primary = i == 0 and rng.random() < 0.8
        out.append(f"{indent}  - url: https://{host}/{path}/{rng.randint(1000, 99999)}\n")
        if primary or rng.random() < 0.5:
            out.append(f"{indent}    title: {q(sentence(rng, rng.randint(5, 10))[:-1])}\n")
        out.append(f"{indent}    publisher: {q(rng.choice(PUBLISHERS))}\n")
        out.append(f"{indent}    published: {day(rng, before - _dt.timedelta(days=400), before).isoformat()}\n")
        out.append(f"{indent}    accessed: {ACCESSED}\n")
        out.append(f"{indent}    kind: {'primary' if primary else 'secondary'}\n")
        if rng.random() < 0.5:
            out.append(f"{indent}    quote: {q(sentence(rng, rng.randint(6, 20)))}\n")
        if rng.random() < 0.3:
            out.append(f"{indent}    note: {q(sentence(rng, rng.randint(8, 25)))}\n")
    return "".join(out)


def prison(rng: random.Random) -> tuple[str, str]:
    """A `prison:` value and its max term."""
    mx = rng.choice(TERMS)
    if mx != "life" and rng.random() < 0.15 and TERMS.index(mx) > 2:
        return f"{{max: {mx}, min: 1y}}", mx
    if mx == "life" and rng.random() < 0.5:
        return "{max: life, min: 5y}", mx
    return f"{{max: {mx}}}", mx


def fine(rng: random.Random, cur: str) -> str:
    if cur in ("GBP", "CAD") and rng.random() < 0.4:
        return "{max: unlimited}"
    return f"{{max: {FINE_STEPS[cur] * rng.randint(1, 20)}, currency: {cur}}}"


def penalties(rng: random.Random, cur: str, host: str, path: str) -> str:
    n = rng.randint(2, 4)
    prospective = rng.random() < 0.05  # the last version is enacted but takes effect in 2027
    starts = [day(rng, _dt.date(1995, 1, 1), _dt.date(2010, 12, 31))]
    for _ in range(n - 1 - prospective):
        starts.append(day(rng, starts[-1] + _dt.timedelta(days=180), starts[-1] + _dt.timedelta(days=365 * 4)))
    if prospective:
        starts.append(day(rng, _dt.date(2027, 1, 1), _dt.date(2027, 12, 31)))
    out = ["penalties:\n"]
    for i, s in enumerate(starts):
        last = i == n - 1
        out.append(f"  - from: {s.isoformat()}\n")
        if not last:
            out.append(f"    until: {(starts[i + 1] - _dt.timedelta(days=1)).isoformat()}\n")
        if rng.random() < 0.4:
            out.append(f"    promulgated: {(s - _dt.timedelta(days=rng.randint(0, 180))).isoformat()}\n")
        if last and prospective:
            out.append("    status: prospective\n")
        p, _ = prison(rng)
        out.append(f"    prison: {p}\n")
        if rng.random() < 0.75:
            out.append(f"    fine: {fine(rng, cur)}\n")
            out.append(f"    combine: {rng.choice(COMBINE)}\n")
        if rng.random() < 0.5:
            out.append(f"    note: {q(paragraph(rng, rng.randint(15, 45)))}\n")
        if rng.random() < 0.3:
            out.append("    aggravated:\n")
            for label in rng.sample(["for profit", "victim a minor", "habitual offender", "online", "organised group"], rng.randint(1, 2)):
                ap, _ = prison(rng)
                out.append(f"      - label: {label}\n        prison: {ap}\n")
                if rng.random() < 0.4:
                    out.append(f"        note: {q(sentence(rng, rng.randint(8, 16)))}\n")
        out.append(sources(rng, host, path, "    ", min(max(s, _dt.date(1996, 1, 1)), _dt.date(2026, 11, 1))))
    return "".join(out)


def flow_list(items: list[str]) -> str:
    return "[" + ", ".join(q(x) for x in items) + "]"


def offence_text(rng: random.Random, rid: str, code: str, inst: tuple, article: str, related: list[str]) -> str:
    _, cur, host, _ = JURISDICTIONS[code]
    title, short, native, citation = inst
    act, obj = rng.choice(ACTS), rng.choice(OBJECTS)
    parts = [
        f"id: {rid}\n",
        f"jurisdiction: {code}\n",
        "instrument:\n",
        f"  title: {q(title)}\n",
        f"  short: {q(short)}\n",
    ]
    if native:
        parts.append(f"  native_title: {q(native)}\n")
    parts.append(f"  citation: {q(citation)}\n")
    parts.append(f"  url: https://{host}/{rid.split('/', 1)[1].rsplit('/', 1)[0]}\n")
    parts.append(f"article: {q(article)}\n")
    parts.append(f"title: {q(f'{act.capitalize()} {obj}')}\n")
    parts.append("offence: >-\n" + folded(f"{act.capitalize()} {obj}. " + paragraph(rng, rng.randint(45, 90)), "  "))
    if code in NATIVE_OFFENCE and rng.random() < 0.7:
        parts.append(f"native_offence: {q(rng.choice(NATIVE_OFFENCE[code]))}\n")
    aliases = rng.sample(ALIAS_WORDS, rng.randint(2, 8)) + [f"{act} {obj}"]
    parts.append(f"aliases: {flow_list(aliases)}\n")
    parts.append(f"tags: {flow_list(rng.sample(TAGS, rng.randint(1, 4)))}\n")
    parts.append(penalties(rng, cur, host, rid))
    if related:
        parts.append(f"related: {flow_list(related)}\n")
    if rng.random() < 0.3:
        parts.append(f"notes: {q(paragraph(rng, rng.randint(15, 40)))}\n")
    return "".join(parts)


def case_text(rng: random.Random, rid: str, code: str, name: str, offences: list[str]) -> str:
    _, cur, host, courts = JURISDICTIONS[code]
    parts = [
        f"id: {rid}\n",
        f"jurisdiction: {code}\n",
        f"title: {q(f'{name} ({rng.choice(OBJECTS)})')}\n",
        f"aliases: {flow_list(rng.sample(ALIAS_WORDS, rng.randint(1, 4)) + [name.split()[-1]])}\n",
        f"tags: {flow_list(rng.sample(TAGS, rng.randint(1, 3)))}\n",
        "defendant:\n",
        f"  name: {q(name)}\n",
    ]
    if code == "KR":
        parts.append(f"  native_name: {q(''.join(rng.sample(HANGUL, 3)))}\n")
    elif code == "JP":
        parts.append(f"  native_name: {q(''.join(rng.sample(KANA, 4)))}\n")
    first = day(rng, _dt.date(2015, 1, 1), _dt.date(2022, 6, 30))  # rulings stay in the past
    if rng.random() < 0.3:
        parts.append(f"  born: {first.year - rng.randint(18, 60)}\n")
    parts.append("summary: >-\n" + folded(paragraph(rng, rng.randint(60, 130)), "  "))
    parts.append(f"offences: {flow_list(offences)}\n")
    n = rng.randint(2, 4)
    levels = ["charge", "first-instance", "appeal", "supreme"][:n] if rng.random() < 0.7 else sorted(rng.sample(LEVELS, n), key=LEVELS.index)
    status = "final" if levels[-1] in ("supreme", "appeal") and rng.random() < 0.7 else "pending"
    parts.append(f"status: {status}\n")
    parts.append("proceedings:\n")
    d = first
    for i, level in enumerate(levels):
        court = courts[2] if level == "supreme" else courts[1] if level == "appeal" else courts[0]
        outcome = rng.choice(OUTCOMES_BY_LEVEL[level])
        parts.append(f"  - date: {d.isoformat()}\n    court: {q(court)}\n    level: {level}\n    outcome: {outcome}\n")
        if rng.random() < 0.5:
            parts.append(f"    case_number: {q(f'{d.year}-{rng.randint(100, 99999)}')}\n")
        if outcome in ("convicted", "upheld", "reduced", "increased", "penalty"):
            p, _ = prison(rng)
            parts.append(f"    sentence:\n      prison: {p}\n")
            if rng.random() < 0.3:
                parts.append(f"      fine: {{max: {FINE_STEPS[cur] * rng.randint(1, 10)}, currency: {cur}}}\n")
            if rng.random() < 0.4:
                parts.append(f"    orders: {flow_list(rng.sample(ORDERS, rng.randint(1, 3)))}\n")
        if status == "final" and i == len(levels) - 1:
            parts.append("    final: true\n")
        parts.append(f"    description: {q(paragraph(rng, rng.randint(12, 35)))}\n")
        parts.append(sources(rng, host, rid, "    ", d))
        d = d + _dt.timedelta(days=rng.randint(20, 400))
    return "".join(parts)


def generate(n: int, outdir: str) -> dict[str, str]:
    """Write the pack for `n` records under `outdir`; return the known ids (label -> id)."""
    rng = random.Random(f"{SEED}:{n}")
    n_cases = n // 5
    n_off = n - n_cases
    # Per jurisdiction: the current instrument (index, articles left, slug, fields, article base).
    inst_state: dict[str, list] = {c: [-1, 0, "", None, 0, 0] for c in CODES}
    offence_ids: dict[str, list[str]] = {c: [] for c in CODES}
    made_dirs: set[str] = set()
    all_offences: list[str] = []

    def write(rel: str, text: str) -> None:
        path = os.path.join(outdir, rel)
        d = os.path.dirname(path)
        if d not in made_dirs:
            os.makedirs(d, exist_ok=True)
            made_dirs.add(d)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)

    for _ in range(n_off):
        code = rng.choices(CODES, WEIGHTS)[0]
        st = inst_state[code]
        if st[1] == 0:  # start a new instrument
            st[0] += 1
            idx = st[0]
            topic, slug = TOPICS[idx % len(TOPICS)]
            year = 1990 + idx // len(TOPICS)
            native = None
            if code in NATIVE:
                native = f"{NATIVE[code][idx % len(NATIVE[code])]} ({year})"
            st[1] = rng.randint(5, 60)
            st[2] = f"{slug}-act-{year}"
            st[3] = (f"{topic} Act {year}", f"{topic} Act", native, f"Act No. {rng.randint(1000, 29999)} of {year}")
            st[4] = rng.randint(1, 300)
            st[5] = 0
        art = st[4] + st[5]
        sub = rng.randint(1, 4)
        st[5] += 1
        st[1] -= 1
        jur = code.lower()
        rid = f"{jur}/{st[2]}/{art}-{sub}"
        same = offence_ids[code]
        related = []
        if same and rng.random() < 0.6:
            related = rng.sample(same[-20:], min(len(same[-20:]), rng.randint(1, 3)))
            related = [r for r in related if r.split("/")[1] == st[2]] or related[:1]
        write(f"statutes/{rid}.yaml", offence_text(rng, rid, code, st[3], f"{art}({sub})", related))
        same.append(rid)
        all_offences.append(rid)

    case_ids: list[str] = []
    counters: dict[str, int] = {c: 0 for c in CODES}
    for _ in range(n_cases):
        code = rng.choices(CODES, WEIGHTS)[0]
        pool = offence_ids[code] or all_offences
        if not pool:
            break
        counters[code] += 1
        sur, given = rng.choice(SURNAMES), rng.choice(GIVEN)
        name = f"{given.replace('-', ' ').title().replace(' ', '-')} {sur.title()}"
        rid = f"{code.lower()}/{sur}-{given}-{counters[code]:05d}"
        cited = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
        write(f"cases/{rid}.yaml", case_text(rng, rid, code, name, cited))
        case_ids.append(rid)

    known: dict[str, str] = {}
    if all_offences:
        known["offence-first"] = all_offences[0]
        known["offence-middle"] = all_offences[len(all_offences) // 2]
        known["offence-last"] = all_offences[-1]
    if case_ids:
        known["case-first"] = case_ids[0]
        known["case-last"] = case_ids[-1]
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "ids.txt"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("".join(f"{k} {v}\n" for k, v in known.items()))
    return known


def read_ids(pack: str) -> dict[str, str]:
    """The known ids a pack's ids.txt lists (label -> id)."""
    out: dict[str, str] = {}
    with open(os.path.join(pack, "ids.txt"), encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                label, rid = line.split()
                out[label] = rid
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit() or int(argv[0]) < 1:
        sys.stderr.write("usage: python benchmarks/generate.py N OUTDIR  (N >= 1 records)\n")
        return 2
    n, outdir = int(argv[0]), argv[1]
    if os.path.isdir(os.path.join(outdir, "statutes")) or os.path.isdir(os.path.join(outdir, "cases")):
        sys.stderr.write(f"generate: {outdir} already holds a pack; choose an empty directory\n")
        return 2
    import time

    t0 = time.perf_counter()
    generate(n, outdir)
    sys.stdout.write(f"wrote {n} records to {outdir} in {time.perf_counter() - t0:.1f}s\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
