using System.Net.Http.Headers;
using System.Text;
using ErpSimulator.Tests.Legacy.Client;

namespace ErpSimulator.Tests.Legacy;

/// <summary>What a broken client sends must get a SOAP fault, and the ERP keeps serving.</summary>
[Collection(SharedSimulator.Name)]
public sealed class LegacyEnvelopeTests(SimulatorFixture fixture)
{
    private const string GoodEnvelope = """
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
        <GetItems xmlns="urn:distributor:legacy-erp:v1"><ItemNumbers><string>000000000000100001</string></ItemNumbers></GetItems>
        </soap:Body></soap:Envelope>
        """;

    [Theory]
    [InlineData("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><GetItems", "GetItems")]
    [InlineData("not xml at all", "GetItems")]
    [InlineData("<Envelope/>", "GetItems")]
    [InlineData("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><NoSuchOperation/></soap:Body></soap:Envelope>", "NoSuchOperation")]
    [InlineData("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><SearchItems xmlns=\"urn:distributor:legacy-erp:v1\"><MaxRows>many</MaxRows></SearchItems></soap:Body></soap:Envelope>", "SearchItems")]
    public async Task Post_MalformedEnvelope_SoapFaultAndTheErpKeepsServing(string body, string action)
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await PostAsync(body, action, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);

        Assert.InRange((int)response.StatusCode, 400, 599);
        Assert.Contains("<faultstring>InvalidArgument</faultstring>", answer, StringComparison.Ordinal);
        using var next = await PostAsync(GoodEnvelope, "GetItems", ct);
        Assert.Equal(200, (int)next.StatusCode);
        Assert.Contains("<ItemNumber>000000000000100001</ItemNumber>", await next.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string action, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, LegacyWire.Path.TrimStart('/'))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("text/xml")),
        };
        request.Headers.Add("SOAPAction", $"\"{LegacyWire.ActionPrefix}{action}\"");
        return await fixture.Client.SendAsync(request, ct);
    }
}
