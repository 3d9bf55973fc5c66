using GraphQL.DataLoader;

namespace Gateway.GraphQL.Loading;

/// <summary>A loaded value turned into a field's value once loaded (one parcel picked from an order's loaded parcels).</summary>
internal sealed class LoadedThen<TValue>(IDataLoaderResult<TValue?> loading, Func<TValue?, object?> then) : IDataLoaderResult<object?>
    where TValue : class
{
    public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
        then(await loading.GetResultAsync(cancellationToken));

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
        await GetResultAsync(cancellationToken);
}
