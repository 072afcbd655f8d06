#!/usr/bin/env bash
# DEVELOPMENT ONLY. Regenerates the demo clients' key pairs and public JWKS files of the embedded development
# authorization server (README.md, "Development authorization server"). The private keys are committed on purpose:
# they let anyone get a token from a development server on their own machine, and are worth nothing elsewhere,
# because only that server (off outside Development) registers these clients.
# Needs openssl and xxd. Usage: generate-demo-keys.sh   (writes next to itself)
set -euo pipefail
cd "$(dirname "$0")"

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
hex2b64url() { xxd -r -p | b64url; }

# RFC 7518 §6.3.1: n and e, big-endian, without leading zero octets.
rsa_jwks() { # client kid
  local modulus
  modulus=$(openssl rsa -in "$1.private.pem" -noout -modulus 2>/dev/null | sed 's/^Modulus=//')
  printf '{\n  "keys": [\n    {\n      "kty": "RSA",\n      "use": "sig",\n      "alg": "RS384",\n      "kid": "%s",\n      "n": "%s",\n      "e": "AQAB"\n    }\n  ]\n}\n' \
    "$2" "$(printf '%s' "$modulus" | hex2b64url)" > "$1.jwks.json"
}

# RFC 7518 §6.2.1: x and y of P-384, 48 octets each, from the uncompressed point 04||x||y that ends the SPKI DER.
ec_jwks() { # client kid
  local point
  point=$(openssl ec -in "$1.private.pem" -pubout -outform DER 2>/dev/null | tail -c 97 | xxd -p | tr -d '\n')
  printf '{\n  "keys": [\n    {\n      "kty": "EC",\n      "use": "sig",\n      "alg": "ES384",\n      "kid": "%s",\n      "crv": "P-384",\n      "x": "%s",\n      "y": "%s"\n    }\n  ]\n}\n' \
    "$2" "$(printf '%s' "${point:2:96}" | hex2b64url)" "$(printf '%s' "${point:98:96}" | hex2b64url)" > "$1.jwks.json"
}

# PEM allows text before the BEGIN line (RFC 7468 §2); openssl and .NET's ImportFromPem skip it.
mark() { { echo "DEVELOPMENT ONLY: demo key of client '$1' of FhirOncology's development authorization server. Public by design; never trust it anywhere else."; cat; } > "$1.private.pem"; }
rsa() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | mark "$1"; rsa_jwks "$1" "$1-demo-1"; }
ec() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 2>/dev/null | mark "$1"; ec_jwks "$1" "$1-demo-1"; }

rsa ehr-north        # RS384
ec ehr-south         # ES384
rsa review-center    # RS384
ls -1 ./*.pem ./*.jwks.json
