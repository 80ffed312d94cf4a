#!/usr/bin/env bash
# Makes the pinned API linters available on a fresh Debian machine that has only the .NET SDK:
# installs node and npm through apt if they are missing, then `npm ci` from the checked-in
# package-lock.json into tests/ApiContract.Tests/tools/node_modules (gitignored). Idempotent; the
# install is skipped when node_modules already matches the lock file.
set -euo pipefail
TOOLS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../../deploy/lib.sh
. "$TOOLS/../../../deploy/lib.sh"
PROGRAMMES_LOG_TAG=api-tools
mkdir -p "$PROGRAMMES_STATE_DIR/logs"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
stamp="$TOOLS/node_modules/.lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s "$stamp" "$TOOLS/package-lock.json"; then
  log "npm ci in ${TOOLS#"$PROGRAMMES_ROOT"/}"
  (cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error >&2)
  cp "$TOOLS/package-lock.json" "$stamp"
fi
