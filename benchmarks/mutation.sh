#!/usr/bin/env bash
# Mutation testing of six core modules with mutmut 3.x, one module at a time with only its own
# test files. Not part of the test suite or CI; figures and the excluded (equivalent) mutants
# are in docs/testing.md.
#
#   .venv/bin/pip install -e '.[mutation]'
#   bash benchmarks/mutation.sh [MODULE ...]      # default: all six; e.g. `clock validate`
#
# Each module runs in a throwaway copy of the work tree (tracked and new files) with a
# [tool.mutmut] section appended to the copy's pyproject.toml, so the repository is never
# touched. MUTATION_CHILDREN (default 1) sets mutmut's --max-children; keep it at 1 or 2 on a
# shared machine. Prints one line per module: killed / (mutants - listed equivalents), and the
# surviving mutants (see one with `mutmut show NAME` inside the kept copy, path printed).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-$ROOT/.venv/bin/python}
MUTMUT=${MUTMUT:-$(dirname "$PY")/mutmut}
CHILDREN=${MUTATION_CHILDREN:-1}
EQUIVALENT=$ROOT/benchmarks/mutation_equivalent.txt

declare -A SOURCE=(
    [clock]=records/clock.py
    [validate]=records/validate.py
    [audit]=records/audit.py
    [uic]=records/uic.py
    [search]=records/search.py
    [indicators]=records/export/indicators.py
)
declare -A TESTS=(
    [clock]="tests/test_clock.py tests/test_records.py"
    [validate]="tests/test_validate.py tests/test_records.py tests/safety/test_safety_hardening.py"
    [audit]="tests/test_audit.py tests/safety/test_safety_audit.py"
    [uic]="tests/test_uic.py tests/test_chosen_codes.py tests/test_program_secret.py"
    [search]="tests/test_search.py"
    [indicators]="tests/export/test_indicator_rules.py tests/export/test_indicators.py"
)

[ -x "$MUTMUT" ] || { echo "error: mutmut not found: .venv/bin/pip install -e '.[mutation]'" >&2; exit 1; }
modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=(clock validate audit uic search indicators)

for module in "${modules[@]}"; do
    source=${SOURCE[$module]:-}
    [ -n "$source" ] || { echo "error: unknown module $module (one of ${!SOURCE[*]})" >&2; exit 1; }
    work=$(mktemp -d "${TMPDIR:-/tmp}/mutation-$module-XXXXXX")
    git ls-files -z --cached --others --exclude-standard | grep -zv '^\.venv/' \
        | xargs -0 cp --parents -t "$work" 2>/dev/null || true
    tests=$(for t in ${TESTS[$module]}; do [ -e "$t" ] && printf '"%s", ' "$t"; done)
    packages=$(for d in */__init__.py; do d=${d%/__init__.py}; [ "$d" != records ] && printf '"%s", ' "$d"; done)
    cat >>"$work/pyproject.toml" <<EOF

[tool.mutmut]
source_paths = ["records"]
only_mutate = ["$source"]
also_copy = [${packages}"main.py"]
pytest_add_cli_args = ["-q", "-p", "no:cacheprovider"]
pytest_add_cli_args_test_selection = [${tests%, }]
EOF
    (cd "$work" && "$MUTMUT" run --max-children "$CHILDREN" >"$work/run.log" 2>&1) || {
        echo "error: mutmut failed for $module, see $work/run.log" >&2; exit 1; }
    (cd "$work" && "$MUTMUT" results --all true) >"$work/results.txt"
    "$PY" - "$module" "$work/results.txt" "$EQUIVALENT" "$work" <<'EOF'
import re, sys
module, results, equivalent_file, work = sys.argv[1:]
equivalent = {line.split()[0] for line in open(equivalent_file)
              if line.strip() and not line.startswith("#")}
status = dict(re.findall(r"^\s*(\S+): (\S.*)$", open(results).read(), re.M))
counted = {k: v for k, v in status.items() if k not in equivalent}
killed = sum(v in ("killed", "timeout") for v in counted.values())
survived = sorted(k for k, v in counted.items() if v not in ("killed", "timeout"))
share = 100 * killed / len(counted) if counted else 0
print(f"{module}: {killed}/{len(counted)} killed ({share:.0f}%), "
      f"{len(status) - len(counted)} equivalent excluded; copy kept in {work}")
for name in survived:
    print(f"    {name}: {status[name]}")
EOF
done
