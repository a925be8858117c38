"""The package surface: __all__, version, logging, typed, CLI help."""
import importlib.metadata
import logging
import subprocess
import sys
from pathlib import Path

import pytest

import ner_id
from ner_id.cli import _parser


def test_public_names_are_exactly_all():
    assert sorted(n for n in dir(ner_id) if not n.startswith("_")) == sorted(ner_id.__all__)
    import importlib

    for name in ner_id.__all__:
        value = getattr(ner_id, name)
        if name in ner_id._LAZY:  # lazy names are the objects of the module that defines them
            assert value is getattr(importlib.import_module(ner_id._LAZY[name]), name), name
        elif name != "LABELS":
            assert value.__module__.startswith("ner_id") and value.__name__ == name, name
    assert ner_id.LABELS == ("PER", "LOC", "ORG")


def test_version_everywhere():
    assert ner_id.__version__ == importlib.metadata.version("ner-id")
    result = subprocess.run([sys.executable, "-m", "ner_id.cli", "--version"], capture_output=True, text=True)
    assert result.stdout.strip() == f"ner-id {ner_id.__version__}"


def test_typed_package():
    assert (Path(ner_id.__file__).parent / "py.typed").exists()


def test_library_is_silent_unless_logging_is_configured(capsys, caplog):
    ner_id.load(model=False, topic_model=None)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    with caplog.at_level(logging.INFO, logger="ner_id"):
        ner_id.load(model=False, topic_model=None)
    assert any("pipeline built" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("command", ["extract", "topics", "index", "evaluate"])
def test_every_cli_option_has_help_and_its_default(command):
    sub = _parser()._subparsers._group_actions[0].choices[command]
    for action in sub._actions:
        if action.dest == "help":
            continue
        assert action.help, f"{command} {action.option_strings or action.dest} has no help"
        if action.option_strings and action.default not in (None, False, [], argparse_suppress()):
            assert "default" in action.help, f"{command} {action.option_strings} does not show its default"
    if command == "extract":
        assert "examples:" in sub.format_help()


def argparse_suppress():
    import argparse

    return argparse.SUPPRESS


def test_jsonl_extraction_does_not_import_pandas(tmp_path):
    code = ("import sys; from ner_id.cli import main; "
            f"main(['extract', {str(Path(__file__).parent / 'fixtures' / 'articles.txt')!r}, '-o', 'o.jsonl', "
            "'--no-model', '--quiet']); print('pandas' in sys.modules, 'sklearn' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.strip() == "False False", result.stderr
