"""Names, adjectives and demonyms of jurisdictions, as claims and queries write them.

Shared by claim parsing (:mod:`lawref.claims`) and search (a place named in a query acts as
a jurisdiction filter). Plain data: importing it costs nothing.
"""

from __future__ import annotations

import re

# Names, adjectives and demonyms of the places legal claims name most. Any other country is
# found by its ISO name (pycountry); `weak` entries count only when nothing else is named.
PLACE_TABLE: list[tuple[str, str, bool]] = [
    ("South Korea", "KR", False), ("Republic of Korea", "KR", False), ("South Korean", "KR", False), ("South Koreans", "KR", False),
    ("North Korea", "KP", False), ("North Korean", "KP", False), ("North Koreans", "KP", False),
    ("Korea", "KR", False), ("Korean", "KR", False), ("Koreans", "KR", False), ("ROK", "KR", False),
    ("France", "FR", False), ("French", "FR", False),
    ("United Kingdom", "GB", False), ("UK", "GB", False), ("U.K.", "GB", False), ("Great Britain", "GB", False), ("Britain", "GB", False),
    ("British", "GB", False), ("Britons", "GB", False),
    ("England and Wales", "GB-EAW", False), ("English and Welsh", "GB-EAW", False), ("England", "GB-EAW", False), ("Wales", "GB-EAW", False),
    ("English law", "GB-EAW", False), ("English courts", "GB-EAW", False), ("Welsh", "GB-EAW", False),
    ("Scotland", "GB-SCT", False), ("Scottish", "GB-SCT", False), ("Northern Ireland", "GB-NIR", False), ("Northern Irish", "GB-NIR", False),
    ("United States of America", "US", False), ("United States", "US", False), ("U.S.A.", "US", False), ("USA", "US", False),
    ("U.S.", "US", False), ("US", "US", False), ("America", "US", False), ("American", "US", False), ("Americans", "US", False),
    ("federal", "US", True), ("Federal", "US", True),
    ("Australia", "AU", False), ("Australian", "AU", False), ("Australians", "AU", False),
    ("European Union", "EU", False), ("EU", "EU", False), ("E.U.", "EU", False), ("European", "EU", True),
    ("Germany", "DE", False), ("German", "DE", False), ("Japan", "JP", False), ("Japanese", "JP", False), ("China", "CN", False),
    ("Chinese", "CN", False), ("India", "IN", False), ("Indian", "IN", False), ("Canada", "CA", False), ("Canadian", "CA", False),
    ("Italy", "IT", False), ("Italian", "IT", False), ("Spain", "ES", False), ("Spanish", "ES", False), ("Ireland", "IE", False),
    ("Irish", "IE", False), ("Netherlands", "NL", False), ("Dutch", "NL", False), ("Belgium", "BE", False), ("Belgian", "BE", False),
    ("Switzerland", "CH", False), ("Swiss", "CH", False), ("Sweden", "SE", False), ("Swedish", "SE", False), ("Norway", "NO", False),
    ("Norwegian", "NO", False), ("Denmark", "DK", False), ("Danish", "DK", False), ("Finland", "FI", False), ("Finnish", "FI", False),
    ("Poland", "PL", False), ("Polish", "PL", False), ("Russia", "RU", False), ("Russian", "RU", False), ("Ukraine", "UA", False),
    ("Ukrainian", "UA", False), ("Brazil", "BR", False), ("Brazilian", "BR", False), ("Mexico", "MX", False), ("Mexican", "MX", False),
    ("New Zealand", "NZ", False), ("Singapore", "SG", False), ("Singaporean", "SG", False), ("Taiwan", "TW", False), ("Taiwanese", "TW", False),
    ("Thailand", "TH", False), ("Thai", "TH", False), ("Vietnam", "VN", False), ("Vietnamese", "VN", False), ("Philippines", "PH", False),
    ("Filipino", "PH", False), ("Indonesia", "ID", False), ("Indonesian", "ID", False), ("Malaysia", "MY", False), ("Malaysian", "MY", False),
    ("Turkey", "TR", False), ("Turkish", "TR", False), ("Israel", "IL", False), ("Israeli", "IL", False), ("Egypt", "EG", False),
    ("Egyptian", "EG", False), ("South Africa", "ZA", False), ("South African", "ZA", False), ("Nigeria", "NG", False), ("Nigerian", "NG", False),
    ("Kenya", "KE", False), ("Kenyan", "KE", False), ("Argentina", "AR", False), ("Argentine", "AR", False), ("Argentinian", "AR", False),
    ("Chile", "CL", False), ("Chilean", "CL", False), ("Austria", "AT", False), ("Austrian", "AT", False), ("Portugal", "PT", False),
    ("Portuguese", "PT", False), ("Greece", "GR", False), ("Greek", "GR", False), ("Czech Republic", "CZ", False), ("Czech", "CZ", False),
    ("Hungary", "HU", False), ("Hungarian", "HU", False), ("Romania", "RO", False), ("Romanian", "RO", False), ("Pakistan", "PK", False),
    ("Pakistani", "PK", False), ("Bangladesh", "BD", False), ("Iran", "IR", False), ("Iranian", "IR", False), ("Saudi Arabia", "SA", False),
    ("Saudi", "SA", False), ("United Arab Emirates", "AE", False), ("UAE", "AE", False), ("Emirati", "AE", False),
    # French names, as French-language claims write them ("En Corée du Sud", "Au Royaume-Uni").
    ("Corée du Sud", "KR", False), ("Corée", "KR", False), ("Corée du Nord", "KP", False), ("Royaume-Uni", "GB", False),
    ("Grande-Bretagne", "GB", False), ("Angleterre", "GB-EAW", False), ("Écosse", "GB-SCT", False), ("États-Unis", "US", False),
    ("Etats-Unis", "US", False), ("Australie", "AU", False), ("Union européenne", "EU", False), ("Allemagne", "DE", False),
    ("Japon", "JP", False), ("Chine", "CN", False), ("Espagne", "ES", False), ("Italie", "IT", False), ("Belgique", "BE", False),
    ("Suisse", "CH", False), ("Pays-Bas", "NL", False), ("Irlande", "IE", False),
    # Cities of countries with one criminal law for the whole country (or nation): weak, so a
    # country named in the same sentence wins. Not for federations, where a city does not say
    # whether state or federal law is meant.
    ("Seoul", "KR", True), ("Busan", "KR", True), ("Incheon", "KR", True), ("Daegu", "KR", True), ("Gwangju", "KR", True),
    ("Paris", "FR", True), ("Lyon", "FR", True), ("Marseille", "FR", True), ("Toulouse", "FR", True), ("Lille", "FR", True),
    ("London", "GB-EAW", True), ("Manchester", "GB-EAW", True), ("Birmingham", "GB-EAW", True), ("Liverpool", "GB-EAW", True),
    ("Leeds", "GB-EAW", True), ("Bristol", "GB-EAW", True), ("Cardiff", "GB-EAW", True), ("Edinburgh", "GB-SCT", True),
    ("Glasgow", "GB-SCT", True), ("Belfast", "GB-NIR", True), ("Tokyo", "JP", True), ("Osaka", "JP", True),
    # Cities of federations name their state (whose own law lawref may not hold; the federal law
    # that applies there is checked, and a mismatch is unverifiable).
    ("Sydney", "AU-NSW", True), ("Melbourne", "AU-VIC", True), ("Brisbane", "AU-QLD", True), ("Perth", "AU-WA", True),
    ("Adelaide", "AU-SA", True), ("Hobart", "AU-TAS", True), ("Darwin", "AU-NT", True), ("Canberra", "AU-ACT", True),
    ("Los Angeles", "US-CA", True), ("San Francisco", "US-CA", True), ("Chicago", "US-IL", True), ("Houston", "US-TX", True),
    # Statute names that say whose law: "the Commonwealth Criminal Code", "(Cth)".
    ("Commonwealth Criminal Code", "AU", False), ("Commonwealth law", "AU", False), ("Cth", "AU", False),
]


# States, provinces and territories of the federations, whose own criminal law sits beside
# the federal one (ISO 3166-2 names as pycountry has them; tests/test_places.py keeps this
# copy equal to pycountry's, which costs ~65 ms to load: too slow for every search).
FEDERATIONS = ("US", "AU", "CA")
SUBDIVISIONS: tuple[tuple[str, str], ...] = (
    ("Alaska", "US-AK"), ("Alabama", "US-AL"), ("Arkansas", "US-AR"), ("American Samoa", "US-AS"), ("Arizona", "US-AZ"),
    ("California", "US-CA"), ("Colorado", "US-CO"), ("Connecticut", "US-CT"), ("District of Columbia", "US-DC"),
    ("Delaware", "US-DE"), ("Florida", "US-FL"), ("Georgia", "US-GA"), ("Guam", "US-GU"), ("Hawaii", "US-HI"), ("Iowa", "US-IA"),
    ("Idaho", "US-ID"), ("Illinois", "US-IL"), ("Indiana", "US-IN"), ("Kansas", "US-KS"), ("Kentucky", "US-KY"),
    ("Louisiana", "US-LA"), ("Massachusetts", "US-MA"), ("Maryland", "US-MD"), ("Maine", "US-ME"), ("Michigan", "US-MI"),
    ("Minnesota", "US-MN"), ("Missouri", "US-MO"), ("Northern Mariana Islands", "US-MP"), ("Mississippi", "US-MS"),
    ("Montana", "US-MT"), ("North Carolina", "US-NC"), ("North Dakota", "US-ND"), ("Nebraska", "US-NE"),
    ("New Hampshire", "US-NH"), ("New Jersey", "US-NJ"), ("New Mexico", "US-NM"), ("Nevada", "US-NV"), ("New York", "US-NY"),
    ("Ohio", "US-OH"), ("Oklahoma", "US-OK"), ("Oregon", "US-OR"), ("Pennsylvania", "US-PA"), ("Puerto Rico", "US-PR"),
    ("Rhode Island", "US-RI"), ("South Carolina", "US-SC"), ("South Dakota", "US-SD"), ("Tennessee", "US-TN"),
    ("Texas", "US-TX"), ("United States Minor Outlying Islands", "US-UM"), ("Utah", "US-UT"), ("Virginia", "US-VA"),
    ("Vermont", "US-VT"), ("Washington", "US-WA"), ("Wisconsin", "US-WI"), ("West Virginia", "US-WV"), ("Wyoming", "US-WY"),
    ("Australian Capital Territory", "AU-ACT"), ("New South Wales", "AU-NSW"), ("Northern Territory", "AU-NT"),
    ("Queensland", "AU-QLD"), ("South Australia", "AU-SA"), ("Tasmania", "AU-TAS"), ("Victoria", "AU-VIC"),
    ("Western Australia", "AU-WA"), ("Alberta", "CA-AB"), ("British Columbia", "CA-BC"), ("Manitoba", "CA-MB"),
    ("New Brunswick", "CA-NB"), ("Newfoundland and Labrador", "CA-NL"), ("Nova Scotia", "CA-NS"),
    ("Northwest Territories", "CA-NT"), ("Nunavut", "CA-NU"), ("Ontario", "CA-ON"), ("Prince Edward Island", "CA-PE"),
    ("Quebec", "CA-QC"), ("Saskatchewan", "CA-SK"), ("Yukon", "CA-YT"),
)  # fmt: skip
# Subdivision names that are more often something else in news text or queries (a person, the
# US capital, a country).
AMBIGUOUS_SUBDIVISIONS = frozenset({"Washington", "Victoria", "Georgia", "District of Columbia"})


# Country names as Korean and French queries write them (read from queries and -j only).
NATIVE_PLACES: tuple[tuple[str, str], ...] = (
    ("한국", "KR"), ("대한민국", "KR"), ("남한", "KR"), ("북한", "KP"), ("미국", "US"), ("프랑스", "FR"), ("영국", "GB"),
    ("호주", "AU"), ("유럽연합", "EU"), ("독일", "DE"), ("일본", "JP"), ("중국", "CN"), ("캐나다", "CA"),
    ("corée du sud", "KR"), ("corée", "KR"), ("coree du sud", "KR"), ("coree", "KR"), ("royaume-uni", "GB"), ("royaume uni", "GB"),
    ("angleterre", "GB-EAW"), ("angleterre et pays de galles", "GB-EAW"), ("états-unis", "US"), ("etats-unis", "US"),
    ("états unis", "US"), ("etats unis", "US"), ("australie", "AU"), ("union européenne", "EU"), ("union europeenne", "EU"),
    ("allemagne", "DE"), ("japon", "JP"), ("chine", "CN"), ("espagne", "ES"), ("italie", "IT"), ("belgique", "BE"), ("suisse", "CH"),
)  # fmt: skip
# ISO 3166-2 codes of the parts of a jurisdiction lawref holds as one.
CODE_ALIASES = {"GB-ENG": "GB-EAW", "GB-WLS": "GB-EAW"}
_QUERY_TABLE: dict[str, str] = {}


def _query_table() -> dict[str, str]:
    """Place name (lower case; "US" as written) -> code, for names read from queries."""
    if not _QUERY_TABLE:
        for name, code, weak in PLACE_TABLE:
            if not weak:
                _QUERY_TABLE.setdefault(name if name == "US" else name.lower(), code)
        for name, code in SUBDIVISIONS:
            if name not in AMBIGUOUS_SUBDIVISIONS:
                _QUERY_TABLE.setdefault(name.lower(), code)
        for name, code in NATIVE_PLACES:
            _QUERY_TABLE.setdefault(name, code)
    return _QUERY_TABLE


def place_code(value: str) -> str:
    """A jurisdiction as given to -j: a code (any case) or a place name a query may use
    ("uk" -> GB, "South Korea" -> KR, "new south wales" -> AU-NSW); upper-cased otherwise."""
    v = " ".join(value.split())
    table = _query_table()
    code = table.get(v.lower()) or table.get(v.upper() if v.lower() == "us" else v) or v.upper()
    return CODE_ALIASES.get(code, code)


def option_codes(values) -> frozenset[str] | None:
    """The jurisdiction codes -j values give (each a code or place, comma-separated; "=KR" as
    click reads `-j=KR`), None for none. Raises UsageError for an empty value: a script's
    unset variable must not widen the answer to every jurisdiction."""
    out: set[str] = set()
    for v in values or ():
        parts = [x for x in v.lstrip("=").split(",") if x.strip()]
        if not parts:
            from .errors import UsageError

            raise UsageError("--jurisdiction: empty; give a code such as KR or a place such as France (see `lawref jurisdictions`)")
        out.update(place_code(x) for x in parts)
    return frozenset(out) or None


def query_places(words: list[str]) -> list[tuple[int, int, str, str]]:
    """Places named in a search query's words: (start, end, code, name), longest first, not
    overlapping. Case-insensitive, except "US" (not the pronoun) and weak entries (cities,
    "federal"), which are not read from queries."""
    table = _query_table()
    longest = max(k.count(" ") for k in table) + 1
    out: list[tuple[int, int, str, str]] = []
    i = 0
    while i < len(words):
        for n in range(longest, 0, -1):
            if i + n > len(words):
                continue
            phrase = " ".join(words[i : i + n])
            key = phrase if phrase == "US" else phrase.lower()
            if key in table and not (i and _PART_OF_LONGER.match(words[i - 1])):
                out.append((i, i + n, table[key], phrase))
                i += n
                break
        else:
            i += 1
    return out


# "New South Wales", "New Mexico", "West Virginia": a place word after one of these is part of
# another place's name (one lawref has no records for), not the place itself.
_PART_OF_LONGER = re.compile(r"^(?:new|south|north|west|east)$", re.I)
# Words that only tie a place to the query ("deepfake law in France"): dropped with it.
FILLER_BEFORE = frozenset({"in", "of", "under", "the", "for", "law", "laws", "legislation"})
FILLER_AFTER = frozenset({"law", "laws", "legislation", "statute", "statutes"})
