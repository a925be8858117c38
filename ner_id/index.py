"""The whole-dump entity index: one id per real-world entity across documents, and tables about them.

    ner-id extract dump.jsonl -o tagged.jsonl --id-field id --keep-field date
    ner-id index tagged.jsonl -o index/ --date-field date

    import ner_id.index
    tables = ner_id.index.build(records, date_field="date")   # records: dicts as ner-id extract writes,
                                                               # or (id, Document, {"date": ...}) tuples
    tables.entities, tables.mentions, tables.cooccurrence, tables.timeline, tables.topics, tables.ambiguous

How mentions become one entity: within a document ner-id already groups mentions (same gazetteer
id, "X (ACR)", partial names ...). Across documents, groups are the same entity when they share a
gazetteer id, or the same label and normalised name (case, diacritics, titles and spacing
folded), or when some document links two names explicitly ("Joko Widodo (Jokowi)",
"Komisi Pemberantasan Korupsi (KPK)": two mentions of one group, the second right after the
first in brackets); such an alias is carried to every document. An alias that documents link to
two different entities is ambiguous: it links nothing and is listed in ``ambiguous``.

Two passes over the records (a file is read twice); memory grows with the number of distinct
names and entity pairs, not with the number of documents. Mentions are streamed to Parquet by
``write``.
"""
from __future__ import annotations

import datetime
import json
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ner_id.bylines import is_byline
from ner_id.dates import DateReader, missing
from ner_id.lexicon import TITLES, is_acronym
from ner_id.types import Document

if TYPE_CHECKING:
    import pandas as pd

PERIODS = ("day", "week", "month")
MENTION_COLUMNS = ("document", "entity", "start", "end", "text", "score")
_TITLES = {t.lower() for t in TITLES}
_LINK_GAP = 2  # "X (Y": Y starts at most two characters after X ends
_PAIR_BLOCK = 1 << 20  # entity pair keys buffered before they are merged into the counts


def normalise(name: str) -> str:
    """Case, diacritics, leading titles and spacing folded: "Presiden  Joko Widódo" -> "joko widodo"."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    words = folded.split()
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Tables:
    """The index: entities, mentions, co-occurrence, timeline, topics, and ambiguous aliases (DataFrames)."""

    entities: pd.DataFrame
    mentions: pd.DataFrame
    cooccurrence: pd.DataFrame
    timeline: pd.DataFrame
    topics: pd.DataFrame
    ambiguous: pd.DataFrame


class _Group(NamedTuple):
    """One document's group of mentions: its anchor key, the names it links, its mentions."""

    anchor: str
    label: str
    kb_id: str | None
    canonical: str
    links: tuple[str, ...]
    mentions: tuple[dict[str, Any], ...]


@lru_cache(maxsize=1 << 18)
def _key(label: str, name: str) -> str:
    return f"{label}:{normalise(name)}"


def _groups(entities: list[dict[str, Any]], linking_only: bool = False) -> list[_Group]:
    """The groups of one document's entities (each entity's ``group``; ungrouped entities alone);
    ``linking_only``: only the groups that link names (several mentions, or a gazetteer id)."""
    members: dict[Any, list[dict[str, Any]]] = {}
    for n, e in enumerate(entities):
        key = e.get("group")
        if key is None:
            members[-1 - n] = [e]
        elif key in members:
            members[key].append(e)
        else:
            members[key] = [e]
    if linking_only:
        return [_group(mentions) for mentions in members.values() if len(mentions) > 1 or mentions[0].get("kb_id")]
    return [_group(mentions) for mentions in members.values()]


def _group(mentions: list[dict[str, Any]]) -> _Group:
    if len(mentions) == 1:  # most groups: one mention
        e = mentions[0]
        label, kb_id = e["label"], e.get("kb_id")
        if kb_id:
            canonical = e.get("canonical") or e["text"]
            return _Group(f"kb:{kb_id}", label, kb_id, canonical, (_key(label, canonical),), (e,))
        return _Group(_key(label, e["text"]), label, None, e["text"], (), (e,))
    mentions.sort(key=lambda e: e["start"])
    signature = tuple([(e["text"], e["label"], e.get("kb_id"), e.get("canonical")) for e in mentions])
    gaps = tuple([0 < b["start"] - a["end"] <= _LINK_GAP for a, b in zip(mentions, mentions[1:])])
    return _Group(*_resolve(signature, gaps), tuple(mentions))


@lru_cache(maxsize=1 << 16)
def _resolve(signature: tuple[tuple[str, str, str | None, str | None], ...], gaps: tuple[bool, ...]
             ) -> tuple[str, str, str | None, str, tuple[str, ...]]:
    """Anchor, label, kb_id, canonical name and linked names of a group of several mentions
    (``signature``: text, label, kb_id, canonical of each; ``gaps``: which neighbours are written "X (Y")."""
    labels = {m[1] for m in signature}
    label = labels.pop() if len(labels) == 1 else Counter(m[1] for m in signature).most_common(1)[0][0]
    linked = [m for m in signature if m[2]]
    kb_id: str | None
    if linked:
        kb_id, canonical = linked[0][2], linked[0][3] or linked[0][0]
        anchor = f"kb:{kb_id}"
    else:
        kb_id = None
        canonical = max((m[0] for m in signature), key=lambda t: (not is_acronym(t), len(t)))
        anchor = _key(label, canonical)
    links = {_key(label, m[0]) for k, close in enumerate(gaps) if close for m in signature[k:k + 2]}
    if kb_id:
        links.add(_key(label, canonical))
    links.discard(anchor)
    return anchor, label, kb_id, canonical, tuple(sorted(links))


class _Resolver:
    """Union-find over anchors and names; aliases that point at two entities are kept apart."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._alias_anchors: dict[str, set[str]] = defaultdict(set)

    def add(self, group: _Group) -> None:
        self._parent.setdefault(group.anchor, group.anchor)
        for alias in group.links:
            self._alias_anchors[alias].add(group.anchor)

    def resolve(self) -> dict[str, set[str]]:
        """Union the unambiguous links; returns the ambiguous aliases with their anchors."""
        ambiguous = {}
        for alias, anchors in self._alias_anchors.items():
            if len(anchors) > 1:
                ambiguous[alias] = anchors
                continue
            self._parent.setdefault(alias, alias)
            self._union(next(iter(anchors)), alias)  # the anchor (the group's full name) stays the root
        return ambiguous

    def find(self, key: str) -> str:
        parent = self._parent.setdefault(key, key)
        while parent != key:
            grand = self._parent[parent]
            self._parent[key] = grand
            key, parent = parent, grand
        return key

    def _union(self, anchor: str, alias: str) -> None:
        # the alias joins the anchor's entity: each alias is unioned once, so until then it is its own
        # root, and an entity's root is an anchor (its gazetteer id where it has one)
        ra, rb = self.find(anchor), self.find(alias)
        if ra != rb:
            self._parent[rb] = ra


def read_extract(path: str | Path) -> Callable[[], Iterator[dict[str, Any]]]:
    """A re-iterable reader of ``ner-id extract`` JSONL output (one dict per document)."""
    def records() -> Iterator[dict[str, Any]]:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)
    return records


def _as_records(source: Any, date_field: str | None = None) -> Callable[[], Iterator[dict[str, Any]]]:
    """Records from a path, a function returning an iterator of records, a list of dicts, or an entity
    frame (``extract_df`` rows: the id column first)."""
    if isinstance(source, (str, Path)):
        return read_extract(source)
    if callable(source):
        return source
    if hasattr(source, "to_dict") and hasattr(source, "columns"):
        return lambda: iter(_frame_records(source, date_field))
    items = [_record(item) for item in source]
    return lambda: iter(items)


def _record(item: Any) -> dict[str, Any]:
    """A record as ``ner-id extract`` writes it, from such a dict or from ``(id, Document[, fields])``."""
    if isinstance(item, dict):
        return item
    if isinstance(item, tuple) and len(item) in (2, 3) and isinstance(item[1], Document):
        doc_id, doc, fields = item if len(item) == 3 else (*item, {})
        return {"id": doc_id, **fields, "entities": [e.to_dict() for e in doc.entities],
                "topics": [t.to_dict() for t in doc.topics]}
    raise TypeError("index records must be dicts of ner-id extract output or (id, Document[, fields]) tuples, "
                    f"got {type(item).__name__}")


def _frame_records(frame: pd.DataFrame, date_field: str | None = None) -> list[dict[str, Any]]:
    key = frame.columns[0]
    fields = [k for k in ("date", "topic", date_field) if k is not None]
    records: dict[Any, dict[str, Any]] = {}
    for row in frame.to_dict(orient="records"):
        record = records.setdefault(row[key], {"id": row[key], "entities": [],
                                               **{k: row[k] for k in fields if k in row}})
        if isinstance(row.get("text"), str):
            record["entities"].append({k: (None if _missing(v) else v) for k, v in row.items() if k != key})
    return list(records.values())


def _missing(value: Any) -> bool:
    """None, NaN, NA (blank text is a value here)."""
    return not isinstance(value, str) and missing(value)


def build(source: Any, date_field: str | None = None, period: str = "week", min_documents: int = 1,
          mentions_sink: Callable[[list[tuple]], None] | None = None, date_format: str | None = None,
          dayfirst: bool | None = None, exclude_bylines: bool = False) -> Tables:
    """Build the index from ``ner-id extract`` output: a JSONL path, an iterable of its records or of
    ``(id, Document[, fields])`` tuples, or an entity frame (``ner_id.extract_df``).

    Args:
        date_field: a field of each record holding its date; enables the timeline and first/last seen.
            Dates are read as ``ner_id.dates`` says (ISO, day-first or month-first numbers, Unix
            seconds); a ``DateWarning`` counts those that cannot be read, with an example, and
            ValueError says why when none can.
        period: ``day``, ``week`` or ``month`` for the timeline.
        min_documents: keep entity pairs that share at least this many documents.
        mentions_sink: called with blocks of mention rows instead of keeping them (``write``
            streams them to Parquet); ``Tables.mentions`` is then empty.
        date_format: a ``strptime`` format for every date text (``"%m/%d/%Y %H:%M"``).
        dayfirst: whether "05/06/2025" is 5 June (True) or 6 May (False); by default the order the
            dump's unambiguous dates show ("20/10/2025": day first).
        exclude_bylines: leave out news outlets and datelines ("JAKARTA, KOMPAS.com -",
            ``ner_id.bylines``), which lead every list of the most mentioned entities.
    """
    import pandas as pd

    if date_field is None and (date_format is not None or dayfirst is not None):
        raise ValueError("date_format and dayfirst need a date_field")
    if period not in PERIODS:
        raise ValueError(f"period must be one of {list(PERIODS)}, got {period!r}")
    if not isinstance(min_documents, int) or min_documents < 1:
        raise ValueError(f"min_documents must be a positive int, got {min_documents!r}")
    records = _as_records(source, date_field)
    resolver = _Resolver()
    dates = DateReader(date_field, date_format, dayfirst) if date_field else None
    for record in records():
        for group in _groups(_entities(record, exclude_bylines), linking_only=True):
            resolver.add(group)
        if dates is not None:
            dates.learn(record.get("id"), record.get(dates.field))
    if dates is not None:
        dates.settle()
    ambiguous = resolver.resolve()

    entities = _Entities(resolver)
    pairs = _PairCounts()
    timeline: Counter = Counter()
    topics: Counter = Counter()
    mentions: list[tuple] = []
    kept: list[tuple] = []
    for record in records():
        document = _text(record.get("id"))
        date = dates.read(record.get(dates.field)) if dates is not None else None
        when = _period(date, period) if date is not None else None
        topic = _topic(record)
        present: set[int] = set()
        for group in _groups(_entities(record, exclude_bylines)):
            number = entities.number(group.anchor)
            present.add(number)
            count = len(group.mentions)
            entities.stats[number].add(group, count, date)
            entity = entities.ids[number]
            mentions += [(document, entity, m["start"], m["end"], m["text"], m.get("score")) for m in group.mentions]
            if when is not None:
                timeline[number, when] += count
        for number in present:
            entities.stats[number].documents += 1
            if topic is not None:
                topics[number, topic] += 1
        pairs.add(present)
        if len(mentions) >= 50_000:
            (mentions_sink or kept.extend)(mentions)
            mentions = []
    (mentions_sink or kept.extend)(mentions)
    ids = entities.ids
    return Tables(
        entities=_entities_frame(dict(zip(ids, entities.stats))),
        mentions=pd.DataFrame(kept, columns=list(MENTION_COLUMNS)).astype(
            {"document": "string", "entity": "string", "start": "Int64", "end": "Int64", "text": "string",
             "score": "float64"}),
        cooccurrence=pairs.frame(ids, min_documents),
        timeline=_frame(sorted((ids[e], p, n) for (e, p), n in timeline.items()), ["entity", "period", "mentions"]),
        topics=_frame(sorted((ids[e], t, n) for (e, t), n in topics.items()), ["entity", "topic", "documents"]),
        ambiguous=_frame([(alias, sorted(resolver.find(a) for a in anchors)) for alias, anchors in sorted(ambiguous.items())],
                         ["alias", "entities"]),
    )


class _Entities:
    """The entities seen in the second pass, numbered in order of appearance: ids and statistics."""

    def __init__(self, resolver: _Resolver) -> None:
        self._resolver = resolver
        self._by_anchor: dict[str, int] = {}
        self._by_id: dict[str, int] = {}
        self.ids: list[str] = []
        self.stats: list[_Stats] = []

    def number(self, anchor: str) -> int:
        """The number of the entity that a group anchor resolves to."""
        number = self._by_anchor.get(anchor)
        if number is None:
            entity = self._resolver.find(anchor)
            number = self._by_id.get(entity)
            if number is None:
                number = self._by_id[entity] = len(self.ids)
                self.ids.append(entity)
                self.stats.append(_Stats())
            self._by_anchor[anchor] = number
        return number


class _PairCounts:
    """Documents per entity pair, counted in numpy blocks, so memory grows with the distinct pairs.

    A pair of entity numbers ``a < b`` is the key ``a << 32 | b``; keys are buffered and merged into
    the sorted distinct keys and their counts every ``_PAIR_BLOCK`` keys."""

    def __init__(self) -> None:
        import numpy as np

        self._keys = np.empty(0, dtype=np.int64)
        self._counts = np.empty(0, dtype=np.int64)
        self._buffer = array("q")

    def add(self, numbers: set[int]) -> None:
        """Count one document's entities (numbers): each pair once."""
        if len(numbers) > 1:
            self._buffer.extend([a << 32 | b for a, b in combinations(sorted(numbers), 2)])
            if len(self._buffer) >= _PAIR_BLOCK:
                self._merge()

    def _merge(self) -> None:
        import numpy as np

        keys = np.concatenate([self._keys, np.frombuffer(self._buffer, dtype=np.int64)])
        counts = np.concatenate([self._counts, np.ones(len(self._buffer), dtype=np.int64)])
        self._keys, inverse = np.unique(keys, return_inverse=True)
        self._counts = np.bincount(inverse, weights=counts).astype(np.int64)
        self._buffer = array("q")

    def frame(self, ids: list[str], min_documents: int) -> pd.DataFrame:
        """Rows ``entity_a, entity_b, documents`` (``entity_a < entity_b``) of the pairs in at least
        ``min_documents`` documents."""
        import numpy as np
        import pandas as pd

        self._merge()
        keep = self._counts >= min_documents
        keys, counts = self._keys[keep], self._counts[keep]
        names = np.array(ids, dtype=object)
        rank = np.argsort(np.argsort(names))  # the order of entity ids as text
        a, b = keys >> 32, keys & 0xFFFFFFFF
        first = rank[a] < rank[b]
        return pd.DataFrame({"entity_a": pd.array(names[np.where(first, a, b)], dtype="string"),
                             "entity_b": pd.array(names[np.where(first, b, a)], dtype="string"),
                             "documents": pd.array(counts, dtype="Int64")})


class _Stats:
    """What the index keeps per entity while it reads: labels, names, id, counts, first and last date."""

    __slots__ = ("labels", "names", "kb_id", "documents", "mentions", "first_seen", "last_seen")

    def __init__(self) -> None:
        self.labels: dict[str, int] = {}
        self.names: dict[str, int] = {}
        self.kb_id: str | None = None
        self.documents = self.mentions = 0
        self.first_seen: datetime.date | None = None
        self.last_seen: datetime.date | None = None

    def add(self, group: _Group, count: int, date: datetime.date | None) -> None:
        self.labels[group.label] = self.labels.get(group.label, 0) + count
        self.names[group.canonical] = self.names.get(group.canonical, 0) + 1
        self.kb_id = self.kb_id or group.kb_id
        self.mentions += count
        if date is not None:
            if self.first_seen is None or date < self.first_seen:
                self.first_seen = date
            if self.last_seen is None or date > self.last_seen:
                self.last_seen = date


def _entities(record: dict[str, Any], exclude_bylines: bool = False) -> list[dict[str, Any]]:
    entities = record.get("entities")
    if not isinstance(entities, list):
        raise ValueError(f"record {record.get('id')!r} has no 'entities' list (is it ner-id extract output?)")
    if exclude_bylines:
        return [e for e in entities if not is_byline(e.get("text") or "", e.get("start") or 0, e.get("kb_id"))]
    return entities


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _topic(record: dict[str, Any]) -> str | None:
    topics = record.get("topics")
    if isinstance(topics, list) and topics and isinstance(topics[0], dict):
        return str(topics[0].get("id"))
    topic = record.get("topic")
    return None if topic is None or _missing(topic) else str(topic)


@lru_cache(maxsize=1 << 14)
def _period(date: datetime.date, period: str) -> str:
    """``2025-01-06`` (day), ``2025-W02`` (ISO week), ``2025-01`` (month)."""
    if period == "day":
        return date.isoformat()
    if period == "week":
        year, week, _ = date.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{date.year}-{date.month:02d}"


def _most(counts: dict[str, int]) -> str:
    """The most frequent key (the first seen among equals)."""
    return max(counts.items(), key=lambda item: item[1])[0]


def _entities_frame(stats: dict[str, _Stats]) -> pd.DataFrame:
    rows = []
    for entity, info in stats.items():
        rows.append({"id": entity, "canonical": _most(info.names),
                     "label": _most(info.labels), "kb_id": info.kb_id,
                     "aliases": sorted(info.names), "documents": info.documents, "mentions": info.mentions,
                     "first_seen": info.first_seen, "last_seen": info.last_seen})
    import pandas as pd

    frame = pd.DataFrame(rows, columns=["id", "canonical", "label", "kb_id", "aliases", "documents", "mentions",
                                        "first_seen", "last_seen"])
    frame = frame.astype({"id": "string", "canonical": "string", "label": "string", "kb_id": "string",
                          "documents": "Int64", "mentions": "Int64"})
    frame["first_seen"] = pd.to_datetime(frame["first_seen"])
    frame["last_seen"] = pd.to_datetime(frame["last_seen"])
    return frame.sort_values(["mentions", "id"], ascending=[False, True], ignore_index=True)


def _frame(rows: Iterable[tuple], columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=columns)
    return frame.astype({c: ("Int64" if c in {"documents", "mentions"} else "string")
                         for c in columns if c != "entities"})


def write(source: Any, out: str | Path, **options: Any) -> Tables:
    """Build the index and write each table as ``OUT/<table>.parquet`` (mentions streamed in blocks).

    A build that fails leaves the tables of an earlier run as they were."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    schema = pa.schema([("document", pa.string()), ("entity", pa.string()), ("start", pa.int64()),
                        ("end", pa.int64()), ("text", pa.string()), ("score", pa.float64())])
    partial = out / "mentions.parquet.partial"
    try:
        with pq.ParquetWriter(partial, schema) as writer:
            def sink(rows: list[tuple]) -> None:
                columns = list(zip(*rows)) if rows else [()] * len(MENTION_COLUMNS)
                writer.write_table(pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema)],
                                                        schema=schema))

            tables = build(source, mentions_sink=sink, **options)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(out / "mentions.parquet")
    for name in ("entities", "cooccurrence", "timeline", "topics", "ambiguous"):
        getattr(tables, name).to_parquet(out / f"{name}.parquet", index=False)
    return tables
