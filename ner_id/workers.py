"""Worker processes for ``Pipeline.pipe(n_process=N)``: each rebuilds the pipeline from its config once."""
from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterable, Iterator

from ner_id.config import PipelineConfig
from ner_id.types import Document

_WORKER = None


def pool_map(config: PipelineConfig, batches: Iterable[list[str]], n_process: int) -> Iterator[Document]:
    """Documents of ``batches`` in order, from ``n_process`` spawned workers built from ``config``.

    Workers ignore Ctrl-C: the parent gets it, and leaving the ``with`` block terminates them.
    """
    context = multiprocessing.get_context("spawn")
    with context.Pool(n_process, initializer=_init_worker, initargs=(config,)) as pool:
        for documents in pool.imap(_work, batches):
            yield from documents


def _init_worker(config: PipelineConfig) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from ner_id.pipeline import Pipeline

    _WORKER = Pipeline.from_config(config)


def _work(batch: list[str]) -> list[Document]:
    if _WORKER is None:
        raise RuntimeError("ner-id worker process was not initialised")
    return _WORKER._process(batch)
