"""Every compiled gazetteer is exactly what its compile script writes from its source table."""
import subprocess
import sys
from pathlib import Path

import pytest

GAZETTEERS = Path(__file__).resolve().parent.parent / "gazetteers"


@pytest.mark.parametrize("script, compiled", [
    ("government.py", "21_government.jsonl"), ("companies.py", "22_companies.jsonl"),
    ("institutions.py", "23_institutions.jsonl"), ("media.py", "24_media.jsonl"),
    ("regional_bodies.py", "35_regional_bodies.jsonl"),
])
def test_compiled_file_is_what_its_script_writes(tmp_path, script, compiled):
    out = tmp_path / compiled
    subprocess.run([sys.executable, str(GAZETTEERS / "compile" / script), "--out", str(out)],
                   cwd=GAZETTEERS / "compile", check=True, capture_output=True, text=True)
    assert out.read_bytes() == (GAZETTEERS / compiled).read_bytes()
