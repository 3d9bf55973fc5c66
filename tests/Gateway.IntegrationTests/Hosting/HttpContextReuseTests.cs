using Gateway.IntegrationTests.CanonicalApi;
using Gateway.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Hosting;

/// <summary>
/// Kestrel reuses a connection's <c>HttpContext</c> from request to request unless an <see cref="IHttpContextAccessor"/>
/// is registered: then ASP.NET Core builds a new one for every request (about 15% of a cached read's allocations).
/// The caching ports find their request through their own scope (<c>CacheOutcomes.Track</c>) instead; a library or a
/// change that registers the accessor again must be a decision, not an accident.
/// </summary>
[Collection(SharedCanonicalApi.Name)]
public sealed class HttpContextReuseTests(CanonicalApiFixture fixture)
{
    [Fact]
    public void No_http_context_accessor_is_registered_so_each_connection_keeps_its_context()
    {
        Assert.Null(fixture.Gateway.Services.GetService<IHttpContextAccessor>());
    }
}
