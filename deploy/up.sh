#!/usr/bin/env bash
# Bring the whole system up on this machine: Docker and images (offline
# stand-ins where registries are unreachable), publish the six apps, build
# their images, start everything with compose and wait until it is healthy.
#
#   deploy/up.sh            PROGRAMMES_UP_TIMEOUT=seconds to wait for health (default 600),
#                           PROGRAMMES_READY_TO_RUN=0 to publish without ReadyToRun (faster, slower to run)
#   deploy/up.sh --scaled   the scaled-out variant (compose.scaled.yaml: two instances of every
#                           service and gateway, a three-node RabbitMQ cluster)
#   deploy/down.sh [--scaled] [--volumes]
set -euo pipefail

SCALED=""
for a in "$@"; do
  case "$a" in
    --scaled) SCALED=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument '$a' (expected --scaled)" >&2; exit 2 ;;
  esac
done

# shellcheck source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
PROGRAMMES_LOG_TAG=up
started=$(now_s)
cd "$PROGRAMMES_ROOT"

# project path | assembly | compose service
APPS=(
  "services/RequestIntake/Programmes.RequestIntake.csproj|Programmes.RequestIntake|request-intake"
  "services/ProgrammePlanning/Programmes.ProgrammePlanning.csproj|Programmes.ProgrammePlanning|programme-planning"
  "services/PartnerCoordination/Programmes.PartnerCoordination.csproj|Programmes.PartnerCoordination|partner-coordination"
  "services/Funding/Programmes.Funding.csproj|Programmes.Funding|funding"
  "gateway/Programmes.Gateway.csproj|Programmes.Gateway|gateway"
  "services/Console/Programmes.Console.csproj|Programmes.Console|console"
)
BUILD_DIR="$PROGRAMMES_DEPLOY_DIR/.build"
COMPOSE_FILE="$PROGRAMMES_DEPLOY_DIR/compose${SCALED:+.scaled}.yaml"
PROJECT="programmes${SCALED:+-scaled}"
LOG_DIR="$PROGRAMMES_STATE_DIR/logs"
mkdir -p "$BUILD_DIR" "$LOG_DIR"

command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH; install the SDK pinned in global.json and retry"
for a in "${APPS[@]}"; do
  [ -f "${a%%|*}" ] || die "project ${a%%|*} not found"
done

# 1. Docker and the four infrastructure images.
ensure_images
read -r -a COMPOSE <<<"$(compose_cmd)"
# The dashboard's telemetry API key: PROGRAMMES_DASHBOARD_API_KEY if set, else one generated on the first
# run and kept in deploy/.state/secrets.env (not in git), so scripts keep working across restarts.
SECRETS_ENV="$PROGRAMMES_STATE_DIR/secrets.env"
if [ -z "${PROGRAMMES_DASHBOARD_API_KEY:-}" ]; then
  [ -r "$SECRETS_ENV" ] && PROGRAMMES_DASHBOARD_API_KEY="$(sed -n 's/^PROGRAMMES_DASHBOARD_API_KEY=//p' "$SECRETS_ENV")"
  if [ -z "${PROGRAMMES_DASHBOARD_API_KEY:-}" ]; then
    PROGRAMMES_DASHBOARD_API_KEY="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
    (umask 077; echo "PROGRAMMES_DASHBOARD_API_KEY=$PROGRAMMES_DASHBOARD_API_KEY" >"$SECRETS_ENV")
  fi
fi
export PROGRAMMES_DASHBOARD_API_KEY
compose() { "${COMPOSE[@]}" -p "$PROJECT" -f "$COMPOSE_FILE" --env-file "$PROGRAMMES_IMAGES_ENV" "$@"; }

# 2. Build the six apps in one MSBuild run (shared projects compile once, in
#    parallel where possible), then publish each without rebuilding.
t0=$(now_s)
traversal="$BUILD_DIR/apps.proj"
{
  echo '<Project DefaultTargets="Build">'
  echo '  <ItemGroup>'
  for a in "${APPS[@]}"; do echo "    <App Include=\"$PROGRAMMES_ROOT/${a%%|*}\" />"; done
  echo '  </ItemGroup>'
  echo '  <Target Name="Restore"><MSBuild Projects="@(App)" Targets="Restore" /></Target>'
  echo '  <Target Name="Build"><MSBuild Projects="@(App)" Targets="Build" BuildInParallel="true" /></Target>'
  echo '</Project>'
} >"$traversal"
# ReadyToRun (precompiled native code in the published assemblies): without it the JIT and tiering took a
# fifth of a core in steady state and hot methods were still at early tiers minutes into a load
# (docs/performance.md). It needs a runtime identifier; the apps stay framework-dependent. Precompiling makes
# the publish several times slower (32 min instead of 3 on two cores shared with other builds):
# PROGRAMMES_READY_TO_RUN=0 skips it for a quick try-out.
PUBLISH_PROPS=(-p:RuntimeIdentifier=linux-x64 -p:SelfContained=false -p:PublishReadyToRun=true)
[ "${PROGRAMMES_READY_TO_RUN:-1}" = 0 ] && PUBLISH_PROPS=(-p:RuntimeIdentifier=linux-x64 -p:SelfContained=false)
log "building the six apps (Release, ${PUBLISH_PROPS[*]})"
if ! dotnet build "$traversal" -c Release -m -nologo -v:m "${PUBLISH_PROPS[@]}" >"$LOG_DIR/build.log" 2>&1; then
  grep -E ': (error|warning) ' "$LOG_DIR/build.log" | sort -u | head -n 40 >&2 || tail -n 40 "$LOG_DIR/build.log" >&2
  die "build failed (full log: ${LOG_DIR#"$PROGRAMMES_ROOT"/}/build.log)"
fi
for a in "${APPS[@]}"; do
  IFS='|' read -r proj asm name <<<"$a"
  out="$BUILD_DIR/$name"
  rm -rf "$out"
  if ! dotnet publish "$proj" -c Release --no-build -nologo -v:q "${PUBLISH_PROPS[@]}" -o "$out" >"$LOG_DIR/publish-$name.log" 2>&1; then
    tail -n 30 "$LOG_DIR/publish-$name.log" >&2
    die "dotnet publish $proj failed"
  fi
  [ -f "$out/$asm.dll" ] || die "$out/$asm.dll missing after publish"
done
log "apps built and published in $(fmt_elapsed "$t0")"

# 3. One image per app.
t0=$(now_s)
for a in "${APPS[@]}"; do
  IFS='|' read -r proj asm name <<<"$a"
  if ! docker build -f "$PROGRAMMES_DEPLOY_DIR/service.Dockerfile" \
      --build-arg "DOTNET_IMAGE=$PROGRAMMES_DOTNET_IMAGE" --build-arg "APP=$asm" \
      -t "programmes/$name:local" "$BUILD_DIR/$name" >"$LOG_DIR/image-$name.log" 2>&1; then
    tail -n 30 "$LOG_DIR/image-$name.log" >&2
    die "docker build of programmes/$name:local failed"
  fi
done
log "app images built in $(fmt_elapsed "$t0")"

# 4. Start (compose re-creates containers whose image changed).
log "starting the system with ${COMPOSE[*]}"
up_rc=0
compose up -d --remove-orphans >"$LOG_DIR/compose-up.log" 2>&1 || up_rc=$?
if [ "$up_rc" != 0 ]; then
  warn "compose up exited with $up_rc (waiting for the deadline anyway):"
  tail -n 10 "$LOG_DIR/compose-up.log" >&2
fi

# 5. Wait until every container is healthy (or running, when it has no health check).
timeout_s="${PROGRAMMES_UP_TIMEOUT:-600}"
deadline=$(( $(now_s) + timeout_s ))
mapfile -t expected < <(compose config --services)
# One `docker inspect` per round (compose CLIs are slow to start on a busy machine).
container_states() {
  local ids
  ids="$(docker ps -aq --filter "label=com.docker.compose.project=$PROJECT")"
  [ -n "$ids" ] || return 0
  # shellcheck disable=SC2086
  docker inspect -f '{{index .Config.Labels "com.docker.compose.service"}} {{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' $ids 2>/dev/null || true
}
last_report=$(now_s); last_up=$(now_s)
while :; do
  states="$(container_states)"
  pending=()
  for svc in "${expected[@]}"; do
    state="$(awk -v s="$svc" '$1 == s { print $2; exit }' <<<"$states")"
    case "$state" in
      running/healthy|running/none) ;;
      "") pending+=("$svc:not-created") ;;
      *) pending+=("$svc:$state") ;;
    esac
  done
  [ ${#pending[@]} -eq 0 ] && break
  if [ "$(now_s)" -ge "$deadline" ]; then
    warn "not healthy after ${timeout_s}s: ${pending[*]}"
    for p in "${pending[@]}"; do
      svc="${p%%:*}"
      echo "----- last logs of $svc -----" >&2
      compose logs --no-color --tail=40 "$svc" >&2 2>&1 || true
    done
    die "the system did not become healthy (deploy/down.sh stops it)"
  fi
  # A dependency that was briefly unhealthy makes compose give up on its
  # dependants: start them again (compose up is idempotent).
  if [[ " ${pending[*]}" == *":not-created"* ]] && [ $(( $(now_s) - last_up )) -ge 20 ]; then
    log "starting services not created yet"
    compose up -d >>"$LOG_DIR/compose-up.log" 2>&1 || true
    last_up=$(now_s)
  fi
  if [ $(( $(now_s) - last_report )) -ge 30 ]; then
    log "waiting ($(( $(now_s) - deadline + timeout_s ))s): ${pending[*]}"
    last_report=$(now_s)
  fi
  sleep 2
done
log "all ${#expected[@]} containers healthy"

# 6. Where things are.
if [ -n "$SCALED" ]; then
  cat <<EOF

Programmes (scaled out) is up ($(fmt_elapsed "$started")).

  Gateways (API)         http://localhost:5180 and http://localhost:5181   (same clients, same tokens)
  RabbitMQ management    http://localhost:15673        (node rabbitmq-1 of 3; programmes / programmes)
  PostgreSQL             localhost:5434                (programmes / programmes)
  Services (diagnostics) intake :5201/:5211, planning :5202/:5212, coordination :5203/:5213, funding :5204/:5214

Test it under faults: deploy/scaled/test.sh     Stop: deploy/down.sh --scaled [--volumes]
EOF
  exit 0
fi
clients="$(tr -d '\n' <"$PROGRAMMES_DEPLOY_DIR/demo-clients.json" | sed 's/}/}\n/g')"
field() { sed -nE "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"([^\"]*)\".*/\1/p" <<<"$2"; }
cat <<EOF

Programmes is up ($(fmt_elapsed "$started")).

  Gateway (API)          http://localhost:5080
  Console (people)       http://localhost:5080/        (sign in with a demo user; the console itself answers on :5106)
  API docs               http://localhost:5080/docs
  Aspire dashboard       http://localhost:18888        (traces, logs, metrics)
  RabbitMQ management    http://localhost:15672        (programmes / programmes)
  PostgreSQL             localhost:5433                (programmes / programmes; databases intake, planning, coordination, funding, gateway, console)
  Services (diagnostics) request-intake :5101, programme-planning :5102, partner-coordination :5103, funding :5104

Demo clients (OAuth 2.0 client credentials, from deploy/demo-clients.json):
EOF
printf '  %-18s %-26s %-11s %s\n' "client id" "secret" "role" "subject"
while IFS= read -r obj; do
  id="$(field clientId "$obj")"; [ -n "$id" ] || continue
  printf '  %-18s %-26s %-11s %s\n' "$id" "$(field clientSecret "$obj")" "$(field role "$obj")" "$(field subject "$obj")"
done <<<"$clients"
users="$(tr -d '\n' <"$PROGRAMMES_DEPLOY_DIR/demo-users.json" | sed 's/}/}\n/g')"
cat <<EOF

Demo people (sign in through the console; from deploy/demo-users.json):
EOF
printf '  %-15s %-24s %-11s %-11s %s\n' "user name" "password" "role" "party" "TOTP key (authenticator secret)"
while IFS= read -r obj; do
  id="$(field userName "$obj")"; [ -n "$id" ] || continue
  printf '  %-15s %-24s %-11s %-11s %s\n' "$id" "$(field password "$obj")" "$(field role "$obj")" "$(field party "$obj")" "$(field totpKey "$obj")"
done <<<"$users"
cat <<'EOF'
  A code for a TOTP key: oathtool --totp -b <key>, or add the key to any authenticator app.

Get a token:
  curl -s -u demo-staff:demo-staff-secret -d grant_type=client_credentials http://localhost:5080/connect/token
EOF
cat <<EOF

Query traces over HTTP (the dashboard's telemetry API; key kept in deploy/.state/secrets.env):
  curl -s -H 'x-api-key: $PROGRAMMES_DASHBOARD_API_KEY' 'http://localhost:18888/api/telemetry/traces?resource=gateway&limit=5'
EOF
cat <<'EOF'

Stop: deploy/down.sh    (add --volumes to delete the data too)
EOF
echo "Elapsed: $(fmt_elapsed "$started")"
