#!/usr/bin/env bash
# Run the whole test suite: unit, integration (Testcontainers on real PostgreSQL
# and RabbitMQ) and end-to-end. Extra arguments go to `dotnet test`, e.g.
#   tests/run.sh --filter "FullyQualifiedName~Funding"
# The last line printed is always "N passed, N failed" (summed over every test
# project's .trx file); the exit code is non-zero if anything failed.
#
# Knobs: PROGRAMMES_TEST_IMAGES="postgres rabbitmq" (add dotnet/dashboard when a
# suite needs them), PROGRAMMES_TEST_RESULTS (results directory),
# PROGRAMMES_TEST_REAP=all (see the reaper below).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../deploy/lib.sh
. "$ROOT/deploy/lib.sh"
PROGRAMMES_LOG_TAG=tests
started=$(now_s)
RESULTS="${PROGRAMMES_TEST_RESULTS:-$ROOT/TestResults}"
summary_printed=""

# Reaper (Ryuk is disabled). Testcontainers labels its containers
# org.testcontainers=true. Other runs may share this Docker engine (worktrees,
# other users), so by default only this run's containers are removed:
#  - those labelled programmes.test-run=$PROGRAMMES_TEST_RUN_ID (test fixtures
#    can add this label to be matched exactly), and
#  - unlabelled Testcontainers containers created while this run was going that
#    did not exist when it started.
# PROGRAMMES_TEST_REAP=all removes every Testcontainers container (and thereby
# leftovers of killed runs): use it on a machine that runs one suite at a time.
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)-$$"
RUN_STARTED_UTC="$(date -u +%Y-%m-%dT%H:%M:%S)"
PREEXISTING=" "
SNAPSHOT_TAKEN=""
docker_ok() { command -v docker >/dev/null 2>&1 && timeout 20 docker version >/dev/null 2>&1; }
snapshot_containers() {
  docker_ok || return 0
  PREEXISTING=" $(timeout 20 docker ps -aq --no-trunc --filter label=org.testcontainers=true 2>/dev/null | tr '\n' ' ') "
  SNAPSHOT_TAKEN=1
}
reap_containers() {
  docker_ok || return 0
  local ids="" id created run
  if [ "${PROGRAMMES_TEST_REAP:-run}" = all ]; then
    ids="$(timeout 20 docker ps -aq --no-trunc --filter label=org.testcontainers=true 2>/dev/null || true)"
  elif [ -n "$SNAPSHOT_TAKEN" ]; then
    while read -r id created run; do
      [ -n "$id" ] || continue
      if [ "$run" = "$RUN_ID" ]; then ids+="$id "; continue; fi
      [ "$run" = "-" ] || continue                       # another run's labelled container
      case "$PREEXISTING" in *" $id "*) continue ;; esac  # was there before this run
      [[ "$created" > "$RUN_STARTED_UTC" ]] && ids+="$id "
    done < <(timeout 20 docker ps -aq --no-trunc --filter label=org.testcontainers=true 2>/dev/null \
      | xargs -r docker inspect -f '{{.Id}} {{.Created}} {{with index .Config.Labels "programmes.test-run"}}{{.}}{{else}}-{{end}}' 2>/dev/null || true)
  fi
  if [ -n "${ids// /}" ]; then
    # shellcheck disable=SC2086
    timeout 120 docker rm -fv $ids >/dev/null 2>&1 || true
    log "removed $(wc -w <<<"$ids") Testcontainers container(s) with their anonymous volumes"
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
export PROGRAMMES_TEST_RUN_ID="$RUN_ID"
[ -n "${DOCKER_API_VERSION:-}" ] && export DOCKER_API_VERSION
export PROGRAMMES_POSTGRES_IMAGE PROGRAMMES_RABBITMQ_IMAGE
iati="$(cd "$ROOT/.." && pwd)/shared/reference/iati-2.03"
if [ -d "$iati" ]; then export PROGRAMMES_IATI_SCHEMA_DIR="$iati"; fi
log "DOCKER_API_VERSION=${DOCKER_API_VERSION:-<client default>} PROGRAMMES_POSTGRES_IMAGE=${PROGRAMMES_POSTGRES_IMAGE:-} PROGRAMMES_RABBITMQ_IMAGE=${PROGRAMMES_RABBITMQ_IMAGE:-}${PROGRAMMES_IATI_SCHEMA_DIR:+ PROGRAMMES_IATI_SCHEMA_DIR=$PROGRAMMES_IATI_SCHEMA_DIR}"

if [ "${PROGRAMMES_TEST_REAP:-run}" = all ]; then reap_containers; fi
snapshot_containers
cd "$ROOT"
log "dotnet test Programmes.sln -c Release $*"
dotnet test Programmes.sln -c Release --logger "trx" --results-directory "$RESULTS" "$@"
test_rc=$?
[ "$test_rc" = 0 ] || warn "dotnet test exited with $test_rc"
exit "$test_rc"
