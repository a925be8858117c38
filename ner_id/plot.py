"""Pictures of a dump's entities for notebooks: the most mentioned people, organisations and places."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ner_id.render import COLORS

if TYPE_CHECKING:
    import pandas as pd


def plot_entities(frame: pd.DataFrame, top: int = 10, name_col: str | None = None) -> Any:
    """Bar charts of the ``top`` most mentioned entities per label (PER, ORG, LOC); returns the figure.

    ``frame`` is an entity table: rows of mentions (``ner_id.extract_df``; names from
    ``canonical`` where there is one, else ``text``) or the index's ``entities`` table (one row per
    entity with a ``mentions`` count). Needs matplotlib (``pip install matplotlib``).
    """
    import pandas as pd

    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError("plot_entities needs matplotlib: pip install matplotlib") from None
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame must be a pandas DataFrame of entities (extract_df, or the index's entities table), "
                        f"got {type(frame).__name__}")
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a positive int, got {top!r}")
    for column in ("label", name_col or ("canonical" if "canonical" in frame.columns else "text")):
        if column not in frame.columns:
            raise KeyError(f"column {column!r} not in frame (columns: {list(frame.columns)})")
    counts = _counts(frame, name_col)
    figure, axes = plt.subplots(1, 3, figsize=(15, 0.35 * top + 1.5))
    for axis, label in zip(axes, ("PER", "ORG", "LOC")):
        rows = counts[counts["label"] == label].head(top).iloc[::-1]
        axis.barh(rows["name"].astype(str), rows["mentions"], color=COLORS[label])
        axis.set_title(f"most mentioned {label}")
        axis.set_xlabel("mentions")
    figure.tight_layout()
    return figure


def _counts(frame: pd.DataFrame, name_col: str | None) -> pd.DataFrame:
    """name, label, mentions, most mentioned first."""
    import pandas as pd

    if "mentions" in frame.columns and "canonical" in frame.columns and name_col is None:
        counts = frame[["canonical", "label", "mentions"]].rename(columns={"canonical": "name"})
    else:
        names = frame[name_col] if name_col else frame["canonical"].fillna(frame["text"]) \
            if "canonical" in frame.columns else frame["text"]
        counts = pd.DataFrame({"name": names, "label": frame["label"]}).value_counts().rename("mentions").reset_index()
    return counts.sort_values(["mentions", "name"], ascending=[False, True], ignore_index=True)
