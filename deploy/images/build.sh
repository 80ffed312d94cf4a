#!/usr/bin/env bash
# Resolve the infrastructure images this project runs on, building offline
# stand-ins where the official image is neither present nor pullable.
#
#   deploy/images/build.sh [postgres] [rabbitmq] [dotnet] [dashboard]   (default: all)
#
# For each image: the name in its environment variable (default: the official
# image) is used if present locally, else pulled, else the stand-in is built
# (once; skipped when already present) from one debootstrap'ed Debian base.
#
#   PROGRAMMES_POSTGRES_IMAGE   postgres:15                                 | programmes/postgres:15-standin
#   PROGRAMMES_RABBITMQ_IMAGE   rabbitmq:3.10-management                    | programmes/rabbitmq:3.10-standin
#   PROGRAMMES_DOTNET_IMAGE     mcr.microsoft.com/dotnet/aspnet:10.0        | programmes/dotnet-runtime:10-standin
#   PROGRAMMES_DASHBOARD_IMAGE  mcr.microsoft.com/dotnet/aspire-dashboard:13 | programmes/aspire-dashboard:13.6.5-standin
#
# The resolved names are written to deploy/.state/images.env (KEY=value lines).
# Knobs: PROGRAMMES_NO_PULL=1 (never pull), PROGRAMMES_PULL_TIMEOUT (s, default 90),
# PROGRAMMES_DEBIAN_MIRROR (default: the mirror in this machine's apt sources).
set -euo pipefail

# shellcheck source=../lib.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lib.sh"
PROGRAMMES_LOG_TAG=images
IMAGES_DIR="$PROGRAMMES_DEPLOY_DIR/images"
LOG_DIR="$PROGRAMMES_STATE_DIR/logs"

BASE_IMAGE=programmes/debian-base:bookworm
BASE_PACKAGES=postgresql-15,rabbitmq-server,libicu72,libssl3,ca-certificates,curl,tzdata
DASHBOARD_PACKAGE=Aspire.Dashboard.Sdk.linux-x64
DASHBOARD_VERSION=13.6.5
DOTNET_MAJOR=10

started=$(now_s)
mkdir -p "$PROGRAMMES_STATE_DIR" "$LOG_DIR"
ensure_docker

image_present() { docker image inspect "$1" >/dev/null 2>&1; }

try_pull() {
  [ "${PROGRAMMES_NO_PULL:-0}" = 1 ] && return 1
  log "pulling $1"
  if timeout "${PROGRAMMES_PULL_TIMEOUT:-90}" docker pull "$1" >"$LOG_DIR/pull.log" 2>&1; then return 0; fi
  log "pull of $1 failed: $(tail -n 1 "$LOG_DIR/pull.log")"
  return 1
}

# docker_build TAG CONTEXT : classic builder, output to a log, tail on failure.
docker_build() {
  local tag="$1" ctx="$2" logf="$LOG_DIR/build-${1//[\/:]/_}.log"
  log "building $tag"
  if ! docker build --build-arg "BASE_IMAGE=$BASE_IMAGE" --label org.programmes.standin=true \
      -t "$tag" "$ctx" >"$logf" 2>&1; then
    tail -n 40 "$logf" >&2
    die "docker build of $tag failed (full log: $logf)"
  fi
}

# ------------------------------------------------------------------ the base
ROOTFS=""
cleanup_rootfs() {
  [ -n "$ROOTFS" ] && [ -d "$ROOTFS" ] || return 0
  # Unmount anything debootstrap may have left mounted inside, deepest first.
  local m
  for m in $(awk -v r="$ROOTFS" 'index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r); do
    umount -l "$m" 2>/dev/null || true
  done
  rm -rf --one-file-system "$ROOTFS"
  ROOTFS=""
}
trap cleanup_rootfs EXIT

build_base() {
  image_present "$BASE_IMAGE" && return 0
  [ "$(id -u)" = 0 ] || die "building $BASE_IMAGE needs root (debootstrap and chroot); run as root once"
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
  local mirror t0
  mirror="$(debian_mirror bookworm)"
  t0=$(now_s)
  ROOTFS="$(mktemp -d "${TMPDIR:-/var/tmp}/programmes-rootfs.XXXXXX")"
  # dpkg without fsync inside the throwaway root (as Docker's own Debian images do);
  # downloaded .debs are kept for the next rebuild.
  mkdir -p "$ROOTFS/etc/dpkg/dpkg.cfg.d" "$PROGRAMMES_STATE_DIR/cache/debootstrap"
  echo force-unsafe-io >"$ROOTFS/etc/dpkg/dpkg.cfg.d/programmes-unsafe-io"
  log "debootstrap bookworm (minbase + $BASE_PACKAGES) from $mirror into $ROOTFS (a few minutes)"
  if ! debootstrap --variant=minbase --include="$BASE_PACKAGES" \
      --cache-dir="$PROGRAMMES_STATE_DIR/cache/debootstrap" bookworm "$ROOTFS" "$mirror" \
      >"$LOG_DIR/debootstrap.log" 2>&1; then
    tail -n 30 "$LOG_DIR/debootstrap.log" >&2
    die "debootstrap failed (full log: $LOG_DIR/debootstrap.log)"
  fi
  # Package scripts may have left daemons running inside the chroot (epmd...): stop them.
  local p
  for p in /proc/[0-9]*; do
    if [ "$(readlink "$p/root" 2>/dev/null)" = "$ROOTFS" ]; then
      log "stopping ${p#/proc/} ($(tr '\0' ' ' <"$p/cmdline" 2>/dev/null | cut -c1-60)) left in the chroot"
      kill "${p#/proc/}" 2>/dev/null || true
    fi
  done
  cleanup_mounts_only
  log "trimming the root file system"
  (
    cd "$ROOTFS"
    # The cluster postgresql-15's install created, and rabbitmq's cookie: each
    # container makes its own on first start.
    rm -rf etc/postgresql/15/main var/lib/postgresql/15
    rm -f var/lib/rabbitmq/.erlang.cookie
    rm -rf var/lib/rabbitmq/mnesia var/log/rabbitmq/* var/log/postgresql/*
    # Documentation, caches, and PostgreSQL's JIT: llvmjit and the LLVM/Z3 libraries
    # only it links (~130 MB; PostgreSQL runs with JIT unavailable, jit=off in effect).
    rm -rf usr/share/doc/* usr/share/man/* usr/share/info/* usr/share/locale/* usr/share/lintian \
      var/cache/apt/* var/lib/apt/lists/* var/cache/debconf/*-old var/lib/dpkg/*-old var/log/*.log \
      usr/lib/postgresql/15/lib/bitcode usr/lib/postgresql/15/lib/llvmjit* \
      usr/lib/x86_64-linux-gnu/libLLVM-*.so* usr/lib/x86_64-linux-gnu/libz3.so*
    # Docker provides these at run time.
    rm -f etc/resolv.conf etc/hostname etc/dpkg/dpkg.cfg.d/programmes-unsafe-io
    : >etc/machine-id
  )
  log "importing as $BASE_IMAGE"
  tar --numeric-owner -C "$ROOTFS" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'LABEL org.programmes.standin=true' \
    --change 'CMD ["bash"]' \
    - "$BASE_IMAGE" >/dev/null
  cleanup_rootfs
  log "$BASE_IMAGE ready ($(docker image inspect -f '{{.Size}}' "$BASE_IMAGE" | awk '{ printf "%d MB", $1 / 1000000 }'), $(fmt_elapsed "$t0"))"
}
cleanup_mounts_only() {
  local m
  for m in $(awk -v r="$ROOTFS" 'index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r); do
    umount -l "$m" 2>/dev/null || true
  done
}

# ------------------------------------------------------------- stand-ins
build_postgres()  { build_base; docker_build "$1" "$IMAGES_DIR/postgres"; }
build_rabbitmq()  { build_base; docker_build "$1" "$IMAGES_DIR/rabbitmq"; }

host_dotnet_root() {
  if [ -n "${DOTNET_ROOT:-}" ] && [ -x "$DOTNET_ROOT/dotnet" ]; then echo "$DOTNET_ROOT"; return; fi
  command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH; it is needed to build the .NET stand-in images"
  dirname "$(readlink -f "$(command -v dotnet)")"
}

latest_framework() { # latest_framework ROOT NAME -> newest $DOTNET_MAJOR.x version dir name
  ls -1 "$1/shared/$2" 2>/dev/null | grep -E "^${DOTNET_MAJOR}\." | sort -V | tail -n 1
}

build_dotnet() {
  build_base
  local root nc asp ctx
  root="$(host_dotnet_root)"
  nc="$(latest_framework "$root" Microsoft.NETCore.App)"
  asp="$(latest_framework "$root" Microsoft.AspNetCore.App)"
  [ -n "$nc" ] && [ -n "$asp" ] || die "no .NET $DOTNET_MAJOR runtimes under $root/shared (need Microsoft.NETCore.App and Microsoft.AspNetCore.App $DOTNET_MAJOR.x)"
  ctx="$PROGRAMMES_STATE_DIR/build/dotnet-runtime"
  rm -rf "$ctx"; mkdir -p "$ctx/dotnet/host" "$ctx/dotnet/shared/Microsoft.NETCore.App" "$ctx/dotnet/shared/Microsoft.AspNetCore.App"
  cp "$IMAGES_DIR/dotnet-runtime/Dockerfile" "$ctx/"
  cp -a "$root/dotnet" "$ctx/dotnet/"
  cp -a "$root"/LICENSE.txt "$root"/ThirdPartyNotices.txt "$ctx/dotnet/" 2>/dev/null || true
  cp -a "$root/host/fxr" "$ctx/dotnet/host/"
  cp -a "$root/shared/Microsoft.NETCore.App/$nc" "$ctx/dotnet/shared/Microsoft.NETCore.App/"
  cp -a "$root/shared/Microsoft.AspNetCore.App/$asp" "$ctx/dotnet/shared/Microsoft.AspNetCore.App/"
  log "runtime from $root: Microsoft.NETCore.App $nc, Microsoft.AspNetCore.App $asp"
  docker_build "$1" "$ctx"
  rm -rf "$ctx"
}

# The dashboard package's tools/ folder, restored through NuGet (so the machine's
# configured package sources and caches are used).
dashboard_tools_dir() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH; it is needed to fetch $DASHBOARD_PACKAGE"
  local pkgs dir tmp id
  pkgs="$(dotnet nuget locals global-packages --list | sed -E 's/^[^:]*:[[:space:]]*//')"
  id="$(printf '%s' "$DASHBOARD_PACKAGE" | tr '[:upper:]' '[:lower:]')"
  dir="${pkgs%/}/$id/$DASHBOARD_VERSION/tools"
  if [ ! -x "$dir/Aspire.Dashboard" ]; then
    log "restoring $DASHBOARD_PACKAGE $DASHBOARD_VERSION from the configured NuGet sources"
    tmp="$(mktemp -d)"
    cat >"$tmp/fetch.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net$DOTNET_MAJOR.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="$DASHBOARD_PACKAGE" Version="[$DASHBOARD_VERSION]" /></ItemGroup>
</Project>
EOF
    if ! (cd "$tmp" && dotnet restore fetch.csproj -p:ImportDirectoryBuildProps=false \
        -p:ImportDirectoryBuildTargets=false -p:ImportDirectoryPackagesProps=false \
        -p:ManagePackageVersionsCentrally=false) >"$LOG_DIR/dashboard-restore.log" 2>&1; then
      tail -n 20 "$LOG_DIR/dashboard-restore.log" >&2
      rm -rf "$tmp"
      die "could not restore $DASHBOARD_PACKAGE $DASHBOARD_VERSION"
    fi
    rm -rf "$tmp"
  fi
  [ -x "$dir/Aspire.Dashboard" ] || [ -f "$dir/Aspire.Dashboard" ] || die "$dir/Aspire.Dashboard not found after restore"
  echo "$dir"
}

build_dashboard() {
  build_base
  local tools ctx
  tools="$(dashboard_tools_dir)"
  ctx="$PROGRAMMES_STATE_DIR/build/aspire-dashboard"
  rm -rf "$ctx"; mkdir -p "$ctx"
  cp "$IMAGES_DIR/aspire-dashboard/Dockerfile" "$ctx/"
  cp -a "$tools" "$ctx/dashboard"
  docker_build "$1" "$ctx"
  rm -rf "$ctx"
}

# --------------------------------------------------------------- resolve
declare -A RESOLVED=()

# resolve KEY OFFICIAL STANDIN BUILDER
resolve() {
  local key="$1" official="$2" standin="$3" builder="$4" want chosen
  want="${!key:-$official}"
  if image_present "$want"; then
    chosen="$want"
  elif [ "$want" != "$standin" ] && try_pull "$want"; then
    chosen="$want"
  else
    if [ "$want" != "$official" ] && [ "$want" != "$standin" ]; then
      warn "$key=$want is neither present nor pullable; using the offline stand-in"
    fi
    if image_present "$standin"; then
      log "$standin already present"
    else
      "$builder" "$standin"
    fi
    chosen="$standin"
  fi
  RESOLVED[$key]="$chosen"
  log "$key=$chosen"
}

wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(postgres rabbitmq dotnet dashboard)
for w in "${wanted[@]}"; do
  case "$w" in
    postgres)  resolve PROGRAMMES_POSTGRES_IMAGE postgres:15 programmes/postgres:15-standin build_postgres ;;
    rabbitmq)  resolve PROGRAMMES_RABBITMQ_IMAGE rabbitmq:3.10-management programmes/rabbitmq:3.10-standin build_rabbitmq ;;
    dotnet)    resolve PROGRAMMES_DOTNET_IMAGE mcr.microsoft.com/dotnet/aspnet:10.0 programmes/dotnet-runtime:10-standin build_dotnet ;;
    dashboard) resolve PROGRAMMES_DASHBOARD_IMAGE mcr.microsoft.com/dotnet/aspire-dashboard:13 programmes/aspire-dashboard:13.6.5-standin build_dashboard ;;
    *) die "unknown image '$w' (expected: postgres rabbitmq dotnet dashboard)" ;;
  esac
done

# Merge into images.env: keys resolved now replace earlier values; others are kept.
tmp_env="$(mktemp "$PROGRAMMES_STATE_DIR/images.env.XXXXXX")"
{
  echo "# Written by deploy/images/build.sh; images resolved for this machine."
  if [ -r "$PROGRAMMES_IMAGES_ENV" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in PROGRAMMES_*_IMAGE=*) ;; *) continue ;; esac
      [ -n "${RESOLVED[${line%%=*}]:-}" ] || echo "$line"
    done <"$PROGRAMMES_IMAGES_ENV"
  fi
  for k in "${!RESOLVED[@]}"; do echo "$k=${RESOLVED[$k]}"; done | sort
} >"$tmp_env"
mv -f "$tmp_env" "$PROGRAMMES_IMAGES_ENV"
log "images resolved in $(fmt_elapsed "$started"); written to ${PROGRAMMES_IMAGES_ENV#"$PROGRAMMES_ROOT"/}"
