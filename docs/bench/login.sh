#!/usr/bin/env bash
# Command latency (P6 point 5): a records command on the 66-participant seed demo, with the password
# (PBKDF2-SHA256 600,000 iterations each time) and with a `login` token. Usage: docs/bench/login.sh [runs]
set -euo pipefail
runs=${1:-10}
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=/tmp/pe-login
[ -x "$out/protocol-engine" ] || dotnet publish "$repo/host/ProtocolEngine.Cli" -c Release -o "$out" >/dev/null
work=$(mktemp -d)
export XDG_STATE_HOME="$work/state" PROTOCOL_ENGINE_DB="$work/demo.db" PROTOCOL_ENGINE_DB_KEY=bench-key-0123456789
export PROTOCOL_ENGINE_USER=admin PROTOCOL_ENGINE_PASSWORD=bench-password
pe() { "$out/protocol-engine" "$@" --protocol "$repo/protocol.yaml"; }
pe demo --seed 1 >/dev/null
pe participant list >/dev/null   # upgrades nothing (created at 600,000), warms the file cache
time_runs() {
  for _ in $(seq "$runs"); do /usr/bin/time -f %e "$out/protocol-engine" participant list --protocol "$repo/protocol.yaml" 2>&1 >/dev/null | tail -1; done \
    | sort -n | awk '{a[NR]=$1} END {printf "min %.2f  median %.2f  max %.2f s\n", a[1], (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[NR]}'
}
echo "password: $(time_runs)"
pe login >/dev/null
unset PROTOCOL_ENGINE_PASSWORD
echo "token:    $(time_runs)"
pe logout >/dev/null
rm -rf "$work"
