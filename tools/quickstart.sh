#!/usr/bin/env bash
# One command on a fresh machine: installs pnpm (through npm) and the workspace, then starts the planner with its
# embedded defaults (SQLite under ./data, the bundled two-site example, an in-process demo agent).
# Usage: bash tools/quickstart.sh [extra `lyncdr serve` options, e.g. --port 8080]
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir=/usr TURBO_TELEMETRY_DISABLED=1
if ! command -v pnpm >/dev/null || [ "$(pnpm --version)" != "10.34.8" ]; then
  echo "quickstart: installing pnpm 10.34.8 with npm"
  npm install -g pnpm@10.34.8 >/dev/null
fi
[ -d node_modules/.pnpm ] || pnpm install --frozen-lockfile
exec pnpm start "$@"
