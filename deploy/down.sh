#!/usr/bin/env bash
# Stop the system started by deploy/up.sh.
#   deploy/down.sh              stop and remove the containers (data volumes kept)
#   deploy/down.sh --volumes    also delete the PostgreSQL and RabbitMQ data
set -euo pipefail

# shellcheck source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
PROGRAMMES_LOG_TAG=down

args=(down --remove-orphans)
for a in "$@"; do
  case "$a" in
    -v|--volumes) args+=(--volumes) ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) die "unknown argument '$a' (expected --volumes)" ;;
  esac
done

ensure_docker
read -r -a COMPOSE <<<"$(compose_cmd)"
env_args=()
[ -r "$PROGRAMMES_IMAGES_ENV" ] && env_args=(--env-file "$PROGRAMMES_IMAGES_ENV")
"${COMPOSE[@]}" -p programmes -f "$PROGRAMMES_DEPLOY_DIR/compose.yaml" "${env_args[@]}" "${args[@]}"
log "stopped${args[2]:+ (volumes removed)}"
