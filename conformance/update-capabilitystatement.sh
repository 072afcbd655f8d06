#!/usr/bin/env bash
# Regenerates conformance/CapabilityStatement.json from the server itself (ConformanceFileTests keeps them equal).
set -euo pipefail
cd "$(dirname "$0")/.."
port=18080
data=$(mktemp -d)
dotnet build src/FhirOncology.Api -v quiet -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development Storage__DataDirectory="$data" dotnet run --no-build --project src/FhirOncology.Api --no-launch-profile -- --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/fhir/metadata?_pretty=true" | sed "s#http://127.0.0.1:$port/fhir#[base]#g" > conformance/CapabilityStatement.json
echo "conformance/CapabilityStatement.json updated"
