#!/usr/bin/env bash
# Mutation testing of the modules that need no model, against the fast tests, with mutmut.
#
#   bash benchmarks/mutation.sh                      # every model-free module (hours on 2 cores)
#   bash benchmarks/mutation.sh ner_id/merge.py      # one or more modules
#
# Run it in the environment the tests use (pip install -e ".[dev,dask]"). Works on a copy of the repository in a temporary folder (mutmut rewrites the sources it
# mutates), installs mutmut there if missing, and prints killed / total per module. The diff of
# every surviving mutant goes to $MUTATION_REPORT (default build/mutation_survivors.diff), for
# review after the temporary folder is gone. A mutant that loops is stopped after
# 2 x MUTATION_TIMEOUT_MULTIPLIER (default 15) times its tests' measured time; lower it for modules
# with loops (tokenizer.py: 3). MUTATION_WORKDIR=DIR keeps the mutated copy there (to rerun survivors),
# MUTATION_JOBS sets the worker processes (default 2), MUTATION_WALL_LIMIT the wall-clock seconds after
# which a mutant whose tests hang idle is stopped (default 600), MUTATION_TESTS="tests/test_a.py ..." the
# test files to run (default: all of tests/, model-free and fast ones). Not in CI.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REPORT="$(realpath -m "${MUTATION_REPORT:-$ROOT/build/mutation_survivors.diff}")"
mkdir -p "$(dirname "$REPORT")"
MODULES=("$@")
if [ ${#MODULES[@]} -eq 0 ]; then  # every module that needs no model (see README, "Testing")
  mapfile -t MODULES < <(cd "$ROOT" && git ls-files 'ner_id/*.py' | grep -v -E \
    '^ner_id/(__init__|pipeline|tagger|onnx_tagger|stanza_tagger)\.py$|^ner_id/(training|models)/')
fi
python -c "import mutmut" 2>/dev/null || pip install --quiet "mutmut>=3.3,<4"
if [ -n "${MUTATION_WORKDIR:-}" ]; then  # kept afterwards: `cd $MUTATION_WORKDIR && mutmut run NAME ...` reruns survivors
  WORK="$MUTATION_WORKDIR"; rm -rf "$WORK"; mkdir -p "$WORK"
else
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
fi
git -C "$ROOT" ls-files -z | (cd "$ROOT" && xargs -0 cp --parents -t "$WORK")
cd "$WORK"
python - "${MODULES[@]}" <<'PY'
import os, re, sys
path = "pyproject.toml"
text = open(path, encoding="utf-8").read()
only = "only_mutate = [" + ", ".join(f'"{m}"' for m in sys.argv[1:]) + "]\n"
only += f"timeout_multiplier = {float(os.environ.get('MUTATION_TIMEOUT_MULTIPLIER', '15'))}\n"
text = re.sub(r"(\[tool\.mutmut\]\n)", lambda m: m.group(1) + only, text)
if os.environ.get("MUTATION_TESTS"):  # run the mutants against these test files only
    tests = ", ".join(f'"{t}"' for t in os.environ["MUTATION_TESTS"].split())
    text = re.sub(r'(pytest_add_cli_args_test_selection = \[)"tests/"', lambda m: m.group(1) + tests, text)
open(path, "w", encoding="utf-8").write(text)
PY
# One BLAS / torch thread per test process: mutmut limits each mutant's CPU seconds to 30 times the
# tests' measured time, and threads would spend them faster than the clock.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
mutmut run --max-children "${MUTATION_JOBS:-2}" > mutmut.log 2>&1 &
RUN=$!
# A mutant whose tests hang idle (a deadlocked worker pool or Dask cluster) uses no CPU, so mutmut's
# CPU-time limit never stops it: after MUTATION_WALL_LIMIT seconds (default 600) of wall-clock time
# it gets SIGXCPU, which mutmut counts as a timeout, as it does a mutant that loops.
(while kill -0 "$RUN" 2>/dev/null; do
   for pid in $(pgrep -P "$RUN"); do
     case "$(cat "/proc/$pid/comm" 2>/dev/null)" in "mutmut: "*) ;; *) continue ;; esac
     age=$(ps -o etimes= -p "$pid" | tr -d ' ' || true)
     if [ "${age:-0}" -gt "${MUTATION_WALL_LIMIT:-600}" ]; then kill -XCPU "$pid" 2>/dev/null || true; fi
   done
   sleep 10
 done) &
if ! wait "$RUN"; then
  tail -c 3000 mutmut.log | tr '\r' '\n' | tail -20
fi
mutmut results --all true > results.txt 2>&1 || true
python - "${MODULES[@]}" <<'PY'
import collections, re, sys
counts = collections.defaultdict(collections.Counter)
survivors = collections.defaultdict(list)
for line in open("results.txt", encoding="utf-8"):
    match = re.match(r"\s*([\w.]+?)\.x\w*__mutmut_\d+: (\w[\w ]*)", line)
    if not match:
        continue
    module, status = match.group(1), match.group(2).strip()
    counts[module][status] += 1
    if status == "survived":
        survivors[module].append(line.split(":")[0].strip())
print(f"{'module':<28} {'killed':>7} {'total':>6} {'score':>6}")
for module in sorted(counts):
    c = counts[module]
    total = sum(c.values())
    killed = c["killed"] + c["timeout"] + c["segfault"]  # a mutant that never ends, or crashes, is caught too
    print(f"{module:<28} {killed:>7} {total:>6} {killed / total:>6.0%}   {dict(c)}")
for module, names in sorted(survivors.items()):
    print(f"survived in {module}: {' '.join(names)}")
open("survivors.txt", "w", encoding="utf-8").write("".join(f"{n}\n" for names in survivors.values() for n in names))
PY
while read -r name; do mutmut show "$name"; done < survivors.txt > "$REPORT" 2>&1 || true
echo "survivors' diffs: $REPORT"
