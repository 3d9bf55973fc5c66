using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Core.Catalog;
using Gateway.Core.Customers;
using Gateway.Core.Erp;
using Gateway.Core.Inventory;
using Gateway.Core.Orders;
using Gateway.Core.Pricing;
using Gateway.Erp.Connector;
using Gateway.Erp.Outbound;

namespace Gateway.Erp.Cloud;

/// <summary>
/// The cloud ERP's REST API under <c>/cloud/api</c>, one request per method. HTTP failures become the pipeline's
/// signals: 429 → throttled (with its Retry-After), 5xx and connection failures → transient, anything else unexpected
/// → contract. No retry or timeout of its own here: the pipeline owns them, so this client never double-retries.
/// </summary>
internal sealed partial class CloudErpClient(IHttpClientFactory httpClients, TimeProvider time) : IErpClient
{
    /// <summary>The named HttpClient (base address <c>Erp:Cloud:BaseUrl</c> + <c>ApiPath</c>).</summary>
    public const string HttpClientName = "erp-cloud";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ErpSystem Erp => ErpSystem.Cloud;

    public async Task<IReadOnlyList<Product>> GetProductsAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        if (KeyList(skus) is not { } csv)
        {
            return [];
        }

        var answer = await GetAsync<CloudList<CloudItem>>("items?skus=" + csv, cancellationToken);
        return [.. answer!.Data.Select(CloudMapping.ToProduct)];
    }

    public async Task<ProductPage> SearchProductsAsync(ProductSearch window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var query = string.Create(CultureInfo.InvariantCulture, $"items?offset={window.Offset}&limit={window.Limit}")
            + (string.IsNullOrEmpty(window.Category) ? "" : "&category=" + Uri.EscapeDataString(window.Category))
            + (string.IsNullOrEmpty(window.Text) ? "" : "&search=" + Uri.EscapeDataString(window.Text));
        var page = await GetAsync<CloudPage<CloudItem>>(query, cancellationToken);
        return new ProductPage([.. page!.Data.Select(CloudMapping.ToProduct)], page.Total);
    }

    public async Task<IReadOnlyList<Customer>> GetCustomersAsync(IReadOnlyList<string> customerIds, CancellationToken cancellationToken)
    {
        if (KeyList(customerIds) is not { } csv)
        {
            return [];
        }

        var answer = await GetAsync<CloudList<CloudCustomer>>("customers?ids=" + csv, cancellationToken);
        return [.. answer!.Data.Select(CloudMapping.ToCustomer)];
    }

    public async Task<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        if (KeyList(skus) is not { } csv)
        {
            return [];
        }

        var answer = await GetAsync<CloudList<CloudInventory>>("inventory?skus=" + csv, cancellationToken);
        return [.. answer!.Data.Select(CloudMapping.ToStock)];
    }

    public async Task<SalesOrderState> SubmitOrderAsync(SalesOrderRequest order, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "sales-orders")
        {
            Content = JsonContent.Create(CloudMapping.ToCloud(order), options: Json),
        };
        using var http = httpClients.CreateClient(HttpClientName);
        using var response = await SendRawAsync(http, request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            var booked = await ReadAsync<CloudSalesOrder>(response, cancellationToken);
            return CloudMapping.ToOrderState(booked, created: response.StatusCode == HttpStatusCode.Created);
        }

        // 422 order_rejected is the ERP's final word; 400 means the order itself is malformed: neither improves on retry.
        if (response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest)
        {
            var error = await ErrorAsync(response, cancellationToken);
            throw new ErpRejectedException(ErpSystem.Cloud, error?.Message ?? "The cloud ERP rejected the order.");
        }

        throw await FailureAsync(response, cancellationToken);
    }

    public async Task<SalesOrderState?> FindOrderAsync(string externalReference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "sales-orders?externalReference=" + Uri.EscapeDataString(externalReference));
        var order = await SendAsync<CloudSalesOrder>(request, notFoundIsAbsent: true, cancellationToken);
        return order is null ? null : CloudMapping.ToOrderState(order, created: false);
    }

    async Task<T?> GetAsync<T>(string relative, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relative);
        return await SendAsync<T>(request, notFoundIsAbsent: false, cancellationToken);
    }

    async Task<T?> SendAsync<T>(HttpRequestMessage request, bool notFoundIsAbsent, CancellationToken cancellationToken)
        where T : class
    {
        using var http = httpClients.CreateClient(HttpClientName);
        using var response = await SendRawAsync(http, request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return await ReadAsync<T>(response, cancellationToken);
        }

        if (notFoundIsAbsent && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        throw await FailureAsync(response, cancellationToken);
    }

    static async Task<HttpResponseMessage> SendRawAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new ErpTransientException("The cloud ERP could not be reached.", exception);
        }
    }

    static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new ErpContractException("The cloud ERP answered with an empty body.");
        }
        catch (JsonException exception)
        {
            throw new ErpContractException("The cloud ERP answered with unreadable JSON.", exception);
        }
    }

    async Task<Exception> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new ErpThrottledException(RetryAfter(response), "429 rate_limited");
        }

        var error = await ErrorAsync(response, cancellationToken);
        var reason = string.Create(CultureInfo.InvariantCulture, $"{status} {error?.Code ?? "no error code"}");
        return status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout
            ? new ErpTransientException("The cloud ERP failed: " + reason)
            : new ErpContractException("The cloud ERP refused a request the gateway built: " + reason);
    }

    TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : TimeSpan.FromSeconds(1));
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }

    static async Task<CloudErrorBody?> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<CloudError>(Json, cancellationToken))?.Error;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The keys as the <c>skus=A,B</c> list; a key holding a comma cannot exist there and is left out (absent).</summary>
    static string? KeyList(IReadOnlyList<string> keys)
    {
        var expressible = keys.Where(IsExpressible).Select(Uri.EscapeDataString).ToArray();
        return expressible.Length == 0 ? null : string.Join(',', expressible);
    }

    static bool IsExpressible(string key) => !key.Contains(',', StringComparison.Ordinal) && key.Trim().Length == key.Length;
}
