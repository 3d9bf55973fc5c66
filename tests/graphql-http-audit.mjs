// The GraphQL over HTTP audit suite (graphql-http's auditServer) against a running gateway, as a partner whose plan is
// above the audit's burst: the suite sends its 60-odd requests at once. Prints every result; exits 1 when one is "error"
// (a MUST) or "warn" (a SHOULD). "notice" (a MAY) is printed only. Called by tests/graphql-http-audit.sh, which sets
// GATEWAY_URL, ADMIN_TOKEN and GRAPHQL_HTTP_DIR (the folder graphql-http was installed into).
import { createRequire } from 'node:module';
import { join } from 'node:path';

const { GATEWAY_URL: gateway, ADMIN_TOKEN: adminToken, GRAPHQL_HTTP_DIR: installed } = process.env;
const { auditServer } = createRequire(join(installed, 'package.json'))('graphql-http');

async function admin(path, body) {
  const res = await fetch(gateway + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) {
    throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  }
  return res.json();
}

const { partnerId } = await admin('/admin/partners', {
  name: 'graphql-http audit',
  scopes: ['catalog:read'],
  customerIds: [],
  plan: { requestsPerSecond: 1000, burst: 1000, dailyQuota: 1000000 },
});
const { key } = await admin(`/admin/partners/${partnerId}/keys`, {});

// Every audit request carries the partner's key; the audit's own headers are kept as they are.
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('x-api-key', key);
  return fetch(input, { ...init, headers });
};

const results = await auditServer({ url: `${gateway}/graphql`, fetchFn });
const failed = results.filter((r) => r.status === 'error' || r.status === 'warn');
for (const r of results) {
  console.log(`${r.status.padEnd(6)} ${r.id} ${r.name}${r.status === 'ok' ? '' : ` (${r.reason})`}`);
}
const count = (status) => results.filter((r) => r.status === status).length;
console.log(`graphql-http audit: ${count('ok')} ok, ${count('notice')} notice, ${count('warn')} warn, ${count('error')} error`);
process.exit(failed.length === 0 ? 0 : 1);
