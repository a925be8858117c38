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
    out = run("whole_dump.py", tmp_path, "--picture", str(tmp_path / "picture.png"))
    assert "Top entities per label" in out and "PER: Zhao Kezhi (3)" in out
    assert "Timeline of ANTARA" in out and "Organisations in the same articles as ANTARA" in out
    assert (tmp_path / "picture.png").stat().st_size > 10_000


def test_whole_dump_on_the_users_own_articles(tmp_path):
    """The example takes the user's file: a CSV with its own field names and month-first dates (issue 31)."""
    news = tmp_path / "news.csv"
    news.write_text('body,published\n'
                    '"Presiden Joko Widodo tiba di Jakarta bersama Menteri Sri Mulyani.",10/20/2025 17:00\n'
                    '"Joko Widodo bertemu pimpinan KPK di Jakarta.",10/21/2025 08:00\n'
                    '"KPK memeriksa saksi di Bandung, kata Joko Widodo.",10/21/2025 19:30\n'
                    '"baris rusak",10/22/2025,lebih\n', encoding="utf-8")
    out = run("whole_dump.py", tmp_path, str(news), "--text-field", "body", "--date-field", "published",
              "--picture", str(tmp_path / "top.png")).splitlines()
    assert out[:2] == [f"skipped {news}:5: more fields than the header", "3 articles (1 records could not be read)"]
    assert "  PER: Joko Widodo (3), Sri Mulyani (1)" in out
    timeline = out.index("Timeline of Joko Widodo (PER:joko widodo), the entity in most articles: mentions per day")
    assert [line.split() for line in out[timeline + 1:timeline + 4]] == [
        ["entity", "period", "mentions"], ["PER:joko", "widodo", "2025-10-20", "1"], ["PER:joko", "widodo", "2025-10-21", "2"]]
    assert (tmp_path / "top.png").stat().st_size > 10_000


def test_analyst_tags_once_and_writes_the_picture(tmp_path):
    out = run("analyst.py", tmp_path, str(tmp_path / "sco.html"))
    assert "Organisasi Kerja Sama Shanghai" in out and "Zhao Kezhi" in out
    assert "<mark" in (tmp_path / "sco.html").read_text(encoding="utf-8")
