"""FA-KES (``fakes/articles.csv``): English articles on the Syrian war, each crowd-coded
with one event's casualty counts, governorate, perpetrator and cause of death.

The file is UTF-8 CSV with quoted multi-line fields. Each article's ``article_content``
is run through the Extractor as one English document (published = ``date``, written
``M/D/YY``, when it parses). The mentions are folded into one article-level prediction:

* civilians killed (``civilian_count``), counted in the first mention only: FA-KES
  codes one event per article, and warlog's first mention is the article's lead event
  (later mentions are other events with their own tolls, often background such as a
  war-wide death toll). The same holds inside that mention: it gathers every sentence
  of the same event type, so besides the lead event's toll it holds other strikes of
  the day, cumulative tolls of a campaign and monitors' totals. The lead event's toll
  is the one the report opens with, so the figures are read from the *lead toll
  sentence*: the first sentence of the mention that gives a killed figure (whoever
  the victims: a lead that counts only fighters says the event killed no civilians),
  skipping sentences that only give a vague one ("dozens killed", coded 12) when a
  later sentence gives a number.
  Within that sentence (restated totals are not summed, as in ``Mention.figure``): the
  largest figure whose victims are civilians; with none, the largest *unspecified*
  figure ("12 people were killed") counts as civilians, but only when the mention
  gives no combatant figure (then nobody says who the dead were). Children plus
  women, subsets of the civilians, are the floor. Nothing found: 0 (FA-KES codes "no
  civilians" as 0, so that is a real prediction, not a miss).
* children / women killed: the largest killed figure naming them in the lead toll
  sentence, else 0.
* governorate: the ``admin1`` of the first mention that has a place, normalised with
  ``governorate_key`` on both sides (lower case, no "al-"/"ar-" article, spelling
  variants in ``GOVERNORATE_ALIASES``). No place anywhere: a miss.
* perpetrator: the ``actor1`` of the first mention that has one, mapped to FA-KES'
  seven actor classes by ``perpetrator_of``; no actor anywhere: ``"unknown"`` (which is
  also a gold class, so this is a real prediction).
* weapon: the first mention's ``sub_event_type`` mapped to FA-KES' ``cause_of_death``
  by ``CAUSES``; no mention: ``"unknown"``.

Metrics (all over every article): ``civilians_exact``, ``civilians_within_20pct``
(``|pred - gold| <= 0.2 * gold``; for gold 0 only 0 is right), ``children_exact``,
``women_exact``, ``governorate_acc``, ``perpetrator_acc``, ``weapon_acc``.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from warlog.eval import EvalResult, extract_text, register
from warlog.model import CasualtyCount, Mention

UNKNOWN = "unknown"

# FA-KES perpetrator classes (the gold ``actor`` column)
GOVERNMENT = "syrian government or russian troops"
ISIS = "the organization of the islamic state in iraq and the levant - isis"
COALITION = "international coalition forces"
OPPOSITION = "armed opposition groups"
SELF_ADMIN = "self administration forces"
NUSRA = "al-nusra front"
PERPETRATORS = (GOVERNMENT, ISIS, COALITION, OPPOSITION, SELF_ADMIN, NUSRA, UNKNOWN)

# warlog registry id -> FA-KES perpetrator class, for the actors whose class is not
# decided by their type and country (see ``perpetrator_of``). The FA-KES classes come
# from the Syrian Violations Documentation Center's coding:
# - the government class takes Syria's forces and their allies fighting for them: Russian
#   forces (by country), Iranian forces (by country) and the foreign and local
#   pro-government militias below;
# - the Islamic State class takes its affiliates in the Yarmouk basin too;
# - al-Nusra takes its successors and al-Qaeda's name in Syria;
# - "self administration forces" are the Kurdish-led forces of the Autonomous
#   Administration (SDF, YPG/YPJ, Asayish, their military councils) and the PKK;
# - every other Syrian armed group is "armed opposition groups".
PERPETRATOR_BY_ID: dict[str, str] = {
    # pro-government militias and Iran-backed groups
    "hezbollah": GOVERNMENT, "fatemiyoun": GOVERNMENT, "zainabiyoun": GOVERNMENT,
    "abu_fadl_abbas": GOVERNMENT, "liwa_al_quds": GOVERNMENT, "baqir_brigade": GOVERNMENT,
    "iran_backed_militias": GOVERNMENT, "ldf": GOVERNMENT, "desert_hawks": GOVERNMENT,
    "qaterji": GOVERNMENT, "baath_brigades": GOVERNMENT, "ssnp_militia": GOVERNMENT,
    "wagner": GOVERNMENT,
    # the Islamic State and its affiliates
    "isis": ISIS, "aqi": ISIS, "jaysh_khalid": ISIS, "liwa_shuhada_yarmouk": ISIS,
    # al-Nusra, its successors and al-Qaeda
    "nusra": NUSRA, "hts": NUSRA, "al_qaeda": NUSRA,
    # the Autonomous Administration's forces
    "sdf": SELF_ADMIN, "ypg": SELF_ADMIN, "ypj": SELF_ADMIN, "pyd": SELF_ADMIN,
    "asayish_rojava": SELF_ADMIN, "raqqa_isf": SELF_ADMIN, "manbij_mc": SELF_ADMIN,
    "deir_ez_zor_mc": SELF_ADMIN, "sanadid": SELF_ADMIN, "syriac_mc": SELF_ADMIN,
    "jaysh_al_thuwar": SELF_ADMIN, "pkk": SELF_ADMIN, "hpg": SELF_ADMIN,
    # the US-led coalition as a whole
    "global_coalition": COALITION,
    # unidentified gunmen are, by definition, unknown
    "unidentified_sy": UNKNOWN, "unidentified_iq": UNKNOWN,
}
# State forces by country: Syria and its two state allies are the government class;
# the members of the US-led coalition that struck in Syria are the coalition class
# (Turkey, a coalition member, too: FA-KES has no class of its own for it).
GOVERNMENT_STATES = frozenset({"SY", "RU", "IR"})
COALITION_STATES = frozenset({"US", "GB", "FR", "AU", "CA", "NL", "BE", "DK", "JO", "SA", "AE",
                              "DE", "BH", "QA", "TR"})

# warlog sub_event_type -> FA-KES cause_of_death. FA-KES (after the VDC) counts air
# strikes as "shelling" (warplane shelling); battles are deaths by shooting; every
# non-violent or unarmed type says nothing about a weapon.
CAUSES: dict[str, str] = {
    "Air/drone strike": "shelling",
    "Shelling/artillery/missile attack": "shelling",
    "Chemical weapon": "chemical and toxic gases",
    "Remote explosive/landmine/IED": "explosion",
    "Suicide bomb": "explosion",
    "Grenade": "explosion",
    "Armed clash": "shooting",
    "Attack": "shooting",
    "Government regains territory": "shooting",
    "Non-state actor overtakes territory": "shooting",
}

# Governorate spellings -> one key (applied to gold and warlog alike, after lower
# case and dropping the "al-"/"ar-"/"as-"/... article). FA-KES has no class for Rif
# Dimashq: its events around the capital (Ghouta, Darayya, ...) are coded "damascus".
GOVERNORATE_ALIASES: dict[str, str] = {
    "aleppo": "aleppo", "halab": "aleppo",
    "damascus": "damascus", "dimashq": "damascus",
    "rif dimashq": "damascus", "damascus countryside": "damascus", "rural damascus": "damascus",
    "reef damascus": "damascus", "rif damascus": "damascus", "damascus suburbs": "damascus",
    "idlib": "idlib", "idleb": "idlib", "edlib": "idlib",
    "deir ez zor": "deir ezzor", "deir ezzor": "deir ezzor", "deir zor": "deir ezzor",
    "deir zour": "deir ezzor", "deir ezzour": "deir ezzor", "deir ez zour": "deir ezzor",
    "dayr az zawr": "deir ezzor", "deir el zor": "deir ezzor",
    "raqqa": "raqqa", "raqqah": "raqqa", "rakka": "raqqa",
    "homs": "homs", "hims": "homs",
    "hasakeh": "hasakeh", "hasakah": "hasakeh", "hasaka": "hasakeh", "hassakeh": "hasakeh",
    "hassakah": "hasakeh",
    "hama": "hama", "hamah": "hama",
    "daraa": "daraa", "deraa": "daraa", "dara": "daraa",
    "lattakia": "lattakia", "latakia": "lattakia", "ladhiqiyah": "lattakia",
    "quneitra": "quneitra", "qunaytirah": "quneitra", "kuneitra": "quneitra",
    "tartous": "tartous", "tartus": "tartous", "tartoos": "tartous",
    "suwayda": "suwayda", "sweida": "suwayda", "suwaida": "suwayda",
}
_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "az", "ash", "an", "at", "ez", "es", "ed", "er"})
_SUFFIXES = frozenset({"governorate", "province", "countryside"})


def governorate_key(name: str) -> str:
    """A governorate name reduced to one spelling: "Deir ez-Zor" -> "deir ezzor"."""
    key = re.sub(r"['\u2019`]", "", name.strip().lower())
    key = re.sub(r"[\s\-_]+", " ", key).strip()
    if key in GOVERNORATE_ALIASES:
        return GOVERNORATE_ALIASES[key]
    words = key.split()
    if len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    # "deir ez zor" and "deir al zor" are one name
    words = [w for n, w in enumerate(words) if n == 0 or w not in _ARTICLES]
    key = " ".join(words)
    return GOVERNORATE_ALIASES.get(key, key)


@dataclass
class Article:
    id: str
    text: str
    published: date | None
    governorate: str  # normalised with governorate_key
    actor: str
    cause: str
    civilians: int
    children: int
    women: int


@dataclass
class Prediction:
    civilians: int = 0
    children: int = 0
    women: int = 0
    governorate: str = ""  # normalised; "" when no place was found
    actor: str = UNKNOWN
    cause: str = UNKNOWN
    mentions: int = 0


def parse_date(text: str) -> date | None:
    """FA-KES dates are ``M/D/YY``; ISO dates are read too; anything else is None."""
    text = (text or "").strip()
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text)
    try:
        if m:
            month, day, year = (int(g) for g in m.groups())
            return date(year + 2000 if year < 100 else year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        return None


def _count(value: str) -> int:
    value = (value or "").strip()
    return int(float(value)) if value else 0


def load(path: Path, limit: int | None = None) -> list[Article]:
    out: list[Article] = []
    with path.open(newline="", encoding="utf-8") as handle:
        for n, row in enumerate(csv.DictReader(handle)):
            if limit is not None and len(out) >= limit:
                break
            out.append(Article(
                id=(row.get("unit_id") or "").strip() or str(n),
                text=row["article_content"] or "",
                published=parse_date(row.get("date", "")),
                governorate=governorate_key(row.get("location", "")),
                actor=(row.get("actor") or "").strip().lower() or UNKNOWN,
                cause=(row.get("cause_of_death") or "").strip().lower() or UNKNOWN,
                civilians=_count(row.get("nb_civilians", "")),
                children=_count(row.get("nb_children", "")),
                women=_count(row.get("nb_women", "")),
            ))
    return out


def _killed(figures: list[CasualtyCount], victims: str) -> int | None:
    found = [c.low for c in figures if c.kind == "killed" and c.victims == victims]
    return max(found) if found else None


def _vague(c: CasualtyCount) -> bool:
    """"dozens", "several": a range from a word, not a number."""
    return c.high > c.low and not re.search(r"[0-9٠-٩]", c.span.text)


def _lead_sentence(mentions: list[Mention]) -> list[CasualtyCount]:
    """The figures of the lead toll sentence; see the module's docstring."""
    def sentence(n: int, m: Mention, c: CasualtyCount) -> tuple[int, int]:
        return n, next((i for i, s in enumerate(m.sentences) if s.start <= c.span.start < s.end), -1)

    figures = [(sentence(n, m, c), c) for n, m in enumerate(mentions) for c in m.casualties]
    tolls = [(key, c) for key, c in figures if c.kind == "killed"]
    precise = [(key, c) for key, c in tolls if not _vague(c)] or tolls
    if not precise:
        return []
    lead = precise[0][0]
    return [c for key, c in figures if key == lead]


def civilian_count(mentions: list[Mention]) -> tuple[int, int, int]:
    """(civilians, children, women) killed in these mentions; see the module's docstring."""
    lead = _lead_sentence(mentions)
    children = _killed(lead, "children") or 0
    women = _killed(lead, "women") or 0
    civilians = _killed(lead, "civilians")
    if civilians is None and _killed([c for m in mentions for c in m.casualties], "combatants") is None:
        civilians = _killed(lead, "")
    return max(civilians or 0, children + women), children, women


def perpetrator_of(actor_id: str | None, registry) -> str:
    """A registry actor as one of FA-KES' perpetrator classes (see PERPETRATOR_BY_ID)."""
    seen: set[str] = set()
    while actor_id and actor_id not in seen:
        seen.add(actor_id)
        if actor_id in PERPETRATOR_BY_ID:
            return PERPETRATOR_BY_ID[actor_id]
        actor = registry.get(actor_id)
        if actor is None:
            return UNKNOWN
        if actor.type == "state" and actor.inter > 0:
            if actor.country in GOVERNMENT_STATES:
                return GOVERNMENT
            if actor.country in COALITION_STATES:
                return COALITION
        if actor.parent:
            actor_id = actor.parent
            continue
        if actor.type == "rebel" and actor.country == "SY":
            return OPPOSITION
        return UNKNOWN
    return UNKNOWN


def predict(mentions: list[Mention], registry) -> Prediction:
    civilians, children, women = civilian_count(mentions[:1])
    place = next((m.place for m in mentions if m.place and m.place.admin1), None)
    actor = next((m.actor1 for m in mentions if m.actor1), None)
    return Prediction(
        civilians=civilians, children=children, women=women,
        governorate=governorate_key(place.admin1) if place else "",
        actor=perpetrator_of(actor.actor_id, registry) if actor else UNKNOWN,
        cause=CAUSES.get(mentions[0].sub_event_type, UNKNOWN) if mentions else UNKNOWN,
        mentions=len(mentions),
    )


def within(pred: int, gold: int, share: float = 0.2) -> bool:
    return abs(pred - gold) <= share * gold


def score(golds: list[Article], preds: list[Prediction]
          ) -> tuple[dict[str, float], list[tuple[str, str]]]:
    if len(golds) != len(preds):
        raise ValueError("gold and predictions differ in length")
    pairs = list(zip(golds, preds, strict=True))
    n = len(pairs)

    def rate(ok) -> float:
        return sum(bool(ok(g, p)) for g, p in pairs) / n if n else 0.0

    metrics = {
        "civilians_exact": rate(lambda g, p: p.civilians == g.civilians),
        "civilians_within_20pct": rate(lambda g, p: within(p.civilians, g.civilians)),
        "children_exact": rate(lambda g, p: p.children == g.children),
        "women_exact": rate(lambda g, p: p.women == g.women),
        "governorate_acc": rate(lambda g, p: bool(p.governorate) and p.governorate == g.governorate),
        "perpetrator_acc": rate(lambda g, p: p.actor == g.actor),
        "weapon_acc": rate(lambda g, p: p.cause == g.cause),
    }
    predicted_actor = Counter(p.actor for p in preds)
    predicted_cause = Counter(p.cause for p in preds)
    details = [
        ("no mentions", str(sum(p.mentions == 0 for p in preds))),
        ("place found", str(sum(bool(p.governorate) for p in preds))),
        ("civilians: gold 0 / predicted 0",
         f"{sum(g.civilians == 0 for g in golds)} / {sum(p.civilians == 0 for p in preds)}"),
        ("predicted perpetrator", ", ".join(f"{k} {v}" for k, v in predicted_actor.most_common())),
        ("predicted weapon", ", ".join(f"{k} {v}" for k, v in predicted_cause.most_common())),
    ]
    return metrics, details


def run(articles: list[Article], extractor=None) -> list[Prediction]:
    from warlog.extract.pipeline import Extractor

    extractor = extractor or Extractor()
    preds = []
    for article in articles:
        mentions = extract_text(extractor, article.text, f"fakes#{article.id}", article.published)
        preds.append(Prediction() if mentions is None else predict(mentions, extractor.registry))
    return preds


@register("fakes")
def evaluate(path: Path, limit: int | None = None) -> EvalResult:
    from warlog.extract.pipeline import Extractor

    articles = load(path, limit)
    extractor = Extractor()
    metrics, details = score(articles, run(articles, extractor))
    return EvalResult(set="fakes", n=len(articles), gazetteer=extractor.gazetteer.source,
                      metrics=metrics, details=details)
