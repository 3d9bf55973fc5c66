using GraphQL;
using GraphQL.DataLoader;

namespace Gateway.GraphQL.Loading;

/// <summary>A loaded value that must exist: null becomes the given field error (an unknown customer asked for by id).</summary>
internal sealed class LoadedOrError<TValue>(IDataLoaderResult<TValue?> loading, Func<ExecutionError> whenNull) : IDataLoaderResult<TValue>
    where TValue : class
{
    public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) =>
        await loading.GetResultAsync(cancellationToken) ?? throw whenNull();

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
        await GetResultAsync(cancellationToken);
}
