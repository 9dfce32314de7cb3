#!/usr/bin/env bash
# Builds the VS Code extension (editor/vscode) and tests its TextMate grammar on the shipped
# models: npm ci from the committed package-lock.json, the TypeScript build, the grammar test.
# Installs node and npm with apt when they are missing (a fresh CI machine).
set -euo pipefail
cd "$(dirname "$0")/../editor/vscode"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "installing: nodejs npm"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
node --version
npm ci --no-audit --no-fund
npm run --silent build
npm test --silent
