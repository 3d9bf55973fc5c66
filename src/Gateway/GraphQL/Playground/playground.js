// The gateway's GraphQL playground: no framework, no CDN. Query, variables and headers persist in localStorage,
// except headers that look like credentials, which stay in this tab only (sessionStorage).
(function () {
  'use strict';
  const example = [
    'query Page($first: Int = 5, $quantity: Int = 1) {',
    '  products(first: $first) {',
    '    edges { cursor node {',
    '      sku name uom status',
    '      price(quantity: $quantity) { unitPrice currency source breaks { minQuantity unitPrice } }',
    '      availability { availableToPromise warehouses { warehouseId availableToPromise } }',
    '    } }',
    '    pageInfo { hasNextPage endCursor }',
    '  }',
    '}',
  ].join('\n');

  const $ = (id) => document.getElementById(id);
  const query = $('query'), variables = $('variables'), headers = $('headers');
  const result = $('result'), status = $('status');

  query.value = localStorage.getItem('gateway.graphql.query') || example;
  variables.value = localStorage.getItem('gateway.graphql.variables') || '{}';
  headers.value = sessionStorage.getItem('gateway.graphql.headers') || '{}';

  function parse(text, name) {
    if (!text.trim()) return {};
    try { return JSON.parse(text); } catch (e) { throw new Error(name + ' is not JSON: ' + e.message); }
  }

  async function run() {
    localStorage.setItem('gateway.graphql.query', query.value);
    localStorage.setItem('gateway.graphql.variables', variables.value);
    sessionStorage.setItem('gateway.graphql.headers', headers.value);
    status.textContent = 'running…';
    const started = performance.now();
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/json', 'Accept': 'application/graphql-response+json, application/json' },
          parse(headers.value, 'Headers')),
        body: JSON.stringify({ query: query.value, variables: parse(variables.value, 'Variables') }),
      });
      const text = await response.text();
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON: show as is */ }
      result.textContent = shown;
      status.textContent = response.status + ' ' + response.statusText + ' · ' + Math.round(performance.now() - started) + ' ms';
    } catch (e) {
      result.textContent = String(e.message || e);
      status.textContent = 'failed';
    }
  }

  $('run').addEventListener('click', run);
  document.addEventListener('keydown', (e) => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); run(); } });
})();
