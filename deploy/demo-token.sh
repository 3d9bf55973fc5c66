#!/usr/bin/env bash
# Mints a demo storefront JWT (HS256) for the gateway started by deploy/demo.sh, with the same demo key.
#   deploy/demo-token.sh C0001 "catalog:read pricing:read inventory:read" [lifetime-seconds]
# Prints the token; use it as: curl -H "Authorization: Bearer $(deploy/demo-token.sh C0001 pricing:read)" ...
# Needs only bash, openssl and base64. Demo only: production tokens come from your identity provider (Auth:Jwt:JwksUrl).
set -euo pipefail

customer=${1:?usage: demo-token.sh <customerId> [scopes] [lifetime-seconds]}
scopes=${2:-catalog:read pricing:read inventory:read orders:read orders:write}
lifetime=${3:-3600}
subject=${DEMO_JWT_SUBJECT:-demo-storefront}
issuer=${DEMO_JWT_ISSUER:-https://demo-issuer.gateway.local}
audience=${DEMO_JWT_AUDIENCE:-gateway-api}
key=${DEMO_JWT_SIGNING_KEY:-demo-signing-key-change-me-0123456789abcdef}

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","iat":%d,"nbf":%d,"exp":%d,"scope":"%s","customer_id":"%s"}' \
  "$issuer" "$audience" "$subject" "$now" "$now" "$((now + lifetime))" "$scopes" "$customer" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$key" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
