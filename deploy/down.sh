#!/usr/bin/env bash
# Stop the system started by deploy/up.sh.
#   deploy/down.sh              stop and remove the containers (data volumes kept)
#   deploy/down.sh --volumes    also delete the PostgreSQL and RabbitMQ data
#   deploy/down.sh --scaled     the scaled-out variant (deploy/up.sh --scaled)
set -euo pipefail

# shellcheck source=lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
PROGRAMMES_LOG_TAG=down

args=(down --remove-orphans)
variant=""
for a in "$@"; do
  case "$a" in
    -v|--volumes) args+=(--volumes) ;;
    --scaled) variant=.scaled ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) die "unknown argument '$a' (expected --volumes or --scaled)" ;;
  esac
done

ensure_docker
read -r -a COMPOSE <<<"$(compose_cmd)"
env_args=()
[ -r "$PROGRAMMES_IMAGES_ENV" ] && env_args=(--env-file "$PROGRAMMES_IMAGES_ENV")
"${COMPOSE[@]}" -p "programmes${variant:+-scaled}" -f "$PROGRAMMES_DEPLOY_DIR/compose$variant.yaml" "${env_args[@]}" "${args[@]}"
log "stopped${args[2]:+ (volumes removed)}"
