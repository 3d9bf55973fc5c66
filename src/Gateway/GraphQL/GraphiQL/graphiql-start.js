// Mounts GraphiQL on POST /graphql. Credentials go in the Headers tab ({"X-Api-Key": "..."} or {"Authorization":
// "Bearer ..."}), which opens first; they are kept in this tab's memory only, never in storage (shouldPersistHeaders
// false). After entering them, re-fetch the schema (the docs explorer's refresh button) to see the types and their
// deprecations.
(function () {
  'use strict';
  const example = [
    '# Put your X-Api-Key or Authorization header in the Headers tab below, then re-fetch the schema.',
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

  const fetcher = GraphiQL.createFetcher({
    url: '/graphql',
    headers: { Accept: 'application/graphql-response+json, application/json' },
  });

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: example,
      defaultHeaders: '{}',
      defaultEditorToolsVisibility: 'headers',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      inputValueDeprecation: true,
    }));
})();
