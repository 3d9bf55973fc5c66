using GraphQL.DataLoader;

namespace Gateway.GraphQL.Loading;

/// <summary>
/// A per-request data loader: resolvers ask for keys while GraphQL.NET walks one level of the query, and the first
/// result awaited fetches every key asked for so far in one call. GraphQL.NET awaits <see cref="IDataLoaderResult"/>s only
/// after it has run every other resolver of the level, so a page of 50 products becomes one fetch, not 50.
/// A key asked for again in the same request is answered from the first fetch.
/// </summary>
/// <param name="fetch">Fetches many keys; keys absent from its answer load as null.</param>
internal sealed class BatchLoader<TValue>(
    Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, TValue>>> fetch,
    CancellationToken requestAborted)
    where TValue : class
{
    readonly Lock _gate = new();
    readonly Dictionary<string, Batch> _batchOf = new(StringComparer.Ordinal);
    Batch _open = new();

    public IDataLoaderResult<TValue?> Load(string key)
    {
        lock (_gate)
        {
            if (!_batchOf.TryGetValue(key, out var batch))
            {
                batch = _open;
                batch.Keys.Add(key);
                _batchOf[key] = batch;
            }

            return new Pending(this, batch, key);
        }
    }

    Task<IReadOnlyDictionary<string, TValue>> Dispatch(Batch batch)
    {
        lock (_gate)
        {
            if (batch.Fetch is null)
            {
                if (ReferenceEquals(batch, _open))
                {
                    _open = new Batch();
                }

                // Started under the lock so that concurrent awaiters share it; fetch returns at its first await.
                batch.Fetch = fetch(batch.Keys, requestAborted);
            }

            return batch.Fetch;
        }
    }

    sealed class Batch
    {
        public List<string> Keys { get; } = [];

        public Task<IReadOnlyDictionary<string, TValue>>? Fetch { get; set; }
    }

    sealed class Pending(BatchLoader<TValue> loader, Batch batch, string key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await loader.Dispatch(batch).WaitAsync(cancellationToken)).GetValueOrDefault(key);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
