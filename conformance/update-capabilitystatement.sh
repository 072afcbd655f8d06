#!/usr/bin/env bash
# Regenerates conformance/CapabilityStatement.json from the server itself (ConformanceFileTests keeps them equal).
set -euo pipefail
cd "$(dirname "$0")/.."
# A free port, so a server already running here is never the one asked.
port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
data=$(mktemp -d)
dotnet build src/FhirOncology.Api -v quiet -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development Storage__DataDirectory="$data" dotnet run --no-build --project src/FhirOncology.Api --no-launch-profile -- --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
ready=""
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && ready=1 && break; sleep 1; done
[ -n "$ready" ] || { echo "the server did not become ready" >&2; exit 1; }
curl -sf "http://127.0.0.1:$port/fhir/metadata?_pretty=true" | sed "s#http://127.0.0.1:$port/fhir#[base]#g" > conformance/CapabilityStatement.json
echo "conformance/CapabilityStatement.json updated"
