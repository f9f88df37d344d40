"""Rosters: the schools, kindergartens, towns and subdistricts that must report.

:class:`Roster` holds the entities of a district and matches names, aliases and codes
to them; :func:`load_roster` reads one from a file (the format, and every check made
while reading it, is :mod:`lzplan.rosterfile`'s). ``docs/roster-and-template.md``
describes the format and where each row of the bundled roster comes from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path

from .cache import cached
from .layout import closest, fold
from .problems import MAX_PROBLEMS as MAX_PROBLEMS  # re-exported: the roster's cap is every file's
from .rawfile import read_path

#: The one vocabulary of entity kinds; plan rules name these in ``kinds``.
KINDS: tuple[str, ...] = (
    "小学",
    "初中",
    "九年一贯制",
    "十二年一贯制",
    "完全中学",
    "高中",
    "教学点",
    "幼儿园",
    "特殊教育学校",
    "职业学校",
    "镇",
    "街道",
)
#: Kinds that are places (a school's ``town`` must be one of them).
TOWN_KINDS: tuple[str, ...] = ("镇", "街道")
#: Ownership values; an empty cell means "not stated".
OWNERSHIPS: tuple[str, ...] = ("公办", "民办", "普惠性民办")


@dataclass(frozen=True, slots=True)
class Entity:
    """One school, kindergarten, town or subdistrict, and the years it exists.

    ``start`` and ``end`` are the first and last year it exists (``None``: open);
    ``row`` is its row in the roster file (the header row is row 1, or 2 below a
    ``# complete`` line).
    """

    name: str
    aliases: tuple[str, ...]
    code: str
    kind: str
    town: str
    ownership: str
    start: int | None
    end: int | None
    row: int

    def exists(self, year: int) -> bool:
        """Whether it exists in ``year`` (schools open, close and merge during a plan)."""
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)

    @property
    def keys(self) -> tuple[str, ...]:
        """The texts that identify it: code, name and aliases, as written."""
        return tuple(text for text in (self.code, self.name, *self.aliases) if text)

    def __reduce__(self) -> tuple[type[Entity], tuple[object, ...]]:
        # pickled as its fields, remade by its constructor: a frozen slotted dataclass is
        # otherwise restored field by field in Python, and a province's cached roster
        # holds 50,000 entities (0.24 s to load; this way 0.14 s)
        return type(self), tuple(getattr(self, field.name) for field in fields(self))


#: How many strangers make :meth:`Roster.sorted_strangers` keep its sorting, and how many
#: sortings it keeps.
_SORTED_FROM, _SORTED_KEPT = 1000, 8


@dataclass(frozen=True)
class Roster:
    """The entities of a district (or province) and whether the list is complete.

    ``file`` is the roster's name as messages show it; ``path`` the file it was read
    from (``None`` for a roster built in memory), so that a caller can make sure
    nothing is ever written over it.
    """

    file: str
    entities: tuple[Entity, ...]
    complete: bool
    path: Path | None = None

    @cached_property
    def _index(self) -> dict[str, Entity]:
        """Each code, name and alias (as :func:`~lzplan.layout.fold` folds it) → its
        entity; the first wins."""
        self.clashes()
        return self.__dict__["_index"]  # type: ignore[no-any-return]

    @cached_property
    def _exact(self) -> dict[str, Entity]:
        """Each code, name and alias as written → the entity :meth:`match` finds for it:
        a data row's name is mostly the roster's own, found here without folding."""
        self.clashes()
        return self.__dict__["_exact"]  # type: ignore[no-any-return]

    @cached_property
    def _names(self) -> dict[str, str]:
        """Each folded name and alias → the name of its entity (the first entity wins)."""
        names: dict[str, str] = {}
        for entity in self.entities:
            for text in (entity.name, *entity.aliases):
                names.setdefault(fold(text), entity.name)
        return names

    def match(self, text: str) -> Entity | None:
        """The entity whose code, name or alias is ``text`` (NFKC-normalised, spaces ignored)."""
        found = self._exact.get(text)
        return found if found is not None else self._index.get(fold(text))

    def knows(self, name: str) -> bool:
        """Whether ``name`` is an entity's (a data row's names are resolved to the roster's
        own, so most are found as they are: every rule asks this of every school)."""
        return name in self._own or not self.strangers((name,))

    def strangers(self, names: Iterable[str]) -> set[str]:
        """Those of ``names`` that are no entity's name, code or alias; each name is looked
        up once (every rule of every year asks of every school the data names)."""
        # a dict's keys are set apart from the roster's names without being copied first
        asked = (names.keys() if isinstance(names, Mapping) else set(names)) - self._own
        strangers, matched = self._strangers, self._matched
        new = asked - strangers  # mostly empty: every rule of every year names the same
        if new:
            for name in new - matched:
                (matched if self.match(name) is not None else strangers).add(name)
        return asked & strangers

    def sorted_strangers(self, names: Iterable[str]) -> tuple[str, ...]:
        """:meth:`strangers`, sorted; a province's thousands of unlisted schools are sorted
        once for all the rules and years that name the same ones."""
        found = self.strangers(names)
        if len(found) < _SORTED_FROM:
            return tuple(sorted(found))
        key = frozenset(found)
        kept = self._sorted.get(key)
        if kept is None:
            if len(self._sorted) >= _SORTED_KEPT:
                self._sorted.clear()
            kept = self._sorted[key] = tuple(sorted(found))
        return kept

    @cached_property
    def _sorted(self) -> dict[frozenset[str], tuple[str, ...]]:
        return {}

    @cached_property
    def _strangers(self) -> set[str]:
        return set()

    @cached_property
    def _matched(self) -> set[str]:
        return set()

    def names(self) -> frozenset[str]:
        """Every entity's own name."""
        return self._own

    @cached_property
    def _own(self) -> frozenset[str]:
        return frozenset(entity.name for entity in self.entities)

    def suggest(self, text: str) -> str | None:
        """The name of the entity whose name or alias is closest to ``text``, or ``None``.

        Closeness is difflib's ratio (at least 0.6) over the folded texts; it takes about
        a second for 500,000 entities, so call it only for the problems you list.
        """
        found = closest(fold(text), self._names)
        return None if found is None else self._names[found]

    def clashes(self) -> list[tuple[Entity, str, Entity]]:
        """Each (entity, text, other) where a code, name or alias of ``entity`` already
        identifies an earlier entity ``other``; a roster file may have none."""
        index: dict[str, Entity] = {}
        exact: dict[str, Entity] = {}
        found = []
        for entity in self.entities:
            for text in entity.keys:
                other = index.setdefault(fold(text), entity)
                if other is not entity:
                    found.append((entity, text, other))
                else:  # as written, it finds what its folded form finds
                    exact.setdefault(text, entity)
        # the lookups match() uses, kept (and pickled with the roster): folded once
        self.__dict__["_index"], self.__dict__["_exact"] = index, exact
        return found

    def of_kinds(self, kinds: Iterable[str], year: int) -> list[Entity]:
        """The entities of ``kinds`` that exist in ``year``, in roster order (worked out
        once for each kinds and year: every rule over a kind asks)."""
        key = (frozenset(kinds), year)
        found = self._of_kinds.get(key)
        if found is None:
            wanted = key[0]
            found = [e for e in self.entities if e.kind in wanted and e.exists(year)]
            self._of_kinds[key] = found
        return list(found)

    @cached_property
    def _of_kinds(self) -> dict[tuple[frozenset[str], int], list[Entity]]:
        return {}


def bundled_roster_path() -> Path:
    """The roster shipped with lzplan (in a source checkout, ``data/roster.csv``)."""
    here = Path(__file__).resolve().parent
    installed = here / "_bundled" / "roster.csv"
    if installed.is_file():
        return installed
    return here.parents[1] / "data" / "roster.csv"


def load_roster(path: Path) -> Roster:
    """Read and check the roster at ``path``; raise :class:`~lzplan.errors.DataError`
    with every problem."""
    raw = read_path(path)

    def build() -> Roster:
        from .rosterfile import read_roster  # it builds this module's classes: no import cycle

        return read_roster(raw, path)

    # the path is part of the key: the roster keeps it (an --output may never replace it)
    key = raw.data + b"\0" + str(path).encode("utf-8", "surrogateescape")
    return cached("roster", key, ("roster.py", "rosterfile.py", "layout.py"), build, Roster)
