"""English cue lists. Written from ACLED's and Airwars' definitions; an analyst can
read and extend them. Patterns are regular expressions matched case-insensitively
on one sentence."""

from __future__ import annotations

# (event_type, sub_event_type, trigger pattern). Order matters: the first rule that
# matches a sentence wins, so the most specific weapons come first.
EVENT_RULES: list[tuple[str, str, str]] = [
    ("Explosions/Remote violence", "Chemical weapon",
     r"\b(chemical (?:weapons? )?attack|chemical weapons?|chlorine|sarin|nerve agent|toxic gas"
     r"|poison(?:ous)? gas|mustard gas)\b"),
    ("Explosions/Remote violence", "Suicide bomb",
     r"\b(suicide (?:car )?bomb(?:er|ers|ing|ings)?|suicide attack(?:er)?s?|blew (?:him|her)self up"
     r"|detonated (?:an? )?explosive (?:vest|belt)|s?vbied|suicide vest)\b"),
    ("Explosions/Remote violence", "Air/drone strike",
     r"\b(air ?strikes?|air ?raids?|aerial (?:bombardment|attack|strikes?)|bombing raids?"
     r"|warplanes?|war ?planes?|fighter jets?|jets? (?:struck|hit|bombed|pounded)|drone strikes?"
     r"|drone attacks?|barrel bombs?|helicopters? dropped|air attacks?|bombed from the air"
     r"|strikes? by (?:the )?(?:coalition|russian|syrian|iraqi|turkish|israeli|us) (?:aircraft|jets|planes))\b"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED",
     r"\b(car bombs?|roadside bombs?|ieds?|improvised explosive devices?|landmines?|land mines?"
     r"|booby[- ]trap(?:ped|s)?|explosive devices?|bomb (?:exploded|went off|blast)|bomb attacks?"
     r"|blast)\b"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     r"\b(shell(?:ed|ing|s)|artillery|mortars?|rockets?|missiles?|grad|katyusha|bombard(?:ed|ment))\b"),
    ("Explosions/Remote violence", "Grenade", r"\b(grenades?)\b"),
    # a bare "strike" in these reports is nearly always from the air
    ("Explosions/Remote violence", "Air/drone strike", r"\b(strikes?|aircraft|bombings?|bombed)\b"),
    ("Violence against civilians", "Sexual violence", r"\b(rap(?:e|ed|es)|sexual (?:violence|assault)|sexually abused)\b"),
    ("Violence against civilians", "Abduction/forced disappearance",
     r"\b(abduct(?:ed|ion|s)|kidnap(?:ped|ping|s)?|taken hostage|forcibly disappeared|went missing after)\b"),
    ("Strategic developments", "Other",
     r"\b(leaflets?|dropped (?:flyers|pamphlets))\b"),
    ("Battles", "Government regains territory",
     r"\b(recaptur(?:ed|e)|retook|retake|regain(?:ed)? control|liberat(?:ed|ion of)|reclaimed"
     r"|declar(?:ed|ing) victory|raised the (?:national )?flag|(?:broke|breaking|lifted) the siege"
     r"|took back|drove out|driven out|expelled)\b"),
    ("Battles", "Non-state actor overtakes territory",
     r"\b(seized control|overran|overrun|took control|captured the (?:town|city|village)|fell to)\b"),
    ("Violence against civilians", "Attack",
     r"\b(executed|execution|massacre[ds]?|shot dead|gunned down|summarily killed|beheaded"
     r"|opened fire on (?:civilians|residents|families)|used (?:civilians|residents) as (?:human )?shields)\b"),
    ("Battles", "Armed clash",
     r"\b(clash(?:ed|es)?|fighting|firefights?|gun ?battles?|fought|battle for|battles? (?:with|against)"
     r"|offensive|assault on|attacked (?:positions|checkpoints?|a checkpoint|an? (?:army|military) post)"
     r"|ambush(?:ed)?|skirmish(?:es)?)\b"),
    ("Protests", "Excessive force against protesters",
     r"\b(opened fire on (?:protesters|demonstrators)|protesters (?:were )?(?:killed|shot))\b"),
    ("Protests", "Protest with intervention",
     r"\b((?:dispersed|broke up) (?:the )?(?:protest|demonstration|crowd)s?|tear gas)\b"),
    ("Protests", "Peaceful protest", r"\b(protest(?:ed|ers|s)?|demonstrat(?:ion|ors|ed)|rall(?:y|ied))\b"),
    ("Strategic developments", "Arrests",
     r"\b(arrest(?:ed|s)?|detain(?:ed|s)|rounded up|arrest campaign|raids? and arrests)\b"),
    ("Strategic developments", "Looting/property destruction",
     r"\b(loot(?:ed|ing)|torch(?:ed|ing)|burn(?:ed|t) (?:down )?(?:homes|houses)|demolish(?:ed|ing))\b"),
    ("Strategic developments", "Agreement",
     r"\b(ceasefire (?:deal|agreement)|truce|evacuation (?:deal|agreement)|signed an? agreement)\b"),
]

# A bare "attack" or "killed" with a casualty figure but no weapon is still an event.
GENERIC_VIOLENCE = r"\b(attack(?:ed|s)?|killed|killing|dead|died|wounded|injured)\b"

# Words that make a sentence background, not news: "since 2014", "in 2016, ISIS ...".
BACKGROUND = r"\b(since (?:19|20)\d\d|years? ago|anniversary|in (?:19|20)\d\d,)"

KILLED = (r"(?:killed|killing|kills|dead|died|die|deaths?|lost their lives|martyred|perished"
          r"|death toll|bodies|slain|lives)")
INJURED = r"(?:injur(?:ed|ies|ing)|wound(?:ed|ing|s)|hurt|casualties)"

VICTIM_WORDS: dict[str, str] = {
    "civilian": "civilians", "civilians": "civilians", "residents": "civilians",
    "people": "", "persons": "", "villagers": "civilians", "worshippers": "civilians",
    "shoppers": "civilians", "family members": "civilians", "members of one family": "civilians",
    "children": "children", "child": "children", "kids": "children", "boys": "children",
    "girls": "children", "infants": "children", "babies": "children", "minors": "children",
    "women": "women", "woman": "women", "mothers": "women",
    "fighters": "combatants", "militants": "combatants", "soldiers": "combatants",
    "troops": "combatants", "jihadists": "combatants", "members": "",
    "family": "civilians", "relatives": "civilians", "neighbours": "civilians",
    "policemen": "combatants", "officers": "combatants", "gunmen": "combatants",
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12,
}
SCALE_WORDS = {"hundred": 100, "thousand": 1000}

# Vague quantities as (low, high). The low end follows ACLED's coding conventions
# ("dozens" = 12, "tens" = 10, "hundreds" = 100); the high end is the largest value
# the word can honestly mean, so the range stays credible.
VAGUE_NUMBERS: dict[str, tuple[int, int]] = {
    "dozens": (12, 99), "tens": (10, 99), "scores": (20, 99), "hundreds": (100, 999),
    "thousands": (1000, 9999), "several": (3, 9), "a few": (2, 5), "a number of": (2, 9),
    "many": (2, 99),
}

# Demonyms naming a state's forces: "Iraqi troops", "Russian warplanes".
DEMONYMS: dict[str, str] = {
    "iraqi": "IQ", "syrian": "SY", "russian": "RU", "turkish": "TR", "american": "US",
    "us": "US", "u.s.": "US", "british": "GB", "french": "FR", "iranian": "IR",
    "israeli": "IL", "jordanian": "JO", "lebanese": "LB", "saudi": "SA", "australian": "AU",
    "canadian": "CA", "dutch": "NL", "belgian": "BE", "danish": "DK", "german": "DE",
}
FORCE_NOUNS = (r"(?:army|troops|forces|soldiers|military|police|government forces|security forces"
               r"|shelling|artillery|tanks?|snipers?|gunfire|fire)")
AIR_NOUNS = (r"(?:warplanes?|war planes|jets?|aircraft|air force|planes|drones?|helicopters?"
             r"|air ?strikes?|air ?raids?|strikes?|bombing|bombardment|raids?)")

SAY_VERBS = r"(?:said|says|told|stated|added|claimed|announced|declared|wrote|reported|warned|denied|insisted)"

# Capitalised words that are never place names in these reports.
NOT_PLACES = frozenset(
    """the a an this that these those he she it they we i his her their our monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july
    august september october november december islamic state army police coalition civil
    defence defense forces president minister ministry aid hospital children women men
    people local city town village province governorate district north south east west
    eastern western northern southern central old new free human rights unit units front
    council world united nations news press update breaking syrian iraqi russian turkish
    american kurdish arab democratic popular mobilisation mobilization government regime
    military general colonel spokesman doctor witnesses sources residents activists said
    according on in at of and or but as after before during while when where massacre
    breaking urgent update warning victory liberty union independence freedom hope peace
    paradise eden mercy justice progress unity harmony concord friendship defiance
    resistance martyrs martyr airport bridge market square camp port""".split()
)

NEAR_WORDS = r"\b(near|outside|outskirts of|on the outskirts of|countryside of|around|close to|north of|south of|east of|west of|northeast of|northwest of|southeast of|southwest of|rural|countryside|villages? (?:near|in|around)|km from|kilometres from|kilometers from|miles from)\s+$"
