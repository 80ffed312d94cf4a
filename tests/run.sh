#!/usr/bin/env bash
# Run the whole test suite: unit, integration (Testcontainers on real PostgreSQL
# and RabbitMQ) and end-to-end. Extra arguments go to `dotnet test`, e.g.
#   tests/run.sh --filter "FullyQualifiedName~Funding"
# The last line printed is always "N passed, N failed" (summed over every test
# project's .trx file); the exit code is non-zero if anything failed.
#
# Knobs: PROGRAMMES_TEST_IMAGES="postgres rabbitmq dashboard" (add dotnet when a
# suite needs them), PROGRAMMES_TEST_RESULTS (results directory),
# PROGRAMMES_TEST_REAP=all|run (see the reaper below).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../deploy/lib.sh
. "$ROOT/deploy/lib.sh"
PROGRAMMES_LOG_TAG=tests
started=$(now_s)
RESULTS="${PROGRAMMES_TEST_RESULTS:-$ROOT/TestResults}"
summary_printed=""

# Reaper (Ryuk's image cannot be pulled, so Ryuk is disabled). Testcontainers
# labels its containers org.testcontainers=true, but other test runs may share
# this Docker engine (worktrees, other users, a bare `dotnet test`), so by
# default only containers provably this run's are removed: those labelled
#   programmes.test-run=$PROGRAMMES_TEST_RUN_ID
# (the test fixtures add that label), plus, at start, labelled leftovers of runs
# whose tests/run.sh process is gone (killed runs).
# PROGRAMMES_TEST_REAP=all (the default when CI is set: CI runners run one suite
# at a time) removes every org.testcontainers=true container instead.
RUN_ID="$(date -u +%Y%m%dT%H%M%SZ)-$$"
REAP_MODE="${PROGRAMMES_TEST_REAP:-$([ -n "${CI:-}" ] && echo all || echo run)}"
docker_ok() { command -v docker >/dev/null 2>&1 && timeout 20 docker version >/dev/null 2>&1; }
# Prints "ID RUN-LABEL" for every Testcontainers container ("-" when unlabelled).
testcontainers() {
  timeout 30 docker ps -aq --no-trunc --filter label=org.testcontainers=true 2>/dev/null \
    | xargs -r timeout 30 docker inspect -f '{{.Id}} {{with index .Config.Labels "programmes.test-run"}}{{.}}{{else}}-{{end}}' 2>/dev/null || true
}
remove_containers() { # remove_containers WHAT ID...
  local what="$1"; shift
  [ $# -gt 0 ] || return 0
  timeout 120 docker rm -fv "$@" >/dev/null 2>&1 || true
  log "removed $# $what Testcontainers container(s) with their anonymous volumes"
}
reap_leftovers() { # labelled containers of runs whose run.sh is no longer alive
  docker_ok || return 0
  local id run pid ids=()
  while read -r id run; do
    [ -n "$id" ] && [ "$run" != - ] && [ "$run" != "$RUN_ID" ] || continue
    pid="${run##*-}"
    if [[ "$pid" =~ ^[0-9]+$ ]] && grep -qs 'run\.sh' "/proc/$pid/cmdline"; then continue; fi
    ids+=("$id")
  done < <(testcontainers)
  remove_containers "left-over" "${ids[@]}"
}
reap_containers() {
  docker_ok || return 0
  local id run ids=() unlabelled=0
  while read -r id run; do
    [ -n "$id" ] || continue
    if [ "$REAP_MODE" = all ] || [ "$run" = "$RUN_ID" ]; then ids+=("$id")
    elif [ "$run" = - ]; then unlabelled=$((unlabelled + 1))
    fi
  done < <(testcontainers)
  remove_containers "this run's" "${ids[@]}"
  if [ "$unlabelled" -gt 0 ]; then
    log "$unlabelled Testcontainers container(s) without a programmes.test-run label are running (other runs', or fixtures that do not label); not touched. Remove them all with: PROGRAMMES_TEST_REAP=all tests/run.sh, or docker rm -fv \$(docker ps -aq --filter label=org.testcontainers=true)"
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

cd "$ROOT"
# 1. Fast feedback, before anything needs Docker: the format check, then the Docker-free unit tests (pure
#    domain logic and its properties, seconds). Either failing stops the run here.
log "dotnet format --verify-no-changes"
dotnet format Programmes.sln --verify-no-changes -v q
test_rc=$?
[ "$test_rc" = 0 ] || { warn "the code is not formatted: run dotnet format Programmes.sln"; exit "$test_rc"; }

unit_started=$(now_s)
log "unit tests: dotnet test tests/Programmes.UnitTests $*"
dotnet test tests/Programmes.UnitTests -c Release --logger "trx" --results-directory "$RESULTS" "$@"
test_rc=$?
log "unit tests took $(fmt_elapsed "$unit_started")"
[ "$test_rc" = 0 ] || { warn "the unit tests failed; the integration tests were not run"; exit "$test_rc"; }

# 2. Docker, the images the tests start, and the environment Testcontainers reads.
set -e
read -r -a wanted_images <<<"${PROGRAMMES_TEST_IMAGES:-postgres rabbitmq dashboard}"
ensure_images "${wanted_images[@]}"
load_images   # also expose images resolved earlier (dotnet, dashboard) if any
set +e
export TESTCONTAINERS_RYUK_DISABLED=true
export PROGRAMMES_TEST_RUN_ID="$RUN_ID"
[ -n "${DOCKER_API_VERSION:-}" ] && export DOCKER_API_VERSION
export PROGRAMMES_POSTGRES_IMAGE PROGRAMMES_RABBITMQ_IMAGE PROGRAMMES_DASHBOARD_IMAGE
log "DOCKER_API_VERSION=${DOCKER_API_VERSION:-<client default>} PROGRAMMES_POSTGRES_IMAGE=${PROGRAMMES_POSTGRES_IMAGE:-} PROGRAMMES_RABBITMQ_IMAGE=${PROGRAMMES_RABBITMQ_IMAGE:-} PROGRAMMES_DASHBOARD_IMAGE=${PROGRAMMES_DASHBOARD_IMAGE:-}"

if [ "$REAP_MODE" = all ]; then reap_containers; else reap_leftovers; fi

log "dotnet build Programmes.sln -c Release"
dotnet build Programmes.sln -c Release -nologo -clp:ErrorsOnly
test_rc=$?
[ "$test_rc" = 0 ] || { warn "the build failed"; exit "$test_rc"; }

# 3. Everything else: integration on real PostgreSQL and RabbitMQ, end-to-end, bad input, reliability.
log "integration tests: dotnet test Programmes.sln -c Release -p:SkipUnitTests=true $*"
dotnet test Programmes.sln -c Release --no-build -p:SkipUnitTests=true --logger "trx" --results-directory "$RESULTS" "$@"
test_rc=$?
[ "$test_rc" = 0 ] || warn "dotnet test exited with $test_rc"
exit "$test_rc"
