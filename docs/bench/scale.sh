#!/usr/bin/env bash
# P6 scale benchmark: a multi-site copy of the seed protocol, `demo --participants N --sites S` with the
# published build, then the timed commands of issue P6 (wall seconds and peak RSS) and the database size.
#   docs/bench/scale.sh [PARTICIPANTS=10000] [SITES=50] [PUBLISHED=/tmp/pe-bench/pub]
# Run from anywhere; it publishes the CLI first unless PUBLISHED already holds protocol-engine.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-10000}"; sites="${2:-50}"; pub="${3:-/tmp/pe-bench/pub}"
work="$(mktemp -d /tmp/pe-scale.XXXXXX)"
[ -x "$pub/protocol-engine" ] || dotnet publish "$repo/host/ProtocolEngine.Cli" -o "$pub" -v q >/dev/null
cp -r "$repo/protocols" "$work/"
[ -d "$repo/scripts" ] && cp -r "$repo/scripts" "$work/"
# The seed site's block (from its `- id:` line to the next top-level key), repeated for site-02..site-S.
awk -v sites="$sites" '
  /^sites:/ { in_sites = 1; print; next }
  in_sites && /^[A-Za-z_]/ {
    for (i = 2; i <= sites; i++) { b = block; gsub(/id: mianyang/, sprintf("id: site-%02d", i), b); gsub(/name: Mianyang Central Hospital/, sprintf("name: Demo site %02d", i), b); printf "%s", b }
    in_sites = 0
  }
  in_sites { block = block $0 "\n" }
  { print }
' "$repo/protocol.yaml" > "$work/protocol.yaml"
cd "$work"
export PROTOCOL_ENGINE_DB_KEY=bench-key-0123456789 PROTOCOL_ENGINE_USER=admin PROTOCOL_ENGINE_PASSWORD='correct horse battery' PROTOCOL_ENGINE_DB="$work/trial.db"
pe="$pub/protocol-engine"
"$pe" validate protocol.yaml >/dev/null
t() { local label="$1"; shift; /usr/bin/time -f "$label: %e s, peak RSS %M KB" "$@" >"$work/out.txt" 2>"$work/err.txt" || { cat "$work/err.txt" >&2; return 1; }; tail -1 "$work/err.txt"; }
t "demo --participants $n --sites $sites" "$pe" demo --seed 1 --participants "$n" --sites "$sites"
head -c 400 "$work/out.txt"; echo
size=$(stat -c %s trial.db); echo "database: $size bytes, $((size / n)) bytes per participant"
# The writing commands on the full database: a participant registered, screened (eligible) and randomized on the last
# Monday at least a day ago, given a fraction the day after and a baseline assessment; first with the password
# (one PBKDF2 derivation a command), then again with a `login` token for a second participant.
d0=$(python3 -c 'import datetime as d; t=d.date.today()-d.timedelta(days=1); print((t-d.timedelta(days=t.weekday())).isoformat())')
d1=$(python3 -c "import datetime as d; print((d.date.fromisoformat('$d0')+d.timedelta(days=1)).isoformat())")
writes() {
  local how="$1" pid
  pid=$("$pe" participant add --site mianyang --initials ZL --birth-date 1962-03-14 --sex female --consent-date "$d0" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  "$pe" screen --participant "$pid" --data protocols/chictr1900023401/participants/zl.json --date "$d0" >/dev/null
  t "randomize ($how)" "$pe" randomize --participant "$pid" --date "$d0"
  t "assess ($how)" "$pe" assess --participant "$pid" --visit baseline --date "$d0" --pain 7 --analgesic oxycodone=20
  t "fraction record ($how)" "$pe" fraction record --participant "$pid" --date "$d1"
}
writes password
t "visits due (password)" "$pe" visits due
t "participant list (password)" "$pe" participant list
"$pe" login >/dev/null
( unset PROTOCOL_ENGINE_PASSWORD; writes token
  t "visits due (token)" "$pe" visits due
  t "participant list (token)" "$pe" participant list )
"$pe" logout >/dev/null
t "audit verify" "$pe" audit verify
t "export --format json" "$pe" export --format json --out "$work/export.json"
ls -la "$work/export.json" | awk '{print "export: " $5 " bytes"}'
echo "work folder: $work"
