#!/usr/bin/env bash
# Renders an overlay with kustomize and validates every resource offline against the Kubernetes
# schemas (npm package kubernetes-models). Needs kubectl (or kustomize) and Node.js with npm.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
overlay=${1:-production}
tools="$here/../.state/k8s-validate"
if [ ! -d "$tools/node_modules/kubernetes-models" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund kubernetes-models@5.1.0 yaml@2.9.1 >/dev/null)
fi
if command -v kustomize >/dev/null 2>&1; then render=(kustomize build); else render=(kubectl kustomize); fi
cp "$here/validate.mjs" "$tools/validate.mjs"
"${render[@]}" "$here/overlays/$overlay" | node "$tools/validate.mjs"
