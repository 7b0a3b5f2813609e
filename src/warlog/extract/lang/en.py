"""English cue lists. Written from ACLED's and Airwars' definitions; an analyst can
read and extend them. Patterns are regular expressions matched case-insensitively
on one sentence."""

from __future__ import annotations

# (event_type, sub_event_type, trigger pattern). Order matters: the first rule that
# matches a sentence wins. Written from ACLED's sub-event definitions (codebook) and the
# verbs the press uses for each; read top to bottom they are:
#   1. developments that name a weapon or a fight that did not happen (weapons defused
#      or seized, places handed over, groups reorganised, bases set up, leaflets), so
#      they come before the weapons they name;
#   2. crowds (riots, then protests met with force, then protests): "protesters" decide
#      a sentence that also names the air strikes they protest against;
#   3. control of territory taken by force, which decides an event whatever weapon took it;
#   4. weapons, most specific first; agreements with their verb ("signed a truce"),
#      after the weapons so that a strike "a day after the truce" stays a strike;
#      sexual violence and abductions;
#   5. fighting, then attacks on civilians;
#   6. weaker cues (a bare "protest", looting, arrests, withdrawals and deployments,
#      a bare "ceasefire", a bare "explosion").
# A toll alone ("12 civilians were killed") is in TOLL_RULES below. Who took a place
# (government or not) and what became of a protest are settled in events.py.
# "(?: [\w'-]+){0,4}?" lets up to four words stand between a verb and its object.
EVENT_RULES: list[tuple[str, str, str]] = [
    # -- 1. a weapon named but not used: defused, intercepted, shot down, seized, foiled
    ("Strategic developments", "Disrupted weapons use",
     r"\b((?:defus|dismantl|deactivat|disarm|neutrali[sz]|diffus|destroy|clear|remov)(?:ed|ing|es|e|s)?"
     r"(?: [\w'-]+){0,5}? (?:bombs?|ieds?|explosives?|(?:explosive )?devices?|(?:land)?mines|booby[- ]traps?"
     r"|unexploded (?:ordnance|bombs?|shells?|rockets?|missiles?|munitions)"
     r"|suicide (?:vests?|belts?)|ordnance|car bombs?|vbieds?)\b"
     r"|bomb (?:disposal|squad)|sappers|de-?mining|mine clearance|controlled (?:explosion|detonation)"
     r"|(?:intercept(?:ed|s|ing)?|shot down|shoot(?:s|ing)? down|downed|brought down|bring(?:s|ing)? down)"
     r"(?: [\w'-]+){0,4}? (?:drones?|uavs?|unmanned (?:aerial )?(?:vehicles?|aircraft)"
     r"|missiles?|rockets?|projectiles?)"
     r"|air defen[cs]es?(?: systems?| units?)? (?:intercepted|downed|shot down|destroyed|repelled"
     r"|confronted|responded|thwarted)"
     r"|(?:missiles?|rockets?|drones?|projectiles?|uavs?)(?: [\w'-]+){0,3}? (?:were|was|have been|has been"
     r"|had been) (?:\w+ )?(?:intercepted|shot down|downed|destroyed in (?:mid-?)?air)"
     r"|(?:foil|thwart|avert|prevent|abort)(?:ed|s|ing)?(?: [\w'-]+){0,4}?"
     r" (?:attacks?|plots?|bombings?|terror\w*|assassination|explosion|blast)"
     r"|(?:seiz|confiscat|recover|impound|unearth|uncover|discover|found|find|finds|finding|captur|intercept)"
     r"(?:ed|es|e|ing|s)?(?: (?!and\b|then\b|fired\b|launched\b|after\b)[\w'-]+){0,6}?"
     r" (?:weapons?|arms|ammunition|ammo|rifles|guns|firearms|pistols|bullets|explosives?|munitions"
     r"|detonators?|ieds?|grenades|caches?|stash(?:es)?|stockpiles?|bomb-making|suicide (?:vests?|belts?)"
     r"|rocket launchers?|mortar (?:rounds|shells))\b"
     r"|(?:weapons?|arms|ammunition|ammunitions|explosives?|firearms|rifles|guns|pistols|bullets|grenades"
     r"|ieds?|bombs?|(?:explosive )?devices?|caches?|stash(?:es)?|depots?|stockpiles?)"
     r"(?: [\w'-]+){0,8}? (?:were|was|have been|has been|had been|being|are|is)(?: \w+)?"
     r" (?:seized|confiscated|recovered|found|discovered|impounded|defused|dismantled|intercepted"
     r"|captured|uncovered|unearthed)"
     r"|suspicious (?:package|parcel|object|bag|device|item)s?"
     r"|(?:exploded|detonated|went off) prematurely|accidentally (?:detonated|exploded|blew)"
     r"|while (?:planting|making|assembling|preparing|manufacturing|handling|fitting|laying)"
     r" (?:[\w'-]+ ){0,2}?(?:an? )?(?:bombs?|ieds?|explosives?|(?:explosive )?devices?|mines?))"),
    # -- control handed over without a fight (ACLED: non-violent transfer of territory)
    ("Strategic developments", "Non-violent transfer of territory",
     r"\b((?:without|with no) (?:a |any )?(?:fight|fighting|resistance|a shot (?:being )?fired"
     r"|firing a (?:single )?shot|bloodshed|clashes)|unopposed|(?:not|no) (?:encounter\w* )?(?:any )?resistance"
     r"|hand(?:ed|s|ing)? (?:[\w'-]+ ){0,4}?over (?:[\w'-]+ ){0,4}?(?:control|town|city|village|area|areas"
     r"|base|positions?|territory|checkpoints?|district|province|region|airport|crossing|security|posts?"
     r"|keys|authority)|handover of (?:[\w'-]+ ){0,3}?(?:control|town|city|village|area|areas|base|positions?"
     r"|territory|checkpoints?|security|posts?|districts?|authority)"
     r"|(?:seized|captured|took|taken|entered|occupied|moved into)(?: [\w'-]+){0,4}?"
     r" (?:deserted|abandoned|empty|vacated|evacuated)"
     r"|(?:entered|took over|taken over|took control|taken control|seized|controlled|captured|moved into"
     r"|regained|recaptured)(?: [\w'-]+){0,8}? (?:after|following|as|when|once) (?:the )?(?:[\w'-]+ ){0,4}?"
     r"(?:withdr\w+|pull-?out|pulled out|departure|retreat\w*|left)"
     r"|withdr\w+(?: [\w'-]+){0,6}? (?:in the face of|ahead of|as) (?:[\w'-]+ ){0,3}?advanc\w*)"),
    # -- a group changes: merges, forms, splits, pledges allegiance, renames, disbands
    ("Strategic developments", "Change to group/activity",
     r"\b(merg(?:ed|es|e|ing|er)\b|(?:formed|forming|form|launched|created|founded|established|announced)"
     r" (?:an? |the )(?:new )?(?:[\w'-]+ ){0,2}?(?:group|coalition|alliance|faction|militia|brigade"
     r"|battalion|front|movement|party|unit|council|organi[sz]ation|army|force|wing|umbrella)\b"
     r"|(?:formation|creation|establishment|launch) of (?:an? |the )?(?:new )?(?:[\w'-]+ ){0,2}?"
     r"(?:group|coalition|alliance|faction|militia|force|unit|army|brigade|front|movement|council)"
     r"|(?:groups?|units?|forces?|brigades?|militias?|factions?|council|alliance|coalition|wing"
     r"|branch|battalions?)(?: [\w'-]+){0,8}? (?:has|have|had) been (?:formed|set up|established"
     r"|created|launched|founded)"
     r"|(?:pledg|declar|swor|swear|renew|announc)(?:ed|e|es|ing|n)? (?:[\w'-]+ ){0,2}?(?:allegiance"
     r"|loyalty|bay'?ah)|allegiance to"
     r"|defect(?:ed|ion|ions|ors?|ing|s)?\b|switch(?:ed)? sides|chang(?:ed|es) sides|joined the ranks"
     r"|split (?:from|with|into|off)|splinter(?:ed)?|broke away|breakaway"
     r"|renam(?:ed|es|ing|e)\b|chang(?:ed|es|ing) (?:its|their|the group's) name|rebrand\w*"
     r"|new name"
     r"|dissol(?:ved|ves|ve|ving|ution)|disband(?:ed|s|ing|ment)?|demobili[sz]\w*"
     r"|withdr(?:ew|awn|aws|awal|awing|aw)(?: [\w'-]+){0,3}? from (?:the )?(?:[\w'-]+ ){0,2}?"
     r"(?:alliance|coalition|government|parliament|elections?|race|process|organi[sz]ation|cabinet)"
     r"|(?:suspend|halt|end|cease|stopp?)(?:ed|ing|s)? (?:its |their |all )?(?:military |armed )?"
     r"(?:operations|activities|activity|armed struggle|insurgency|campaign)"
     r"|(?:appoint|nam|select|elect|install|choos|chose)(?:ed|s|ing|e|en)? (?:[\w'-]+ ){0,3}?"
     r"(?:new|as its|as their) (?:leader|commander|chief|head|emir|spokesman))"),
    # -- a base, headquarters or checkpoint set up
    ("Strategic developments", "Headquarters or base established",
     r"\b((?<!newly )(?:set(?:s|ting)? up|establish(?:ed|es|ing)?|buil[dt]|erect(?:ed|ing)?|construct(?:ed|ing)?"
     r")(?: (?:an?|the|its|their|two|three|four|several|new|more|\d+))?(?: [\w'-]+){0,2}? "
     r"(?:(?:military |army |new )?bases?|headquarters|hq|checkpoints?|check-points?|outposts?"
     r"|(?:military|observation|security|army) (?:posts?|points?|positions?)|command (?:centers?|centres?"
     r"|posts?)|garrisons?|barracks|air ?base|training camps?|military camps?)\b"
     r"|(?:bases?|headquarters|hq|checkpoints?|outposts?|posts?|points?|garrisons?|barracks|camps?)"
     r"(?: [\w'-]+){0,3}? (?:was|were|has been|have been|had been|is being|are being)"
     r" (?:\w+ )?(?:set up|established|built|erected|constructed|opened|installed)"
     r"|establish(?:ed|es|ing)? (?:an? |its |their )?(?:military )?presence"
     r"|(?:open(?:ed|s|ing)?|relocat(?:ed|es|ing)|mov(?:ed|es|ing)) (?:an?|its|their|new)(?: [\w'-]+){0,2}?"
     r" (?:bases?|headquarters|hq|command (?:centers?|centres?|posts?)|offices?|outposts?))"),
    # -- leaflets dropped, mass graves found: ACLED's "other" developments (before the
    # aircraft that dropped the leaflets and the killings the graves hold)
    ("Strategic developments", "Other",
     r"\b(leaflets?|dropped (?:flyers|pamphlets)|mass graves?)\b"),
    # -- 2. crowds that turn violent (riots): the crowd itself throws, burns, clashes
    ("Riots", "Mob violence",
     r"\b(mobs?\b|lynch\w*|vigilantes?|mob justice|jungle justice|communal (?:clash\w*|violence|riots?)"
     r"|(?:angry|irate|enraged|furious) (?:crowd|residents|villagers|youths?|locals|people)"
     r"|beaten (?:to death )?by (?:a |an )?(?:angry |irate )?(?:crowd|residents|villagers|locals)"
     r"|(?:villagers|residents|locals|crowds?|youths|passers-by|people)"
     r" (?:(?!were\b|was\b|been\b|being\b)[\w'-]+ ){0,3}?(?:beat|lynched"
     r"|stoned|set upon|hacked))"),
    ("Riots", "Violent demonstration",
     r"\b(riot(?:s|ed|ing|ers)?\b(?! police| gear| squads?| control| units?)"
     r"|(?:protest|demonstration|rally|march)s? (?:[\w'-]+ ){0,2}?turned violent|turned violent"
     r"|violent (?:protests?|demonstrations?|clashes between (?:protesters|demonstrators))"
     r"|(?:protesters|demonstrators|protestors|students|youths|crowds?|agitators|supporters|marchers)"
     r" (?:(?!were\b|was\b|been\b|being\b|by\b)[\w'-]+ ){0,6}?(?:torched|torching|set fire|setting fire"
     r"|set ablaze|burn(?:ed|t|ing)"
     r"|vandali[sz]\w*|smash(?:ed|ing)|ransack\w*|stormed|storming|attacked|attacking|clashed|clashing"
     r"|blocked|blocking|looted|looting|damaged|destroyed)"
     r"|(?:threw|throwing|throw|hurled|hurling|pelted|pelting|lobbed|lobbing)(?: [\w'-]+){0,3}?"
     r" (?:stones?|rocks|bricks|bottles|molotov|petrol bombs|firebombs|fire ?crackers|fireworks"
     r"|projectiles|objects)"
     r"|(?:stones?|rocks|bricks|bottles|molotov(?: cocktails)?|petrol bombs|firebombs|fire ?crackers"
     r"|fireworks) (?:[\w'-]+ ){0,2}?(?:at|on|against) (?:the )?(?:riot )?(?:police|security|troops"
     r"|soldiers|officers|policemen)"
     r"|(?:stone|rock)[- ]pelt\w*"
     r"|clash\w*(?: [\w'-]+){0,3}? (?:between|with)(?: [\w'-]+){0,4}? (?:protesters|demonstrators"
     r"|protestors|students|rioters|crowds?|youths)"
     r"|(?:protesters|demonstrators|protestors) clash\w*)"),
    # -- protests met with force: killed or shot => excessive force; dispersed => intervention
    ("Protests", "Excessive force against protesters",
     r"\b((?:opened fire|fired (?:live )?(?:bullets|ammunition|rounds|shots)?|shot|shooting|killed|killing"
     r"|gunned down)(?: [\w'-]+){0,4}? (?:on |at |into )?(?:the )?(?:peaceful )?(?:protesters?"
     r"|demonstrators?|protestors?|marchers)"
     r"|(?:protesters?|demonstrators?|protestors?|marchers)(?: [\w'-]+){0,4}? (?:were |was |had been )?"
     r"(?:killed|shot dead|shot|gunned down|died|dead)"
     r"|excessive force|live (?:ammunition|bullets|rounds) (?:at|on|into|against|to)"
     r"|(?:used|using|with|fired|firing|shot) live (?:ammunition|bullets|rounds))"),
    ("Protests", "Protest with intervention",
     r"\b(tear ?gas|teargas|water cannons?|rubber (?:bullets|pellets)|pellet guns?|stun grenades?"
     r"|pepper[- ]spray\w*|batons?|baton[- ]charg\w*|lathi[- ]?charg\w*|truncheons"
     r"|(?:dispers|broke up|break up|breaking up|crack(?:ed)? down on|disrupt|suppress|quell)"
     r"(?:ed|e|es|ing|s)?(?: [\w'-]+){0,4}? (?:protest|demonstration|rally|march|crowd|sit-in"
     r"|gathering|protesters|demonstrators)s?"
     r"|(?:arrest|detain|round)(?:ed|ing|s)?(?: up)?(?: [\w'-]+){0,4}? (?:protesters|demonstrators"
     r"|protestors|marchers)"
     r"|(?:protesters|demonstrators|protestors|marchers)(?: [\w'-]+){0,3}? (?:were |was )?"
     r"(?:arrested|detained|beaten|dispersed|injured|wounded|hurt))"),
    # strong protest cues come before weapons: "protest against the air strikes"
    ("Protests", "Peaceful protest",
     r"\b((?:staged|held|hold|holding|organi[sz]ed|joined|took part in|launched|called)"
     r" (?:[\w'-]+ ){0,3}?(?:protests?|demonstrations?|rall(?:y|ies)|marches|march|sit-ins?|vigils?"
     r"|hunger strikes?)|took to the streets|take to the streets|protest(?:ed|ing)?"
     r" (?:against|over|outside|in front of|demanding)|(?:went|go|going|are|were|is|was) on (?:an? )?"
     r"(?:hunger |general |indefinite |nationwide )?strike|general strike|strike action"
     r"|(?:protesters|demonstrators|protestors|marchers)"
     r" (?:[\w'-]+ ){0,3}?(?:gathered|marched|chanted|demanded|rallied|carried|held|waved|shouted))"),
    # -- 3. control of a place taken by force
    ("Battles", "Government regains territory",
     r"\b(recaptured|retook|retaken|regained"
     r"|liberated|liberation of|reclaimed|took back|taken back|won back"
     r"|(?:restored|recovered|re-?established) (?:full )?control|re-?entered"
     r"|declar(?:ed|ing) victory|(?:raised|hoisted|planted) the (?:[\w'-]+ )?flag"
     r"|(?:broke|breaking|broken|lifted|ended|ending) (?:the |a )?siege"
     r"|(?:drove|driven|pushed|flushed|chased)(?: back| out)? (?:[\w'-]+ ){0,4}?(?:out of|(?:out |back )?from)\b"
     r"|expelled (?:[\w'-]+ ){0,2}?(?:militants|insurgents|rebels|fighters|jihadists|terrorists|forces)"
     r"|cleared (?:[\w'-]+ ){0,3}?of (?:militants|insurgents|rebels|terrorists|fighters|jihadists))\b"),
    ("Battles", "Non-state actor overtakes territory",
     r"\b((?:seized|took|taken|gained|wrested|assumed|tightened)"
     r" (?:full |total |complete |effective )?control|overran|overrun|overrunning|(?:full|total) control"
     r"|(?:fell|fallen) (?:in)?to (?!the ground|(?:his|her|their) death)"
     r"|(?:captured|seized|occupied|conquered|freed)(?: [\w'-]+){0,5}?"
     r" (?:towns?|city|cities|villages?|district|areas?|bases?|airport|airbase|hills?|positions?|territory"
     r"|neighbou?rhoods?|province|region|border (?:crossing|point)s?|crossings?|headquarters|outposts?"
     r"|checkpoints?|barracks|oil ?fields?|fields|dams?|islands?|camps?|strongholds?|posts?|port|capital)\b"
     r"|(?:gained|seized|captured|took|taken) (?:more )?(?:territory|ground)"
     r"|stormed and (?:took|seized|captured))"),
    # -- 4. weapons, most specific first
    ("Explosions/Remote violence", "Chemical weapon",
     r"\b(chemical (?:weapons? )?attack|chemical weapons?|chemical agents?|chemical munitions|chlorine"
     r"|sarin|nerve agents?|nerve gas|toxic gas(?:es)?|poison(?:ous)? gas(?:es)?|mustard gas|vx)\b"),
    ("Explosions/Remote violence", "Suicide bomb",
     r"\b(suicide[- ](?:car )?bomb(?:er|ers|ing|ings|s)?|suicide[- ]attack(?:er)?s?|suicide blast"
     r"|blew (?:him|her)self up|blew themselves up"
     r"|detonated (?:an? |his |her )?explosives?(?:-laden)? (?:vest|belt)|svbieds?|suicide vests?"
     r"|suicide belts?|explosive (?:vest|belt)s?|self-detonat\w*|(?:motorcycle|car|truck|lone|female)"
     r" bombers?)\b"),
    ("Explosions/Remote violence", "Air/drone strike",
     r"\b(air ?strikes?|air ?raids?|aerial (?:bombardments?|attacks?|strikes?|bombings?|bombs?)|bombing raids?"
     r"|warplanes?|war ?planes?|fighter[- ]jets?|fighter planes?|choppers|gunships?"
     r"|jets? (?:have been |had been |were |are )?(?:struck|hit|hitting|bombed|bombing|pounded|pounding"
     r"|destroyed|targeted|targeting|shelled|shelling)"
     r"|drone (?:strikes?|attacks?)|(?:armed|combat) drones?|uav strikes?|helicopter gunships?"
     r"|barrel bombs?|helicopters? (?:dropped|fired|struck|bombed)|air attacks?|bombed from the air"
     r"|(?<!car )(?<!truck )(?<!roadside )(?<!suicide )(?<!parcel )(?<!pipe )(?<!sticky )(?<!magnetic )"
     r"bombs? (?:hit|struck|fell|landed|were dropped|was dropped)|dropped (?:[\w'-]+ ){0,2}?bombs?"
     r"|air force|(?:launched|carried out) (?:[\w'-]+ ){0,2}?sorties"
     r"|strikes? by (?:the )?(?:coalition|russian|syrian|iraqi|turkish|israeli|us|saudi)"
     r" (?:aircraft|jets|planes))\b"),
    ("Explosions/Remote violence", "Grenade", r"\b((?<!propelled )(?<!propelled-)grenades?)\b"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED",
     r"\b(car bombs?|roadside bombs?|vbieds?|vehicle-borne (?:improvised )?explosive|ieds?"
     r"|improvised explosive devices?|landmines?|land mines?"
     r"|(?:ground|anti-tank|anti-personnel|anti-vehicle|sea|naval|limpet) mines?|limpet bombs?"
     r"|mine (?:blast|explosion)|booby[- ]trap(?:ped|s)?|explosive devices?|bomb (?:exploded|went off"
     r"|blast|explosion)|bomb attacks?|(?:sticky|magnetic|parcel|pipe|motorcycle|bicycle|remote[- ]controlled)"
     r" bombs?|remote(?:ly)?[- ]detonat\w*|blast|bomb(?:s)? (?:planted|hidden))\b"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     r"\b(shell(?:ed|ing|s)|artillery|mortars?|rockets?|grad|katyusha|bombard(?:ed|ment)"
     r"|missiles?(?! (?:pact|treaty|tests?|testing|launch(?:es|ers?)?|programm?e?s?|defen[cs]es?|deal|talks"
     r"|agreement|accord|technology|shield|sites?|silos?))"
     r"|projectiles?|howitzers?|tanks? (?:fire|fired|shells?|attacks?|attacked|shelled|rounds))\b"),
    # a bare "strike" in these reports is nearly always from the air
    ("Explosions/Remote violence", "Air/drone strike",
     r"\b(strikes?|aircrafts?|bombings?|bombed|drones?)\b"),
    # -- settled: ceasefires, deals, prisoner exchanges, surrenders (with their verb)
    ("Strategic developments", "Agreement",
     r"\b((?:sign|ink|reach|broker|seal|conclud|hammer(?:ed)? out|finali[sz]|approv|ratif)"
     r"(?:ed|es|e|ing|s)?(?: [\w'-]+){0,5}? (?:ceasefire|cease-fire|truce|armistice|agreements?"
     r"|deals?|accords?|pacts?|treaty|memorandum|settlement|understanding|roadmap)"
     r"|struck (?:an? |the )?(?:[\w'-]+ )?(?:deal|agreement|truce)"
     r"|agree(?:d|s|ing)? (?:to|on|upon)\b|(?:have|has|had) agreed|agreed (?:a|an|the)\b"
     r"|(?:declar|announc|accept|extend|respect|observ|implement|renew|proclaim)(?:ed|es|e|ing|s)?"
     r"(?: [\w'-]+){0,3}? (?:ceasefire|cease-fire|truce|armistice)"
     r"|(?:ceasefire|cease-fire|truce|armistice) (?:came into (?:force|effect)|took effect|went into effect"
     r"|agreement|deal|was (?:agreed|reached|signed|announced|declared|brokered)|has been (?:agreed"
     r"|reached|signed|announced|declared|brokered)|is holding|holds|began|started)"
     r"|(?:prisoners?|captives?|detainees?|hostages?|bodies|pows?) (?:exchange|swap)s?"
     r"|(?:exchange|swap)(?:d|ped|s)? (?:of )?(?:[\w'-]+ ){0,2}?(?:prisoners|captives|detainees|bodies|pows)"
     r"|(?:have|has|had) surrendered|surrendered (?:themselves |their (?:weapons|arms) )?to (?:the )?"
     r"(?:[\w'-]+ ){0,2}?(?:army|police|troops|forces|authorities|government)|turned themselves in"
     r"|(?:laid|lay|laying) down (?:their |its )?(?:arms|weapons)"
     r"|withdr(?:ew|awn|aws|awal|awing|aw)(?: [\w'-]+){0,3}? from (?:[\w'-]+ ){0,4}?(?:agreement|deal"
     r"|accord|treaty|pact|ceasefire|truce|talks|negotiations)"
     r"|memorandum of understanding|negotiated (?:an? )?(?:end|withdrawal|settlement|exit))"),
    ("Violence against civilians", "Sexual violence",
     r"\b(rap(?:e|ed|es|ing|ist|ists)|gang-?raped?|sexual(?:ly)? (?:violence|assault\w*|abus\w*"
     r"|exploit\w*|slaver\w*|harass\w*)|molest\w*|sex slaves?)\b"),
    ("Violence against civilians", "Abduction/forced disappearance",
     r"\b(abduct(?:ed|ion|ions|s|ing)?|kidnap(?:ped|ping|pings|s)?|taken hostage|held hostage"
     r"|took (?:[\w'-]+ ){0,3}?hostage|forcibly disappeared|forced disappearances?|enforced disappearances?"
     r"|went missing after|taken captive|held captive)\b"),
    # -- 5. fighting between armed groups
    ("Battles", "Armed clash",
     r"\b(clash(?:ed|es|ing)?|fighting(?! vehicles?)|firefights?|fire ?fights?|gun ?fights?|gun ?battles?"
     r"|shoot-?outs?|exchang(?:e|ed|es|ing) (?:of )?(?:heavy )?(?:fire|gunfire)|fire exchange|encounters?\b"
     r"|fought|battl(?:e|es|ed|ing)\b|skirmish(?:es)?|ambush(?:ed|es)?|counter-?attack\w*"
     r"|repel(?:led|s)? (?:an? |the )?(?:[\w'-]+ ){0,2}?(?:attack|assault|offensive|advance|incursion)"
     r"|(?:attack|storm|charg|assault)(?:ed|s|ing)? (?:on )?(?:an? |the )?(?:[\w'-]+ ){0,3}?"
     r"(?:positions?|checkpoints?|military|army|police|security|base|post|outpost|barracks|convoy"
     r"|patrol|camp|station|troops|soldiers|forces|garrison)"
     r"|(?:eliminated|neutrali[sz]ed)(?: [\w'-]+){0,3}? (?:suspected )?(?:militants|insurgents|rebels"
     r"|terrorists|jihadists|fighters|gunmen|bandits|extremists)"
     r"|(?:militants|insurgents|rebels|terrorists|jihadists|gunmen|bandits|extremists)"
     r"(?: [\w'-]+){0,3}? (?:were|was|have been|had been|being) (?:[\w'-]+ )?(?:neutrali[sz]ed|eliminated)"
     r"|(?:soldiers|troops|police|policemen|police officers|security (?:forces|personnel)|servicemen"
     r"|convoy|patrol|checkpoint|base|post)(?: [\w'-]+){0,3}? (?:were|was|have been|had been|being"
     r"|came under) (?:[\w'-]+ )?(?:ambushed|attacked|attack|targeted|fire))\b"),
    # -- violence against civilians
    ("Violence against civilians", "Attack",
     r"\b(executed|execution|massacre[ds]?|shot dead|gunned down|summarily killed|beheaded|hacked to death"
     r"|stabbed|murder(?:ed|s)?|assassinat\w*|tortur(?:ed|e|ing)|burned alive|burnt alive"
     r"|beat(?:en)? to death|shot and killed"
     r"|opened fire (?:on|at) (?:[\w'-]+ ){0,3}?(?:civilians|residents|families|worshipp?ers|villagers"
     r"|people|passengers|shoppers|a (?:bus|car|vehicle|wedding|market|mosque|church))"
     r"|(?:attacked|raided|stormed|targeted)(?: [\w'-]+){0,3}? (?:civilians|villagers|villages?|residents"
     r"|worshipp?ers|churches|church|mosques?|schools?|markets?|homes?|houses?|bus|passengers|farmers"
     r"|herders|journalists|a wedding|a funeral)"
     r"|used (?:civilians|residents) as (?:human )?shields|human shields"
     r"|(?:gunmen|assailants|attackers|unknown (?:men|persons|assailants)|armed men|bandits|militiamen)"
     r"(?: [\w'-]+){0,3}? (?:killed|shot|attacked|opened fire|stormed|raided|killing)"
     r"|(?:attacked|shot|targeted|stabbed|hacked|beaten) by (?:[\w'-]+ ){0,2}?(?:gunmen|assailants|attackers"
     r"|militants|militiamen|bandits|armed men|insurgents|jihadists|rebels|terrorists|soldiers|troops))\b"),
    # -- 6. weaker cues
    # a ground raid, the coalition's way against ISIS figures (Arabic "إنزال"): troops set
    # down by helicopter; "a raid" told alone, since "raids" on a town are mostly from the air
    ("Battles", "Armed clash",
     r"\b((?:conducted|carried out|launched|led) (?:a|an) (?:[\w'-]+ ){0,2}?raid(?! by)"
     r"|(?:ground|commando|special forces|helicopter-borne|heliborne|airborne|security|counter-?terrorism)"
     r" raids?|(?:landing|airdrop|airborne|heliborne) operations?|(?:carried out|conducted) (?:an? )?airdrops?"
     r"|airdrop (?:raid|operation)s?)\b"),
    ("Battles", "Armed clash",
     r"\b(offensive|assault on|operations? against"
     r"|military operations?|gunfire|exchanged fire|heavy fire|hostilities)\b"),
    ("Strategic developments", "Looting/property destruction",
     r"\b(loot(?:ed|ing|ers)?|plunder(?:ed|ing)?|pillag(?:ed|ing)|ransack(?:ed|ing)?|vandali[sz](?:ed|ing)"
     r"|torch(?:ed|ing)|set (?:on )?fire (?:to )?|set ablaze|burn(?:ed|t|ing) (?:down )?(?:[\w'-]+ ){0,2}?"
     r"(?:homes|houses|shops|villages?|crops|vehicles|cars|buildings|property|properties|churches"
     r"|mosques|schools|offices|fields|markets?)"
     r"|(?:homes|houses|shops|stores|vehicles|cars|buildings|property|properties|crops|churches|mosques"
     r"|schools|offices|villages)(?: [\w'-]+){0,3}? (?:were|was|have been|has been|had been)"
     r" (?:\w+ )?(?:burned|burnt|torched|looted|destroyed|demolished|razed|set on fire|set ablaze"
     r"|vandali[sz]ed|ransacked|bulldozed)"
     r"|demolish(?:ed|ing)|demolition|raz(?:ed|ing)|bulldoz(?:ed|ing)|destroy(?:ed|ing)"
     r" (?:[\w'-]+ ){0,3}?(?:homes|houses|property|properties|crops|shops|fields|buildings|farms"
     r"|infrastructure|towers?|masts?|equipment)|stole|stolen|steal\w*|rustl\w*|robbed"
     r"|confiscat(?:ed|ing) (?:[\w'-]+ ){0,3}?(?:property|properties|land|homes|houses|cattle"
     r"|livestock))\b"),
    ("Protests", "Peaceful protest",
     r"\b(protest(?:ed|ers|ors|s|ing)?(?! (?:organi[sz]ers?|leaders?))|demonstrat(?:ion|ions|ors|ed|ing)"
     r"|rall(?:y|ies|ied)"
     r"|sit-ins?|march(?:ed|es)? (?:to|through|on|against)|(?:general|hunger|labou?r|workers'?|teachers'?"
     r"|nationwide) strikes?|strike action|on strike|picket\w*|vigils?)\b"),
    ("Strategic developments", "Arrests",
     r"\b(arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|rounded up|taken into custody|in custody"
     r"|apprehend(?:ed|s)?|nabbed|held for questioning|picked up by|police custody)\b"),
    # a withdrawal alone (no one named taking over) is a change in a group's activity
    ("Strategic developments", "Change to group/activity",
     r"\b((?:withdr(?:ew|awn|aws|awal|awing|aw)|pull(?:ed|s|ing)? (?:out|back)|pull-?out"
     r"|retreat(?:ed|s|ing)?|mov(?:e|ed|ing) out)(?: (?!from\b)[\w'-]+){0,4}? from\b"
     r"|(?:deploy|redeploy)(?:ed|ing|ment|s)?(?: [\w'-]+){0,4}? (?:troops|forces|soldiers"
     r"|reinforcements|units|contingents?|battalions?|personnel|police|army|militia|fighters)"
     r"|(?:troops|forces|soldiers|reinforcements|units|fighters) (?:[\w'-]+ ){0,2}?(?:were |have been )?"
     r"(?:deployed|redeployed|dispatched|sent)"
     r"|(?:sent|dispatched|send|sending|mov(?:e|ed|es|ing)) (?:in )?(?:[\w'-]+ ){0,3}?(?:reinforcements"
     r"|troops|soldiers|forces|units|tanks|convoys?)"
     r"|reinforcements|troop (?:build-?up|movements?|deployments?|surge)|military build-?up"
     r"|recruit(?:ed|ing|ment|s)\b|conscript\w*|general mobili[sz]ation"
     r"|mobili[sz](?:ed|ing) (?:[\w'-]+ ){0,2}?(?:troops|fighters|reservists|forces|men)"
     r"|(?:fighters|forces|troops|militias?|volunteers|members)(?: [\w'-]+){0,3}? (?:have |has )?mobili[sz]ed"
     r"|join(?:ed|s|ing) (?:the )?(?:coalition|alliance|group|war|fight))\b"),
    ("Strategic developments", "Agreement",
     r"\b(ceasefire|cease-fire|truce|armistice|peace (?:talks|negotiations|process|conference|initiative"
     r"|deal|agreement|accord|treaty|pact|plan)|(?:evacuation|reconciliation|settlement|power-sharing"
     r"|surrender) (?:deal|agreement)"
     r"|talks (?:with|between)|negotiations?|agreement|accord|de-?escalation zones?"
     r"|(?:released|freed) (?:[\w'-]+ ){0,3}?(?:prisoners|detainees|captives|pows)"
     r"|surrendered)\b"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED",
     r"\b(explo(?:ded|sion|sions)|detonat(?:ed|ion|ions)|bombs?|blew up)\b"),
]

# A bare "attack" or "killed" with a casualty figure but no weapon is still an event.
GENERIC_VIOLENCE = (r"\b(attack(?:ed|s|ers)?|killed|killing|dead|died|wounded|injured|shot|shooting"
                    r"|gunmen|gunfire|stabbed|stabbing)\b")

# Words that make a sentence background, not news: "since 2014", "in 2016, ISIS ...".
BACKGROUND = r"\b(since (?:19|20)\d\d|years? ago|anniversary|in (?:19|20)\d\d,)"

KILLED = (r"(?:killed|killing|kills|dead|died|die|deaths?|lost their lives|martyred|perished"
          r"|death toll|bodies|slain|lives)")
INJURED = r"(?:injur(?:ed|ies|ing)|wound(?:ed|ing|s)|hurt|casualties)"

VICTIM_WORDS: dict[str, str] = {
    # civilians: the people Airwars and ACLED count as not taking part in the fighting
    "civilian": "civilians", "civilians": "civilians", "resident": "civilians",
    "residents": "civilians", "villager": "civilians", "villagers": "civilians",
    "citizen": "civilians", "citizens": "civilians", "worshipper": "civilians",
    "worshippers": "civilians", "worshiper": "civilians", "worshipers": "civilians",
    "shopper": "civilians", "shoppers": "civilians", "mourner": "civilians", "mourners": "civilians",
    "medic": "civilians", "medics": "civilians", "paramedic": "civilians", "paramedics": "civilians",
    "doctor": "civilians", "doctors": "civilians", "nurse": "civilians", "nurses": "civilians",
    "patient": "civilians", "patients": "civilians", "rescuer": "civilians", "rescuers": "civilians",
    "volunteer": "civilians", "volunteers": "civilians", "journalist": "civilians",
    "journalists": "civilians", "reporter": "civilians", "reporters": "civilians",
    "photographer": "civilians", "photographers": "civilians", "cameraman": "civilians",
    "cameramen": "civilians", "student": "civilians", "students": "civilians",
    "pupil": "civilians", "pupils": "civilians", "teacher": "civilians", "teachers": "civilians",
    "farmer": "civilians", "farmers": "civilians", "shepherd": "civilians", "shepherds": "civilians",
    "fisherman": "civilians", "fishermen": "civilians", "worker": "civilians", "workers": "civilians",
    "employee": "civilians", "employees": "civilians", "staff": "civilians",
    "staffers": "civilians", "staffer": "civilians",
    "passenger": "civilians", "passengers": "civilians", "pedestrian": "civilians",
    "pedestrians": "civilians", "refugee": "civilians", "refugees": "civilians",
    "displaced": "civilians", "protesters": "civilians", "demonstrators": "civilians",
    "relative": "civilians", "relatives": "civilians",
    "neighbour": "civilians", "neighbours": "civilians", "neighbor": "civilians",
    "neighbors": "civilians", "siblings": "civilians", "brothers": "civilians",
    "sisters": "civilians", "sons": "civilians", "daughters": "civilians", "cousins": "civilians",
    "parents": "civilians", "grandchildren": "civilians", "nephews": "civilians",
    "nieces": "civilians", "brother": "civilians", "sister": "civilians", "son": "civilians",
    "daughter": "civilians", "father": "civilians", "husband": "civilians", "cousin": "civilians",
    "elderly": "civilians",
    # people of a village's daily life, and its notables (a sheikh, an imam, an elder)
    "sheikh": "civilians", "sheikhs": "civilians", "imam": "civilians", "imams": "civilians",
    "elder": "civilians", "elders": "civilians", "mukhtar": "civilians", "driver": "civilians",
    "drivers": "civilians", "trader": "civilians", "traders": "civilians",
    "merchant": "civilians", "merchants": "civilians", "shopkeeper": "civilians",
    "shopkeepers": "civilians", "vendor": "civilians", "vendors": "civilians",
    "grandfather": "civilians", "uncle": "civilians", "nephew": "civilians", "niece": "civilians",
    "activist": "civilians", "activists": "civilians", "engineer": "civilians",
    "engineers": "civilians", "baker": "civilians", "bakers": "civilians",
    "labourer": "civilians", "labourers": "civilians", "laborer": "civilians",
    "laborers": "civilians", "herder": "civilians", "herders": "civilians",
    # children and women, subsets of the civilians
    "children": "children", "child": "children", "kids": "children", "kid": "children",
    "boys": "children", "boy": "children", "girls": "children", "girl": "children",
    "infants": "children", "infant": "children", "babies": "children", "baby": "children",
    "toddlers": "children", "toddler": "children", "minors": "children", "minor": "children",
    "schoolchildren": "children", "newborns": "children", "newborn": "children",
    "women": "women", "woman": "women", "mothers": "women", "mother": "women", "wives": "women",
    "wife": "women", "grandmother": "women", "aunt": "women",
    # combatants
    "fighters": "combatants", "fighter": "combatants", "militants": "combatants",
    "militant": "combatants", "rebels": "combatants", "rebel": "combatants",
    "gunmen": "combatants", "gunman": "combatants", "soldiers": "combatants",
    "soldier": "combatants", "troops": "combatants", "jihadists": "combatants",
    "jihadist": "combatants", "jihadis": "combatants", "insurgents": "combatants",
    "insurgent": "combatants", "militiamen": "combatants", "militiaman": "combatants",
    "policemen": "combatants", "policeman": "combatants", "officers": "combatants",
    "officer": "combatants", "commanders": "combatants", "commander": "combatants",
    "guards": "combatants", "guard": "combatants", "combatants": "combatants",
    "combatant": "combatants", "recruits": "combatants", "conscripts": "combatants",
    "servicemen": "combatants", "terrorists": "combatants", "extremists": "combatants",
    "mercenaries": "combatants", "loyalists": "combatants", "snipers": "combatants",
    "pilots": "combatants", "pilot": "combatants", "forces": "combatants",
    "terrorist": "combatants", "emir": "combatants", "emirs": "combatants",
    # nobody said who: counted by the evaluators as they see fit
    "people": "", "persons": "", "person": "", "individuals": "", "others": "", "men": "",
    "man": "", "victims": "", "members": "", "member": "", "personnel": "", "youths": "",
    "adults": "", "palestinians": "", "syrians": "", "iraqis": "", "israelis": "", "kurds": "",
    "yemenis": "", "afghans": "", "arabs": "", "lebanese": "", "turkmen": "", "alawites": "",
    "christians": "", "yazidis": "", "druze": "", "nationals": "", "foreigners": "",
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12, "a couple of": 2,
    "a pair of": 2,
}
SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 1000000}

# Vague quantities as (low, high). The low end follows ACLED's coding conventions
# ("dozens" = 12, "tens" = 10, "hundreds" = 100); the high end is the largest value
# the word can honestly mean, so the range stays credible.
VAGUE_NUMBERS: dict[str, tuple[int, int]] = {
    "dozens": (12, 99), "tens": (10, 99), "scores": (20, 99), "hundreds": (100, 999),
    "thousands": (1000, 9999), "several": (3, 9), "a few": (2, 5), "a number of": (2, 9),
    "many": (2, 99), "a handful of": (2, 5), "an unknown number of": (2, 99),
    "numerous": (2, 99), "multiple": (2, 99), "a large number of": (10, 99),
}

# Demonyms naming a state's forces: "Iraqi troops", "Russian warplanes".
DEMONYMS: dict[str, str] = {
    "iraqi": "IQ", "syrian": "SY", "russian": "RU", "turkish": "TR", "american": "US",
    "us": "US", "u.s.": "US", "british": "GB", "french": "FR", "iranian": "IR",
    "israeli": "IL", "jordanian": "JO", "lebanese": "LB", "saudi": "SA", "australian": "AU",
    "canadian": "CA", "dutch": "NL", "belgian": "BE", "danish": "DK", "german": "DE",
}
FORCE_NOUNS = (r"(?:army|troops|forces|soldiers|military|police|government forces|security forces"
               r"|shelling|artillery|tanks?|snipers?|gunfire|fire"
               # "a Turkish attack" (one attack told; "Israeli attacks", "missiles" are
               # often what another side intercepts or answers), "the Turkish occupying army"
               r"|attack|occupying (?:army|forces)|occupation (?:army|forces))")
AIR_NOUNS = (r"(?:warplanes?|war planes|jets?|aircraft|air force|planes|drones?|helicopters?"
             r"|air ?strikes?|air ?raids?|air attacks?|strikes?|bombing|bombardment|raids?)")

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
    resistance martyrs martyr airport bridge market square camp port
    god allah lord abu abo umm ibn bin bint
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
    # (a prayer's words and the parts of Arabic names, "Abu Jazar", "Umm Ahmed", are never
    # a place alone: "May God have mercy" was Göd, Hungary; nor is a month written short:
    # "On Nov 29" was a town in Tajikistan, "Jan" is Dschang, Cameroon)
)

NEAR_WORDS = r"\b(near|outside|outskirts of|on the outskirts of|countryside of|around|close to|north of|south of|east of|west of|northeast of|northwest of|southeast of|southwest of|rural|countryside|villages? (?:near|in|around)|km from|kilometres from|kilometers from|miles from)\s+$"


# -- casualty cues (read by extract/casualties.py) -----------------------------------
# A figure's kind comes from the word right after its noun phrase ("12 civilians were
# killed", "40 dead", "15 injured"), else from the verb right before it ("killing 12",
# "the death toll rose to 12", "wounding 30").
CASUALTY_KILLED_AFTER = (
    r"(?:killed|slain|martyred|executed|murdered|massacred|assassinated|beheaded|crucified"
    r"|shot dead|gunned down|(?:burn(?:ed|t)|crushed|stabbed|beaten|starved|tortured|shot) to death"
    r"|died|die|dead|perished|lost (?:their|his|her) lives?|deaths|fatalities|martyrs|bodies"
    r"|corpses|confirmed dead|found dead|pronounced dead|among the dead|among those killed"
    r"|among the victims|among the fatalities)")
CASUALTY_INJURED_AFTER = (
    r"(?:injured|wounded|hurt|maimed|injuries|hospitali[sz]ed|among the (?:injured|wounded)"
    r"|(?:suffered|sustained|received) (?:[\w-]+ )?(?:injuries|wounds))")
CASUALTY_KILLED_BEFORE = (
    r"(?:killed|killing|kills|kill|slew|slaying|massacred|massacring|executed|executing"
    r"|claimed the lives of|claiming the lives of|took the lives of|taking the lives of"
    r"|deaths? of|killing of|lives of|bodies of|massacre of|murder of|martyrdom of"
    r"|(?:death|casualty|fatality|the) toll (?:[^\d.;:()]{0,80}? )?(?:to|at|of|reached|hit|passed|topped|exceeded|is|was|from)"
    r"|number of (?:the )?(?:dead|deaths|people killed|those killed|killed|victims|martyrs|fatalities|bodies)"
    r" (?:[\w-]+ ){0,4}?(?:to|at|reached|hit|passed|topped|exceeded|is|was))")
CASUALTY_INJURED_BEFORE = (
    # "the injury of 14 others", as "the death of" tells the dead
    r"(?:injured|injuring|injures|wounded|wounding|wounds|hurt|hurting|maiming|injuries to"
    r"|(?:injury|injuries|wounding) of"
    r"|(?:injury|injured|wounded) toll (?:[\w-]+ ){0,4}?(?:to|at|of|reached|is|was)"
    r"|number of (?:the )?(?:injured|wounded|injuries|people injured|people wounded)"
    r" (?:[\w-]+ ){0,4}?(?:to|at|reached|is|was))")
# Killed and injured told together ("12 people were killed or injured"): no split.
CASUALTY_COMBINED = r"(?:killed|dead|deaths|died|martyrs|martyred)\s*(?:,|or|and|and/or|&)\s*(?:injured|wounded|hurt|injuries)|\bcasualties\b"
# Auxiliaries and adverbs between a noun phrase and its verb: "were reportedly killed".
CASUALTY_AUX = (r"(?:were|was|have|has|had|are|is|be|been|being|got|get|who|that|also|all|later"
                r"|reportedly|allegedly|initially|subsequently|eventually|both|each|now|so far"
                r"|confirmed|believed to have|said to have|thought to have|feared|likely|possibly"
                r"|reported|instantly|immediately|critically|seriously|severely|badly|lightly"
                r"|slightly|moderately|fatally|tragically|then|among them|among whom)")
# A figure of these is a count of things or time, never of people.
CASUALTY_NOT_PEOPLE = frozenset(
    """day days week weeks month months year years hour hours minute minutes night nights
    time times strike strikes airstrike airstrikes raid raids air bomb bombs bombing bombings
    barrel barrels missile missiles rocket rockets shell shells mortar mortars round rounds
    explosion explosions blast blasts attack attacks sortie sorties building buildings home
    homes house houses apartment apartments floor floors storey storeys village villages town
    towns city cities district districts neighbourhood neighbourhoods neighborhood
    neighborhoods area areas site sites location locations target targets position positions
    school schools hospital hospitals facility facilities mosque mosques vehicle vehicles car
    cars truck trucks ambulance ambulances tank tanks boat boats km kilometres kilometers mile
    miles metres meters percent per dollars generations wave waves series incident incidents
    occasion occasions province provinces governorate governorates region regions
    checkpoint checkpoints base bases camp camps shelter shelters tent tents tonnes bullet
    bullets shot shots grenade grenades drone drones jet jets plane planes aircraft helicopter
    helicopters thousands millions hundreds tens dozens separate consecutive families
    straight successive""".split())
# Sentences about a whole war or a long period, not one event: their figures are
# background ("more than 300,000 people have been killed since 2011").
CASUALTY_BACKGROUND = (
    r"\bsince (?:(?:early |mid[- ]|late )?(?:19|20)\d\d|(?:the )?(?:start|beginning|outbreak|onset) of"
    r"|(?:the )?(?:war|conflict|uprising|revolution|revolt|crisis|hostilities|intervention|offensive"
    r"|campaign|operation|siege) (?:began|started|erupted|broke out|was launched)"
    r"|(?:it|they) (?:began|started|erupted|intervened|launched)"
    r"|(?:early |mid[- ]|late )?(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december)\b)"
    r"|\b(?:war|conflict|uprising|revolution|crisis)\s*,?\s*(?:which|that)\s+(?:has|have|had)\s+"
    r"(?:now |so far |already )?(?:killed|left|claimed|cost)"
    r"|\b(?:war|conflict|uprising|crisis) (?:has|have|had) (?:now |so far |already )?(?:killed|left|claimed|cost)"
    r"|\b(?:so far |earlier )?this year|\blast year|\b(?:so far|earlier) this month|\bthroughout the (?:war|conflict|year)"
    r"|\b(?:in|over|during) (?:the )?(?:past|last|previous|course of the) (?:[\w-]+ )?(?:months?|years?)"
    r"|\b(?:months|years) of (?:[\w-]+ ){0,2}?(?:bombing|bombardment|fighting|clashes|shelling"
    r"|air ?strikes|strikes|raids|war|conflict|violence|siege|attacks|offensive)"
    r"|\b(?:monthly|weekly|annual|yearly) (?:death )?toll")


# -- event coding beyond the trigger (read by extract/events.py) ----------------------
# Natural and man-made disasters: a toll from one of these is no political violence, so
# a bare "killed" with a figure is not coded as an attack when the report names one.
DISASTER = (
    r"\b(?:earthquakes?|quakes?|tremors?|floods?|flooding|flash floods|landslides?|mudslides?"
    r"|tsunamis?|cyclones?|hurricanes?|typhoons?|(?-i:storms?)|tornado(?:es)?|wildfires?|bush ?fires?"
    r"|torrential rain|heavy rains?|disasters?|poison(?:ed|ing)|toxins?|overdose|(?:factory|plant|warehouse"
    r"|furnace|refinery|tanker|pipeline|cylinder|container|fireworks|mine|boiler|reactor) (?:blast|fire"
    r"|explosion|exploded|collapse)|(?:blast|fire|explosion) (?:at|in|ripped through) (?:an? |the )?"
    r"(?:[\w'-]+ ){0,3}?(?:factory|plant|warehouse|refinery|mine|depot|workshop|market)"
    r"|forest fires?|blaze|fire (?:broke out|engulfed|gutted|swept)|caught fire|gutted by fire"
    r"|(?:plane|air|bus|train|car|road|boat|helicopter|traffic) (?:crash|accident)e?s?|crash(?:ed|es)?"
    r"|collided|collision|derail\w*|capsiz\w*|sank|shipwreck|collapse[ds]?|stampedes?|drown(?:ed|ing)"
    r"|electrocuted|gas (?:leak|explosion|cylinder)|boiler|cholera|covid(?:-19)?|coronavirus"
    r"|pandemic|epidemic|heat ?waves?|avalanches?|volcan\w*|lightning|accidents?|accidental(?:ly)?)\b")

# With a disaster named in the sentence, these triggers (a bare toll, a bare explosion)
# say nothing of violence: the sentence is not coded from them.
DISASTER_VETOED = (r"^(?:explo\w*|blasts?|blew up|detonat\w*|kill\w*|died|dead|destroy\w*|damag\w*"
                   r"|burn\w*|demoli\w*)\b.*$|.*\bpeople$")

# Who took a place: words for state forces and for everyone else, matched before the
# taking verb ("government troops recaptured ..."), or after it in the passive ("the
# town fell to the militants", "was overrun by rebels"). The registry names the rest.
STATE_ACTOR_WORDS = (
    r"\b(?:army|armed forces|troops|soldiers|military|(?<!anti-)(?:pro-)?government(?: forces)?"
    r"|security forces|police|policemen|regime(?: forces)?|loyalists?|troopers|marines|commandos"
    r"|special forces|national guard|gendarmes?|gendarmerie|peshmerga|counter-?terrorism (?:forces"
    r"|service|units?)|federal (?:forces|troops)|state forces|forces loyal to the government)\b")
NONSTATE_ACTOR_WORDS = (
    r"\b(?:militants?|rebels?|insurgents?|jihadists?|jihadis|terrorists?|extremists?|gunmen|militias?"
    r"|militiamen|fighters|guerrill?as|separatists?|mujahideen|mujahidin|bandits|taliban"
    r"|(?:al[- ])?shabaa?b|boko haram|houthis?|huthis?|isis|isil|daesh|islamic state|al[- ]qaeda"
    r"|(?:al-)?nusra|opposition(?: forces)?|armed groups?|tribesmen|anti-government forces)\b")
# The taking verb in the passive: "fell to ...", "was recaptured by ..." (with PASSIVE_AUX
# just before the verb).
TAKEN_BY = r"^(?P<fell>fell|fallen)\b|^[\w'-]+(?: [\w'-]+){0,5}? by\b"
PASSIVE_AUX = r"\b(?:was|were|been|being|is|are|got)\s+(?:[\w-]+\s+)?$"

# Told after (or in the same sentence as) a protest, these say the crowd turned violent
# (ACLED codes it as a riot) ...
CROWD_VIOLENCE = (
    r"\b(?:(?:violence|clashes|rioting|chaos|scuffles|skirmishes) (?:erupted|broke out|flared|ensued"
    r"|escalated|spread|followed)|(?:erupted|broke out|flared|degenerated|descended|spiral+ed|turned)"
    r" (?:[\w'-]+ ){0,4}?(?:violence|violent|clashes|riots?|chaos|rioting)|escalating violence"
    r"|outbreaks? of violence|marred by (?:[\w'-]+ ){0,2}?violence|scuffl\w* with|clash(?:ed|es|ing)"
    r"|smashed|set ablaze|set on fire|torched|looted|vandali[sz]ed|threw|hurled|pelted|molotov"
    r"|petrol bombs|fire ?crackers|barricades|burning (?:tyres|tires))\b")
# ... or that the police detained some of it (ACLED: protest with intervention).
CROWD_ARRESTS = (
    r"\b(?:arrest(?:ed|s)|detain(?:ed|s)|rounded up)(?: [\w'-]+){0,4}? (?:people|persons|protesters"
    r"|demonstrators|protestors|participants|students|activists|\d+)"
    r"|\b(?:\d+|dozens|scores|hundreds|several|many)(?: [\w'-]+){0,4}? (?:were|have been|had been)"
    r" (?:arrested|detained|rounded up)")

# A toll alone says who died, not what killed them: it gives a provisional type (people
# killed: an attack; armed men killed: a clash) that a weapon or act named in a
# following sentence replaces ("12 civilians were killed on Sunday. The air strike ...").
TOLL_RULES: list[tuple[str, str, str]] = [
    ("Battles", "Armed clash",
     r"\b((?:killed|killing|kill|slew)(?: [\w'-]+){0,3}? (?:suspected )?(?:militants|insurgents|rebels"
     r"|terrorists|jihadists|fighters|gunmen|bandits|extremists|soldiers|troops|policemen|police officers"
     r"|officers|security personnel|servicemen|guards)"
     r"|(?:militants|insurgents|rebels|terrorists|jihadists|gunmen|bandits|extremists|soldiers|troops"
     r"|policemen|police officers|security personnel|servicemen)(?: [\w'-]+){0,3}? (?:were|was|have been"
     r"|had been|being) (?:[\w'-]+ )?(?:killed|wounded|injured))\b"),
    ("Violence against civilians", "Attack",
     r"\b((?:killed|killing|kill)(?: [\w'-]+){0,3}? (?:civilians|villagers|residents|worshipp?ers|farmers"
     r"|herders|passengers|women|children|students|teachers|journalists|people))\b"),
]
# A capture told as something that happened before the report's event ("the positions
# the SDF captured earlier this week") does not recode a fight told before it.
RECALLED = (r"\b(?:earlier (?:this|that|last) (?:week|month|year)|(?:last|previous|past) (?:week|month|year)"
            r"|(?:days|weeks|months|years) (?:ago|earlier|before)|previously|had (?:been )?(?:captured|seized"
            r"|taken|recaptured|retaken|overrun|lost))\b")
