// gateway-paged-list: an operation that takes a `cursor` query parameter answers the project's page shape,
// `{ items: [..], nextCursor }` with `nextCursor` a string (null on the last page); and a success schema that carries
// `nextCursor` belongs to an operation that takes `cursor`. Given each GET operation of the resolved document.
module.exports = function pagedList(operation, _options, context) {
  if (operation === null || typeof operation !== 'object') return [];
  const takesCursor = (operation.parameters || []).some((p) => p && p.in === 'query' && p.name === 'cursor');
  const results = [];
  for (const [status, response] of Object.entries(operation.responses || {})) {
    if (!status.startsWith('2')) continue;
    for (const [mediaType, content] of Object.entries((response && response.content) || {})) {
      const schema = content && content.schema;
      const properties = (schema && schema.properties) || {};
      const where = [...context.path, 'responses', status, 'content', mediaType, 'schema'];
      const hasNext = Object.prototype.hasOwnProperty.call(properties, 'nextCursor');
      if (takesCursor) {
        if (!properties.items || properties.items.type !== 'array') {
          results.push({ message: 'A paged list (it takes `cursor`) answers `items` as an array.', path: where });
        }
        if (!hasNext || properties.nextCursor.type !== 'string') {
          results.push({ message: 'A paged list (it takes `cursor`) answers `nextCursor` as a string, null on the last page.', path: where });
        }
      } else if (hasNext) {
        results.push({ message: '`nextCursor` is answered, so the operation takes a `cursor` query parameter.', path: where });
      }
    }
  }
  return results;
};
