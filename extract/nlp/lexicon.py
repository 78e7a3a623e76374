"""Read the rule and lexicon data files in ``rules/`` (no rules live in code).

Every file is read once per process and cached; a malformed file raises
:class:`extract.errors.RulesError` naming the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar

from extract.errors import RulesError

T = TypeVar("T")

RULES_DIR = Path(__file__).parent / "rules"


def read_list(name: str, rules_dir: Path = RULES_DIR) -> list[str]:
    """One entry a line; blank lines and ``#`` comments are skipped."""
    path = rules_dir / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RulesError(f"cannot read rules file {path}: {exc}") from exc
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def read_jsonl(name: str, rules_dir: Path = RULES_DIR) -> list[dict[str, Any]]:
    path = rules_dir / name
    out: list[dict[str, Any]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RulesError(f"cannot read rules file {path}: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RulesError(f"{path}:{n}: invalid JSON: {exc.msg}") from exc
        if not isinstance(obj, dict):
            raise RulesError(f"{path}:{n}: expected a JSON object")
        out.append(obj)
    return out


def read_json(name: str, rules_dir: Path = RULES_DIR) -> dict[str, Any]:
    path = rules_dir / name
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulesError(f"cannot read rules file {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise RulesError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from exc
    if not isinstance(obj, dict):
        raise RulesError(f"{path}: expected a JSON object")
    return obj


def plural_forms(words: list[str]) -> list[str]:
    """Add naive plurals so a lexicon lists each noun once ("keystroke" -> "keystrokes",
    "date of birth" -> "dates of birth")."""
    out: list[str] = []
    for w in words:
        out.append(w)
        head, of, rest = w.partition(" of ")
        plural = _plural(head)
        if plural:
            out.append(plural + of + rest)
    return out


# plurals no suffix makes, and nouns that are their own plural
IRREGULAR_PLURALS = {
    *(("child", "children"), ("schoolchild", "schoolchildren"), ("person", "people")),
    *(("passer-by", "passers-by"), ("man", "men"), ("woman", "women")),
}
_IRREGULAR = dict(IRREGULAR_PLURALS)
_ALREADY_PLURAL = {*_IRREGULAR.values(), "staff", "police", "personnel"}


def plural(word: str) -> str:
    """A noun's plural ("driver" -> "drivers", "child" -> "children"); plurals stay."""
    last = word.split()[-1] if word else word
    if last in _ALREADY_PLURAL or (last.endswith("s") and not last.endswith("ss")):
        return word
    return _plural(word) or word


def _plural(w: str) -> str | None:
    head, _, last = w.rpartition(" ")
    if last in _IRREGULAR:
        return f"{head} {_IRREGULAR[last]}".strip()
    if last in _ALREADY_PLURAL:
        return None
    if w.endswith(("ss", "ch", "sh", "x")):  # "address" -> "addresses"
        return w + "es"
    if w.endswith(("s", "data", "time", "usage", "footage", "activity", "occupancy")):
        return None
    if w.endswith("y") and not w.endswith(("ay", "ey", "oy")):
        return w[:-1] + "ies"
    return w + "s"


@dataclass(frozen=True)
class Lexicon:
    """All word lists the components read, loaded from one rules directory."""

    outlets: tuple[str, ...]
    authorities: tuple[str, ...]
    roles: tuple[str, ...]
    data_kinds: tuple[str, ...]
    subjects: tuple[str, ...]
    program_nouns: tuple[str, ...]
    laws: tuple[dict[str, Any], ...]
    words: dict[str, Any]
    source_patterns: tuple[dict[str, Any], ...]

    @cached_property
    def role_words(self) -> frozenset[str]:
        """The job titles, lower case, for membership tests."""
        return frozenset(r.lower() for r in self.roles)

    @cached_property
    def _sets(self) -> dict[str, frozenset[str]]:
        return {}

    @cached_property
    def _built(self) -> dict[Any, Any]:
        return {}

    def built(self, key: Any, build: Callable[[], T]) -> T:
        """What ``build`` makes from these lists (a compiled pattern, a Matcher), made once
        per lexicon and ``key``: compiling is dearer than using it on one article."""
        if key not in self._built:
            self._built[key] = build()
        return self._built[key]  # type: ignore[no-any-return]

    def set(self, key: str) -> frozenset[str]:
        """The word list ``key`` as a set, built once: rules ask for it on every token."""
        if key not in self._sets:
            value = self.words.get(key, [])
            if isinstance(value, dict):
                value = [w for ws in value.values() for w in ws]
            self._sets[key] = frozenset(value)
        return self._sets[key]


@cache
def load_lexicon(rules_dir: str = str(RULES_DIR)) -> Lexicon:
    d = Path(rules_dir)
    return Lexicon(
        outlets=tuple(read_list("outlets.txt", d)),
        authorities=tuple(read_list("authorities.txt", d)),
        roles=tuple(read_list("roles.txt", d)),
        data_kinds=tuple(plural_forms(read_list("data_kinds.txt", d))),
        subjects=tuple(plural_forms(read_list("subjects.txt", d))),
        program_nouns=tuple(plural_forms(read_list("program_nouns.txt", d))),
        laws=tuple(read_jsonl("laws.jsonl", d)),
        words=read_json("verbs.json", d),
        source_patterns=tuple(read_jsonl("source_patterns.jsonl", d)),
    )
