#!/usr/bin/env bash
# What the rule worker process costs whole commands: `screen` (one participant, isolated: the worker is started,
# sent the rules and asked once) against `validate` (the same load, check and cached rules, no screening), and
# `test` (86 scenarios in one command, one worker). Published build, warm rule cache, RUNS runs each; prints
# min / median / max wall seconds. Usage: docs/bench/isolation.sh [RUNS]   (from the repository root)
set -euo pipefail
runs=${1:-10}
out=/tmp/pe-isolation
[ -x "$out/protocol-engine" ] || dotnet publish host/ProtocolEngine.Cli -o "$out" >/dev/null
export PROTOCOL_ENGINE_CACHE=/tmp/pe-isolation-cache
participant=protocols/chictr1900023401/participants/eligible.json
"$out/protocol-engine" validate protocol.yaml >/dev/null 2>&1
measure() {
  local name=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$name" '{a[NR]=$1} END {printf "%-28s min %.3f  median %.3f  max %.3f s\n", n, a[1], a[int((NR+1)/2)], a[NR]}'
}
measure "validate (no screening)" "$out/protocol-engine" validate protocol.yaml
measure "screen one participant" "$out/protocol-engine" screen --participant "$participant"
measure "test (86 scenarios)" "$out/protocol-engine" test protocol.yaml
