"""Relations between actors — who fights whom, who is allied with whom, who backs whom —
as one sentence of one report states them, by rules an analyst can read and extend.

**Actors** of a sentence (``sentence_actors``): the registry's matches (combatants only:
NGOs, media and civilians take no side here; "the SDF's" counts as "the SDF"), then
names the registry does not know, kept as text (``ActorRef(name=..., actor_id=None)``):

* force phrases (``FORCE_PHRASE``): "opposition forces", "the regime", "rebels", "ISIL
  fighters", "the U.S.-led coalition", "the 407th AEG", "the Iraqi people";
* peoples spaCy names (NORP, plural: "Iraqis", "the Kurds") where NER already read the
  sentence (it is never run for this), and a country named alone ("Turkey", "the United
  States"), unless it is a place ("in Syria", "Tabqa, Syria", "Syria's Idlib province");
* "we": inside a quote the speaker's side, outside quotes the publisher's when the
  publisher is a registry actor (a CENTCOM release).

**Rules** (``RULES``): ``(kind, shape, cue)``, tried in order; a cue that gave a relation
is not read again by a later rule. The cue is a regular expression (case does not matter,
but a capitalised cue inside a sentence is part of a name: "the Global Coalition to
Counter ISIL"); the shape says where the two actors stand around it:

* ``active``  — A cue B: B is the first actor after the cue (for verbs within twelve
  words and no comma; partners after "alongside"/"with" are stepped over), A the actor
  nearest before it in its clause, except one in an aside (", backed by X,", ", which
  ...,"), one that is a partner ("in support of X", "backed by X") or a target
  ("against X"). "Iraqi forces attacked ISIS positions": Iraqi forces fights ISIS.
  A cue that may be a noun ("attacks", "a lasting defeat") counts only as a verb.
* ``passive`` — B cue A: "the SDF, backed by U.S. aircraft" (U.S. aircraft supports
  the SDF), "rebels were attacked by regime forces" (regime forces fights rebels).
* ``by``      — cue A (on|against B), else B before: "an attack by ISIS on the army".
* ``between`` — cue A and B: "clashes between the SDF and ISIS", "a coalition of X and Y".
* ``pair``    — A and B cue: "the YPG and the FSA joined forces".

Actors joined by "and" or a comma to A or B take part too ("the SDF and the YPG
attacked ISIS": two relations); so do the partners of a fighter ("X, together with Y,
attacked Z", "X backed by Y attacked Z": Y fights Z too) and the side behind its weapons
("X conducted strikes using aircraft against Z": X fights Z). "Turkish-backed rebels"
names its backer in the word. ``supports`` reads actor_a supports actor_b.

**Claims**: a relation whose cue sits inside a quote or a claim (``extract.quotes``: "X
said Y is backing Z", "X accused Y of attacking Z") is the speaker's word, not the
author's: ``asserted`` is False (True only when the quote's cue vouches for it:
"confirmed", "acknowledged") and ``claimant`` names the speaker (its registry name when
it is a registry actor). "X accused Y of shelling its positions": the claimant's own
"its/their/our positions" stand for the claimant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warlog.extract.actors import GenericState, actor_ref, names_past_possessives, resolved_actors
from warlog.extract.context import DocContext, Match
from warlog.extract.screen import Screened, ScreenSet, alternatives, fold
from warlog.model import ActorRef, Quote, Relation

FIGHTS, ALLIED, SUPPORTS = "fights", "allied_with", "supports"

# -- cues ------------------------------------------------------------------------------
_FIGHT_VERBS = (
    r"attack(?:ed|s|ing)?|target(?:ed|ing)|ambush(?:ed|es|ing)?|shell(?:ed|s|ing)"
    r"|bomb(?:ed|s|ing)|bombard(?:ed|s|ing)?|struck|raid(?:ed|s|ing)|storm(?:ed|s|ing)"
    r"|besieg(?:e|ed|es|ing)|assault(?:ed|s|ing)|defeat(?:ed|s|ing)?|destroy(?:ed|s|ing)?"
    r"|degrad(?:e|ed|es|ing)|confront(?:ed|s|ing)?|counter(?:ed|s|ing)?|repel(?:led|s|ling)?"
    r"|repuls(?:ed|e|es|ing)|push(?:ed|es|ing)?(?= (?:[\w'’-]+ ){1,3}?back\b)|dr[io]ve (?:back|out)"
    r"|driving out"
    r"|expel(?:led|s|ling)?|rout(?:ed|s|ing)?|fought|fight(?:s|ing)?|battl(?:ed|es|ing)"
    r"|clash(?:ed|es|ing)? with|skirmish(?:ed|es|ing)? with|exchang(?:ed|ing) fire with"
    r"|engag(?:e|ed|es|ing)|kill(?:ed|s|ing)?|captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)"
    r"|overr?an|overrun|eliminat(?:e|ed|es|ing)|liberat(?:e|ed|es|ing)|retook"
    r"|retak(?:e|en|es|ing)|recaptur(?:e|ed|es|ing)|wrest(?:ed|ing)?|dislodg(?:e|ed|es|ing)"
    r"|oust(?:ed|s|ing)?|clear(?:ed|ing)|unite[ds]? against|declared war on"
    r"|wag(?:e|ed|es|ing) war (?:on|against)|fir(?:ed|es|ing) (?:on|upon|at)"
    r"|open(?:ed|s|ing)? fire (?:on|at)|strike|hit"
    r"|deliver(?:ed|s|ing)?(?= (?:[\w'’-]+ ){1,2}a (?:\w+ )?defeat)"
)
_FIGHT_NOUNS = (
    r"offensives?|operations?|campaigns?|war|wars|fight|fighting|struggle|strikes?"
    r"|air ?strikes?|raids?|attacks?|assaults?|bombing|bombardment|shelling|battles?"
    r"|counter-?offensives?|counter-?attacks?|insurgency|rebellion|uprising|resistance"
    r"|efforts?|missions?|defen[cs]es|ambush(?:es)?|hostilities|aggression|onslaught"
)
_SUPPORT_VERBS = (
    r"back(?:s|ed|ing)|support(?:s|ed|ing)?|arm(?:s|ing)|fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)"
    r"|train(?:s|ed|ing)?|equip(?:s|ped|ping)?|assist(?:s|ed|ing)?|aid(?:ed|ing)"
    r"|sponsor(?:s|ed|ing)?|advis(?:e|es|ed|ing)|reinforc(?:e|es|ed|ing)|supplie[sd]|supplying"
    r"|help(?:s|ed|ing)?|bankroll(?:s|ed|ing)?|protect(?:s|ed|ing)?"
)


@dataclass(frozen=True)
class Rule:
    kind: str
    shape: str  # active | passive | by | between | pair
    cue: re.Pattern[str]


def _rule(kind: str, shape: str, cue: str) -> Rule:
    # a cue glued to the next word by a hyphen is an adjective ("counter-ISIL coalition")
    return Rule(kind, shape, re.compile(rf"(?:{cue})(?!-)", re.I))


RULES: list[Rule] = [
    # -- supports: actor_a backs actor_b -------------------------------------------
    _rule(SUPPORTS, "passive", rf"\b(?:{_SUPPORT_VERBS})\s+by\b"),
    _rule(SUPPORTS, "passive",
          r"\b(?:with|under|receiv(?:ed|es|ing)|got|gets|enjoy(?:ed|s|ing)?)\s+(?:the\s+)?"
          r"(?:(?:strong|heavy|close|direct)\s+)?(?:(?:air|aerial|military|logistical|artillery"
          r"|financial|political)\s+)?(?:support|backing|help|cover|aid|assistance|protection"
          r"|weapons|arms)\s+(?:of|from)\b"),
    _rule(SUPPORTS, "passive", r"\b(?:air|aerial)\s+(?:support|cover)\s+(?:of|from|by)\b"),
    _rule(SUPPORTS, "active",
          rf"\b(?:{_SUPPORT_VERBS}|(?:in|of)\s+support\s+(?:of|for)|(?:air\s+)?support\s+(?:to|for)"
          r"|provid(?:es|ed|ing)\s+(?:[\w-]+\s+){0,3}?(?:support|cover|weapons|arms|training"
          r"|assistance|aid|help|funding|equipment)\s+(?:to|for))\b(?!\s+by\b)"),
    # -- allied_with -----------------------------------------------------------------
    _rule(ALLIED, "between",
          r"\b(?:coalition|alliance|partnership|cooperation|coordination|pact|joint forces"
          r"|joint operations?)\s+(?:of|between)\b"),
    _rule(ALLIED, "pair",
          r"\b(?:joined forces|join forces|allied|formed an alliance|teamed up|joined together"
          r"|fought together|fought side by side|are allies|were allies)\b(?!\s+(?:with|to)\b)"),
    _rule(ALLIED, "active",
          r"\b(?:alongside|allied\s+(?:with|to)|(?:in\s+)?(?:an\s+)?alliance\s+with|together\s+with"
          r"|along\s+with|join(?:ed|s|ing)?\s+forces\s+with|in\s+coordination\s+with"
          r"|coordinat(?:ed|ing|es)\s+with|in\s+cooperation\s+with|cooperat(?:ed|ing|es)\s+with"
          r"|partner(?:ed|ing|s)?\s+with|in\s+partnership\s+with|sid(?:ed|ing|es)\s+with"
          r"|aligned\s+with|(?:its|their|his|our)\s+(?:allies|ally|partners?|partner\s+forces)"
          r"|ally\s+of|allies\s+of|(?:fought|fighting|fight)\s+(?:side\s+by\s+side\s+)?with"
          r"(?=[^.;]{0,80}\bagainst\b))\b"),
    # -- fights --------------------------------------------------------------------
    _rule(FIGHTS, "between",
          r"\b(?:clash(?:es|ed)?|fighting|fights?|battles?|combat|confrontations?|skirmish(?:es)?"
          r"|firefights?|gun ?battles?|exchanges?\s+of\s+fire|hostilities|war|conflict)\s+"
          r"(?:[\w-]+\s+){0,3}?between\b"),
    _rule(FIGHTS, "by",
          r"\b(?:attacks?|strikes?|air ?strikes?|raids?|shelling|bombardment|offensive|assault"
          r"|ambush|fire|bombing|advance|incursion)\s+(?:carried out\s+|launched\s+|conducted\s+)?"
          r"by\b"),
    _rule(FIGHTS, "passive",
          r"\b(?:attacked|targeted|ambushed|shelled|bombed|bombarded|struck|hit|raided|besieged"
          r"|assaulted|stormed|overrun|overran|killed|captured|seized|repelled|repulsed|driven"
          r"\s+out|pushed\s+back|expelled|routed|defeated|fired\s+(?:on|upon|at)|engaged"
          r"|(?:re)?taken|liberated)\s+by\b"
          r"|\b(?:fire|attacks?|shelling|bombardment|strikes?|air ?strikes?|rockets?|mortars?)\s+from\b"
          r"|\bunder\s+(?:heavy\s+)?(?:attack|fire|assault|bombardment|shelling|siege)\s+(?:from|by)\b"),
    _rule(FIGHTS, "pair",
          r"\b(?:clashed|fought|battled|exchanged\s+fire|skirmished)\b(?!\s+(?:with|alongside|against|by)\b)"),
    _rule(FIGHTS, "active", rf"\b(?:{_FIGHT_VERBS})\b(?!\s+by\b)"),
    _rule(FIGHTS, "active",
          rf"\b(?:{_FIGHT_NOUNS})\s+(?:[\w-]+\s+){{0,3}}?(?:against|on|targeting|to\s+(?:defeat"
          r"|destroy|counter|fight|degrade|eliminate|dislodge|oust|expel|drive\s+out|push\s+back"
          r"|retake|recapture|liberate|deny))\b"
          r"|\b(?:defeat|destruction|elimination|expulsion|ousting|rout)\s+of\b"),
    # the weakest cue, read last: "X ... against Y"
    _rule(FIGHTS, "active", r"(?<!protest )(?<!protests )(?<!warned )(?<!warn )\bagainst\b"),
]
# Every rule behind its screen (see extract.screen), all read in one pass over a sentence:
# a sentence is read against every rule, and most of them find no cue in it.
_RULE_SCREENS = ScreenSet([Screened(rule.cue) for rule in RULES])

# An aside that does not hold the clause's subject: ", backed by X,", ", which ...,".
# Participles of backing: "backed by X", "armed by X".
_BY_VERBS = (r"(?:backed|supported|aided|assisted|armed|funded|trained|led|joined|accompanied"
             r"|reinforced|helped|equipped|covered)")
_ASIDE = re.compile(
    rf",\s*(?:{_BY_VERBS}\s+by|alongside|together\s+with|along\s+with|with\s+(?:the\s+)?"
    r"(?:help|support|backing)\s+of|with\s+air\s+(?:support|cover)\s+from|which|who|that|including"
    r"|primarily|mainly|mostly)[^,;]*,", re.I)
# What may join two actors of one side: "X and Y", "X, Y", "X as well as Y".
_CONJ = re.compile(r"\s*(?:,\s*)?(?:and|or|as\s+well\s+as|,)\s*(?:the\s+|its\s+|their\s+)?", re.I)
# Between an actor and the cue of a "pair" rule only auxiliaries and adverbs may stand.
_PAIR_GAP = re.compile(r"(?:\s+(?:have|has|had|reportedly|also|again|then|fiercely|heavily"
                       r"|briefly|both|all|each|later|have\s+been|had\s+been))*\s*", re.I)
# A claimant's own side, as the claim names it: "shelling its positions".
_OWN_SIDE = re.compile(r"^\s*(?:its|their|our)\s+(?:own\s+)?(?:positions?|fighters|forces|troops"
                       r"|bases?|members|units?|areas?|territory|posts?|checkpoints?|men)\b", re.I)
# An actor after these is an object, not the clause's doer: "in support of Y", "backed by Y".
_SUPPORTED = re.compile(rf"\b(?:{_BY_VERBS}\s+by|in\s+support\s+of"
                        r"|support(?:s|ed|ing)?(?:\s+(?:for|to))?|coordinated\s+with(?:\s+and\s+in"
                        r"\s+support\s+of)?|on\s+behalf\s+of|assist(?:s|ed|ing)?|backing)\s+"
                        r"(?:the\s+)?$", re.I)
_TARGETED = re.compile(r"\b(?:against|targeting|on)\s+(?:the\s+)?$", re.I)
_OWNER = re.compile(r"(?:['’]s?)?\s*|\s+(?:in|during|with|to\s+join)\s+(?:their|its|the)\s+"
                    r"(?:[\w-]+\s+){0,2}", re.I)
_RELATIVE = re.compile(r",?\s*(?:which|who|that)\b[^,;]*", re.I)
_INSTRUMENT = re.compile(r"\b(?:using|with|by)\b", re.I)
_INSTRUMENT_HEAD = re.compile(r"\b(?:aircraft|warplanes|jets|drones|artillery|helicopters|planes)$", re.I)
_WITH_ASIDE = re.compile(r",\s*(?:together\s+with|alongside|along\s+with)\b[^,;]*,", re.I)
# Words between an actor and a cue that make the actor a bystander, not the doer.
_REPORTING = re.compile(r"\b(?:condemn|denounc|deplor|welcom|congratulat|thank|mourn|call(?:ed|s)?"
                        r"\s+for|urg|discuss|expect|met\b|said|says|told|reported)", re.I)
# Cues that read as a noun as often as a verb: a verb only right after its subject.
_NOUN_OR_VERB = re.compile(r"(?:attacks?|strikes?|hit|raids?|bombs?|shells?|assaults?|fights?|battles"
                           r"|ambush(?:es)?|targets|counters?|clears|defeats?|kills?|captures?"
                           r"|seizes?|engages?|fight|fighting|training|support|backing|help|aid"
                           r"|funding|train|back|fund)", re.I)
_BASE_FORM = re.compile(r"support|fund|train|equip|assist|help|bankroll|protect|finance|advise"
                        r"|reinforce", re.I)
_GAP_BREAK = re.compile(r"\b(?:toward|towards|to|in|on|at|into|near|after|before|during|against"
                        r"|through|across|inside|outside|while|when)\b", re.I)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got|gets)\s+(?:\w+ly\s+)?$", re.I)
_BACKED = re.compile(r"\b(?:backed|supported|aided|covered|helped|assisted)\s+by\s+(?:[\w-]+\s+){0,3}$"
                     r"|\bwith\s+(?:the\s+)?(?:help|support|backing)\s+of\s+(?:[\w-]+\s+){0,3}$", re.I)
_INFINITIVE = re.compile(r"\b(?:to|will|would|can|could|may|might|must|should|did|do|does)\s+$", re.I)
# A determiner and up to two words before a cue: the cue is a noun ("a lasting defeat").
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|our|these|those|this|multiple|several"
                         r"|recent|many)\s+(?:(?!(?:is|are|was|were|has|have|had|been|be|will|would"
                         r"|can|could|also|not|to)\b)[\w-]+\s+){0,2}$", re.I)
_ON = re.compile(r"\s+(?:on|against|targeting|at)\s+", re.I)
_CLAUSE_BREAK = re.compile(r";|\s[—–]\s|:\s")
_ALLY_WORDS = re.compile(r"\b(?:alongside|with|together|along|backed|supported|aided|by|ally|allies"
                         r"|partners?)\b", re.I)

# Text actors the registry does not know.
_FORCE_HEAD = (r"forces|force|troops|army|armies|militias?|militiamen|rebels|fighters|militants"
               r"|insurgents|jihadists|gunmen|soldiers|police|coalition|regime|government"
               r"|brigades?|battalions?|division|units?|partners|allies|aircraft|warplanes|jets"
               r"|drones|group|groups|guerrillas|paramilitaries|opposition|terrorists|extremists"
               r"|marines|airmen|squadron|wing|special operations|security services|enemy|artillery")
_FORCE_MOD = (r"(?:(?-i:[A-Z][\w'’.\-]*)|\d+(?:st|nd|rd|th)|expeditionary"
              r"|[\w.]+-(?:led|backed|allied|aligned|held|supported)|pro-[\w-]+"
              r"|anti-[\w-]+|opposition|rebel|government|regime|militant|jihadist|armed|tribal"
              r"|security|military|coalition|allied|enemy|terrorist|local|ground|special|partner"
              r"|partnered|extremist|insurgent|islamist|shia|shiite|sunni|arab|kurdish|foreign"
              r"|international|global|federal|national|state|naval|air|syrian|iraqi|remotely|piloted"
              r"|unmanned|fighter|bomber|combat|rocket)")
FORCE_PHRASE = re.compile(
    rf"\b(?:(?:the|its|their|our)\s+)?(?:{_FORCE_MOD}\s+){{0,4}}(?:{_FORCE_HEAD})\b"
    rf"|\b(?:the|its|their|our)\s+(?:{_FORCE_HEAD})\b"
    # a unit by its number: "the 407th AEG", "3rd Battalion"
    r"|\b(?:the\s+)?\d+(?:st|nd|rd|th)\s+(?:(?-i:[A-Z][\w-]*)\s+){0,3}(?-i:Battalion|Brigade|Division"
    r"|Regiment|Squadron|Wing|Group|Corps|Army|Fleet|Company|Forces?|Marines|[A-Z]{2,5})\b"
    # a people: "the Iraqi people"
    r"|\bthe\s+(?-i:[A-Z][a-z]+)\s+people\b", re.I)
# Heads that name a side even alone ("rebels", "the regime"); "forces" alone names nobody.
_SIDE_ALONE = re.compile(r"(?i)(?:the\s+)?(?:coalition|rebels|insurgents|jihadists|militants|opposition"
                         r"|regime|enemy|guerrillas|paramilitaries)$|the\s+government$"
                         r"|(?:its|their|our)\s+(?:partners|allies)$")
_FORCE_HEAD_ONLY = re.compile(rf"^(?:(?:the|its|their|our)\s+)?(?:{_FORCE_HEAD})$", re.I)
_WHERE = re.compile(r"(?:\b(?:in|across|to|from|near|of|into|throughout|inside|within|at|over"
                    r"|around|outside|between)\s+(?:(?:north|south|east|west|central)\w*\s+)?"
                    r"(?:[A-Z][\w.]*\s*(?:,|and|or)\s+)*"
                    r"|[A-Z][\w.]*,\s+)$", re.I)
_PLACE_AFTER = re.compile(r"^['’]s\s+(?:[A-Z][\w-]*\s+){0,2}(?:province|governorate|city|town|capital"
                          r"|north|south|east|west|northern|southern|eastern|western|border)", re.I)
_NOT_ACTORS = frozenset({"civilians", "people", "the people", "residents", "group", "groups",
                         "government", "force", "unit", "units", "division", "state"})


@dataclass(frozen=True)
class TextActor:
    """An actor the registry does not know, kept as its text."""

    name: str
    country: str = ""


def sentence_actors(ctx: DocContext, start: int, end: int, iso: str = "") -> list[Match]:
    """The actors of one sentence (offsets in the matching text), in order: registry
    matches first, then text actors where no registry match stands."""
    found: list[Match] = []
    for m in ctx.actors:
        if not (start <= m.start < end):
            continue
        if isinstance(m.value, GenericState):
            resolved = [r for r in resolved_actors(ctx, iso) if r.start == m.start] if iso else []
            found.append(resolved[0] if resolved else Match(m.start, m.end, m.text, TextActor(m.text)))
        elif m.value.inter > 0 and m.value.inter != 7:  # type: ignore[attr-defined]
            found.append(m)

    def free(s: int, e: int) -> bool:
        return not any(f.start < e and s < f.end for f in found)

    # a registry name with a possessive ("the SDF's fight"): the name without it, same offsets
    for m in names_past_possessives(ctx):
        if start <= m.start and m.end <= end and m.value.inter > 0 and m.value.inter != 7 \
                and free(m.start, m.end):  # type: ignore[attr-defined]
            found.append(m)

    # "we" inside a quote is the speaker's side ("We will defeat Daesh," the general said);
    # outside quotes it is the author's, when the publisher is a registry actor (CENTCOM)
    publisher = ctx.registry.lookup(ctx.doc.publisher) if ctx.doc.publisher else None
    publisher = publisher if publisher is not None and publisher.inter > 0 else None
    for m in re.finditer(r"\b[Ww]e\b", ctx.norm[start:end]):
        s, e = start + m.start(), start + m.end()
        q = _claim_of(ctx.quotes, ctx, s)
        actor = ctx.registry.get(q.speaker_actor_id) if q and q.speaker_actor_id else None
        if actor is not None and actor.inter > 0 and free(s, e):
            found.append(Match(s, e, m.group(), actor))
        elif q is not None and q.speaker and q.speaker.lower() not in ("we", "i", "it", "they") \
                and free(s, e):
            found.append(Match(s, e, m.group(), TextActor(q.speaker)))
        elif q is None and publisher is not None and free(s, e):
            found.append(Match(s, e, m.group(), publisher))  # the author's "we": the publisher
    for m in _force_phrases(ctx.norm, start, end):
        text = m.group()
        if _FORCE_HEAD_ONLY.match(text) and not _SIDE_ALONE.match(text):
            continue  # "forces", "the group": nobody in particular
        if text.lower() in _NOT_ACTORS or not free(m.start(), m.end()):
            continue
        found.append(Match(m.start(), m.end(), text, TextActor(text)))
    ents = ctx.__dict__.get("entities")  # NER is read where it already ran, never run here
    if ents is not None:
        for ent in ents.spans:
            # a people ("Iraqis", "the Kurds") takes sides; a demonym ("the Syrian town") does not
            if start <= ent.start < end and ent.label == "NORP" and ent.text.endswith("s") \
                    and free(ent.start, ent.end):
                found.append(Match(ent.start, ent.end, ent.text, TextActor(ent.text)))
    for m in re.finditer(r"\b(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}", ctx.norm[start:end]):
        s, e = start + m.start(), start + m.end()
        name = re.sub(r"^the\s+", "", m.group())
        iso = _country(ctx, name)
        if not iso or not free(s, e) or _WHERE.search(ctx.norm[max(0, s - 60) : s]) \
                or _PLACE_AFTER.match(ctx.norm[e : e + 60]):
            continue  # "in Syria", "near Tabqa, Syria", "Syria's Idlib province": a place
        found.append(Match(s, e, m.group(), TextActor(m.group(), iso)))
    return sorted(found, key=lambda m: m.start)


def _force_phrases(norm: str, start: int, end: int) -> list[re.Match[str]]:
    """FORCE_PHRASE's matches in norm[start:end], the pattern run only where one may be:
    a match holds a word of its screen, or a unit's ordinal number."""
    if not _FORCE_SCREEN.possible(fold(norm[start:end])) and not _ORDINAL.search(norm, start, end):
        return []
    return list(FORCE_PHRASE.finditer(norm, start, end))


# FORCE_PHRASE's screen (see extract.screen) without its numbered units ("the 407th AEG"),
# whose only words are ordinal endings that nearly every sentence holds; those are found by
# their ordinal instead (a digit alone sent every sentence with a toll to the pattern).
_FORCE_SCREEN = Screened(re.compile("|".join(
    a for a in alternatives(FORCE_PHRASE.pattern) if not a.startswith(r"\b(?:the\s+)?\d+")),
    FORCE_PHRASE.flags))
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\s", re.I)  # as FORCE_PHRASE's numbered units


def _country(ctx: DocContext, name: str) -> str:
    """The ISO code of a country named alone ("Turkey", "the United States", "U.S.")."""
    abbreviated = ctx.gazetteer.abbreviations.get(name)
    if abbreviated and abbreviated[0].feature == "country":
        return abbreviated[0].iso
    if len(name) <= 3 or name.isupper():
        return ""
    places = ctx.gazetteer.lookup(name)[:2]
    return next((p.iso for p in places if p.feature == "country"), "")


def to_ref(ctx: DocContext, m: Match, iso: str = "") -> ActorRef:
    if isinstance(m.value, TextActor):
        return ActorRef(name=m.value.name, country=m.value.country, span=ctx.span(m.start, m.end))
    return actor_ref(ctx, m, iso)


# -- the rules at work -------------------------------------------------------------------
def _clause(ctx: DocContext, start: int, end: int, at: int, at_end: int) -> tuple[int, int]:
    """The stretch of the sentence around a cue that its actors may come from."""
    lo, hi = start, end
    for b in _CLAUSE_BREAK.finditer(ctx.norm, start, end):
        if b.end() <= at:
            lo = b.end()
        elif b.start() >= at_end:
            hi = b.start()
            break
    return max(lo, at - 220), min(hi, at_end + 160)


def _joined(ctx: DocContext, left: Match, right: Match) -> bool:
    return bool(_CONJ.fullmatch(ctx.norm[left.end : right.start]))


def _with_conjuncts(ctx: DocContext, actors: list[Match], i: int, lo: int, hi: int) -> list[Match]:
    """Actor i and the actors joined to it by "and" or commas."""
    group = [actors[i]]
    j = i - 1
    while j >= 0 and actors[j].start >= lo and _joined(ctx, actors[j], actors[j + 1]):
        group.insert(0, actors[j])
        j -= 1
    j = i + 1
    while j < len(actors) and actors[j].end <= hi and _joined(ctx, actors[j - 1], actors[j]):
        group.append(actors[j])
        j += 1
    return group


def _before(ctx: DocContext, actors: list[Match], at: int, lo: int, sentence: tuple[int, int],
            noun_cue: bool = False) -> int | None:
    """Index of the actor nearest before ``at`` that is not inside an aside."""
    asides = [(a.start(), a.end()) for a in _ASIDE.finditer(ctx.norm, sentence[0], sentence[1])
              if a.end() <= at]
    nearest = [i for i, m in enumerate(actors) if lo <= m.start < at]
    if not nearest:
        return None
    def partner(i: int) -> bool:
        return partner_of(ctx, actors, i, lo)

    # "X, which flies missions against Y": the relative clause's subject is X;
    # "the coalition campaign against Y", "the SDF's fight against Y": X owns the cue
    # "X in their campaign against Y": "their" is X's
    last = nearest[-1]
    gap = ctx.norm[actors[last].end : at]
    if (_OWNER.fullmatch(gap) and (noun_cue or gap.strip() or not partner(last))
            or not partner(last) and _RELATIVE.fullmatch(gap)):
        return last
    free = [i for i in reversed(nearest)
            if not any(s <= actors[i].start and actors[i].end <= e for s, e in asides)]
    doers = [i for i in free if not partner(i)]
    return (doers or free or [None])[0]


def partner_of(ctx: DocContext, actors: list[Match], i: int, lo: int) -> bool:
    """Whether actor i is no doer: "in support of Y", "backed by Y" (a partner of the
    doer), "strikes against Y" (the target)."""
    before = ctx.norm[max(lo, actors[i].start - 45) : actors[i].start]
    return bool(_SUPPORTED.search(before) or _TARGETED.search(before))


def _after(ctx: DocContext, actors: list[Match], at: int, hi: int, skip_allies: bool = False,
           near: bool = False, words: int = 12, plain: bool = False) -> int | None:
    """Index of the first actor after ``at``; ``near``: one the cue governs (no comma
    between, at most ``words`` words); ``plain``: and no preposition that starts another
    phrase between."""
    since = at
    for i, m in enumerate(actors):
        if m.start < at or m.end > hi:
            continue
        gap = ctx.norm[at : m.start]
        if near and (re.search(r",\s", gap) or len(gap.split()) > words):
            return None
        if plain and _GAP_BREAK.search(gap):
            return None  # "under cover of morning fog toward positions the SDF held"
        if skip_allies and _ALLY_WORDS.search(ctx.norm[since : m.start]):
            since = m.end  # "fought alongside X against Y": X is a partner, Y the enemy
            continue
        return i
    return None


def _pairs(ctx: DocContext, rule: Rule, cue: re.Match[str], actors: list[Match],
           sentence: tuple[int, int]) -> list[tuple[Match, Match]]:
    lo, hi = _clause(ctx, sentence[0], sentence[1], cue.start(), cue.end())
    at, at_end = cue.start(), cue.end()
    if rule.shape == "between":
        i = _after(ctx, actors, at_end, hi)
        if i is None or len(ctx.norm[at_end : actors[i].start].split()) > 3:
            return []
        group = _with_conjuncts(ctx, actors, i, at_end, hi)
        return [(group[0], group[1])] if len(group) >= 2 else []
    if rule.shape == "pair":
        i = _before(ctx, actors, at, lo, sentence)
        if i is None or not _PAIR_GAP.fullmatch(ctx.norm[actors[i].end : at]):
            return []
        group = _with_conjuncts(ctx, actors, i, lo, at)
        return [(group[0], group[1])] if len(group) >= 2 else []
    if rule.shape == "by":
        i = _after(ctx, actors, at_end, hi)
        if i is None or len(ctx.norm[at_end : actors[i].start].split()) > 2:
            return []
        doers = _with_conjuncts(ctx, actors, i, at_end, hi)
        tail = _ON.match(ctx.norm, doers[-1].end, hi)
        j = _after(ctx, actors, tail.end(), hi) if tail else None
        if j is not None and len(ctx.norm[tail.end() : actors[j].start].split()) <= 2:
            targets = _with_conjuncts(ctx, actors, j, tail.end(), hi)
        else:
            k = _before(ctx, actors, at, lo, sentence)
            targets = _with_conjuncts(ctx, actors, k, lo, at) if k is not None else []
        return [(a, b) for a in doers for b in targets]
    i = _before(ctx, actors, at, lo, sentence,
                noun_cue=bool(re.match(rf"(?:{_FIGHT_NOUNS})\b", cue.group(), re.I)))
    before = ctx.norm[max(lo, at - 30) : at]
    if rule.kind == FIGHTS and rule.shape == "active" and _PASSIVE_AUX.search(before) \
            and not cue.group().endswith("ing"):
        return []  # "23 militants were killed": the subject suffered it; no doer is named
    if rule.kind == FIGHTS and rule.shape == "passive" and _BACKED.search(before):
        return []  # "an advance backed by air strikes from the coalition": support, not a fight
    # the doer of a passive cue stands right after it ("backed by US aircraft", not "under
    # cover of morning fog, ... the SDF")
    j = _after(ctx, actors, at_end, hi, skip_allies=rule.kind == FIGHTS and rule.shape == "active",
               near=rule.shape in ("active", "passive"),
               words=12 if rule.kind == FIGHTS and rule.shape == "active" else 6,
               plain=rule.shape == "passive")
    if j is None:
        return []
    if i is None and rule.shape in ("active", "passive"):
        # a fronted phrase: "In the campaign to defeat ISIL, the SDF ..."
        comma = re.compile(r"[^,]{0,60},\s*(?:the\s+)?").match(ctx.norm, actors[j].end, hi)
        i = next((k for k, m in enumerate(actors) if comma and m.start == comma.end()), None)
        if i is not None:
            return [(a, b) for a in _with_conjuncts(ctx, actors, i, at_end, hi)
                    for b in _with_conjuncts(ctx, actors, j, at_end, actors[i].start)]
    if i is None:
        return []
    gap = ctx.norm[actors[i].end : at]
    if rule.kind == SUPPORTS and _BASE_FORM.fullmatch(cue.group()) and not _INFINITIVE.search(
            ctx.norm[max(lo, at - 12) : at]):
        return []  # "support", "help" alone: a verb only after "to", "will", "can" ...
    if _REPORTING.search(gap):
        return []  # "The United States condemns the attacks ...": not the doer
    if rule.shape == "active" and _NOUN_OR_VERB.fullmatch(cue.group()) and not _INFINITIVE.search(
            ctx.norm[max(lo, at - 12) : at]) and (_DETERMINER.search(ctx.norm[max(lo, at - 40) : at])
            or cue.group().endswith("s") and len(gap.split()) > 2):
        return []  # "the attacks", "a lasting defeat", "multiple strikes": a noun, not the verb
    left = _with_conjuncts(ctx, actors, i, lo, at)
    if rule.kind == FIGHTS and rule.shape == "active":
        # ", together with our partners," and "in support of Y" fight on the doer's side
        for aside in _WITH_ASIDE.finditer(ctx.norm, left[-1].end, at):
            left += [m for m in actors if aside.start() <= m.start and m.end <= aside.end()]
        left += [m for m in actors if left[-1].end <= m.start and m.end <= at and m not in left
                 and _SUPPORTED.search(ctx.norm[max(lo, m.start - 45) : m.start])]
        # "X conducted strikes using aircraft against Y": the aircraft are X's
        if _INSTRUMENT.search(ctx.norm[lo : left[0].start]) and _INSTRUMENT_HEAD.search(left[0].text):
            subject = next((m for m in actors if lo <= m.start and m.end <= left[0].start
                            and not _SUPPORTED.search(ctx.norm[max(lo, m.start - 45) : m.start])),
                           None)
            if subject is not None:
                left.insert(0, subject)
    right = _with_conjuncts(ctx, actors, j, at_end, hi)
    if rule.shape == "passive":  # B cue A
        if re.search(r",\s*(?:\w+ly\s+)?$", ctx.norm[lo:at]):
            # ", aided by X": the clause's subject is the one aided
            subject = next((k for k, m in enumerate(actors) if lo <= m.start < at and not partner_of(
                ctx, actors, k, lo)), None)
            left = _with_conjuncts(ctx, actors, subject, lo, at) if subject is not None else left
        return [(a, b) for a in right for b in left]
    return [(a, b) for a in left for b in right]


def _compound_supports(ctx: DocContext, actors: list[Match], iso: str
                       ) -> list[tuple[ActorRef, Match]]:
    """"Iranian-backed militias", "US-backed SDF": the supporter is named in the word."""
    from warlog.extract.lang import en

    out = []
    for m in actors:
        head = re.search(r"([A-Za-z][\w.]*)-(?:backed|supported|funded|armed|sponsored|trained)\b",
                         ctx.norm[max(m.start - 30, 0) : m.end])
        if not head:
            continue
        word = head.group(1)
        country = en.DEMONYMS.get(word.lower()) or next(
            (p.iso for p in ctx.gazetteer.lookup(word)[:1] if p.feature == "country"), "")
        actor = ctx.registry.lookup(word) or (ctx.registry.state_forces(country) if country else None)
        s = max(m.start - 30, 0) + head.start(1)
        span = ctx.span(s, s + len(word))
        if actor is not None:
            out.append((ActorRef(name=actor.name, actor_id=actor.id, inter=actor.inter,
                                 country=actor.country, span=span), m))
    return out


def _claim_of(quotes: list[Quote], ctx: DocContext, at: int) -> Quote | None:
    for q in quotes:
        s, e = ctx.norm_range(q.span)
        if s <= at < e:
            return q
    return None


def _claimant(ctx: DocContext, q: Quote) -> str | None:
    actor = ctx.registry.get(q.speaker_actor_id) if q.speaker_actor_id else None
    return actor.name if actor else q.speaker


def find_relations(ctx: DocContext, sentences: list[tuple[int, int]], iso: str = ""
                   ) -> list[Relation]:
    """The relations stated in the given sentences (offsets in the matching text)."""
    out: list[Relation] = []
    seen: set[tuple] = set()
    quotes = ctx.quotes
    for sentence in sentences:
        actors = sentence_actors(ctx, sentence[0], sentence[1], iso)
        if not actors:
            continue
        span = ctx.span(*sentence)
        found: list[tuple[str, ActorRef, ActorRef, int]] = []
        used: list[tuple[int, int]] = []
        folded = fold(ctx.norm[sentence[0] : sentence[1]])
        may = _RULE_SCREENS.possible(folded)
        for i, rule in enumerate(RULES):
            if i not in may:
                continue  # none of the words every cue of the rule holds
            for cue in rule.cue.finditer(ctx.norm, sentence[0], sentence[1]):
                if any(s < cue.end() and cue.start() < e for s, e in used):
                    continue
                if cue.group()[:1].isupper() and cue.start() > sentence[0]:
                    continue  # part of a name: "the Global Coalition to Counter ISIL"
                if any(m.start <= cue.start() and cue.end() <= m.end for m in actors):
                    continue  # inside an actor's name: "US-backed forces", "Fighter Squadron"
                pairs = _pairs(ctx, rule, cue, actors, sentence)
                claim = _claim_of(quotes, ctx, cue.start())
                if not pairs and claim is not None and rule.shape == "active" and claim.speaker_span:
                    pairs = _own_side_pairs(ctx, rule, cue, actors, sentence, claim)
                for a, b in pairs:
                    ra = a if isinstance(a, ActorRef) else to_ref(ctx, a, iso)
                    rb = b if isinstance(b, ActorRef) else to_ref(ctx, b, iso)
                    if _same(ra, rb):
                        continue
                    found.append((rule.kind, ra, rb, cue.start()))
                if pairs:
                    used.append((cue.start(), cue.end()))
        if len(actors) >= 1:
            for supporter, m in _compound_supports(ctx, actors, iso):
                rb = to_ref(ctx, m, iso)
                if not _same(supporter, rb):
                    found.append((SUPPORTS, supporter, rb, m.start))
        for kind, ra, rb, at in found:
            key = (kind, ra.actor_id or ra.name, rb.actor_id or rb.name, sentence)
            if key in seen:
                continue
            seen.add(key)
            claim = _claim_of(quotes, ctx, at)
            out.append(Relation(kind=kind, actor_a=ra, actor_b=rb, span=span,
                                asserted=claim is None or bool(getattr(claim, "asserted", False)),
                                claimant=_claimant(ctx, claim) if claim is not None else None))
    return out


def _own_side_pairs(ctx: DocContext, rule: Rule, cue: re.Match[str], actors: list[Match],
                    sentence: tuple[int, int], claim: Quote) -> list[tuple[Match, Match]]:
    """"The SDF accused Turkey of shelling its positions": Turkey fights the SDF."""
    if rule.kind != FIGHTS or not _OWN_SIDE.match(ctx.norm[cue.end() : cue.end() + 40]):
        return []
    lo, _ = _clause(ctx, sentence[0], sentence[1], cue.start(), cue.end())
    s, e = ctx.norm_range(claim.speaker_span)  # type: ignore[arg-type]
    speaker = next((m for m in actors if s <= m.start < e), None)
    i = _before(ctx, actors, cue.start(), lo, sentence)
    if speaker is None or i is None or actors[i] is speaker:
        return []
    return [(actors[i], speaker)]


def _same(a: ActorRef, b: ActorRef) -> bool:
    if a.actor_id and a.actor_id == b.actor_id:
        return True
    if not a.actor_id and not b.actor_id and a.country and a.country == b.country:
        return True  # "the U.S." and "the United States"
    if a.span is None or b.span is None:
        return a.name == b.name
    return (a.span.start, a.span.end) == (b.span.start, b.span.end)
