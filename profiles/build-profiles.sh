#!/usr/bin/env bash
# Compiles our FSH (profiles/fsh) with SUSHI into the JSON conformance resources of profiles/definitions (issue #6).
#
#   cd profiles && npm ci && npm run sushi        # regenerate definitions/ and definitions/GENERATED.sha256
#   cd profiles && npm run sushi:check            # regenerate into a temporary folder; fail if definitions/ differs
#
# definitions/ is committed: building, testing and running the server never need node_modules or SUSHI. The test
# OwnProfiles/GeneratedDefinitionsTests recomputes GENERATED.sha256 (hashes of every FSH input and JSON output), so an
# FSH edit without a regeneration, or a hand edit of the JSON, fails `dotnet test`.
#
# SUSHI reads FHIR packages only from $HOME/.fhir/packages, and needs hl7.fhir.r4.core#4.0.1, which the npm registry
# does not have. So SUSHI runs with HOME pointing at a private, temporary cache: links to the packages restored by
# restore-packages.sh, plus hl7.fhir.r4.core#4.0.1 served by hl7.fhir.r4.examples#4.0.1 (which carries every core
# definition). npm's own user configuration and cache stay in use (SUSHI calls `npm view` for its version check), and
# FPL_REGISTRY is npm's configured registry, so no other package host is asked for anything.
# Any SUSHI error or warning (beyond fsh/sushi-ignoreWarnings.txt) fails the build.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/definitions"
check=false
if [[ "${1:-}" == "--check" ]]; then check=true; fi

cache="${FHIR_PACKAGE_CACHE:-$HOME/.fhir/packages}"
bash "$here/restore-packages.sh"

sushi="$here/node_modules/.bin/sushi"
if [[ ! -x "$sushi" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home/.fhir/packages"
while read -r folder; do
  ln -s "$cache/$folder" "$work/home/.fhir/packages/$folder"
done < <(node -e '
  const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const p of m.packages) console.log(`${p.name}#${p.version}`);
' "$here/fhir-packages.json")
ln -s "$cache/hl7.fhir.r4.examples#4.0.1" "$work/home/.fhir/packages/hl7.fhir.r4.core#4.0.1"

userconfig="$(npm config get userconfig)"
npmcache="$(npm config get cache)"
registry="$(npm config get registry)"
set +e
HOME="$work/home" NPM_CONFIG_USERCONFIG="$userconfig" NPM_CONFIG_CACHE="$npmcache" FPL_REGISTRY="$registry" \
  "$sushi" build "$here/fsh" --out "$work/out" > "$work/sushi.log" 2>&1
status=$?
set -e
if [[ $status -ne 0 ]] || grep -qE '^(error|warn) ' "$work/sushi.log"; then
  cat "$work/sushi.log" >&2
  echo "build-profiles: SUSHI reported errors or warnings (exit $status)" >&2
  exit 1
fi

# The generated folder, and the hashes that tie it to its sources (paths relative to profiles/, sorted).
generated="$work/definitions"
mkdir -p "$generated"
cp "$work/out/fsh-generated/resources/"*.json "$generated/"
stamp() {
  local definitions="$1"
  (cd "$here" && find fsh -type f \( -name '*.fsh' -o -name '*.yaml' -o -name '*.txt' \) -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
  (cd "$definitions" && find . -maxdepth 1 -name '*.json' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sed 's#  \./#  definitions/#')
}
stamp "$generated" > "$generated/GENERATED.sha256"

if $check; then
  if ! diff -r "$generated" "$target" > "$work/diff.txt"; then
    cat "$work/diff.txt" >&2
    echo "build-profiles: profiles/definitions is not what the FSH compiles to; run 'npm run sushi' in profiles/" >&2
    exit 1
  fi
  echo "build-profiles: profiles/definitions is up to date"
else
  rm -rf "$target"
  cp -r "$generated" "$target"
  echo "build-profiles: $(find "$target" -name '*.json' | wc -l) resources written to profiles/definitions"
fi
