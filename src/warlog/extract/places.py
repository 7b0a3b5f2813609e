"""Toponyms: found with spaCy's entities and the gazetteer, resolved with the document's
context, and the event's own location chosen among the places a report names.

Finding (``find_places``): the gazetteer's longest matches, spaCy's GPE/LOC/FAC entities
(resolved through the gazetteer; one it cannot resolve is kept as a name without a
point), demonyms ("Russian": Russia; "Ohioans": Ohio), short forms ("U.S.", "W.Va.",
"EU"), and a county's name alone where the report names the county in full. Where spaCy
read the text, a one-word gazetteer match it did not call a place needs other evidence:
a word before it that introduces a place, a ", State" after it, or a big population; one
inside a person's name is none. Where spaCy did not read (Arabic, and outside the event
sentences in the pipeline), the gazetteer's own rules decide. A toponym in an actor's
name, in a copied post's comments or in a news page's list of other headlines locates
nothing (a "mention").

Resolving (``resolve``): a prior from population and kind of place (a small town named
like a country, region or state is set aside), then the document's context: its
countries and first-level regions, a "Town, State" qualifier, and nearness to the other
places it names.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from warlog.extract.actors import GenericState
from warlog.extract.context import DocContext, Match
from warlog.extract.lang import ar, en
from warlog.extract.lang.ar_normalise import HASHTAG_JOIN
from warlog.extract.names import AR_PREFIX, scan_names
from warlog.extract.ner import TOPONYM_LABELS, Entities, Entity
from warlog.gazetteer import FOCUS_COUNTRIES, Gazetteer, Place, key_variants, name_key
from warlog.model import PlaceRef

_ADMIN_AFTER = re.compile(r"^\s*(province|governorate|region)\b|^\s*(محافظه|ريف)", re.I)
# What may stand right before an Arabic place name and after it: a hashtag's mark or an
# opening quote ("قرب #كنصفرة", 'بلدة "كنصفرة"', "من أبناء بلدة ”كنصفرة”"); a closing quote.
_AR_OPEN = r"[#\"“”«']?"
_AR_CLOSE = r"[\"“”»']?"
# A direction before a governorate's name in Arabic ("شمال إدلب", "جنوب غربي حلب", "شرق دير
# الزور") points into the governorate (its countryside), not at its capital city.
_AR_WAY_BEFORE = r"(?<!\S)[وب]?(?:ال)?(شمال|جنوب|شرق|غرب)(?:ي|يه)?(?:\s+(?:ال)?(شرق|غرب)(?:ي|يه)?)?"
_ADMIN_BEFORE = re.compile(rf"(محافظه|ريفي?)\s*{_AR_OPEN}$|\b(province of|governorate of)\s+$"
                           rf"|{_AR_WAY_BEFORE}\s+{_AR_OPEN}$", re.I)
# (Not "منطقة": in Syrian reports "منطقة عفرين" is the district around the town of Afrin,
# whose point is the town's; measured on airwars-syria's development half.)
_DISTRICT_BEFORE = re.compile(
    r"(\bdistrict of|\bneighbou?rhood of|\bquarter of|حي)\s*(?:the\s+)?$", re.I)
_DISTRICT_AFTER = re.compile(r"^\s+(district|neighbou?rhood|quarter)\s+of\b", re.I)
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z' .\-]{2,40}(?:,\s*[A-Z][\w ]{2,30})?\s*(?:\([^)]{0,60}\))?\s*[—–-]{1,2}\s")
_NEAR_AR = re.compile(
    rf"(ريف|قرب|بالقرب من|محيط|اطراف|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي)\s*{_AR_OPEN}$")


class Candidates(list):
    """A toponym's candidate places. ``mention`` marks a toponym that names a place without
    locating anything in the report: a demonym ("Russian troops"), or a place inside an
    actor's name ("Deir ez-Zor Military Council"). It is a toponym all the same (the
    geoparser reports it, and it tells the document's country), but an event's location
    never comes from it. No candidates: a name spaCy called a place that the gazetteer
    does not know."""

    def __init__(self, places=(), mention: bool = False):
        super().__init__(places)
        self.mention = mention
        self.county = ""  # a county's name alone: the full name's key (_county_short_names)

    def as_mention(self) -> Candidates:
        """The same candidates, locating nothing (the county they stand for kept)."""
        cands = Candidates(self, mention=True)
        cands.county = self.county
        return cands


def _starts_name(word: str) -> bool:
    if "\u0600" <= word[0] <= "\u06ff":
        return len(word) >= 3 or word in ar.SHORT_NAME_WORDS
    if word.isupper() and len(word) <= 4:  # acronyms (SDF, YPG, UN) are not places
        return False
    # NOT_PLACES words may start a longer name ("New York", "North Carolina"); alone they
    # are dropped in find_places
    return word[0].isupper()


# Tanween, the ending of an indefinite noun: a place's name does not take it.
_TANWEEN = re.compile("[\u064b-\u064d]")


def find_places(ctx: DocContext) -> list[Match]:
    """Every toponym in the text, with its candidate places (see the module's doc)."""
    ents = ctx.entities if ctx.lang is en else Entities()
    found: list[Match] = []
    weak: list[Match] = []  # taken only if the rest of the document vouches for them
    for m in gazetteer_matches(ctx):
        if " " not in m.text and m.text.lower().rstrip(".") in en.NOT_PLACES:
            continue
        bare = AR_PREFIX.sub("", m.text)
        # "للتحالف" is "ل" + "التحالف", matched without its article ("لتحالف")
        if bare in ar.NOT_PLACES or m.text in ar.NOT_PLACES or "ال" + bare in ar.NOT_PLACES:
            continue
        if _AR_NAME_OF_GROUP.search(ctx.norm[max(0, m.start - 12):m.start]):
            continue
        if _TANWEEN.search(ctx.doc.text, *ctx.stored_range(m.start, m.end)):
            continue  # an indefinite noun ("كنت درعًا يحميني": a shield), never a place's name
        verdict: bool | None = True
        glued = False
        if ents.covers(m.start, m.end):
            verdict = _evidence(ctx, ents, m)
            if verdict is False:
                continue
            glued = bool(verdict) and _hometown(ctx, m)
        elif not _plausible(ctx, m):
            continue
        elif _hometown(ctx, m):
            verdict, glued = True, True
        elif _glued(ctx, m):  # see _POSSESSIVE: vouched for, and locating nothing
            verdict, glued = None, True
        m = _villages_with_cue(ctx, m)
        if m is not None:
            (found if verdict else weak).append(
                Match(m.start, m.end, m.text, Candidates(m.value, mention=glued)))
    found += _short_forms(ctx, ents)
    _county_lists(ctx, found)
    found += _demonyms(ctx, ents)
    found += _entity_toponyms(ctx, ents, found)
    found += _vouched(ctx, found, weak)
    # a place inside an actor's name is the actor's ("Deir ez-Zor Military Council"), and
    # a capital that speaks is its government ("Damascus denies"): toponyms all the same,
    # but they locate nothing
    taken = [(a.start, a.end) for a in ctx.actors if not isinstance(a.value, GenericState)]
    taken += ctx.other_stories
    out = []
    kept = _county_short_names(ctx, _without_overlaps(found))
    # "the Safi family home", "the Salama and Eid families": people, and the same name
    # elsewhere in the report is theirs too; but a town's families, with no "the", are
    # its people ("Sinjar families abducted", "Fallujah families fled")
    families = {name_key(m.text) for m in kept if _FAMILY_AFTER.match(ctx.norm, m.end)
                and ctx.norm[max(0, m.start - 4):m.start].lower() == "the "}
    for m in kept:
        if families and name_key(m.text) in families:
            continue
        if _DISEASE_AFTER.match(ctx.norm, m.end) and not any(
                p.feature == "country" for p in m.value):  # type: ignore[attr-defined]
            continue
        if any(s <= m.start < e for s, e in taken) or _SPEAKS.match(ctx.norm[m.end : m.end + 30]) \
                or _PAPER_AFTER.match(ctx.norm, m.end):
            m = Match(m.start, m.end, m.text, m.value.as_mention())  # type: ignore[attr-defined]
        out.append(m)
    return _without_comments(ctx, out)


# A copied Facebook post ends with its reactions line ("All reactions:", "كل التفاعلات"),
# and its readers' comments follow: where the post names a place, a place a commenter
# names ("Slleman Alnasrالزرقاء") locates nothing; where it names none, the comments (its
# author's "في عين ترما بريف دمشق" among them) are all there is (airwars-syria development
# half, loc_25km in sources: +1 -1 with comments never locating, +1 so).
def _without_comments(ctx: DocContext, found: list[Match]) -> list[Match]:
    """The toponyms, those of a post's comments made mentions where the post names one."""
    comments = ctx.comments_start
    if not any(m.start < comments and m.value and not m.value.mention  # type: ignore[attr-defined]
               for m in found):
        return found
    return [Match(m.start, m.end, m.text, m.value.as_mention())  # type: ignore[attr-defined]
            if m.start >= comments else m for m in found]


# A virus or fever named after a place ("West Nile virus", "Reston ebolavirus", "Marburg
# haemorrhagic fever") names no place: GeoVirus' development half marks none of its 36 so
# followed. (Not "disease" or "flu": "in Gaza disease spreads", "the United States flu
# season"; and not a country's name.)
_DISEASE_AFTER = re.compile(r"[\s-]+(?:virus|viruses|ebolavirus|fever|h(?:a)?emorrhagic"
                            r"|encephalitis)\b", re.I)


# A name before "family" or "clan" is a family's ("the Safi family home", "the Salem and
# Eid families"; airwars-gaza development half, loc_25km: 0.825 with the rule applied
# before the word only, 0.844 with it applied to the name throughout the report)
_FAMILY_AFTER = re.compile(r"(?:['’]s)?(?:\s+and\s+(?:the\s+)?[A-Z][\w'’\-]*)?"
                           r"\s+(?:family|families|clan|tribe)\b", re.I)


# A newspaper named after its town ("the Washington Post", "Los Angeles Times"): a
# toponym all the same, but it locates nothing the report tells of.
_PAPER_AFTER = re.compile(
    r"(?:\s+(?:Daily|Evening|Morning|Free))?\s+(?:Post|Times|Herald|Tribune|Journal|Gazette"
    r"|Chronicle|Courier|Examiner|Globe|Observer|Sentinel|Inquirer|Dispatch|Enquirer"
    r"|Star-Tribune|Press|Daily|News)\b(?!\s+(?:of|in|at)\b)")


# Names of groups and media that hold a place's name: "الخوذ البيضاء" (the White
# Helmets, Syria's civil defence) is no town of Al-Bayda; "قناة حلب اليوم" is a channel.
_AR_NAME_OF_GROUP = re.compile(
    r"(?<![^\s#])(?:ال?خوذ|قناه|تلفزيون|اذاعه|راديو|صحيفه|مراسل)[\s_]+[\"“«]?$")


_SPEAKS = re.compile(
    rf"^(?:['’]s\s+\w+)?\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:{en.SAY_VERBS}|says|denie[sd]|deny"
    r"|accuse[sd]?|blame[sd]?|insists|warns|claims|announces|rejecte?d?s?|condemn(?:s|ed)"
    r"|responded|retaliated|demands?|demanded|considers|considered|regards)\b")


def gazetteer_matches(ctx: DocContext) -> list[Match]:
    """The gazetteer's longest matches in the text, before any evidence is weighed
    (computed once: NER's scope is read from them too)."""
    if "_gazetteer_matches" not in ctx.__dict__:
        gaz = ctx.gazetteer

        def starts(word: str) -> bool:
            return _starts_name(word) and (word[0] >= "\u0600" or gaz.may_start_name(word))

        ctx.__dict__["_gazetteer_matches"] = scan_names(
            _scan_text(ctx.norm), gaz.lookup, max_tokens=5, starts_name=starts)
    return ctx.__dict__["_gazetteer_matches"]


# A possessive ("Gainesville's budget"), a hyphen between names ("Fargo-Moorhead", "Rep.
# Smith, D-Charleston") and a word glued after a name ("Northbrook-based") make one token
# that no name matches: the scan reads them as spaces (same length, so offsets hold).
# A name found so is "glued": where NER did not read, it needs the document to vouch for
# it, and locates no event (a mention), as a person's name takes a possessive as readily
# ("Ola's brother"): measured on airwars-gaza, where such names outvoted the camp's.
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['’]s\b")
_GLUED = re.compile(r"\b(?:[RDI]|DFL|[A-Z][a-z]{4,})-(?=[A-Z][a-z])"
                    r"|[a-z]{4}-(?=(?:based|area|born|native)\b)")


# An Arabic hashtag joins a name's words with "_" ("#تل_ابيض"), and may stand inside a
# name ("بريف #دمشق" is the governorate Rif Dimashq): both read as spaces.
_HASHTAG_JOIN = re.compile(rf"{HASHTAG_JOIN.pattern}|#(?=[\u0621-\u064a])")


def _scan_text(text: str) -> str:
    text = _HASHTAG_JOIN.sub(" ", text) if "_" in text or "#" in text else text
    return _GLUED.sub(lambda m: m.group().replace("-", " "), _POSSESSIVE.sub("  ", text))


def _glued(ctx: DocContext, m: Match) -> bool:
    """Whether a gazetteer match ends at a possessive or touches a hyphen read as a space."""
    norm = ctx.norm
    return (norm[m.end : m.end + 1] in ("'", "’") and norm[m.end + 1 : m.end + 2] == "s"
            or norm[m.end : m.end + 1] == "-" or norm[m.start - 1 : m.start] == "-")


def doubtful(ctx: DocContext, m: Match) -> bool:
    """Whether a gazetteer match needs NER to tell: one word in Latin script, naming no
    country or region and no city of POPULOUS people, with no word around it that makes
    it a place ("in Douma", "the town of X", "Springfield, Ill.")."""
    if " " in m.text or m.text[0] >= "\u0600" or any(
            p.feature in _BIG_FEATURES or p.population >= POPULOUS for p in m.value):  # type: ignore[attr-defined]
        return False
    return _cued(ctx, m, max(p.population for p in m.value)) is None  # type: ignore[attr-defined]


# A legislator's party and home town ("Sen. Tom Bakk, DFL-Cook,", "(R-Elbow Lake)"): the
# town is a place, and locates nothing the report tells of.
_PARTY_BEFORE = re.compile(r"(?:^|[\s(,;])(?:R|D|I|DFL)-$")
_PARTY_AFTER = re.compile(r"\s*[,;)]")
# "the 41-year-old Concord resident", "a Camarillo native": the town's people.
_PEOPLE_AFTER = re.compile(r"\s+(?:residents?|natives?)\b")


def _hometown(ctx: DocContext, m: Match) -> bool:
    return bool(_PARTY_BEFORE.search(ctx.norm[max(0, m.start - 5) : m.start])
                and _PARTY_AFTER.match(ctx.norm, m.end))


def _cued(ctx: DocContext, m: Match, population: int) -> bool | None:
    """What the words around a name say: True (a place), None (nothing sure)."""
    if _qualified(ctx, m.end) or _is_dateline(ctx, m) or _hometown(ctx, m):
        return True
    before = ctx.norm[max(0, m.start - 30) : m.start]
    if _VILLAGE_CUE_BEFORE.search(before) or _VILLAGE_CUE_AFTER.match(ctx.norm[m.end : m.end + 15]) \
            or _PEOPLE_AFTER.match(ctx.norm, m.end):
        return True  # "the town of Maarat al-Numaan"
    if _PLACE_CUE.search(before) or re.search(en.NEAR_WORDS, before, re.I):
        return population >= CUED_POPULATION or " " in m.text or None
    return None


def _without_overlaps(found: list[Match]) -> list[Match]:
    """Where toponyms overlap, the resolvable one wins, then the longer."""
    kept: list[Match] = []
    for m in sorted(found, key=lambda m: (not m.value, m.start - m.end, m.start)):
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


# Words before a name that introduce a place: prepositions, and the verbs of attacks
# whose object is a place ("shelled Douma").
_PLACE_CUE = re.compile(
    r"\b(?:in|near|at|from|outside|into|across|towards?|around|throughout|via|of|to"
    r"|shell(?:ed|ing)|bomb(?:ed|ing)|bombard(?:ed|ing)|pound(?:ed|ing)|raid(?:ed|ing)"
    r"|besieg(?:ed|ing)|captur(?:ed|ing)|seiz(?:ed|ing)|storm(?:ed|ing)|overr(?:an|un)"
    r"|recaptur(?:ed|ing)|retak(?:en|ing)|retook|enter(?:ed|ing)|fled|flee(?:ing)?)\s+"
    r"(?:the\s+|downtown\s+|nearby\s+|neighbou?ring\s+)?$", re.I)
# "Springfield, Ill." / "Paris, Texas": a town qualified by its state or country.
_QUALIFIER_GAP = re.compile(r"^\s*,\s*$|^\s*\(\s*$")
# A gazetteer match spaCy did not call a place is taken on its population: this many
# people anywhere, this many after a word that introduces a place, this many inside an
# organisation's name ("Gainesville Police"). Chosen on LGL's even-numbered articles
# (`warlog eval geoparsing`: precision and recall of each band), checked on GeoVirus.
POPULOUS = 1_000_000
CUED_POPULATION = 10_000
ORG_POPULATION = 100_000
_BIG_FEATURES = frozenset({"admin2", "admin1", "country", "continent", "region"})


def _evidence(ctx: DocContext, ents: Entities, m: Match) -> bool | None:
    """Whether a gazetteer match in text spaCy read is a place: True, False, or None when
    only the rest of the document can tell (see ``_vouched``)."""
    ent = ents.overlapping(m.start, m.end, TOPONYM_LABELS)
    if ent:
        # a town's name in a street's ("6016 Dublin Road") is not the town
        return not (ent.label == "FAC" and _inside(m, ent))
    person = ents.overlapping(m.start, m.end, {"PERSON"})
    if person and _strip_entity(person)[1] - _strip_entity(person)[0] > m.end - m.start and not any(
            p.feature == "admin2" for p in m.value):  # type: ignore[attr-defined]
        return False  # part of a person's name ("Paris Hilton"); a name alone may be a slip
    if _qualified(ctx, m.end) or _is_dateline(ctx, m):
        return True
    # only a place's own name counts here, not one of its many alternate names ("As part")
    own = _own_name(ctx, m)
    if not own:
        return False
    if any(p.feature in _BIG_FEATURES for p in own):
        return True
    population = max(p.population for p in own)
    if _cued(ctx, m, population):
        return True
    before = ctx.norm[max(0, m.start - 30) : m.start]
    if _PLACE_CUE.search(before) or re.search(en.NEAR_WORDS, before, re.I):
        return None  # cued, but too small a town to be sure
    if ents.overlapping(m.start, m.end, {"ORG"}):
        return population >= ORG_POPULATION or None
    return population >= POPULOUS or None


def _vouched(ctx: DocContext, found: list[Match], weak: list[Match]) -> list[Match]:
    """Weak matches the document vouches for: a name taken elsewhere in it (one sense per
    discourse: "in Gainesville" makes "Gainesville Police" a place), or a town by its own
    name in a state or province that the document's sure places lie in."""
    if not weak:
        return []
    known = {name_key(m.text) for m in found if m.value}
    regions: set[tuple[str, str]] = set()
    for m in found:
        areas = {(p.iso, p.admin1_code) for p in m.value if p.feature not in (  # type: ignore[attr-defined]
            "country", "continent", "region")}
        if len(areas) == 1:
            regions |= areas
    return [m for m in weak if name_key(m.text) in known or (VOUCH_BY_REGION and any(
        (p.iso, p.admin1_code) in regions for p in _own_name(ctx, m) if p.feature == "city"))]


VOUCH_BY_REGION = True


def _own_name(ctx: DocContext, m: Match) -> list[Place]:
    """The candidates whose own name (not an alternate) is the text; in the countries
    warlog is built for, every indexed spelling counts."""
    keys = set(key_variants(name_key(m.text)))
    return [p for p in m.value if p.feature != "city" or p.iso in FOCUS_COUNTRIES  # type: ignore[attr-defined]
            or keys & set(key_variants(name_key(p.name)))]


def _inside(m: Match, ent: Entity) -> bool:
    return ent.start <= m.start and m.end <= ent.end and (ent.end - ent.start) > (m.end - m.start)


_DASH_AFTER = re.compile(r"^(?:\s*,[^—–\n]{1,30})?\s*(?:\([^)\n]{0,40}\)\s*)?[—–-]{1,2}\s")


def _is_dateline(ctx: DocContext, m: Match) -> bool:
    """"FALLUJAH, Iraq —", "BYESVILLE —": a place at the head of a line, or in capitals
    before a dash."""
    after = ctx.norm[m.end : m.end + 40]
    if m.text.isupper() and _DASH_AFTER.match(after):
        return True
    line_start = ctx.norm.rfind("\n", 0, m.start) + 1
    return not ctx.norm[line_start : m.start].strip() and bool(re.match(r"^\s*(?:,|\(|[—–-])", after))


def _qualified(ctx: DocContext, end: int) -> bool:
    """Whether a state or country follows: "Springfield, Ill.", "Paris, Texas"."""
    after = ctx.norm[end : end + 30]
    gap = re.match(r"^\s*[,(]\s*", after)
    if not gap:
        return False
    rest = after[gap.end() :]
    word = re.match(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)?", rest)
    if not word:
        return False
    gaz = ctx.gazetteer
    for text in (word.group(), word.group().split()[0]):
        if text in gaz.abbreviations or any(
                p.feature in ("admin1", "country") for p in gaz.lookup(text.rstrip("."))):
            return True
    return False


_SHORT_FORMS: dict[int, re.Pattern] = {}


def _short_forms(ctx: DocContext, ents: Entities) -> list[Match]:
    """Short forms of countries and states: "U.S.", "UK", "W.Va."; a form that is also a
    word ("Ill.", "Miss.", "IN") only after "Town, " or where spaCy calls it a place."""
    gaz = ctx.gazetteer
    if ctx.lang is not en or not gaz.abbreviations:
        return []
    pattern = _SHORT_FORMS.get(id(gaz))
    if pattern is None:
        forms = sorted(gaz.abbreviations, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w$])")
        _SHORT_FORMS[id(gaz)] = pattern
    out = []
    for found in pattern.finditer(ctx.norm):
        form = found.group()
        place, postal = gaz.abbreviations[form]
        # a union of countries ("EU") is as sure a name as a country's, and, an institution
        # more often than a place, it locates no event
        union = place.feature == "region" and not place.iso
        if place.feature != "country" and not union and (postal or form.count(".") < 2):
            before = ctx.norm[max(0, found.start() - 40) : found.start()]
            town = re.search(r"[A-Za-z][\w.'’-]*\s*[,(]\s*$", before)
            agreed = ents.overlapping(found.start(), found.end(), TOPONYM_LABELS)
            if not town and not (agreed and not postal):
                continue
        if ents.overlapping(found.start(), found.end(), {"PERSON"}):
            continue
        out.append(Match(found.start(), found.end(), form, Candidates([place], mention=union)))
    return out


# Runs of capitalised words (joined by spaces or hyphens): a demonym is looked up among
# their words, not matched as one regular expression of its 1,000 forms (0.85 ms an LGL
# article of ~2,000 characters against 0.13 ms for this scan, 200 articles timed alike).
_CAPITAL_RUN = re.compile(r"(?<!\w)[A-Z][A-Za-z]*(?:[ -][A-Z][A-Za-z]*)*")
_RUN_WORD = re.compile(r"[A-Z][A-Za-z]*")
# A demonym after a hyphen names its country too ("the Arab-Israeli conflict", "inter-
# Palestinian talks", "Russian-American"), but not as an Arabic surname's nisba ("Abu
# Omar al-Iraqi"), and an ethnic compound ("African-Americans") names no place.
_NISBA_BEFORE = re.compile(r"(?:^|\W)(?:[Aa][lnrstdz]|[Aa]sh|[Ee]l)-$")
_ETHNIC_COMPOUND = re.compile(r"(?<![\w-])(?:African|Afro|Anglo|Asian|Native|Latin)-Americans?\b")


def _demonym_forms(gaz: Gazetteer) -> tuple[frozenset[str], int]:
    """The demonyms as written (title case, capitals) and the most words one has."""
    # kept on the gazetteer, and made again when its demonyms change
    size = (len(gaz.demonyms), len(gaz.area_demonyms))
    known = gaz.__dict__.get("_demonym_forms")
    if known is None or known[0] != size:
        names = [d for d in (*gaz.demonyms, *gaz.area_demonyms) if d.isascii()]
        forms = frozenset(f for d in names for f in (d.title(), d.upper()))
        known = gaz.__dict__["_demonym_forms"] = (
            size, forms, max((len(re.split(r"[ -]", f)) for f in forms), default=1))
    return known[1], known[2]


def _demonyms(ctx: DocContext, ents: Entities) -> list[Match]:
    """"Russian", "Palestinians", "American Electric Power": a country's people named in
    the text spaCy read (they are toponyms to a geoparser, and tell the country)."""
    gaz = ctx.gazetteer
    if not ents.scope or not gaz.demonyms:
        return []
    forms, most = _demonym_forms(gaz)
    norm = ctx.norm
    out = []
    ethnic = [m.span() for m in _ETHNIC_COMPOUND.finditer(norm)] if "-American" in norm else []
    for start, end in ents.scope:
        for run in _CAPITAL_RUN.finditer(norm, start, end):
            words = [w.span() for w in _RUN_WORD.finditer(norm, run.start(), run.end())]
            i = 0
            while i < len(words):
                for j in range(min(len(words), i + most), i, -1):
                    at, stop = words[i][0], words[j - 1][1]
                    text = norm[at:stop]
                    if text in forms and not (norm[stop : stop + 1].isalnum()
                                              or norm[stop : stop + 1] == "_"):
                        break
                else:
                    i += 1
                    continue
                i = j
                if norm[at - 1 : at] == "-" and _NISBA_BEFORE.search(norm[max(0, at - 5) : at]) \
                        or any(s <= at < e for s, e in ethnic):
                    continue
                place = gaz.demonym_place(text)
                if place:
                    out.append(Match(at, stop, text, Candidates([place], mention=True)))
    return out


def _strip_entity(ent: Entity) -> tuple[int, int, str]:
    """An entity without a leading "the" and a trailing possessive or full stop."""
    start, end, text = ent.start, ent.end, ent.text
    lead = re.match(r"(?i)the\s+", text)
    if lead:
        start, text = start + lead.end(), text[lead.end() :]
    tail = re.search(r"(?:['’]s?|\.)$", text)
    if tail and not re.search(r"\.[A-Za-z]+\.$|^[A-Z]\.$", text):  # keep "U.S.", "W.Va."
        end, text = end - len(tail.group()), text[: -len(tail.group())]
    return start, end, text


def _entity_toponyms(ctx: DocContext, ents: Entities, found: list[Match]) -> list[Match]:
    """spaCy's places that the gazetteer scan did not find whole, resolved through the
    gazetteer. One it cannot resolve is kept without candidates, in place of weak names
    found inside it ("Flat Creek" is not the town of Flat), unless a strong name is inside
    ("Lamar County Commissioners", "City of Norfolk", "Springfield, Ill."): that one stays."""
    gaz = ctx.gazetteer
    out = []
    for ent in ents.spans:
        if ent.label not in TOPONYM_LABELS:
            continue
        start, end, text = _strip_entity(ent)
        if not text or not text[0].isalpha() or text.lower() in en.NOT_PLACES:
            continue
        inner = [m for m in found if m.start < end and start < m.end]
        if any(m.start == start and m.end == end for m in inner):
            continue
        people = gaz.demonym_place(text)  # "Sri Lankan" tagged a place
        if text in gaz.abbreviations:
            cands = Candidates([gaz.abbreviations[text][0]])
        elif people is not None:
            cands = Candidates([people], mention=True)
        else:
            cands = Candidates(gaz.lookup(text))
        if not cands and " " in text:
            named = _named_after(ctx, start, text)
            if named is not None:
                for m in inner:
                    if start <= m.start and m.end <= end:
                        found.remove(m)
                out.append(named)
                continue
        if not cands and (" " not in text or any(_strong(ctx, m) for m in inner)):
            continue  # one unknown word spaCy calls a place is mostly a name ("Pawlenty")
        for m in inner:
            if start <= m.start and m.end <= end:
                found.remove(m)
        out.append(Match(start, end, text, cands))
    return out


# What a place lends its name to: "Cottonport Fire Station", "Henderson County Jail",
# "Otter Tail County Road 80", "Gainesville City Elections". The place is the toponym
# (LGL's gold marks it so), and it locates what happens there.
_NAMED_AFTER_HEAD = re.compile(
    r"^(?:Police|Sheriff|Sheriff['’]s|Fire|Road|Jail|Detention|Airport|International|Regional"
    r"|Metropolitan|High|Middle|Elementary|School|Schools|Hospital|Medical|Town|City|Village"
    r"|Hall|Recreation|Herald|Times|News|Post|Tribune|Gazette|Journal|Daily|Public|Department"
    r"|Council|Commission|Library|Courthouse|Court|Circuit|Chamber|Mall|Galleria|Center|Centre"
    r"|Church|University|College|Community|Board|Office|Station|Senior|Memorial|Adult|Museum"
    r"|Housing|Transit|Water|Art|Arts|Singers|Symphony|H\.S\.|Independent|Township|Area"
    r"|Correctional|Animal|Emergency|Health|Historical|Economic|Chamber|Visitors|Convention)$")
_DESIGNATED = re.compile(
    r"^(?:(?:Town|City|Village|Port|Borough|Township|State) of |(?:Metro|Greater|Downtown"
    r"|Southern|Northern|Eastern|Western|Central|Southeast|Southwest|Northeast|Northwest) )")


def _named_after(ctx: DocContext, start: int, text: str) -> Match | None:
    """The place inside an entity spaCy calls a place that the gazetteer does not know
    whole: "Town of Groton", "Metro Nashville", or the words before an institution's
    (see _NAMED_AFTER_HEAD)."""
    gaz = ctx.gazetteer
    designated = _DESIGNATED.match(text)
    if designated:
        rest = text[designated.end() :]
        places = gaz.lookup(rest)
        if designated.group().endswith("of "):
            places = [p for p in places if p.feature == "city"]
        else:  # "Southern California" is the state; "southern Gaza" is not Gaza City
            places = [p for p in places if p.feature in _BIG_FEATURES]
        if places:
            return Match(start + designated.end(), start + len(text), rest, Candidates(places))
    words = list(re.finditer(r"\S+", text))
    for k in range(len(words) - 1, 0, -1):
        if not _NAMED_AFTER_HEAD.match(words[k].group()):
            continue
        prefix = text[: words[k - 1].end()]
        places = gaz.lookup(prefix)
        if places and prefix.lower() not in en.NOT_PLACES:
            return Match(start, start + len(prefix), prefix, Candidates(places))
    return None


# "Clarke, Madison and Oconee counties": each name is a county (or parish), not the town
# of that name.
_NAME = r"[A-Z][a-z]+(?: [A-Z][a-z]+)?"
_COUNTY_LIST = re.compile(rf"\b{_NAME}(?:, {_NAME})*,? and {_NAME} (counties|parishes)\b")
_LISTED_NAME = re.compile(_NAME)


def _county_lists(ctx: DocContext, found: list[Match]) -> None:
    """Puts the counties of "A, B and C counties" in ``found``, in place of what the
    scan made of their names."""
    if ctx.lang is not en:
        return
    gaz = ctx.gazetteer
    for listed in _COUNTY_LIST.finditer(ctx.norm):
        kind = " County" if listed.group(1) == "counties" else " Parish"
        for name in _LISTED_NAME.finditer(ctx.norm, listed.start(), listed.start(1) - 1):
            counties = [p for p in gaz.lookup(name.group() + kind) if p.feature == "admin2"]
            if not counties:
                continue
            found[:] = [m for m in found if m.end <= name.start() or name.end() <= m.start]
            found.append(Match(name.start(), name.end(), name.group(), Candidates(counties)))


_COUNTY_WORD = re.compile(r" (County|Parish)$")


def _county_short_names(ctx: DocContext, kept: list[Match]) -> list[Match]:
    """A county the report names in full ("Kanawha County") is the county again where the
    report writes its name alone ("Kanawha Circuit Court", "D-Kanawha", "DuPage Sheriff"):
    one sense per discourse. The bare name's candidates are the counties of the full name,
    and the towns so named in the states of those counties (a county seat named like its
    county: either is near)."""
    if ctx.lang is not en:
        return kept
    counties: dict[str, tuple[str, list[Place]]] = {}  # "Kanawha": ("Kanawha County", ...)
    for m in kept:
        word = _COUNTY_WORD.search(m.text)
        if word and m.value and all(p.feature == "admin2" for p in m.value):  # type: ignore[attr-defined]
            counties.setdefault(m.text[: word.start()], (m.text, m.value))  # type: ignore[arg-type]
    if not counties:
        return kept
    gaz = ctx.gazetteer
    out = list(kept)
    for stem, (full, places) in counties.items():
        states = {(p.iso, p.admin1_code) for p in places}
        keys = set(key_variants(name_key(stem)))
        towns = [p for p in gaz.lookup(stem) if p.feature == "city"
                 and (p.iso, p.admin1_code) in states
                 and keys & set(key_variants(name_key(p.name)))]  # by its own name
        for form in {stem, stem.upper()}:
            for found in re.finditer(rf"(?<![\w.]){re.escape(form)}(?![\w]| (?:County|Parish)\b)",
                                     ctx.norm):
                start, end = found.span()
                same = [m for m in out if m.start == start and m.end == end]
                if any(m.start < end and start < m.end for m in out if m not in same):
                    continue  # inside a longer name ("Kanawha River")
                out = [m for m in out if m not in same]
                cands = Candidates([*places, *towns],
                                   mention=bool(same) and same[0].value.mention)  # type: ignore[attr-defined]
                cands.county = name_key(full)  # see _follow_counties
                out.append(Match(start, end, found.group(), cands))
    return sorted(out, key=lambda m: m.start)


def _strong(ctx: DocContext, m: Match) -> bool:
    """A name that is a place wherever it stands: several words, a region or country, or
    a town of CUED_POPULATION people by its own name."""
    own = _own_name(ctx, m)
    return bool(own) and (" " in m.text or any(p.feature in _BIG_FEATURES for p in own)
                          or max(p.population for p in own) >= CUED_POPULATION)


# Imported GeoNames dumps add every hamlet (population 0), and hamlets are named like
# common words ("Ash Sharqiyah" eastern, "At Tahrir" liberation). A hamlet is a
# candidate only when no populated place has the name and the text calls it a place.
_VILLAGE_CUE_BEFORE = re.compile(
    r"(\b(?:village|town|hamlet|city|neighbou?rhood|district|camp|settlement)s?\s+of\s+(?:the\s+)?"
    r"|(?:قريه|القريه|بلده|البلده|مدينه|حي|مخيم|ناحيه|مزرعه|قري|بلدات)\s+#?)$", re.I)
_VILLAGE_CUE_AFTER = re.compile(r"^\s+(village|town|hamlet|camp|neighbou?rhood|district)\b", re.I)


def _villages_with_cue(ctx: DocContext, m: Match) -> Match | None:
    cands: list[Place] = m.value  # type: ignore[assignment]
    populated = [p for p in cands if p.population > 0 or p.feature != "city"]
    if populated:
        return m if len(populated) == len(cands) else Match(m.start, m.end, m.text, populated)
    before = ctx.norm[max(0, m.start - 30) : m.start]
    after = ctx.norm[m.end : m.end + 15]
    cued = _VILLAGE_CUE_BEFORE.search(before) or _VILLAGE_CUE_AFTER.match(after)
    return m if cued else None


# A one-word Arabic name is often also a common word ("جديدة" new, "حرجة" critical):
# it counts as a place only after a word that introduces one, or if it names a city.
# A name in quotes is cued all the same ('بلدة "ذيبان"', '"ذيبان" شرقي').
_AR_PLACE_CUE = re.compile(rf"(?<!\S)(?:{ar.PLACE_CUE_BEFORE})\s+{_AR_OPEN}$")
_AR_PLACE_CUE_AFTER = re.compile(rf"^{_AR_CLOSE}\s+(?:{ar.PLACE_CUE_AFTER})(?!\S)")
_AR_CITY_POPULATION = 50_000
# "Brig. Gen. Murat Kaya": a first name, not the town of Murat.
_TITLE_BEFORE = re.compile(
    r"\b(Gen|Col|Brig|Maj|Capt|Lt|Sgt|Dr|Mr|Mrs|Ms|Sheikh|President|Minister|Prince|King"
    r"|Imam|Father|Judge|Commander|spokesman|spokeswoman)\.?\s+$")
_SURNAME_AFTER = re.compile(r"^\s(?:[A-Z][a-z]+|(?:al|el)-[A-Z][a-z]+)\b"
                            r"(?!\s+(?:province|governorate|district|city))")


def _plausible(ctx: DocContext, m: Match) -> bool:
    cands: list[Place] = m.value  # type: ignore[assignment]
    before = ctx.norm[max(0, m.start - 25) : m.start]
    if "\u0600" <= m.text[0] <= "\u06ff":
        if " " in m.text or AR_PREFIX.match(m.text) and AR_PREFIX.match(m.text).end():
            return True
        return before.endswith("#") or bool(_AR_PLACE_CUE.search(before)) or bool(
            _AR_PLACE_CUE_AFTER.match(ctx.norm[m.end:m.end + 12])) or max(
            p.population for p in cands) >= _AR_CITY_POPULATION
    if _TITLE_BEFORE.search(before):
        return False
    if ctx.lang is not en and " " not in m.text and (m.text.isupper() or not any(
            p.iso in FOCUS_COUNTRIES or p.feature in _BIG_FEATURES for p in cands)):
        # a Latin word in a page NER did not read (an Arabic post's "More", "Buy", "Nov
        # 28") names a town abroad only where a word makes it a place ("in Mobile"); one
        # in capitals is a menu or a brand there ("KURDÎ", "ENGLISH": Kafr al Kurdi)
        return bool(_cued(ctx, m, max(p.population for p in cands)))
    # "said Ahmed Khalil": a surname after a given name (a capitalised word that is no
    # place). In a page NER did not read (an Arabic post's comments: "1yKhaled Omar",
    # glued to the comment's stamp) the given name may be glued, and a village's too.
    english = ctx.lang is en
    given = re.search(r"\b([A-Z][a-z]+)\s+$" if english else r"([A-Z][a-z]+)\s+$", before)
    if given and " " not in m.text and given.group(1).lower() not in en.NOT_PLACES \
            and not (english and ctx.gazetteer.lookup(given.group(1))):
        return False
    return not (" " not in m.text and _SURNAME_AFTER.match(ctx.norm[m.end : m.end + 20]))


# Weights of the resolution score, added to a prior of log10(population): chosen on LGL's
# even-numbered articles (`warlog eval geoparsing`), checked on its odd ones and GeoVirus.
W_COUNTRY = 5.0  # the candidate lies in the document's country (times its share of votes)
W_ADMIN1 = 2.0  # ... in the document's first-level region (states, provinces; likewise)
W_NEAR = 2.0  # ... near the other places the document names: W_NEAR at 0 km, 0 at NEAR_KM
NEAR_KM = 300.0
W_ALTERNATE = 2.0  # the text is only an alternate name of the candidate ("Berea": Aleppo)
# A town named like a country ("Egypt, Arizona") needs this many people to be meant
# (LGL even-numbered articles: Egypt, Jordan, Lebanon; Lebanon, Pa. keeps its chance).
COUNTRY_NAMESAKE_POPULATION = 10_000
# A town named like a state or province ("Kansas", Ill.; "Ontario", Calif.) needs this
# many people to be meant unless a qualifier names its state ("Kansas, Ill."). LGL
# development half, acc_161: 0.809 -> 0.813 with the rule alone (Ontario, Kansas, Nevada);
# any floor from 172,000 to 289,000 sets aside Ontario, Calif. and keeps Victoria, B.C.,
# Quebec City and Washington, D.C. in the running.
ADMIN1_NAMESAKE_POPULATION = 200_000
_NEAR_CANDIDATES = 12  # only the best-scored candidates are measured against the others
# Priors of places with no population here: a county ranks with a town of 10,000, a
# region ("Middle East", "Darfur") above its namesake towns (LGL even-numbered articles).
_PRIOR = {"admin2": 4.0, "region": 8.0}


def _prior(place: Place, prefer_admin: bool) -> float:
    if place.feature in _PRIOR:
        return _PRIOR[place.feature]
    score = math.log10(place.population + 10)
    if place.feature == "country":
        score += 1
    elif place.feature == "admin1":
        score += 3 if prefer_admin else -0.5
    return score


def _within(place: Place, area: Place) -> bool:
    if area.feature == "country":
        return place.iso == area.iso
    return place.iso == area.iso and place.admin1_code == area.admin1_code


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


class _Votes:
    """The document's votes for countries (or regions), kept by the name that cast them:
    a name's own votes are left out when that name is resolved, so that "Paris" does not
    talk itself into France."""

    def __init__(self) -> None:
        self.by_name: dict[str, Counter] = {}
        self._shares: dict[str, dict] = {}

    def add(self, name: str, key: object, n: float) -> None:
        self.by_name.setdefault(name, Counter())[key] += n

    def shares(self, leave_out: str) -> dict:
        """Each key's votes as a share of the leader's."""
        if leave_out not in self._shares:
            total: Counter = Counter()
            for name, votes in self.by_name.items():
                if name != leave_out:
                    total.update(votes)
            top = max(total.values(), default=0)
            self._shares[leave_out] = {k: n / top for k, n in total.items()} if top else {}
        return self._shares[leave_out]


_UNRESOLVED = "unresolved"
COUNTRY_SPLIT = 1.0
REGION_SPLIT = 1.0
# An Arabic report's armed group's vote for its home country, against a state's 1
# (airwars-syria development half: +2 sources in loc_25km, none lost)
GROUP_VOTE = 0.5
_STATE_VOTER = "\x00actors"  # the votes of state actors ("the Syrian army"), never left out


def resolve(ctx: DocContext) -> list[tuple[Match, Place]]:
    """One place per toponym. A toponym qualified by a state or country ("Paris, Texas")
    keeps to it. Otherwise each candidate scores its prior (population; a country above a
    namesake town) plus the document's context, read twice: first from the toponyms whose
    candidates all lie in one country (or one region), then from the first reading's
    choices, with the points of the towns and counties chosen. A name the gazetteer does
    not know comes back as a place without a point (feature "unresolved")."""
    matches = ctx.places
    names = [name_key(m.text) for m in matches]
    cands = [_candidates(m) for m in matches]
    forced: dict[int, Place] = {}  # a toponym that qualifies the one before it
    for i in range(len(matches) - 1):
        a, b = matches[i], matches[i + 1]
        if not cands[i] or not _QUALIFIER_GAP.match(ctx.norm[a.end : b.start]):
            continue
        # (a qualifier brings back the namesake towns _candidates set aside: "Kansas, Ill.")
        named: list[Place] = list(a.value)  # type: ignore[arg-type]
        areas = [q for q in cands[i + 1] if q.feature in ("admin1", "country")
                 and any(_within(p, q) for p in named if p.feature != "country")]
        if areas:
            forced[i + 1] = area = max(areas, key=lambda q: q.population)
            cands[i] = [p for p in named if _within(p, area)]
    for i, area in forced.items():
        cands[i] = [area]
    if ctx.lang is ar:
        _keep_within(ctx, matches, cands)
    prefer = [bool(_ADMIN_AFTER.match(ctx.norm[m.end : m.end + 15])
                   or _ADMIN_BEFORE.search(ctx.norm[max(0, m.start - 20) : m.start]))
              for m in matches]
    alternate = [_alternates(m, c) for m, c in zip(matches, cands, strict=True)]
    coherence = _coherence(names, cands, prefer)

    def pick(i: int, countries: _Votes, regions: _Votes,
             points: list[tuple[int, Place]]) -> Place | None:
        if not cands[i]:
            return None
        if len(cands[i]) == 1:
            return cands[i][0]
        cshare, rshare = countries.shares(names[i]), regions.shares(names[i])

        def score(p: Place) -> float:
            s = _prior(p, prefer[i]) + W_COUNTRY * cshare.get(p.iso, 0.0)
            if p.feature != "country":
                s += W_ADMIN1 * rshare.get((p.iso, p.admin1_code), 0.0)
            if p.geonameid in alternate[i]:
                s -= W_ALTERNATE
            return s + W_PAIR * coherence.get(names[i], {}).get(p.geonameid, 0.0)

        scored = sorted(((score(p), p) for p in cands[i]), key=lambda sp: -sp[0])
        others = [q for j, q in points if names[j] != names[i]]
        if others:
            near = []
            for s, p in scored[:_NEAR_CANDIDATES]:
                km = min(_km(p.latitude, p.longitude, q.latitude, q.longitude) for q in others)
                near.append((s + W_NEAR * max(0.0, 1 - km / NEAR_KM), p))
            scored = sorted(near, key=lambda sp: -sp[0])
        return scored[0][1]

    # first reading: toponyms whose candidates all lie in one country, or one region
    countries, regions = _Votes(), _Votes()
    for a in ctx.actors:  # "the Syrian army" says the story is in Syria
        kind, home = getattr(a.value, "type", ""), getattr(a.value, "country", "")
        if kind == "state" and home:
            countries.add(_STATE_VOTER, home, 1)
        elif ctx.lang is ar and home and kind != "media":
            # an Arabic report's armed group ("قسد") fights at home, mostly: a weaker
            # vote, enough to choose between namesake villages of two countries
            countries.add(_STATE_VOTER, home, GROUP_VOTE)
    state_votes = dict(countries.by_name)
    for i, places in enumerate(cands):
        big = any(p.feature in ("country", "admin1") for p in places)
        isos = {p.iso for p in places if p.iso}
        for iso in isos:  # an ambiguous name splits its vote
            countries.add(names[i], iso, (2 if big else 1) / len(isos) ** COUNTRY_SPLIT)
        areas = {(p.iso, p.admin1_code) for p in places if p.feature not in ("country", "continent")}
        for area in areas:  # an ambiguous name splits its vote
            regions.add(names[i], area, (2 if big else 1) / len(areas) ** REGION_SPLIT)
    first = [pick(i, countries, regions, []) for i in range(len(matches))]
    # second reading: the first one's choices
    countries, regions = _Votes(), _Votes()
    countries.by_name.update(state_votes)
    for i, p in enumerate(first):
        if p is None or not p.iso:
            continue
        big = p.feature in ("country", "admin1")
        countries.add(names[i], p.iso, 2 if big else 1)
        if p.feature != "country":
            regions.add(names[i], (p.iso, p.admin1_code), 2 if big else 1)
    points = [(i, p) for i, p in enumerate(first) if p is not None and p.feature in ("city", "admin2")]
    final = [pick(i, countries, regions, points) for i in range(len(matches))]
    _follow_counties(matches, names, final)
    return [(m, p if p is not None else Place(
        0, m.text, None, None, "", "", 0, _UNRESOLVED))  # type: ignore[arg-type]
        for m, p in zip(matches, final, strict=True)]


# A county's name alone ("DeKalb police") is the town so named when it lies this near the
# county the report names in full (its seat, mostly), else the county: about a county's
# reach (either is within LGL's 161 km; the town is the finer place).
COUNTY_SEAT_KM = 40.0


def _follow_counties(matches: list[Match], names: list[str], final: list[Place | None]) -> None:
    """A county's name alone takes the county its full name resolved to, or its town."""
    chosen = {names[i]: p for i, p in enumerate(final) if p is not None and p.feature == "admin2"}
    for i, m in enumerate(matches):
        county = chosen.get(getattr(m.value, "county", ""))
        if county is None:
            continue
        towns = [p for p in m.value if p.feature == "city" and p.iso == county.iso  # type: ignore[attr-defined]
                 and p.admin1_code == county.admin1_code and _km(
                     p.latitude, p.longitude, county.latitude, county.longitude) <= COUNTY_SEAT_KM]
        final[i] = max(towns, key=lambda p: p.population) if towns else county


# Arabic "X بريف Y", "X في منطقة Y", "X شرقي Y", "X التابعة لمدينة Y": the words between
# two toponyms that put the first inside the second (its countryside, district or side).
_AR_WITHIN = re.compile(
    r"^\s*[،,]?\s*(?:(?:ال)?(?:واقعه|تابعه)\s+)?(?:(?:في|الي)\s+|[بل])?"
    r"(?:(?:ريف|منطقه|ناحيه|محافظه|قضاء|ضواحي|اطراف|قرب|بالقرب\s+من)\s+"
    r"|(?:ال)?(?:شمال|جنوب|شرق|غرب)(?:ي|يه)?\s+)+"
    r"(?:(?:ال)?(?:مدينه|بلده)\s+)?#?$")
# "X في ريف Y" where the scan took "ريف Y" as Y's name, and "X في إدلب", "X، إدلب" with Y
# a governorate: only "في", "ب" or a comma between them.
_AR_WITHIN_SHORT = re.compile(r"^\s*[،,]?\s*(?:(?:في|الي)\s+|[بل])?$")
_AR_AREA_WORD = re.compile(r"^(?:ريف|محافظه|منطقه)\s")
# A village's name may run on past the word the gazetteer knows ("قرية جفتلك حج حمود في
# ريف جسر الشغور"): after "قرية"/"بلدة", up to two more words before the area words.
_AR_VILLAGE_BEFORE = re.compile(rf"(?:قريه|بلده|مزرعه)\s+{_AR_OPEN}$")
_AR_NAME_RUNS_ON = re.compile(r"^(?:\s+[^\s،,.:#]+){1,2}?"
                              r"(?=\s*[،,]?\s*(?:في|الي|[بل])?\s*(?:ريف|منطقه|ناحيه))")
# A village "بريف Y" (Y a town) lies within this many km of Y: about a district's reach
# (airwars-syria development half: the same figures at 30, 50 and 80 km).
WITHIN_KM = 50.0


def _keep_within(ctx: DocContext, matches: list[Match], cands: list[list[Place]]) -> None:
    """Arabic "قرية X بريف إدلب", "X في منطقة جبلة", "X شرقي حلب": X's candidates less
    those outside the governorate (or WITHIN_KM of the town) the words after it name. When
    none is left, X is a village the gazetteer knows only elsewhere: it stays unresolved,
    and the area named after it locates the event."""
    for i in range(len(matches) - 2, -1, -1):  # from the end: "X شرق Y بريف Z"
        a, b = matches[i], matches[i + 1]
        gap = ctx.norm[a.end:b.start]
        if _AR_VILLAGE_BEFORE.search(ctx.norm[max(0, a.start - 12):a.start]):
            gap = _AR_NAME_RUNS_ON.sub("", gap, count=1)
        # (a governorate is no village: "إدلب، حلب" is a list)
        if not cands[i] or not cands[i + 1] or len(gap) > 40 or any(
                p.feature != "city" for p in cands[i]):
            continue
        if not (_AR_WITHIN.match(gap) or _AR_WITHIN_SHORT.match(gap)
                and (_AR_AREA_WORD.match(AR_PREFIX.sub("", b.text))
                     or any(q.feature == "admin1" for q in cands[i + 1]))):
            continue
        areas = [q for q in cands[i + 1] if q.feature in ("admin1", "admin2", "city")]
        if areas and not any(q.feature == "country" for q in cands[i + 1]):
            cands[i] = [p for p in cands[i] if _inside_any(p, areas)]


def _inside_any(p: Place, areas: list[Place]) -> bool:
    """Whether p lies in one of the governorates, or within WITHIN_KM of one of the towns."""
    return any(p.iso == q.iso and (p.admin1_code == q.admin1_code or q.feature != "admin1"
               and _km(p.latitude, p.longitude, q.latitude, q.longitude) <= WITHIN_KM)
               for q in areas)


W_PAIR = 1.0
PAIR_KM = 50.0
PAIR_CANDIDATES = 20
PAIR_NORM = 0  # 0: sum, 1: mean
PAIR_CAP = 5.0


def _closeness(p: Place, q: Place) -> float:
    """How well two candidates of different names fit one story: 1 for a place inside a
    state or province the other names, else by distance (1 at 0 km, 0 at PAIR_KM)."""
    if p.feature in ("country", "continent") or q.feature in ("country", "continent"):
        return 0.0
    if q.feature == "admin1" or p.feature == "admin1":
        return 1.0 if p.iso == q.iso and p.admin1_code == q.admin1_code else 0.0
    dy = p.latitude - q.latitude
    if abs(dy) * 111.2 >= PAIR_KM:
        return 0.0
    dx = (p.longitude - q.longitude) * math.cos(math.radians((p.latitude + q.latitude) / 2))
    km = 111.2 * math.hypot(dx, dy)
    return max(0.0, 1 - km / PAIR_KM)


def _coherence(names: list[str], cands: list[list[Place]], prefer: list[bool]
               ) -> dict[str, dict[int, float]]:
    """Per name, each candidate's fit with the other names: the sum over the other names
    of their best-fitting candidate's closeness."""
    by_name: dict[str, list[Place]] = {}
    for key, places, pref in zip(names, cands, prefer, strict=True):
        # In the countries warlog is built for every alternate spelling is indexed, and
        # namesake villages lie within PAIR_KM of each other: nearness tells nothing there
        # (fakes' governorate_acc fell 1 point with them in).
        places = [p for p in places if p.iso not in FOCUS_COUNTRIES]
        if places and key not in by_name:
            by_name[key] = sorted(places, key=lambda p: -_prior(p, pref))[:PAIR_CANDIDATES]
    out: dict[str, dict[int, float]] = {}
    for key, places in by_name.items():
        others = [v for k, v in by_name.items() if k != key]
        fit = out.setdefault(key, {})
        if not others or len(places) < 2:
            continue
        for p in places:
            total = sum(max(_closeness(p, q) for q in qs) for qs in others)
            if PAIR_NORM:
                total /= len(others)
            fit[p.geonameid] = min(PAIR_CAP, total)
    return out


def _candidates(m: Match) -> list[Place]:
    """A toponym's candidates, less the small towns named like a country, a continent or
    world region, or a state or province (outside the countries warlog is built for, where
    a governorate's seat bears its name) that it names."""
    places: list[Place] = list(m.value)  # type: ignore[arg-type]
    if any(p.feature in ("country", "continent") or p.feature == "region" and not p.iso
           for p in places):
        floor = COUNTRY_NAMESAKE_POPULATION
    elif any(p.feature == "admin1" and p.iso not in FOCUS_COUNTRIES for p in places):
        floor = ADMIN1_NAMESAKE_POPULATION
    else:
        return places
    return [p for p in places if p.feature != "city" or p.population >= floor]


def _alternates(m: Match, places: list[Place]) -> set[int]:
    """The towns the text names only by an alternate name (outside the countries warlog is
    built for, where every indexed spelling is as good as the name)."""
    keys = set(key_variants(name_key(m.text)))
    return {p.geonameid for p in places if p.feature == "city" and p.iso not in FOCUS_COUNTRIES
            and not keys & set(key_variants(name_key(p.name)))}


def place_ref(ctx: DocContext, match: Match, place: Place) -> PlaceRef:
    before = ctx.norm[max(0, match.start - 40) : match.start]
    near = re.search(en.NEAR_WORDS, before, re.I) or _NEAR_AR.search(before)
    if place.feature in ("admin1", "country", "continent", "region"):
        precision = 3
    elif place.feature == "admin2":
        precision = 2
    else:
        precision = 2 if near else 1
    gaz = ctx.gazetteer
    latitude, longitude = place.latitude, place.longitude
    if place.feature == "admin1" and place.iso in FOCUS_COUNTRIES and latitude is not None:
        latitude, longitude = _countryside(ctx, match, latitude, longitude)
    return PlaceRef(
        name=place.name,
        geonameid=place.geonameid if place.geonameid > 0 else None,
        latitude=latitude,
        longitude=longitude,
        iso=place.iso,
        country=gaz.country_name(place.iso),
        admin1=place.name if place.feature == "admin1" else gaz.admin1_name(place),
        admin2=place.name if place.feature == "admin2" else "",
        feature=place.feature,
        population=place.population,
        geo_precision=precision,
        span=ctx.span(match.start, match.end),
    )


# A governorate's countryside in a direction ("ريف إدلب الجنوبي", "جنوب إدلب", "شمال غربي
# حلب") is placed COUNTRYSIDE_KM from the governorate's seat that way: nearer its villages
# than the seat is (airwars-syria development half, loc_25km: 0.599 unshifted, 0.632 at
# 18 and at 25 km, 0.630 at 32 km).
COUNTRYSIDE_KM = 25.0
_WAY = {"شمال": (1, 0), "جنوب": (-1, 0), "شرق": (0, 1), "غرب": (0, -1)}
_WAY_AFTER = re.compile(r"\s*(?:ال)?(شمال|جنوب|شرق|غرب)ي(?:\s+(?:ال)?(شرق|غرب)ي)?(?!\S)")
_WAY_BEFORE = re.compile(rf"{_AR_WAY_BEFORE}\s+(?:محافظه\s+)?{_AR_OPEN}$")


def _way_of(ctx: DocContext, match: Match) -> re.Match | None:
    return (_WAY_AFTER.match(ctx.norm, match.end, match.end + 25)
            or _WAY_BEFORE.search(ctx.norm[max(0, match.start - 25):match.start]))


def _countryside(ctx: DocContext, match: Match, latitude: float, longitude: float
                 ) -> tuple[float, float]:
    way = _way_of(ctx, match)
    if not way:
        # the governorate named bare ("دير الزور") where the lead names its side
        # elsewhere ("بلدة الشحيل شرق دير الزور"): the lead's side
        lead_end = _lead_end(ctx)
        seats = {p for p in match.value if p.feature == "admin1"}  # type: ignore[attr-defined]
        way = next((w for m in ctx.places if m.start < lead_end and m is not match
                    and seats & set(m.value) and (w := _way_of(ctx, m))), None)
    if not way:
        return latitude, longitude
    north = sum(_WAY[w][0] for w in way.groups() if w)
    east = sum(_WAY[w][1] for w in way.groups() if w)
    if not (north or east):
        return latitude, longitude
    region = next((p for p in match.value if p.feature == "admin1"), None)  # type: ignore[attr-defined]
    north, east = _towns_way(ctx.gazetteer, region, latitude, longitude, north, east)
    scale = COUNTRYSIDE_KM / math.hypot(north, east)
    return (latitude + north * scale / 111.2,
            longitude + east * scale / (111.2 * math.cos(math.radians(latitude))))


# The compass way is turned toward the mean bearing of the governorate's own towns that
# lie that way (within SECTOR_DEGREES of it): the eastern countryside of Deir ez-Zor
# follows the Euphrates south-east (airwars-syria development half, loc_25km: 0.669 by
# the compass, 0.680 within 30 degrees, 0.686 within 45, 0.682 within 60; with the
# distance the median of those towns' between 20 and 35 km instead of 25 km, 0.695, but
# gained on 2 incidents and lost on 3).
SECTOR_DEGREES = 45.0
SECTOR_MIN_KM = 5.0  # nearer than this is the seat itself


def _towns_way(gaz: Gazetteer, region: Place | None, latitude: float, longitude: float,
               north: float, east: float) -> tuple[float, float]:
    """The way (north, east) from a governorate's seat to its towns that lie within
    SECTOR_DEGREES of the compass way given, as the sum of their unit bearings; the
    compass way where it has none."""
    if region is None:
        return north, east
    towns = gaz.towns_in(region.iso, region.admin1_code)
    way = math.atan2(north, east)
    cos = math.cos(math.radians(latitude))
    sum_n = sum_e = 0.0
    for town in towns:
        dn, de = (town.latitude - latitude) * 111.2, (town.longitude - longitude) * 111.2 * cos
        km = math.hypot(dn, de)
        if km < SECTOR_MIN_KM:
            continue
        turn = abs((math.atan2(dn, de) - way + math.pi) % (2 * math.pi) - math.pi)
        if math.degrees(turn) <= SECTOR_DEGREES:
            sum_n, sum_e = sum_n + dn / km, sum_e + de / km
    return (sum_n, sum_e) if (sum_n or sum_e) else (north, east)


# Where people or fire came from, not where the strike fell: "ينحدر من مدينة دمشق",
# "اصابات من بلدة التمانعة جراء القصف على مخيم مرام", "من أبناء بلدة", "قصف مصدره من
# مواقع": a place of the same precision that is not so introduced is the event's.
_ORIGIN = re.compile(r"(?<!قرب )(?<!كل )(?<!\S)(?:من|ابناء|اهالي|نازحي|مهجري)\s+"
                     rf"(?:(?:ابناء|اهالي)\s+)?(?:مدينه|بلده|قريه|مخيم|حي)?\s*{_AR_OPEN}$")
# "مدينة إدلب", "the city of Idlib", "Idlib city": the town itself.
_CITY_BEFORE = re.compile(rf"(?:مدينه|المدينه|city of|town of)\s+{_AR_OPEN}$", re.I)
_CITY_AFTER = re.compile(r"^\s+(?:city|المدينه)\b", re.I)
# Between a town (0) and a district (1): see event_place.
SEAT_RANK = 0.5
# An Arabic report names its event's place in its first sentences (the headline, the
# lead); a town named further down, often in another story the page runs alongside, does
# not outrank the governorate the lead names (airwars-syria development half, loc_25km /
# governorate_acc: 0.641 / 0.710 with no lead, 0.651 / 0.740 with 1 sentence, 0.660 /
# 0.738 with 2, 0.669 / 0.738 with 3, 0.665 / 0.732 with 4, 0.654 / 0.724 with 6).
LEAD_SENTENCES = 3


def _lead_end(ctx: DocContext) -> int:
    """Where the report's first LEAD_SENTENCES sentences end (0 for no sentence)."""
    return ctx.sentences[min(LEAD_SENTENCES, len(ctx.sentences)) - 1][1] if ctx.sentences else 0


def event_place(
    ctx: DocContext, resolved: list[tuple[Match, Place]], sentences: list[tuple[int, int]],
    trigger_at: int,
) -> tuple[Match, Place] | None:
    """The event's own location: the most precise place in the event's sentences, nearest
    the trigger (in Arabic, one of the event's first LEAD_SENTENCES sentences first; a
    governorate's seat named alone ranks below a town the same sentences name, and a
    place introduced as where people or fire came from below one that is not);
    otherwise the most precise place of the report's opening. Demonyms,
    places inside actors' names and names without a point locate nothing; a country in
    the event's sentences gives way to a place inside it that the opening names."""
    rank = {"city": 0, "admin2": 1, "admin1": 2, "region": 2, "country": 3, "continent": 4}

    def seat(m: Match, p: Place) -> bool:
        # named like its governorate ("إدلب", "دير الزور"), and not called a city
        return (p.feature == "city" and p.iso in FOCUS_COUNTRIES and len(m.value) > 1
                and any(q.feature == "admin1" for q in m.value)  # type: ignore[attr-defined]
                and not _CITY_BEFORE.search(ctx.norm[max(0, m.start - 12):m.start])
                and not _CITY_AFTER.match(ctx.norm[m.end:m.end + 8]))

    def best(cands: list[tuple[Match, Place]]) -> tuple[Match, Place] | None:
        if not cands:
            return None
        # A governorate's seat named like the governorate mostly stands for the
        # governorate in the wars' reports ("قصف على قرى إدلب"): a town that the same
        # sentences name is the finer place.
        seats = [seat(m, p) for m, p in cands]
        town = any(p.feature == "city" and not is_seat
                   for (_, p), is_seat in zip(cands, seats, strict=True))

        def key(i: int) -> tuple[bool, float, bool, int, int]:
            m, p = cands[i]
            order = lead_order(m)
            return (order >= LEAD_SENTENCES, SEAT_RANK if seats[i] and town else rank[p.feature],
                    bool(_ORIGIN.search(ctx.norm[max(0, m.start - 25):m.start])),
                    order, abs(m.start - trigger_at))

        return cands[min(range(len(cands)), key=key)]

    def lead_order(m: Match) -> int:
        # An Arabic post or report names its event's place in its first sentence (the
        # headline, the lead): a place of its first LEAD_SENTENCES sentences ranks first,
        # and among places alike, the one an earlier sentence of the event names
        # (airwars-syria development half: loc_25km 0.632 by nearness to the trigger
        # alone, 0.640 so; airwars-gaza's English narratives keep nearness)
        if ctx.lang is not ar:
            return 0
        return next((n for n, (s, e) in enumerate(sentences) if s <= m.start < e),
                    len(sentences))

    # A district named like a town elsewhere ("the al-Mashhad district of Aleppo") is
    # not the town: the city it is part of is the event's place.
    resolved = [(m, p) for m, p in resolved if not _DISTRICT_BEFORE.search(
        ctx.norm[max(0, m.start - 20) : m.start]) and not _DISTRICT_AFTER.match(
        ctx.norm[m.end : m.end + 25])]
    # A dateline ("BEIRUT (Wire) —") names where the report was filed, not the event,
    # nor the event's country.
    dateline = _DATELINE.match(ctx.norm)
    if dateline:
        beyond = [(m, p) for m, p in resolved if m.start >= dateline.end()]
        resolved = beyond or resolved
    # the places that can locate the event tell its country; where they tie, the other
    # toponyms do ("Syrian", "Damascus denies"). In Arabic, those of the event's lead
    # when it names any: a page's sidebar of other stories names other countries more
    # often (airwars-syria development half: governorate_acc +3, loc_25km +1 source).
    locating = [(m, p) for m, p in resolved if p.feature in rank and p.iso
                and not getattr(m.value, "mention", False)]
    located = Counter(p.iso for m, p in locating if lead_order(m) < LEAD_SENTENCES) or Counter(
        p.iso for _, p in locating)
    mentioned = Counter(p.iso for m, p in resolved if p.feature in rank and p.iso
                        and getattr(m.value, "mention", False))
    resolved = [(m, p) for m, p in resolved if p.feature in rank
                and not getattr(m.value, "mention", False)]
    if located:
        dominant = max(located, key=lambda iso: (located[iso], mentioned[iso]))
        home = [(m, p) for m, p in resolved if p.iso == dominant]
        resolved = home or resolved
    inside = [(m, p) for m, p in resolved if any(s <= m.start < e for s, e in sentences)]
    lead_end = _lead_end(ctx)
    lead = [(m, p) for m, p in resolved if m.start < lead_end]
    if inside:
        chosen = best(inside)
        if chosen and rank[chosen[1].feature] >= rank["country"]:
            # "a strike in Syria" after "ALEPPO, Syria —": the town
            return best([(m, p) for m, p in lead if rank[p.feature] < rank["country"]
                         and p.iso == chosen[1].iso]) or chosen
        return chosen
    return best(lead) or best(resolved)
