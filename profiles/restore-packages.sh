#!/usr/bin/env bash
# Restores the FHIR packages listed in fhir-packages.json into the FHIR package cache (issue #3).
#
#   profiles/restore-packages.sh            # cache = $FHIR_PACKAGE_CACHE, default ~/.fhir/packages
#   FHIR_PACKAGE_CACHE=/tmp/fhir profiles/restore-packages.sh
#
# Layout written: <cache>/<name>#<version>/package/... (the standard FHIR package cache layout used by the
# HL7 and Firely tooling). Packages come from `npm pack`, so npm's own configuration chooses the registry.
# Tarballs from the npm registry lack the package's .index.json (FHIR NPM package spec, index-version 1), so one is
# written here, once: the validator then loads a package from its index instead of opening thousands of files.
# Idempotent: a package whose package/package.json is already in the cache is skipped. Each package is
# unpacked into a temporary directory and moved into place at the end, so an interrupted run never leaves
# a half-written package behind.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
manifest="${1:-$here/fhir-packages.json}"
cache="${FHIR_PACKAGE_CACHE:-$HOME/.fhir/packages}"

command -v node >/dev/null || { echo "restore-packages: node is required to read $manifest" >&2; exit 1; }

# name@version per line, read with node so no JSON tool beyond the npm toolchain is needed.
mapfile -t specs < <(node -e '
  const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const p of m.packages) console.log(`${p.name}@${p.version}`);
' "$manifest")

# .index.json: filename, resourceType, id, url, version, kind, type of every top-level *.json resource.
write_index() {
  node -e '
    const fs = require("fs"), path = require("path");
    const dir = process.argv[1], target = path.join(dir, ".index.json");
    if (fs.existsSync(target)) process.exit(0);
    const files = [];
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith(".json") || name.startsWith(".") || name === "package.json") continue;
      let r;
      try { r = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")); } catch { continue; }
      if (!r || typeof r.resourceType !== "string") continue;
      const entry = { filename: name, resourceType: r.resourceType };
      for (const key of ["id", "url", "version", "kind", "type"]) if (typeof r[key] === "string") entry[key] = r[key];
      files.push(entry);
    }
    fs.writeFileSync(target, JSON.stringify({ "index-version": 1, files }));
  ' "$1"
}

mkdir -p "$cache"
work=""
cleanup() { if [[ -n "$work" && -d "$work" ]]; then rm -rf "$work"; fi; }
trap cleanup EXIT

for spec in "${specs[@]}"; do
  name="${spec%@*}"
  version="${spec##*@}"
  target="$cache/$name#$version"
  if [[ -f "$target/package/package.json" ]]; then
    [[ -f "$target/package/.index.json" ]] || write_index "$target/package"  # restored by another tool
    continue
  fi
  command -v npm >/dev/null || { echo "restore-packages: npm is required to restore $spec" >&2; exit 1; }
  if [[ -z "$work" ]]; then work="$(mktemp -d)"; fi
  echo "restore-packages: $spec -> $target"
  tgz="$(cd "$work" && npm pack --silent "$spec" | tail -n 1)"
  staging="$work/$name#$version"
  mkdir -p "$staging"
  tar -xzf "$work/$tgz" -C "$staging"
  rm -f "$work/$tgz"
  # Some packages ship without the top-level package/ folder; normalise to the cache layout.
  if [[ ! -d "$staging/package" ]]; then
    mkdir -p "$staging/package"
    find "$staging" -mindepth 1 -maxdepth 1 ! -name package -exec mv {} "$staging/package/" \;
  fi
  write_index "$staging/package"
  rm -rf "$target"
  mv "$staging" "$target"
done
