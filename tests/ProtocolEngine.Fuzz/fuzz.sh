#!/usr/bin/env bash
# Coverage-guided fuzzing of one harness under afl-fuzz (AFL++, Debian package afl++) through SharpFuzz.
#   tests/ProtocolEngine.Fuzz/fuzz.sh TARGET [--execs N] [--seconds S] [--out DIR]
# TARGET: yaml | participant | cli. Publishes the harness (Release) into DIR/bin once, instruments the product's
# assemblies there with the sharpfuzz tool (.config/dotnet-tools.json), runs afl-fuzz from corpus/TARGET with
# dict/TARGET.dict until N executions (-E) or S seconds (-V), then prints afl's counts. Exit 1 when afl saved a
# crash (an exception escaping the harness: see README.md) or a hang; each is in DIR/findings/TARGET/default/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: fuzz.sh yaml|participant|cli [--execs N] [--seconds S] [--out DIR]}"; shift
execs=""; seconds=""; out="${TMPDIR:-/tmp}/protocol-engine-fuzz"
while [ $# -gt 0 ]; do
  case "$1" in
    --execs) execs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$target" in yaml|participant|cli) ;; *) echo "fuzz.sh: unknown target '$target' (yaml, participant, cli)" >&2; exit 2 ;; esac
if ! command -v afl-fuzz >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || { echo "fuzz.sh: afl-fuzz not found and no apt-get: install AFL++" >&2; exit 2; }
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends afl++ >/dev/null
fi

bin="$out/bin"
if [ ! -f "$bin/.instrumented" ]; then
  rm -rf "$bin"
  dotnet publish "$here/ProtocolEngine.Fuzz.csproj" -c Release -o "$bin" -p:PublishReadyToRun=false --nologo -v quiet
  (cd "$here" && dotnet tool restore >/dev/null)
  # The product's own assemblies and the parsers they use; not the runtime, not the plugins (loaded in contexts of their own).
  for dll in ProtocolEngine.Engine ProtocolEngine.Yaml YamlDotNet protocol-engine System.CommandLine; do
    (cd "$here" && dotnet sharpfuzz "$bin/$dll.dll" >/dev/null)
  done
  touch "$bin/.instrumented"
fi

# The first input afl sends builds the target (the command-line one runs `validate`): compile the seed's rules into the
# harness's cache now, so that it stays within afl's time limit.
dotnet "$bin/protocol-engine-fuzz.dll" run "$target" "$here/corpus/cli/validate" >/dev/null

findings="$out/findings/$target"
rm -rf "$findings"
mkdir -p "$findings"
# -t: an input running longer is a hang. The command line's slowest legitimate inputs (a 100,000-trial escalation
# simulation, `validate` loading every plugin) take tens of seconds on a loaded machine.
timeout=20000; [ "$target" = cli ] && timeout=60000
limits=()
[ -n "$execs" ] && limits+=(-E "$execs")
[ -n "$seconds" ] && limits+=(-V "$seconds")
# -m none: .NET reserves far more address space than it uses; its heap is capped instead (1 GiB: runaway memory is
# an OutOfMemoryException, a crash).
AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
AFL_QUIET=1 DOTNET_GCHeapHardLimit=0x40000000 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
  afl-fuzz -i "$here/corpus/$target" -o "$findings" -t "$timeout" -m none -x "$here/dict/$target.dict" "${limits[@]}" \
  -- dotnet "$bin/protocol-engine-fuzz.dll" afl "$target" > "$findings/afl.log" 2>&1 || { tail -30 "$findings/afl.log" >&2; exit 1; }

stats="$findings/default/fuzzer_stats"
value() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
crashes=$(value saved_crashes); hangs=$(value saved_hangs)
echo "$target: $(value execs_done) executions in $(value run_time) s ($(value execs_per_sec) per s), $(value corpus_count) paths, edges $(value edges_found) of map $(value bitmap_cvg), crashes $crashes, hangs $hangs"
if [ "${crashes:-0}" != 0 ] || [ "${hangs:-0}" != 0 ]; then
  ls "$findings/default/crashes" "$findings/default/hangs" >&2
  echo "reproduce: dotnet $bin/protocol-engine-fuzz.dll run $target FILE" >&2
  exit 1
fi
