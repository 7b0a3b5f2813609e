"""The actor registry: who fights in these wars, under every name the press uses.

The ``*.toml`` files here are written by the team and meant to be read and extended by
analysts: one ``[[actor]]`` table per actor with its ACLED inter code,
country, parent and English and Arabic aliases.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from warlog.gazetteer import SCAN_TABLE, begins_some, leading_words, name_key


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    inter: int
    country: str = ""
    parent: str = ""
    aliases: tuple[str, ...] = ()
    aliases_ar: tuple[str, ...] = ()
    pejoratives: tuple[str, ...] = ()
    pejoratives_ar: tuple[str, ...] = ()

    @property
    def combatant(self) -> bool:
        """NGOs, media and monitors speak about events; they do not act in them."""
        return self.inter > 0


@dataclass
class Registry:
    actors: dict[str, Actor] = field(default_factory=dict)
    # match key -> actor id; acronyms written in capitals are kept apart and
    # matched case-sensitively so "IS" never matches the verb "is"
    by_key: dict[str, str] = field(default_factory=dict)
    by_acronym: dict[str, str] = field(default_factory=dict)
    # the first word of every match key: a quick test before look-ups (see may_start_name)
    first_words: set[str] = field(default_factory=set)
    # every match key's leading words, as far as each space (see may_continue_name)
    name_prefixes: set[str] = field(default_factory=set)
    # every match key, acronyms' too, sorted once asked (see may_begin_name)
    key_order: list[str] | None = None

    @classmethod
    def load(cls, text: str | None = None) -> Registry:
        """Load the given TOML text, or every ``*.toml`` file shipped in this folder."""
        if text is None:
            folder = resources.files("warlog.registry")
            files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")),
                           key=lambda f: f.name)
            rows = [row for f in files for row in tomllib.loads(f.read_text("utf-8")).get("actor", [])]
        else:
            rows = tomllib.loads(text).get("actor", [])
        registry = cls()
        for row in rows:
            actor = Actor(
                id=row["id"],
                name=row["name"],
                type=row.get("type", ""),
                inter=int(row.get("inter") or 0),
                country=row.get("country", ""),
                parent=row.get("parent", ""),
                aliases=tuple(row.get("aliases", [])),
                aliases_ar=tuple(row.get("aliases_ar", [])),
                pejoratives=tuple(row.get("pejoratives", [])),
                pejoratives_ar=tuple(row.get("pejoratives_ar", [])),
            )
            registry.add(actor)
        return registry

    def add(self, actor: Actor) -> None:
        self.actors[actor.id] = actor
        self.key_order = None
        self.__dict__.pop(SCAN_TABLE, None)
        for alias in (actor.name, *actor.aliases, *actor.aliases_ar):
            if alias.isupper() and len(alias.replace(".", "")) <= 6:
                self.by_acronym.setdefault(alias, actor.id)
            else:
                self.by_key.setdefault(name_key(alias), actor.id)
            self._index_words(name_key(alias))
        for alias in (*actor.pejoratives, *actor.pejoratives_ar):
            self.by_key.setdefault(name_key(alias), actor.id)
            self._index_words(name_key(alias))

    def _index_words(self, key: str) -> None:
        """Note a name's first word and leading words, which the scan's tests read."""
        self.first_words.add(key.split(" ", 1)[0])
        self.name_prefixes.update(leading_words(key))

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def may_start_name(self, word: str) -> bool:
        """Whether some actor's name may begin with this word (scan_names asks before it
        looks up every run of words from it); Arabic words always may, as a glued prefix
        (و, ب) hides their first word."""
        if word.isascii() and word.isalnum():  # a plain word is its own match key
            return word.lower() in self.first_words
        return word[:1] >= "\u0600" or name_key(word).split(" ", 1)[0] in self.first_words

    def may_start_key(self, key: str) -> bool:
        """Whether a run of words whose match key begins with this key (as a whole word)
        may be an actor's name: its first word begins some name (scan_names asks of an
        Arabic word once its glued prefix is off, which may_start_name cannot see)."""
        return not key or key.split(" ", 1)[0] in self.first_words

    def may_begin_name(self, text: str) -> bool:
        """Whether some actor's match key begins with this text, as a string (scan_names
        asks past a gap that the key keeps, such as "،" or a quote)."""
        if self.key_order is None:
            self.key_order = sorted({*self.by_key, *map(name_key, self.by_acronym)})
        return begins_some(self.key_order, text)

    def may_continue_name(self, key: str) -> bool:
        """Whether some actor's match key begins with this key and a space (scan_names
        reads no longer run of words once the words so far begin no name)."""
        return key in self.name_prefixes

    def lookup(self, name: str) -> Actor | None:
        actor_id = self.by_acronym.get(name) or self.by_key.get(name_key(name))
        return self.actors.get(actor_id) if actor_id else None

    def state_forces(self, iso: str, air: bool = False) -> Actor | None:
        """The state forces of a country (its air force when asked and known)."""
        best = None
        for actor in self.actors.values():
            if actor.country != iso or actor.type != "state":
                continue
            is_air = "air" in actor.name.lower()
            if is_air == air and actor.name.lower().startswith("military forces"):
                return actor
            if is_air == air and best is None:
                best = actor
        return best or (self.state_forces(iso) if air else None)

    def civilians(self, iso: str) -> Actor | None:
        for actor in self.actors.values():
            if actor.inter == 7 and actor.country == iso:
                return actor
        return None


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    return Registry.load()
