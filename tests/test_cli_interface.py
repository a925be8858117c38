"""The command line's interface, as documented: every option with its default, choices, whether it is
required, its metavar and help, and every command's help and description."""
import pytest

import ner_id
from ner_id import cli
from ner_id.cli import _EXTRACT_EXAMPLES

#: What extract and topics share (``cli._record_options``, the inputs, ``--quiet``).
INPUTS = (None, None, True, 'INPUT', '.jsonl, .jsonl.gz, .csv, .parquet, .txt or folders')
QUIET = (False, None, False, None, 'no progress bar')
RECORD_OPTIONS = {
    '--text-field': ('text', None, False, None, 'field or column with the text (default: %(default)s)'),
    '--id-field': (None, None, False, None, 'field or column with the document id (default: the line or row number)'),
    '--errors': (None, None, False, None, 'JSONL file for records that cannot be read (default: counted only)'),
}

INTERFACE = {
    'extract': {
        'inputs': INPUTS,
        '--output': (None, None, True, None,
            'output file: .jsonl (one line per document), .csv or .parquet (one row per entity)'),
        '--format': (None, ['jsonl', 'csv', 'parquet'], False, None,
            "output format (default: from OUTPUT's suffix)"),
        **RECORD_OPTIONS,
        '--keep-field': ([], None, False, 'FIELD',
            'copy this input field (e.g. a date) into the output; repeatable'),
        '--workers': (1, None, False, None,
            'worker processes (default: %(default)s)'),
        '--batch-size': (32, None, False, None,
            'documents per batch (default: %(default)s)'),
        '--resume': (False, None, False, None,
            'skip ids already in OUTPUT and append (JSONL output only)'),
        '--quiet': QUIET,
        '--no-model': (False, None, False, None,
            'gazetteers only (fast, lower recall)'),
        '--model': ('default', ['default', 'fast'], False, None,
            'shipped tagger, as named in its manifest (default: %(default)s)'),
        '--backend': ('onnx', ['onnx', 'stanza'], False, None,
            'run the tagger on ONNX Runtime or on Stanza + torch (default: %(default)s)'),
    },
    'topics': {
        'inputs': INPUTS,
        '--output': (None, None, True, None,
            'JSON file: topics and per-document weights'),
        '--n-topics': (None, None, False, None,
            'number of topics (default: chosen automatically)'),
        **RECORD_OPTIONS,
        '--seed': (0, None, False, None,
            'random seed (default: %(default)s)'),
        '--no-entities': (False, None, False, None,
            'do not list top entities per topic (faster)'),
        '--quiet': QUIET,
    },
    'index': {
        'input': (None, None, True, 'INPUT',
            'JSONL output of ner-id extract'),
        '--output': (None, None, True, None,
            'folder for the Parquet tables'),
        '--date-field': (None, None, False, None,
            "field with each document's date (kept by extract --keep-field) for the timeline"),
        '--date-format': (None, None, False, 'FORMAT',
            'strptime format of the dates, e.g. "%%m/%%d/%%Y %%H:%%M" (default: ISO, day/month/year or '
            'month/day/year numbers, 20 Oktober 2025, Unix seconds)'),
        '--dayfirst': (None, None, False, None,
            'read "05/06/2025" as 5 June (default: the order that the unambiguous dates show)'),
        '--monthfirst': (None, None, False, None,
            'read "05/06/2025" as 6 May'),
        '--period': ('week', ['day', 'week', 'month'], False, None,
            'timeline period (default: %(default)s)'),
        '--exclude-bylines': (False, None, False, None,
            'leave out news outlets and datelines (JAKARTA, KOMPAS.com -), which lead every top list'),
        '--min-documents': (1, None, False, None,
            'keep entity pairs that share at least this many documents (default: %(default)s)'),
    },
    'evaluate': {
        'files': (None, None, True, None,
            'gold files: two-column CoNLL (token, BIO tag) or .jsonl documents with character spans'),
        '--model': ('default', ['default', 'fast'], False, None,
            'tagger (default: %(default)s)'),
        '--no-model': (False, None, False, None,
            'gazetteers only'),
        '--model-only': (False, None, False, None,
            'the tagger alone: no gazetteers, no rules, no grouping'),
        '--convention': ('news', ['news', 'corpus'], False, None,
            "news: ner-id's news convention (default); corpus: without the rules and gazetteers that apply it where "
            "NER-UI, NERGrit and NERP annotate otherwise (ner_id.rules.NEWS_CONVENTION)"),
        '--json': (False, None, False, None,
            'print JSON instead of tables'),
    },
    'gazetteer': {
        'action': (None, ['build'], True, 'ACTION', None),
    },
}
GAZETTEER_BUILD = {
    'source': (None, None, True, None, 'CSV or TSV table with a header row: name, label, and optionally canonical, '
                                       'kb_id, aliases (joined by |), fuzzy; other columns are ignored'),
    '--output': (None, None, True, None, 'the gazetteer file to write (.jsonl)'),
}
COMMANDS = {
    "extract": "extract entities from files of documents",
    "topics": "discover the topics of a collection of documents",
    "index": "index a dump's entities across documents (from extract's JSONL)",
    "evaluate": "P / R / F1 on CoNLL or JSONL gold files",
    "gazetteer": "build a gazetteer file from your own table",
}


def _commands():
    parser = cli._parser()
    [sub] = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return parser, sub


def test_every_option_is_as_documented():
    _, sub = _commands()
    found = {name: {(a.option_strings[-1] if a.option_strings else a.dest):
                    (a.default, list(a.choices) if a.choices is not None else None, a.required, a.metavar, a.help)
                    for a in parser._actions if a.dest != "help"}
             for name, parser in sub.choices.items()}
    assert found == INTERFACE
    [actions] = [a for a in sub.choices["gazetteer"]._actions if a.dest == "action"]
    build = actions.choices["build"]
    assert {(a.option_strings[-1] if a.option_strings else a.dest): (a.default, a.choices, a.required, a.metavar, a.help)
            for a in build._actions if a.dest != "help"} == GAZETTEER_BUILD


def test_commands_and_descriptions():
    parser, sub = _commands()
    assert parser.prog == "ner-id" and parser.description == "People, places and organisations in Indonesian text."
    assert {a.dest: a.help for a in sub._choices_actions} == COMMANDS
    assert sub.required is True
    extract = sub.choices["extract"]
    assert extract.description == "Extract entities from files of documents, streamed, in input order."
    assert extract.epilog == _EXTRACT_EXAMPLES and "ner-id extract articles.jsonl" in _EXTRACT_EXAMPLES
    version = [a for a in parser._actions if a.option_strings == ["--version"]][0]
    assert version.version == f"ner-id {ner_id.__version__}"


def test_help_keeps_the_examples_lines_and_names_gazetteer_build(capsys):
    for argv in (["extract", "--help"], ["gazetteer", "--help"]):
        with pytest.raises(SystemExit) as exit_:
            cli.main(argv)
        assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert _EXTRACT_EXAMPLES in out  # line by line, not re-wrapped
    assert "build turn a CSV/TSV table of names, labels, aliases and ids into a .jsonl gazetteer options:" in \
        " ".join(out.split())
