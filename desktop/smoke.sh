#!/usr/bin/env bash
# Smoke test of the built app: bash desktop/smoke.sh [dist/van-clinic]
# Runs the packaged executable the way a laptop with no Python would: PATH=/usr/bin:/bin, no
# PYTHONPATH, PYTHONHOME pointing nowhere, an empty HOME and the C locale (Python's UTF-8
# mode must keep the accented names working). It creates a vault, imports spreadsheets,
# saves a visit summary, exports a week (decrypted with the stock `age` tool), backs up,
# checks, shows the unlock window offscreen and quits (in English, then on a French system
# in French), checks a user mistake's exit codes,
# and installs the folder into a throwaway prefix. Needs: age, age-keygen,
# desktop-file-validate (Debian: age, desktop-file-utils; see .ci/system-packages).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
APP=$(cd "${1:-$ROOT/dist/van-clinic}" && pwd)
EXE="$APP/van-clinic"
[ -x "$EXE" ] || { echo "smoke: no executable at $EXE (run: bash desktop/build.sh)" >&2; exit 1; }
WORK=$(mktemp -d)
trap '[ -n "${SMOKE_KEEP:-}" ] || rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/in" "$WORK/out"
V="$WORK/vault"
PASS="$WORK/in/passphrase"
printf 'correct horse battery staple\n' > "$PASS"
failures=0

app() {  # a command (the packaged app) in the stripped-down environment; VAR=value first
    env -i PATH=/usr/bin:/bin HOME="$WORK/home" PYTHONHOME="$WORK/nowhere" LANG=C LC_ALL=C \
        QT_QPA_PLATFORM=offscreen "$@"
}
step() { printf -- '-- %s\n' "$*"; }
fail() { echo "smoke FAILED: $*" >&2; failures=$((failures + 1)); }
expect() {  # expect STATUS COMMAND...: run the app, compare its exit status
    local want=$1; shift
    local got=0
    app timeout 300 "$EXE" "$@" > "$WORK/stdout" 2> "$WORK/stderr" || got=$?
    if [ "$got" != "$want" ]; then
        fail "van-clinic $1: exit $got, expected $want"
        sed 's/^/   | /' "$WORK/stdout" "$WORK/stderr" | tail -20 >&2
        return 1
    fi
    if grep -q Traceback "$WORK/stderr"; then
        fail "van-clinic $1 printed a traceback"
        return 1
    fi
}

step "help"
expect 0 --help && grep -q "init" "$WORK/stdout" || fail "--help lists no commands"

step "init (staff name with accents, C locale)"
expect 0 init --data-dir "$V" --staff "Amélie Côté" --passphrase-file "$PASS" --clinic "Night Van"
expect 0 settings set van_name --value "Night Van" --data-dir "$V" --passphrase-file "$PASS"

step "import"
cat > "$WORK/in/clients.csv" <<'CSV'
name,ref,gender,uic_first,uic_last,birth_year,language
Zoë Ñúñez,C1,F,Zoë,Núñez,1990,fr
Rosa,C2,F,Rosa,Smith,1985,en
CSV
cat > "$WORK/in/visits.csv" <<'CSV'
client_ref,date,site,reason,services
C1,2026-11-17 22:30,Dundas & Richmond,check-in,wound_care
C2,2026-11-18 23:10,Dundas & Richmond,supplies,
CSV
expect 0 import --data-dir "$V" --passphrase-file "$PASS" \
    --clients "$WORK/in/clients.csv" --visits "$WORK/in/visits.csv"

step "print visit-summary --out"
expect 0 print visit-summary --client C1 --out "$WORK/out/summary.pdf" \
    --data-dir "$V" --passphrase-file "$PASS"
[ "$(head -c 5 "$WORK/out/summary.pdf" 2>/dev/null)" = "%PDF-" ] || fail "the summary is not a PDF"
step "print --printer (loads QtPdf and QtPrintSupport; no such printer: one error line, exit 1)"
expect 1 print visit-summary --client C1 --printer "No Such Printer" \
    --data-dir "$V" --passphrase-file "$PASS" && grep -q "^error: " "$WORK/stderr" \
    || fail "an unknown printer did not give one error line"

step "export, decrypted with the stock age tool"
age-keygen -o "$WORK/in/coordinator.key" 2> "$WORK/in/keygen.txt"
recipient=$(sed -n 's/^Public key: //p' "$WORK/in/keygen.txt")
expect 0 coordinator secret --out "$WORK/in/secret"
expect 0 settings set uic_secret --value-file "$WORK/in/secret" --data-dir "$V" --passphrase-file "$PASS"
expect 0 settings set export_recipient --value "$recipient" --data-dir "$V" --passphrase-file "$PASS"
expect 0 export --week 2026-W47 --out "$WORK/out/week.age" --data-dir "$V" --passphrase-file "$PASS"
if age -d -i "$WORK/in/coordinator.key" -o "$WORK/out/week.zip" "$WORK/out/week.age"; then
    [ "$(head -c 2 "$WORK/out/week.zip")" = "PK" ] || fail "the decrypted export is not a zip"
else
    fail "age could not decrypt the export"
fi

step "backup and check"
expect 0 backup --to "$WORK/out/backups" --data-dir "$V" --passphrase-file "$PASS"
compgen -G "$WORK/out/backups/van-clinic-backup-*/manifest.json" >/dev/null || fail "no backup written"
expect 0 check --data-dir "$V" --passphrase-file "$PASS"

step "the desktop app: unlock window offscreen, then quit (VAN_CLINIC_QUIT_WHEN_SHOWN)"
for start in "" "gui"; do
    got=0
    # shellcheck disable=SC2086
    app VAN_CLINIC_QUIT_WHEN_SHOWN=1 timeout 120 "$EXE" $start --data-dir "$V" \
        > "$WORK/stdout" 2> "$WORK/stderr" || got=$?
    if [ "$got" != 0 ] || ! grep -qx "shown: Records — locked" "$WORK/stdout"; then
        fail "van-clinic $start --data-dir: the unlock window was not shown (exit $got)"
        sed 's/^/   | /' "$WORK/stdout" "$WORK/stderr" | tail -20 >&2
    fi
done

step "in French on a French system (a locale this machine need not have), from the shipped translations"
for qm in ui/translations/van_clinic_en.qm ui/translations/van_clinic_fr.qm \
        PySide6/Qt/translations/qtbase_fr.qm; do
    [ -f "$APP/_internal/$qm" ] || fail "the folder lacks $qm"
done
got=0
app LANG=fr_CA.UTF-8 LC_ALL=fr_CA.UTF-8 VAN_CLINIC_QUIT_WHEN_SHOWN=1 timeout 120 "$EXE" \
    --data-dir "$V" > "$WORK/stdout" 2> "$WORK/stderr" || got=$?
if [ "$got" != 0 ] || ! grep -qx "shown: Dossiers — verrouillé" "$WORK/stdout"; then
    fail "on a French system the unlock window was not in French (exit $got)"
    sed 's/^/   | /' "$WORK/stdout" "$WORK/stderr" | tail -20 >&2
fi

step "mistakes: exit codes as python main.py"
printf 'wrong\n' > "$WORK/in/wrong"
expect 1 check --data-dir "$V" --passphrase-file "$WORK/in/wrong" && grep -q "^error: " "$WORK/stderr" \
    || fail "a wrong passphrase did not give one error line"
expect 2 check --no-such-option || true

step "install into a throwaway prefix"
if app bash "$APP/install.sh" "$WORK/prefix" > "$WORK/stdout" 2> "$WORK/stderr"; then
    app "$WORK/prefix/bin/van-clinic" --help > /dev/null || fail "the installed app does not start"
    desktop-file-validate "$WORK/prefix/share/applications/org.vanclinic.Records.desktop" \
        || fail "the installed .desktop file is not valid"
else
    fail "install.sh failed"; cat "$WORK/stderr" >&2
fi

if [ "$failures" -gt 0 ]; then
    echo "smoke: $failures failed" >&2
    exit 1
fi
echo "smoke: all passed ($APP)"
