"""Quotes (direct speech) and claims (reported speech): who said what, the words that
attribute it, and whether the author vouches for it.

Each ``Quote`` holds the content (``text``/``span``), the source as written
(``speaker``/``speaker_span``: "Omar Saadi, a rescue volunteer", "the ministry", "he"),
the registry actor the source names (``speaker_actor_id``: an actor match inside the
source, "a spokesman for the SDF" is the SDF), the cue (``cue``/``cue_span``: "said",
"told reporters", "according to", "accused") and ``asserted``: True when the cue
vouches for the content ("confirmed", "acknowledged", "revealed": the author asserts it
too), False when the author only attributes it ("said", "claimed", "according to").

The patterns, tried in this order (a content already taken is not taken twice):

* quotes, in quotation marks: ``"...," said X`` · ``"...," X said`` · ``X said: "..."``
  (and a second part after ``"...," X said, "..."``); Arabic ``قال X: "..."``;
* claims, one sentence each: ``X said (that) ...`` · ``According to X, ...`` ·
  ``..., according to X.`` · ``..., X said.`` · ``..., said X.``

A source is a name ("Gen. Joseph Votel", "the Syrian Observatory for Human Rights", with
an apposition ", a volunteer with ..."), a role ("a coalition spokesman", "local
sources", "two witnesses") or a pronoun ("he", "they").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from warlog.extract.actors import names_past_possessives
from warlog.extract.context import DocContext
from warlog.extract.lang import ar
from warlog.extract.screen import by_first_letter
from warlog.model import Quote

# -- cues ---------------------------------------------------------------------------------
# Verbs that attribute speech or a stated belief. A cue may follow an auxiliary or adverb
# ("has said", "also told") and "told" may take its hearer ("told reporters").
SAY_VERBS = (
    r"said|says|say|told|tells|stated|states|added|adds|claimed|claims|announced|announces"
    r"|declared|declares|wrote|writes|reported|reports|warned|warns|denied|denies|insisted|insists"
    r"|argued|argues|noted|notes|explained|explains|acknowledged|acknowledges|admitted|admits"
    r"|confirmed|confirms|suggested|suggests|tweeted|tweets|asked|asks|replied|replies|responded"
    r"|recalled|predicted|predicts|promised|promises|vowed|vows|pledged|pledges|alleged|alleges"
    r"|accused|accuses|blamed|blames|urged|urges|conceded|concedes|estimated|revealed|reveals"
    r"|indicated|indicates|pointed out|contended|maintained|maintains|emphasi[sz]ed|stressed"
    r"|complained|charged|countered|disputed|observed|remarked|testified|agreed|agrees"
    r"|believes|believed|thinks|thought|hopes|hoped|learned|learnt"
    r"|continued|commented|boasted|joked|wondered|cautioned|signalled|signaled|concluded|concludes"
    r"|called\s+(?:for|on)|calls\s+(?:for|on)|called|calls|cited|cites|found|finds|shows|showed"
    r"|described|describes|criticized|criticised|blasted|condemned|condemns|mentioned|mentions"
    r"|wants|wanted|plans|planned|proposed|proposes|demanded|demands|questioned|questions"
    r"|predicted|projected|projects|recommended|recommends|promised|threatened|threatens"
    r"|acknowledged|insisted|praised|praises|defended|defends|attacked|attacks|slammed|slams"
    r"|mocked|mocks|dismissed|dismisses|rejected|rejects|welcomed|welcomes|knew|knows|know"
    r"|believe|think|argue|claim|worry|worries|worried|guessed|estimates|explained|advised"
    r"|announced|asserted|asserts|reiterated|reiterates|recounted|recalls|added|explained"
)
# Participles that attribute a clause to the sentence's subject: "Trump spoke, saying ..."
PARTICIPLES = (r"saying|arguing|noting|adding|insisting|warning|claiming|explaining|telling\s+\w+"
               r"|asserting|suggesting|accusing|calling\s+(?:for|on)|calling|promising|vowing"
               r"|urging|predicting|stressing|declaring|announcing|acknowledging|writing")
# Cues that vouch for the content: the author asserts it too.
FACTIVE = re.compile(r"^(?:confirm|acknowledg|admit|reveal|show|prove|learn|discover|realis|realiz)",
                     re.I)
# (Word lists go into patterns grouped by their first letter: the same matches, found
# sooner; see screen.by_first_letter.)
_AUX_WORDS = (r"has|have|had|also|later|previously|then|would|will|repeatedly|publicly|recently"
              r"|reportedly|earlier|further|again|once|quickly|flatly|simply|privately|separately"
              r"|told\s+\w+\s+and")
_AUX = rf"(?:(?:{by_first_letter(_AUX_WORDS)})\s+)*"
_HEARER = (r"(?:\s+(?:reporters|journalists|the\s+[\w-]+(?:\s+[A-Z][\w-]*)*|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
           r"|him|her|them|us|me|supporters|the\s+crowd|an\s+interviewer|a\s+[\w-]+(?:\s+[\w-]+)?))?")
_CUE = rf"(?P<c>told{_HEARER}|(?:{by_first_letter(SAY_VERBS)}))"
_CUE_TAIL = rf"{_AUX}{_CUE}"

# -- sources ------------------------------------------------------------------------------
# capitalised words that start no name: a sentence's first word, days, pronouns
_NOT_NAME_WORDS = (
    r"On|In|At|After|Before|During|Since|When|While|But|And|Meanwhile|However"
    r"|Also|Yet|So|Then|Later|Earlier|Last|This|That|These|Those|Today|Yesterday|If"
    r"|Although|Though|As|For|From|With|Without|By|Of|To|Asked|Speaking|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday|There|Here|What|Why|How|Where|Having"
    r"|Being|Given|It|Its|According|Instead|Still|Even|Now|Just|Only|Not|No|A|An"
    r"|The|His|Her|Their|Our|My|Your|Several|Some|Many|Most|Other|Another|Both|All|Each|Every"
)
_NOT_NAME_START = rf"(?!(?:{by_first_letter(_NOT_NAME_WORDS)})\b)"
_NAME = (rf"(?:(?i:the)\s+)?{_NOT_NAME_START}[A-Z][\w'’.\-]*(?:[ \-](?:of|the|for|al|el|bin|and|de"
         r"|[A-Z][\w'’.\-]*))*")
# an acronym or a party and state after a name: "the Syrian Network for Human Rights
# (SNHR)", "Rep. John Mica (R-Fla.)" (not a dateline's wire: "ANKARA (Reuters)")
_NAME_BRACKET = r"(?:\s+\((?:[A-Z][A-Z&.\-]{1,9}|[RDI]-[A-Z][a-z]{1,5}\.?)\))?"
_APPOSITION = (rf"{_NAME_BRACKET}"
               r"(?:,\s+(?:(?:an?|the|who|his|her|its|their|[A-Z][\w.-]*['’]s)\s+"
               r"|(?!(?:and|or|but|which|that|as|if|when|while)\b)[a-z]"
               r"|(?:Democrat|Republican|Independent)\s+(?=of\b))"  # "..., Democrat of Iowa,"
               r"(?:[^,.\"“”]|(?<=\b[A-Z])\.|\.(?=\w)){3,80},?)?")
_ROLE_NOUNS = (
    r"spokesman|spokeswoman|spokesperson|spokespeople|official|officials|commander|commanders"
    r"|resident|residents|witness|witnesses|volunteer|volunteers|doctor|doctors|source|sources"
    r"|activist|activists|statement|monitor|monitors|analyst|analysts|expert|experts|aide|aides"
    r"|adviser|advisers|advisor|advisors|critic|critics|supporter|supporters|observer|observers"
    r"|lawmaker|lawmakers|leader|leaders|minister|ministry|officer|officers|police|army|military"
    r"|group|agency|government|report|reports|survey|poll|polls|campaign|team|director|chief"
    r"|president|member|members|people|voter|voters|staff|staffer|staffers|representative"
    r"|representatives|diplomat|diplomats|researcher|researchers|investigator|investigators"
    r"|prosecutor|prosecutors|journalist|journalists|reporter|reporters|correspondent"
    r"|survey|surveys|average|study|studies|analysis|data|figures|filing|documents|records"
    r"|court|lawsuit|complaint|memo|letter|email|emails|economists?|scholars|candidates?|nominee"
    r"|office|bureau|command|headquarters|council|committee|department|centre|center|mayor"
    r"|governor|senator|congressman|congresswoman|chairman|chairwoman|secretary|speaker|judge"
    r"|general|colonel|captain|lieutenant|sheikh|cleric|imam|priest|bishop|ambassador|envoy"
    r"|negotiator|mediator|premier|king|queen|prince|emir|head|founder|owner|manager|executive"
    r"|lawyer|attorney|professor|scientist|teacher|student|father|mother|son|daughter|brother"
    r"|sister|wife|husband|man|woman|survivor|survivors|victim|farmer|driver|nurse|medic"
    r"|paramedic|engineer|worker|workers|guard|soldier|soldiers|fighter|fighters|militant|rebel"
    r"|charity|organisation|organization|foundation|network|observatory|association|union"
    r"|party|movement|coalition|alliance|commission|institute|newspaper|channel|outlet"
)
# words that never modify a role noun: a source does not start before them
_NOT_MODIFIER_WORDS = (
    r"when|and|but|that|which|who|after|before|as|while|the|a|an|on|in|at|of|to"
    r"|for|with|by|from|was|were|is|are|had|has|have|said|says|told|if|because|than|then"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|it|he|she|they|we|i"
    r"|not|also|said|this|these|those|there|where|what|how|why|his|her|their|its"
)
_NOT_MODIFIER = rf"(?!(?:{by_first_letter(_NOT_MODIFIER_WORDS, ignorecase=True)})\b)"
_ROLE = (rf"(?:(?i:an?|the|some|two|three|several|other|many|most|senior|local|\d+)\s+)?"
         rf"(?:(?i:{_NOT_MODIFIER})[\w.'’\-]+\s+){{0,3}}?(?:{by_first_letter(_ROLE_NOUNS)})"
         rf"(?:\s+(?:of|for|with|at|from|in)\s+{_NAME}|\s+(?!(?i:the)\b){_NAME})?")
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)"
SPEAKER = rf"(?P<s>\b{_PRONOUN}\b|\b{_NAME}{_APPOSITION}|\b{_ROLE}\b{_APPOSITION})"

# quotation marks: straight, curly, guillemets, and the doubled apostrophes of some wires
_OPEN, _CLOSE = r"(?:[\"“«]|'')", r"(?:[\"”»]|'')"
_Q = rf"{_OPEN}(?P<q>(?:(?!''|'’)[^\"”»“«\n]){{2,600}}){_CLOSE}"
_Q2 = rf"(?:,?\s*{_OPEN}(?P<q2>(?:(?!'')[^\"”»“«\n]){{2,600}}){_CLOSE})?"
_BEFORE_QUOTE = r"(?:\s+(?:that|in\s+a\s+statement|on\s+\w+))?\s*[:,]?\s*"
QUOTE_PATTERNS = [
    # "...," said Ahmed Khalil, a civil defence volunteer.
    re.compile(_Q + rf"\s*,?\s*{_CUE}\s+{SPEAKER}" + _Q2),
    # "...," Ahmed Khalil said. / "...," he said, "..."
    re.compile(_Q + rf"\s*,?\s*{SPEAKER}\s+{_CUE_TAIL}" + _Q2),
    # A coalition spokesman said: "..."
    re.compile(rf"{SPEAKER}\s+{_CUE_TAIL}{_BEFORE_QUOTE}" + _Q),
    # قال ...: "..."
    re.compile(rf"(?P<c>{ar.SAY_VERBS})\s+(?P<s>[^:\"«»]{{3,80}}?)\s*[:،]?\s*" + _Q),
]
_CONTENT = r"(?P<q>[^\n]{15,400}?)"
_END = r"(?=[.!?][\"”’]?(?:\s|$)|$)"
# (pattern, anchored): an anchored pattern reads the sentence from its start
CLAIM_PATTERNS = [
    # The ministry said (that) ...
    (re.compile(rf"{SPEAKER}\s+{_CUE_TAIL}\s+(?:that\s+|on\s+\w+\s+(?:that\s+)?)?{_CONTENT}{_END}"),
     False),
    # According to X, ...
    (re.compile(rf"\b(?P<c>[Aa]ccording\s+to)\s+(?P<s>[^,.]{{3,80}}),\s*{_CONTENT}{_END}"), False),
    # ..., according to X.
    (re.compile(rf"{_CONTENT},?\s+(?P<c>according\s+to)\s+(?P<s>[^,.;]{{3,80}}?)\s*{_END}"), True),
    # ..., the ministry said.
    (re.compile(rf"{_CONTENT},\s+{SPEAKER}\s+{_CUE_TAIL}(?:\s+on\s+\w+)?\s*{_END}"), True),
    # ..., said the ministry.
    (re.compile(rf"{_CONTENT},\s+{_CUE}\s+{SPEAKER}\s*{_END}"), True),
    # ..., which, the ministry said, is ...
    (re.compile(rf",\s+{SPEAKER}\s+{_CUE_TAIL},\s+{_CONTENT}{_END}"), False),
    # The minister spoke on Monday, saying (that) ...
    (re.compile(rf"{SPEAKER}\s[^\"“”]*?,\s+(?P<c>{by_first_letter(PARTICIPLES)})\s+(?:that\s+)?"
                rf"{_CONTENT}{_END}"), True),
    # Authorities announced the arrest ... and said (that) ...: the subject said it (two
    # words at least between them: "Trump and Clinton said" is two sources)
    (re.compile(rf"{SPEAKER}\s+(?:[^\"“”\s,;]+\s+){{2,}}?and\s+{_CUE_TAIL}\s+(?:that\s+)?"
                rf"{_CONTENT}{_END}"), True),
]
# Cheap tests that skip a costly pattern where it cannot match (see find_quotes).
# A claim with its source before or after the cue has a space right before the cue.
_SPACE_CUE = re.compile(rf"\s(?:told|{by_first_letter(SAY_VERBS)})")
_PARTICIPLE = re.compile(rf",\s+(?:{by_first_letter(PARTICIPLES)})")
CLAIM_GATES = [_SPACE_CUE, "ccording", "ccording", _SPACE_CUE, _SPACE_CUE, _SPACE_CUE, _PARTICIPLE,
               _SPACE_CUE]
# "X said: "..."" holds a cue, then its opening mark; nothing before that mark is one of
# these quotation marks (a source and a cue hold none; see _said_then_quote).
_CUE_THEN_QUOTE = re.compile(rf"{_CUE}{_BEFORE_QUOTE}{_OPEN}")
_MARK = re.compile(r"[\"“”]")
# The furthest a lookahead of the source's patterns reads past where it stands
# ("Wednesday" and a word boundary): with a margin.
_LOOKAHEAD = 16
_DATELINE = re.compile(r"[A-Z][A-Z' .\-]{2,40}(?:,\s*[A-Z][\w ]{2,30})?\s*(?:\([^)]{0,60}\))?\s*[—–-]{1,2}\s+")


def _speaker_actor(ctx: DocContext, start: int, end: int) -> str | None:
    """The registry actor a source names: an actor match inside it ("a spokesman for the
    SDF"), else a registry name in it once possessives are set aside ("the SDF's press
    office")."""
    for a in ctx.actors:
        if start <= a.start < end and getattr(a.value, "id", None):
            return a.value.id  # type: ignore[attr-defined]
    found = [m for m in names_past_possessives(ctx) if start <= m.start and m.end <= end]
    return found[0].value.id if found else None  # type: ignore[attr-defined]


def _quote(ctx: DocContext, m: re.Match[str], kind: str, group: str = "q") -> Quote:
    q0, q1 = m.start(group), m.end(group)
    dateline = _DATELINE.match(ctx.norm, q0, q1)  # "FALLUJAH, Iraq (Wire) - " is no one's word
    if dateline and q1 - dateline.end() >= 15:
        q0 = dateline.end()
    s0, s1 = m.span("s")
    speaker = m.group("s").strip(" ,") if m.group("s") else None
    if speaker:  # the span of the source without the commas round it
        s0 += len(m.group("s")) - len(m.group("s").lstrip(" ,"))
        s1 -= len(m.group("s")) - len(m.group("s").rstrip(" ,"))
    cue = m.group("c").strip() if m.group("c") else None
    content = ctx.span(q0, q1)
    return Quote(
        text=content.text,
        speaker=speaker,
        speaker_actor_id=_speaker_actor(ctx, s0, s1) if speaker else None,
        kind=kind,
        span=content,
        speaker_span=ctx.span(s0, s1) if speaker else None,
        cue=cue,
        cue_span=ctx.span(m.start("c"), m.end("c")) if cue else None,
        asserted=bool(cue and FACTIVE.match(cue)),
    )


def find_quotes(ctx: DocContext) -> list[Quote]:
    quotes: list[Quote] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    said_then_quote = QUOTE_PATTERNS[2]
    for m in (m for p in QUOTE_PATTERNS for m in (
            _said_then_quote(ctx.norm) if p is said_then_quote else p.finditer(ctx.norm))):
        if not free(m.start("q"), m.end("q")) or not free(*m.span("s")):
            continue
        taken += [m.span("q"), m.span("s")]
        quotes.append(_quote(ctx, m, "quote"))
        if "q2" in m.re.groupindex and m.group("q2") and free(*m.span("q2")):
            taken.append(m.span("q2"))
            quotes.append(_quote(ctx, m, "quote", "q2"))
    norm = ctx.norm
    for start, end in ctx.sentences:
        passed: dict[object, bool] = {}
        for (pattern, anchored), gate in zip(CLAIM_PATTERNS, CLAIM_GATES, strict=True):
            # every match holds what its gate looks for, inside the sentence
            if gate not in passed:
                passed[gate] = (norm.find(gate, start, end) >= 0 if isinstance(gate, str)
                                else gate.search(norm, start, end) is not None)
            if not passed[gate]:
                continue
            found = pattern.match(ctx.norm, start, end) if anchored else None
            for m in [found] if anchored else pattern.finditer(ctx.norm, start, end):
                if m is None:
                    continue
                if not free(m.start("q"), m.end("q")) or not free(*m.span("s")):
                    continue
                if re.fullmatch(r"\W*", m.group("q")):
                    continue
                taken += [m.span("q"), m.span("s")]
                quotes.append(_quote(ctx, m, "claim"))
    return sorted(quotes, key=lambda q: q.span.start)


def _said_then_quote(text: str) -> Iterator[re.Match[str]]:
    """QUOTE_PATTERNS[2].finditer(text), the same matches, with the pattern run only
    between quotation marks where a cue runs into an opening mark.

    A match starting at p holds none of " “ ” before its opening mark (a source, a cue
    and what may come between hold none), so that mark is the first of them from p, or
    comes before it (« or ''), and the cue lies between p and it: where _CUE_THEN_QUOTE
    finds nothing from p to the next mark, no match starts there. And the match's
    content holds none of them either, so from p the pattern reads no further than the
    mark after the next, and a search that stops a little past it finds what a search of
    the whole text finds at p."""
    pattern = QUOTE_PATTERNS[2]
    marks = [m.start() for m in _MARK.finditer(text)] + [len(text)]
    pos, i = 0, 0
    while pos < len(text):
        while marks[i] < pos:
            i += 1
        mark = marks[i]
        if _CUE_THEN_QUOTE.search(text, pos, mark + 1) is not None:
            stop = marks[i + 1] + 1 + _LOOKAHEAD if i + 1 < len(marks) else len(text)
            m = pattern.search(text, pos, stop)
            if m is not None and m.start() <= mark:
                yield m
                pos = m.end()
                continue
        pos = mark + 1
