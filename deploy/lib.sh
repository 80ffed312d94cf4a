# shellcheck shell=bash
# Shared helpers for the deploy and test scripts. Source it; do not run it.
#
#   . "$(dirname "$0")/lib.sh"      (from deploy/)
#
# Provides: log/warn/die, ensure_docker, ensure_compose, ensure_images, load_images.
# Safe under `set -euo pipefail`; every function is idempotent.

if [ -n "${PROGRAMMES_LIB_SOURCED:-}" ]; then return 0; fi
PROGRAMMES_LIB_SOURCED=1

PROGRAMMES_DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROGRAMMES_ROOT="$(cd "$PROGRAMMES_DEPLOY_DIR/.." && pwd)"
PROGRAMMES_STATE_DIR="$PROGRAMMES_DEPLOY_DIR/.state"
PROGRAMMES_IMAGES_ENV="$PROGRAMMES_STATE_DIR/images.env"

# ---------------------------------------------------------------- logging
_ts() { date +%H:%M:%S; }
log()  { printf '%s [%s] %s\n' "$(_ts)" "${PROGRAMMES_LOG_TAG:-programmes}" "$*" >&2; }
warn() { printf '%s [%s] WARNING: %s\n' "$(_ts)" "${PROGRAMMES_LOG_TAG:-programmes}" "$*" >&2; }
die()  { printf '%s [%s] ERROR: %s\n' "$(_ts)" "${PROGRAMMES_LOG_TAG:-programmes}" "$*" >&2; exit 1; }

# Seconds since the epoch, for elapsed-time reports.
now_s() { date +%s; }
fmt_elapsed() { # fmt_elapsed START_SECONDS
  local s=$(( $(now_s) - $1 ))
  printf '%dm%02ds' $((s / 60)) $((s % 60))
}

# ---------------------------------------------------------------- platform
is_debian() { [ -r /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; }

# Run a command as root (directly, or through passwordless sudo).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"
  else die "need root to run: $* (run as root or configure passwordless sudo)"
  fi
}

# apt_install PKG... : install Debian packages, refreshing the index once if needed.
apt_install() {
  is_debian || die "cannot install $* automatically: this is not a Debian/apt system; install it and retry"
  local logf="$PROGRAMMES_STATE_DIR/logs/apt.log"
  mkdir -p "$(dirname "$logf")"
  log "installing $* with apt-get (log: ${logf#"$PROGRAMMES_ROOT"/})"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >>"$logf" 2>&1; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update >>"$logf" 2>&1 || true
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >>"$logf" 2>&1; then
      tail -n 20 "$logf" >&2
      die "apt-get install $* failed"
    fi
  fi
}

# The Debian mirror that apt uses on this machine (first deb source serving the
# main suite). Override with PROGRAMMES_DEBIAN_MIRROR.
debian_mirror() {
  local suite="${1:-bookworm}" m=""
  if [ -n "${PROGRAMMES_DEBIAN_MIRROR:-}" ]; then echo "$PROGRAMMES_DEBIAN_MIRROR"; return; fi
  local f
  # deb822 sources: pick the URIs of a stanza whose Suites contain exactly $suite.
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    m="$(awk -v suite="$suite" '
      function flush() { if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && uris != "" && found == "") found = uris; types = suites = uris = "" }
      /^[ \t]*$/ { flush(); next }
      /^#/ { next }
      tolower($1) == "types:"  { $1 = ""; types = $0 }
      tolower($1) == "suites:" { $1 = ""; suites = $0 }
      tolower($1) == "uris:"   { uris = $2 }
      END { flush(); print found }' "$f")"
    [ -n "$m" ] && { echo "$m"; return; }
  done
  # one-line sources: deb [opts] URI SUITE COMPONENTS...
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    m="$(sed -E 's/\[[^]]*\]//' "$f" | awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2; exit }')"
    [ -n "$m" ] && { echo "$m"; return; }
  done
  die "no Debian mirror for '$suite' found in /etc/apt sources; set PROGRAMMES_DEBIAN_MIRROR=http://<mirror>/debian"
}

# ---------------------------------------------------------------- docker
_docker_ok() { timeout 20 docker version --format '{{.Server.APIVersion}}' >/dev/null 2>&1; }

# Make sure a Docker engine answers, installing/starting it on Debian when needed,
# and export DOCKER_API_VERSION when the engine is older than current clients
# (Testcontainers / Docker.DotNet and recent CLIs default to API 1.44+).
ensure_docker() {
  if ! command -v docker >/dev/null 2>&1; then
    is_debian || die "docker is not installed. Install Docker Engine (https://docs.docker.com/engine/install/) and retry."
    apt_install docker.io
  fi
  if ! _docker_ok; then
    if ! command -v dockerd >/dev/null 2>&1; then
      is_debian || die "the Docker engine (dockerd) is not installed/running. Start Docker and retry."
      apt_install docker.io
    fi
    # Someone else's dockerd may be starting; otherwise start our own.
    local running_pid=""
    if [ -r /var/run/docker.pid ]; then running_pid="$(cat /var/run/docker.pid 2>/dev/null || true)"; fi
    if [ -z "$running_pid" ] || ! kill -0 "$running_pid" 2>/dev/null; then
      [ "$(id -u)" = 0 ] || die "the Docker engine is not running and this is not root: start it (e.g. 'sudo systemctl start docker') and retry"
      local dlog="${PROGRAMMES_DOCKERD_LOG:-/var/log/dockerd.log}" pid
      ensure_no_userland_proxy
      log "starting dockerd in the background (log: $dlog)"
      # setsid: the engine outlives this script and is not hit by its Ctrl-C.
      setsid dockerd >>"$dlog" 2>&1 </dev/null & pid=$!
      log "dockerd pid $pid"
    else
      log "dockerd is running but not answering yet; waiting"
    fi
    local deadline=$(( $(now_s) + 60 ))
    until _docker_ok; do
      [ "$(now_s)" -lt "$deadline" ] || die "the Docker engine did not answer within 60 s (see ${PROGRAMMES_DOCKERD_LOG:-/var/log/dockerd.log})"
      sleep 1
    done
    log "Docker engine is up"
  fi
  if command -v pidof >/dev/null 2>&1 && pidof docker-proxy >/dev/null 2>&1; then
    warn "dockerd runs with its userland proxy (docker-proxy): load figures on 127.0.0.1 are lower; restart dockerd to apply \"userland-proxy\": false from /etc/docker/daemon.json"
  fi
  if [ -z "${DOCKER_API_VERSION:-}" ]; then
    local api
    api="$(DOCKER_API_VERSION= timeout 20 docker version --format '{{.Server.APIVersion}}' 2>/dev/null || true)"
    # Compare as major.minor against 1.44 (the client default that older engines reject).
    if [ -n "$api" ] && awk -v v="$api" 'BEGIN { split(v, a, "."); exit !((a[1] + 0) * 1000 + a[2] < 1044) }'; then
      export DOCKER_API_VERSION="$api"
    fi
  fi
  # No buildx on these machines: use the classic builder, quietly.
  export DOCKER_BUILDKIT=0
}

# Published ports through iptables, not docker-proxy: the userland proxy copies every byte of every
# connection in a process of its own, cost the load tests a third of their throughput on 127.0.0.1 and died
# at 4,000 connections (docs/performance.md). Set in /etc/docker/daemon.json before this script starts
# dockerd; a dockerd that is already running keeps its settings until it is restarted.
ensure_no_userland_proxy() {
  local conf=/etc/docker/daemon.json
  [ "$(id -u)" = 0 ] || return 0
  if [ -s "$conf" ] && grep -q '"userland-proxy"' "$conf"; then return 0; fi
  mkdir -p /etc/docker
  if [ -s "$conf" ] && command -v python3 >/dev/null 2>&1; then
    python3 - "$conf" <<'PY' || warn "could not add userland-proxy=false to $conf"
import json, sys
path = sys.argv[1]
with open(path) as f: conf = json.load(f)
conf["userland-proxy"] = False
with open(path, "w") as f: json.dump(conf, f, indent=2)
PY
  elif [ ! -s "$conf" ]; then
    printf '{\n  "userland-proxy": false\n}\n' >"$conf"
  fi
  log "dockerd: userland-proxy=false in $conf"
}

# Prints the compose command to use ("docker compose" or "docker-compose"),
# installing Debian's docker-compose if neither exists.
compose_cmd() {
  if docker compose version >/dev/null 2>&1; then echo "docker compose"; return; fi
  if command -v docker-compose >/dev/null 2>&1; then echo "docker-compose"; return; fi
  is_debian || die "neither 'docker compose' nor 'docker-compose' is available; install Docker Compose and retry"
  apt_install docker-compose >/dev/null
  command -v docker-compose >/dev/null 2>&1 || die "docker-compose still missing after apt-get install"
  echo "docker-compose"
}

# ---------------------------------------------------------------- images
# ensure_images [postgres] [rabbitmq] [dotnet] [dashboard]   (default: all four)
# Resolves each image (local -> pull -> offline stand-in), writes
# deploy/.state/images.env and exports the PROGRAMMES_*_IMAGE variables.
ensure_images() {
  ensure_docker
  "$PROGRAMMES_DEPLOY_DIR/images/build.sh" "$@"
  load_images --override
}

# Export the variables recorded in deploy/.state/images.env. Values already set
# in the environment win unless --override is given.
load_images() {
  [ -r "$PROGRAMMES_IMAGES_ENV" ] || return 0
  local override=""; [ "${1:-}" = --override ] && override=1
  local line key val
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    key="${line%%=*}"; val="${line#*=}"
    case "$key" in PROGRAMMES_*_IMAGE) ;; *) continue ;; esac
    if [ -n "$override" ] || [ -z "${!key:-}" ]; then export "$key=$val"; fi
  done <"$PROGRAMMES_IMAGES_ENV"
}
