"""The bundled example scripts run and print what they promise."""
import subprocess
import sys

import pytest

from conftest import EXAMPLES

pytestmark = pytest.mark.model


def run(name, cwd, *args):
    result = subprocess.run([sys.executable, str(EXAMPLES / name), *args], capture_output=True, text=True, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_quickstart(tmp_path):
    out = run("quickstart.py", tmp_path)
    assert "Zhao Kezhi" in out and "Asfghanistan" in out and "-> Afghanistan [iso3166:AF]" in out
    assert "'M.Si.'" not in out and "'Persero'" not in out  # no degree or company suffix alone


def test_whole_dump(tmp_path):
    out = run("whole_dump.py", tmp_path, str(tmp_path / "picture.png"))
    assert "Top entities per label" in out and "PER: Zhao Kezhi (3)" in out
    assert "Timeline of ANTARA" in out and "Organisations in the same articles as ANTARA" in out
    assert (tmp_path / "picture.png").stat().st_size > 10_000
