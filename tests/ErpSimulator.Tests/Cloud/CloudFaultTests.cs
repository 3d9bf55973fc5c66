using System.Net;
using ErpSimulator.Cloud;
using ErpSimulator.Control;

namespace ErpSimulator.Tests.Cloud;

[Collection(SharedSimulator.Name)]
public sealed class CloudFaultTests(SimulatorFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task SetFaults_CloudOutage_Answers503UntilTheFaultsAreCleared()
    {
        try
        {
            using var down = await Client.PostJsonAsync("_sim/faults", new FaultChangeRequest("cloud", null, null, true));
            Assert.Equal(HttpStatusCode.OK, down.StatusCode);
            using var refused = await Client.GetAsync(new Uri("cloud/api/items/100001", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("unavailable", (await refused.ReadAsync<CloudError>()).Error.Code);
        }
        finally
        {
            using var cleared = await Client.PostJsonAsync("_sim/faults", new { backend = "cloud" });
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        }

        using var served = await Client.GetAsync(new Uri("cloud/api/items/100001", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task SetFaults_CloudErrorRateOfOne_FailsEveryCallAndLeavesTheOtherBackendAlone()
    {
        try
        {
            using var set = await Client.PostJsonAsync("_sim/faults", new FaultChangeRequest("cloud", 0, 1.0, null));
            var faults = await set.ReadAsync<FaultsView>();
            Assert.Equal(1.0, faults.Cloud.ErrorRate);
            Assert.Equal(0, faults.Legacy.ErrorRate);
            using var failed = await Client.GetAsync(new Uri("cloud/api/customers/20001", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        }
        finally
        {
            using var cleared = await Client.PostJsonAsync("_sim/faults", new { });
        }

        using var served = await Client.GetAsync(new Uri("cloud/api/customers/20001", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }
}
