#!/usr/bin/env bash
# Generates a typescript-fetch client from a running service's /openapi.yml, compiles it with tsc (strict) together
# with scripts/typescript-client/happy-path.ts and the README's TypeScript example, and runs the happy path against
# the service (README, "Generated clients and the /docs page").
#   scripts/typescript-client.sh BASE_URL ADMIN_TOKEN GENERATOR_JAR [WORK_DIR]
# GENERATOR_JAR is openapi-generator-cli 7.17.0 (the build copies it to bootstrap/target/openapi-generator-cli.jar).
set -euo pipefail
BASE_URL=${1:?base url, e.g. http://localhost:8080}
ADMIN_TOKEN=${2:?admin token}
GENERATOR_JAR=${3:?openapi-generator-cli jar}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${4:-$(mktemp -d -t refunds-ts-client-XXXXXX)}
TYPESCRIPT=typescript@5.9.3

mkdir -p "$WORK"
curl -fsS "$BASE_URL/openapi.yml" -o "$WORK/openapi.yml"
java -jar "$GENERATOR_JAR" generate --generator-name typescript-fetch --input-spec "$WORK/openapi.yml" \
  --output "$WORK/client" --additional-properties=supportsES6=true >"$WORK/generate.log" 2>&1 \
  || { cat "$WORK/generate.log"; exit 1; }
cp "$HERE/typescript-client/happy-path.ts" "$HERE/typescript-client/tsconfig.json" "$WORK/"
# The README's example is compiled too (not run: it names placeholder ids), so it cannot drift from the client.
awk '/^```ts$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' "$HERE/../README.md" >"$WORK/readme.ts"
[ -s "$WORK/readme.ts" ] || { echo "README.md has no TypeScript example" >&2; exit 1; }
{ head -n 1 "$WORK/readme.ts" | sed "s#'./refunds-client'#'./client'#"
  echo 'export async function readmeExample(): Promise<void> {'
  tail -n +2 "$WORK/readme.ts"
  echo '}'; } >"$WORK/readme-example.ts"
(cd "$WORK" && npm install --silent --no-save --no-audit --no-fund "$TYPESCRIPT" >/dev/null)
(cd "$WORK" && npx --no-install tsc --version && npx --no-install tsc -p tsconfig.json)
node "$WORK/dist/happy-path.js" "$BASE_URL" "$ADMIN_TOKEN"
