#!/usr/bin/env bash
# Run the whole test suite: unit, integration (Testcontainers on real PostgreSQL
# and RabbitMQ) and end-to-end. Extra arguments go to `dotnet test`, e.g.
#   tests/run.sh --filter "FullyQualifiedName~Funding"
# The last line printed is always "N passed, N failed" (summed over every test
# project's .trx file); the exit code is non-zero if anything failed.
#
# Knobs: PROGRAMMES_TEST_IMAGES="postgres rabbitmq" (add dotnet/dashboard when a
# suite needs them), PROGRAMMES_TEST_RESULTS (results directory).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../deploy/lib.sh
. "$ROOT/deploy/lib.sh"
PROGRAMMES_LOG_TAG=tests
started=$(now_s)
RESULTS="${PROGRAMMES_TEST_RESULTS:-$ROOT/TestResults}"
summary_printed=""

# Remove every Testcontainers container (and its anonymous volumes) this or an
# earlier, interrupted run left behind. Ryuk is disabled, so this is the reaper.
reap_containers() {
  command -v docker >/dev/null 2>&1 || return 0
  local ids
  ids="$(timeout 20 docker ps -aq --filter label=org.testcontainers=true 2>/dev/null || true)"
  if [ -n "$ids" ]; then
    # shellcheck disable=SC2086
    timeout 60 docker rm -fv $ids >/dev/null 2>&1 || true
    log "removed $(wc -w <<<"$ids") Testcontainers container(s)"
  fi
}

# Sum <Counters passed="N" failed="N" error="N" .../> over the .trx files.
count_attr() { # count_attr NAME FILE...
  local name="$1"; shift
  [ $# -gt 0 ] || { echo 0; return; }
  grep -ho '<Counters [^>]*>' "$@" 2>/dev/null \
    | grep -o " $name=\"[0-9]*\"" | grep -o '[0-9]*' \
    | awk '{ s += $1 } END { print s + 0 }'
}

print_summary() {
  [ -z "$summary_printed" ] || return 0
  summary_printed=1
  local trx=() passed failed errors
  if [ -d "$RESULTS" ]; then
    mapfile -t trx < <(find "$RESULTS" -name '*.trx' 2>/dev/null | sort)
  fi
  passed=$(count_attr passed "${trx[@]}")
  failed=$(count_attr failed "${trx[@]}")
  errors=$(count_attr error "${trx[@]}")
  failed=$((failed + errors))
  echo "Results: ${#trx[@]} .trx file(s) in ${RESULTS#"$ROOT"/}"
  echo "Elapsed: $(fmt_elapsed "$started")"
  echo "$passed passed, $failed failed"
  FAILED_COUNT=$failed
}

FAILED_COUNT=0
test_rc=1
on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  reap_containers
  print_summary
  if [ "$test_rc" != 0 ] || [ "${FAILED_COUNT:-0}" != 0 ]; then
    [ "$rc" != 0 ] || rc=1
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'log "interrupted"; exit 130' INT TERM

# The results directory holds the last run only.
mkdir -p "$RESULTS"
find "$RESULTS" -name '*.trx' -delete

# Docker, the images the tests start, and the environment Testcontainers reads.
set -e
read -r -a wanted_images <<<"${PROGRAMMES_TEST_IMAGES:-postgres rabbitmq}"
ensure_images "${wanted_images[@]}"
load_images   # also expose images resolved earlier (dotnet, dashboard) if any
set +e
export TESTCONTAINERS_RYUK_DISABLED=true
[ -n "${DOCKER_API_VERSION:-}" ] && export DOCKER_API_VERSION
export PROGRAMMES_POSTGRES_IMAGE PROGRAMMES_RABBITMQ_IMAGE
iati="$(cd "$ROOT/.." && pwd)/shared/reference/iati-2.03"
if [ -d "$iati" ]; then export PROGRAMMES_IATI_SCHEMA_DIR="$iati"; fi
log "DOCKER_API_VERSION=${DOCKER_API_VERSION:-<client default>} PROGRAMMES_POSTGRES_IMAGE=${PROGRAMMES_POSTGRES_IMAGE:-} PROGRAMMES_RABBITMQ_IMAGE=${PROGRAMMES_RABBITMQ_IMAGE:-}${PROGRAMMES_IATI_SCHEMA_DIR:+ PROGRAMMES_IATI_SCHEMA_DIR=$PROGRAMMES_IATI_SCHEMA_DIR}"

reap_containers
cd "$ROOT"
log "dotnet test Programmes.sln -c Release $*"
dotnet test Programmes.sln -c Release --logger "trx" --results-directory "$RESULTS" "$@"
test_rc=$?
[ "$test_rc" = 0 ] || warn "dotnet test exited with $test_rc"
exit "$test_rc"
