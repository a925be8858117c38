"""The ``ner-id`` command line: ``ner-id extract``, ``topics``, ``index``, ``evaluate`` and ``gazetteer build``."""
from __future__ import annotations

import argparse
import shlex
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ner_id.config import BACKENDS, TAGGER_MODELS
from ner_id.readers import BadRecord, InputError, Record, count_records, expand_inputs, read_records
from ner_id.writers import LineWriter, done_errors, done_ids, format_of, open_writer

_EXTRACT_EXAMPLES = """examples:
  ner-id extract articles.jsonl -o entities.jsonl --id-field id
  ner-id extract dump/ -o entities.parquet --errors errors.jsonl --workers 2
  ner-id extract articles.txt -o entities.jsonl --resume      # continue an interrupted run
  ner-id extract news.csv -o entities.csv --text-field body --model fast
"""
#: Unreadable records shown after the summary when there is no ``--errors`` file.
SHOWN_ERRORS = 3


def _parser() -> argparse.ArgumentParser:
    from ner_id import __version__

    parser = argparse.ArgumentParser(prog="ner-id", description="People, places and organisations in Indonesian text.")
    parser.add_argument("--version", action="version", version=f"ner-id {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="extract entities from files of documents",
                                  description="Extract entities from files of documents, streamed, in input order.",
                                  epilog=_EXTRACT_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    extract.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl, .jsonl.gz, .csv, .parquet, .txt or folders")
    extract.add_argument("-o", "--output", required=True, type=Path,
                         help="output file: .jsonl (one line per document), .csv or .parquet (one row per entity)")
    extract.add_argument("--format", choices=["jsonl", "csv", "parquet"], default=None,
                         help="output format (default: from OUTPUT's suffix)")
    _record_options(extract)
    extract.add_argument("--keep-field", action="append", default=[], metavar="FIELD",
                         help="copy this input field (e.g. a date) into the output; repeatable")
    extract.add_argument("--workers", type=int, default=1, help="worker processes (default: %(default)s)")
    extract.add_argument("--batch-size", type=int, default=32, help="documents per batch (default: %(default)s)")
    extract.add_argument("--resume", action="store_true",
                         help="skip ids already in OUTPUT and append (JSONL output only)")
    extract.add_argument("--quiet", action="store_true", help="no progress bar")
    extract.add_argument("--no-model", action="store_true", help="gazetteers only (fast, lower recall)")
    extract.add_argument("--model", choices=TAGGER_MODELS, default="default",
                         help="shipped tagger, as named in its manifest (default: %(default)s)")
    extract.add_argument("--backend", choices=BACKENDS, default="onnx",
                         help="run the tagger on ONNX Runtime or on Stanza + torch (default: %(default)s)")
    topics = commands.add_parser("topics", help="discover the topics of a collection of documents")
    topics.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl, .jsonl.gz, .csv, .parquet, .txt or folders")
    topics.add_argument("-o", "--output", required=True, type=Path, help="JSON file: topics and per-document weights")
    topics.add_argument("--n-topics", type=int, default=None, help="number of topics (default: chosen automatically)")
    _record_options(topics)
    topics.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    topics.add_argument("--no-entities", action="store_true", help="do not list top entities per topic (faster)")
    topics.add_argument("--quiet", action="store_true", help="no progress bar")
    index = commands.add_parser("index", help="index a dump's entities across documents (from extract's JSONL)")
    index.add_argument("input", type=Path, metavar="INPUT", help="JSONL output of ner-id extract")
    index.add_argument("-o", "--output", required=True, type=Path, help="folder for the Parquet tables")
    index.add_argument("--date-field", default=None,
                       help="field with each document's date (kept by extract --keep-field) for the timeline")
    index.add_argument("--date-format", default=None, metavar="FORMAT",
                       help='strptime format of the dates, e.g. "%%m/%%d/%%Y %%H:%%M" (default: ISO, day/month/year '
                            "or month/day/year numbers, 20 Oktober 2025, Unix seconds)")
    order = index.add_mutually_exclusive_group()
    order.add_argument("--dayfirst", dest="dayfirst", action="store_const", const=True, default=None,
                       help='read "05/06/2025" as 5 June (default: the order that the unambiguous dates show)')
    order.add_argument("--monthfirst", dest="dayfirst", action="store_const", const=False,
                       help='read "05/06/2025" as 6 May')
    index.add_argument("--period", choices=["day", "week", "month"], default="week",
                       help="timeline period (default: %(default)s)")
    index.add_argument("--exclude-bylines", action="store_true",
                       help="leave out news outlets and datelines (JAKARTA, KOMPAS.com -), which lead every top list")
    index.add_argument("--min-documents", type=int, default=1,
                       help="keep entity pairs that share at least this many documents (default: %(default)s)")
    evaluate = commands.add_parser("evaluate", help="P / R / F1 on CoNLL or JSONL gold files")
    from ner_id.evaluate import add_arguments

    add_arguments(evaluate)
    gazetteer = commands.add_parser("gazetteer", help="build a gazetteer file from your own table")
    from ner_id.gazetteer import build

    build.add_arguments(gazetteer.add_subparsers(dest="action", required=True, metavar="ACTION").add_parser(
        "build", help="turn a CSV/TSV table of names, labels, aliases and ids into a .jsonl gazetteer"))
    return parser


def _record_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--text-field", default="text", help="field or column with the text (default: %(default)s)")
    parser.add_argument("--id-field", default=None,
                        help="field or column with the document id (default: the line or row number)")
    parser.add_argument("--errors", type=Path, default=None,
                        help="JSONL file for records that cannot be read (default: counted only)")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if args.command == "evaluate":
            from ner_id.evaluate import run

            return run(args)
        if args.command == "topics":
            return _topics(args)
        if args.command == "index":
            return _index(args)
        if args.command == "gazetteer":
            from ner_id.gazetteer.build import run as build_gazetteer

            return build_gazetteer(args)
        return _extract(args, parser)
    except (InputError, OSError) as error:
        print(f"ner-id: error: {error}", file=sys.stderr)
        return 2


def _extract(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        fmt = format_of(args.output, args.format)
    except ValueError as error:
        parser.error(str(error))
    if args.resume and fmt != "jsonl":
        parser.error("--resume needs JSONL output")
    if args.workers < 1 or args.batch_size < 1:
        parser.error("--workers and --batch-size must be at least 1")
    files = expand_inputs(args.inputs)  # before the model loads: a wrong path answers at once
    skip = done_ids(args.output) if args.resume else set()
    seen_errors = done_errors(args.errors) if args.resume and args.errors else set()

    import ner_id

    _loading(args, "gazetteers" if args.no_model else f"model {args.model}")
    nlp = ner_id.load(model=None if args.no_model else args.model, backend=args.backend)
    errors = LineWriter(args.errors, append=args.resume) if args.errors else None
    counts = {"docs": 0, "entities": 0, "errors": 0, "skipped": 0}
    first_errors: list[BadRecord] = []
    pending: deque[Record] = deque()

    def texts() -> Iterator[str]:
        for record in _records(files, args, errors, counts, seen_errors, first_errors):
            if record.id in skip:
                counts["skipped"] += 1
            else:
                pending.append(record)
                yield record.text

    start = time.perf_counter()
    writer = open_writer(fmt, args.output, append=args.resume, extra=args.keep_field)
    progress = _progress(_total(files, args.quiet), args.quiet)
    ctrl_c = CtrlC()
    try:
        characters = _characters(progress) if args.workers == 1 else None
        with ctrl_c.installed():
            for doc in nlp.pipe(texts(), batch_size=args.batch_size, n_process=args.workers, progress=characters):
                record = pending.popleft()
                with ctrl_c.held():  # the count reported on Ctrl-C is the count in the file
                    writer.write(record.id, doc, {k: record.fields.get(k) for k in args.keep_field})
                    counts["docs"] += 1
                counts["entities"] += len(doc.entities)
                _show(progress, counts)
        _show(progress, counts)  # records read after the last document (errors, skipped)
        progress.total = progress.n  # all read: blank lines, counted in the total, were no records
    except KeyboardInterrupt:
        words = args.argv if "--resume" in args.argv else [*args.argv, "--resume"]
        hint = f"continue with: ner-id {shlex.join(words)}" if fmt == "jsonl" else \
            "JSONL output can be resumed; this run starts again"
        print(f"ner-id: interrupted; {counts['docs']} documents written to {args.output}; {hint}", file=sys.stderr)
        return 130
    finally:
        progress.close()
        writer.close()
        if errors:
            errors.close()
    elapsed = time.perf_counter() - start
    print(f"docs {counts['docs']}, entities {counts['entities']}, errors {counts['errors']}, "
          f"skipped {counts['skipped']}, {counts['docs'] / max(elapsed, 1e-9):.1f} docs/s", file=sys.stderr)
    _explain_errors(counts["errors"], first_errors, args.errors)
    return 0


class CtrlC:
    """Ctrl-C (SIGINT) as ``KeyboardInterrupt``, held back while a block must finish whole."""

    def __init__(self) -> None:
        self.holding = False
        self.pending = False

    def _handle(self, signum: int, frame: Any) -> None:
        if self.holding:
            self.pending = True
        else:
            raise KeyboardInterrupt

    @contextmanager
    def installed(self) -> Iterator[None]:
        """Handle Ctrl-C here while the block runs (the main thread only: other threads get no signals)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = signal.signal(signal.SIGINT, self._handle)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Run the block whole: a Ctrl-C during it is raised when it ends."""
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        if self.pending:
            self.pending = False
            raise KeyboardInterrupt


def _loading(args: argparse.Namespace, what: str) -> None:
    """Say on stderr what loads before the first document (seconds), unless ``--quiet``."""
    if not args.quiet:
        print(f"ner-id: loading {what}...", file=sys.stderr, flush=True)


def _explain_errors(count: int, first: list[BadRecord], errors_file: Path | None) -> None:
    """Where the reasons of ``count`` unreadable records went, or the first few of them."""
    if not count:
        return
    if errors_file is not None:
        print(f"ner-id: {count} records could not be read; reasons in {errors_file}", file=sys.stderr)
        return
    print(f"ner-id: {count} records could not be read (write every reason with --errors FILE); "
          f"the first {len(first)}:", file=sys.stderr)
    for bad in first:
        print(f"  {bad.source}:{bad.line}: {bad.reason}", file=sys.stderr)


def _index(args: argparse.Namespace) -> int:
    import warnings

    from ner_id.dates import DateWarning
    from ner_id.index import write

    if not args.input.is_file():
        raise InputError(f"{args.input}: no such file")
    start = time.perf_counter()
    shown = warnings.showwarning

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int, file: Any = None,
             line: str | None = None) -> None:
        if issubclass(category, DateWarning):
            print(f"ner-id: warning: {args.input}: {message}", file=sys.stderr)
        else:
            shown(message, category, filename, lineno, file, line)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", DateWarning)
            warnings.showwarning = show
            tables = write(args.input, args.output, date_field=args.date_field, period=args.period,
                           min_documents=args.min_documents, date_format=args.date_format, dayfirst=args.dayfirst,
                           exclude_bylines=args.exclude_bylines)
    except (ValueError, KeyError) as error:
        print(f"ner-id: error: {args.input}: {error}", file=sys.stderr)
        return 2
    print(f"entities {len(tables.entities)}, pairs {len(tables.cooccurrence)}, ambiguous aliases "
          f"{len(tables.ambiguous)}, {time.perf_counter() - start:.1f} s -> {args.output}", file=sys.stderr)
    return 0


def _characters(progress: Any) -> Callable[[int, int], None]:
    """A ``Pipeline.pipe`` progress hook: a large batch shows how much of its text is tagged on the bar."""
    def show(done: int, total: int) -> None:
        progress.set_postfix_str(f"tagged {done:,}/{total:,} characters" if done < total else "")
    return show


def _show(progress: Any, counts: dict[str, int]) -> None:
    """Move the bar to the records read so far, with the errors and skipped records."""
    progress.update(counts["docs"] + counts["errors"] + counts["skipped"] - progress.n)
    if counts["errors"] or counts["skipped"]:
        progress.set_postfix(errors=counts["errors"], skipped=counts["skipped"], refresh=False)


def _progress(total: int | None, quiet: bool, desc: str | None = None) -> Any:
    """A progress bar of documents on stderr, shown on a terminal unless ``quiet``."""
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc=desc, disable=quiet or not sys.stderr.isatty(), file=sys.stderr,
                dynamic_ncols=True)


def _total(files: list[Path], quiet: bool) -> int | None:
    """Records in all inputs when every file can be counted cheaply (for the bar's total and ETA)."""
    if quiet or not sys.stderr.isatty():
        return None
    counts = [count_records(path) for path in files]
    return None if None in counts else sum(c for c in counts if c is not None)


def _records(files: list[Path], args: argparse.Namespace, errors: LineWriter | None,
             counts: dict[str, int], seen_errors: set[tuple] = frozenset(),  # type: ignore[assignment]
             first_errors: list[BadRecord] | None = None) -> Iterator[Record]:
    """The readable documents of ``files``; bad records are counted and written to ``errors``
    (unless a resumed run already wrote them), the first few kept in ``first_errors``."""
    for path in files:
        for item in read_records(path, args.text_field, args.id_field, qualify_ids=len(files) > 1):
            if isinstance(item, BadRecord):
                counts["errors"] += 1
                if first_errors is not None and len(first_errors) < SHOWN_ERRORS:
                    first_errors.append(item)
                if errors and (item.source, item.line) not in seen_errors:
                    errors.write(item.to_dict())
            else:
                yield item


def _topics(args: argparse.Namespace) -> int:
    import json

    import ner_id
    from ner_id.discover import discover

    files = expand_inputs(args.inputs)
    errors = LineWriter(args.errors) if args.errors else None
    counts = {"errors": 0}
    first_errors: list[BadRecord] = []
    records = list(_records(files, args, errors, counts, first_errors=first_errors))
    if errors:
        errors.close()
    ids, texts = [r.id for r in records], [r.text for r in records]
    start = time.perf_counter()
    if not args.no_entities:
        _loading(args, "model default")
    nlp = None if args.no_entities else ner_id.load(topic_model=None, keyphrases=False)
    progress = _progress(len(texts), args.quiet or nlp is None, "entities per topic")
    try:
        found = discover(texts, n_topics=args.n_topics, seed=args.seed, nlp=nlp, progress=progress.update)
    except ValueError as error:
        print(f"ner-id: error: {error}", file=sys.stderr)
        return 2
    finally:
        progress.close()
    weights = found.weights.round(4)
    result = {"topics": found.topics.to_dict(orient="records"),
              "documents": [{"id": i, "topic": int(row.argmax()), "weights": row.tolist()}
                            for i, row in zip(ids, weights.to_numpy())]}
    args.output.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"docs {len(texts)}, topics {len(found.topics)}, errors {counts['errors']}, "
          f"{time.perf_counter() - start:.1f} s", file=sys.stderr)
    _explain_errors(counts["errors"], first_errors, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
