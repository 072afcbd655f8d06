#!/usr/bin/env bash
# DEVELOPMENT ONLY. Prints an access token from the embedded development authorization server of a running
# FhirOncology server (README.md, "Development authorization server"). Needs bash, curl and openssl.
#
#   dev-token.sh ehr-north | ehr-south | review-center
#       SMART Backend Services (hl7.org/fhir/smart-app-launch/backend-services.html): client_credentials with a
#       client assertion (private_key_jwt, RFC 7523) signed with the demo client's private key in DemoClients/.
#   dev-token.sh reviewer
#       A user token: authorization code with PKCE S256 (RFC 7636) through the app 'reviewer-app'; the development
#       server has no sign-in page, login_hint names the user.
#
#   TOKEN=$(src/FhirOncology.Api/Security/DevServer/dev-token.sh ehr-north)
#   curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/fhir/Patient
#
# Environment: FHIR_BASE (default http://localhost:8080/fhir), where the server is reached;
#   FHIR_AUDIENCE (default http://localhost:8080/fhir), the server's Auth:Audience (the aud of a user authorization);
#   SCOPE, the scopes to ask for instead of the defaults below.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
base=${FHIR_BASE:-http://localhost:8080/fhir}
base=${base%/}
audience=${FHIR_AUDIENCE:-http://localhost:8080/fhir}
who=${1:-}

die() { echo "dev-token.sh: $*" >&2; exit 1; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
json_field() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p"; }
hex_to_bin() { local hex=$1; printf "$(printf '%s' "$hex" | sed 's/../\\x&/g')"; }

[ -n "$who" ] || die "usage: dev-token.sh <client-id>|<user>   (clients: ehr-north ehr-south review-center; users: reviewer)"

# The token endpoint as the server names it (a client assertion's aud must be exactly that URL), but sent to the host
# given in FHIR_BASE, so the server may listen elsewhere than its configured issuer.
smart=$(curl -fsS "$base/.well-known/smart-configuration") || die "no SMART configuration at $base/.well-known/smart-configuration; is the server running?"
token_endpoint=$(printf '%s' "$smart" | json_field token_endpoint)
authorize_endpoint=$(printf '%s' "$smart" | json_field authorization_endpoint)
[ -n "$token_endpoint" ] || die "the SMART configuration names no token_endpoint"
origin=$(printf '%s' "$base" | sed -E 's#^(https?://[^/]+).*#\1#')
on_server() { printf '%s%s' "$origin" "$(printf '%s' "$1" | sed -E 's#^https?://[^/]+##')"; }

print_token() { # token endpoint response
  local token
  token=$(printf '%s' "$1" | json_field access_token)
  [ -n "$token" ] || die "token request refused: $1"
  printf '%s\n' "$token"
}

backend_token() { # client-id
  local client=$1 key="$here/DemoClients/$1.private.pem" jwks="$here/DemoClients/$1.jwks.json"
  local kid alg now header payload input sig
  [ -f "$key" ] || die "no demo key $key"
  kid=$(json_field kid < "$jwks")
  alg=$(json_field alg < "$jwks")
  now=$(date +%s)
  header=$(printf '{"alg":"%s","typ":"JWT","kid":"%s"}' "$alg" "$kid" | b64url)
  # backend-services.html#authenticating-to-the-token-endpoint: iss = sub = client_id, aud = token endpoint,
  # exp at most 5 minutes ahead, a fresh jti.
  payload=$(printf '{"iss":"%s","sub":"%s","aud":"%s","iat":%d,"exp":%d,"jti":"%s"}' \
    "$client" "$client" "$token_endpoint" "$now" $((now + 240)) "$(openssl rand -hex 16)" | b64url)
  input="$header.$payload"
  if [ "$alg" = ES384 ]; then
    # JWS (RFC 7518 §3.4) wants r||s, 48 octets each; openssl writes an ASN.1 DER sequence of two INTEGERs.
    local r s
    read -r r s < <(printf '%s' "$input" | openssl dgst -sha384 -sign "$key" | openssl asn1parse -inform DER \
      | awk -F: '/INTEGER/ { printf "%s ", $NF } END { print "" }')
    r=$(printf '%96s' "$r" | tr ' ' 0); s=$(printf '%96s' "$s" | tr ' ' 0)
    sig=$(hex_to_bin "${r: -96}${s: -96}" | b64url)
  else
    sig=$(printf '%s' "$input" | openssl dgst -sha384 -sign "$key" | b64url)
  fi

  local scope=${SCOPE:-system/*.cruds}
  [ "$client" = review-center ] && scope=${SCOPE:-system/*.cruds system/AuditEvent.rs}
  print_token "$(curl -sS -X POST "$(on_server "$token_endpoint")" \
    --data-urlencode grant_type=client_credentials \
    --data-urlencode "scope=$scope" \
    --data-urlencode client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
    --data-urlencode "client_assertion=$input.$sig")"
}

user_token() { # user name
  local client=reviewer-app redirect=http://localhost:8080/auth/dev-callback
  local scope=${SCOPE:-openid fhirUser user/*.cruds user/AuditEvent.rs}
  local verifier challenge state location code
  [ -n "$authorize_endpoint" ] || die "the SMART configuration names no authorization_endpoint"
  # RFC 7636 §4.1-4.2: a 43-character verifier and its S256 challenge.
  verifier=$(openssl rand 32 | b64url)
  challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | b64url)
  state=$(openssl rand -hex 8)
  # The redirect is not followed: the code is read from its Location header.
  location=$(curl -sS -o /dev/null -w '%{redirect_url}' -G "$(on_server "$authorize_endpoint")" \
    --data-urlencode response_type=code --data-urlencode "client_id=$client" --data-urlencode "redirect_uri=$redirect" \
    --data-urlencode "scope=$scope" --data-urlencode "state=$state" --data-urlencode "aud=$audience" \
    --data-urlencode "code_challenge=$challenge" --data-urlencode code_challenge_method=S256 --data-urlencode "login_hint=$1")
  code=$(printf '%s' "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
  [ -n "$code" ] || die "authorization refused: ${location:-no redirect}"
  case "$location" in *"state=$state"*) ;; *) die "the redirect carries another state: $location" ;; esac
  print_token "$(curl -sS -X POST "$(on_server "$token_endpoint")" \
    --data-urlencode grant_type=authorization_code --data-urlencode "code=$code" \
    --data-urlencode "redirect_uri=$redirect" --data-urlencode "client_id=$client" \
    --data-urlencode "code_verifier=$verifier")"
}

if [ -f "$here/DemoClients/$who.private.pem" ]; then
  backend_token "$who"
else
  user_token "$who"
fi
