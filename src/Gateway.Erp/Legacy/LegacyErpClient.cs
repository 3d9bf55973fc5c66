using System.ServiceModel;
using System.Xml;
using Gateway.Core.Catalog;
using Gateway.Core.Customers;
using Gateway.Core.Erp;
using Gateway.Core.Inventory;
using Gateway.Core.Orders;
using Gateway.Core.Pricing;
using Gateway.Erp.Connector;
using Gateway.Erp.Legacy.Contract;
using Gateway.Erp.Outbound;

namespace Gateway.Erp.Legacy;

/// <summary>
/// The legacy ERP's SOAP 1.1 service through a WCF <see cref="ChannelFactory{TChannel}"/>, one channel per request.
/// Faults become the pipeline's signals: <c>ServerBusy</c> → throttled (as a 429 would be), <c>Unavailable</c> and
/// transport failures → transient, <c>NotFound</c> → absent where the port says so. WCF calls take no cancellation token,
/// so cancelling aborts the channel; the call's budget slot is held until the aborted call has really ended.
/// </summary>
internal sealed partial class LegacyErpClient : IErpClient, IDisposable
{
    readonly ChannelFactory<ILegacyErpService> _factory;
    readonly TimeSpan _busyPause;

    public LegacyErpClient(LegacyErpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = new Uri(new Uri(options.BaseUrl), options.ServicePath);
        var binding = new BasicHttpBinding(address.Scheme == Uri.UriSchemeHttps ? BasicHttpSecurityMode.Transport : BasicHttpSecurityMode.None)
        {
            MaxReceivedMessageSize = options.MaxReceivedMessageSize,
            MaxBufferSize = options.MaxReceivedMessageSize,
            ReaderQuotas = XmlDictionaryReaderQuotas.Max,
            // The pipeline's attempt timeout aborts first; these are the backstop should it not.
            OpenTimeout = options.TotalTimeout,
            SendTimeout = options.TotalTimeout,
            ReceiveTimeout = options.TotalTimeout,
            CloseTimeout = options.AttemptTimeout,
        };
        _factory = new ChannelFactory<ILegacyErpService>(binding, new EndpointAddress(address));
        _busyPause = options.BusyPause;
    }

    public ErpSystem Erp => ErpSystem.Legacy;

    public async Task<IReadOnlyList<Product>> GetProductsAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var numbers = ItemNumbers(skus);
        if (numbers.Length == 0)
        {
            return [];
        }

        var answer = await CallAsync(erp => erp.GetItems(numbers), cancellationToken);
        return [.. answer.Items.Select(LegacyMapping.ToProduct)];
    }

    public async Task<ProductPage> SearchProductsAsync(ProductSearch window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var category = string.IsNullOrEmpty(window.Category) ? null : window.Category;
        var text = string.IsNullOrEmpty(window.Text) ? null : window.Text;
        var answer = await CallAsync(erp => erp.SearchItems(category, text, window.Offset, window.Limit), cancellationToken);
        return new ProductPage([.. answer.Items.Select(LegacyMapping.ToProduct)], answer.TotalRows);
    }

    public async Task<IReadOnlyList<Customer>> GetCustomersAsync(IReadOnlyList<string> customerIds, CancellationToken cancellationToken)
    {
        var numbers = customerIds.Select(LegacyMapping.CustomerNumber).OfType<string>().ToArray();
        if (numbers.Length == 0)
        {
            return [];
        }

        var answer = await CallAsync(erp => erp.GetCustomers(numbers), cancellationToken);
        return [.. answer.Customers.Select(LegacyMapping.ToCustomer)];
    }

    public async Task<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var numbers = ItemNumbers(skus);
        if (numbers.Length == 0)
        {
            return [];
        }

        var answer = await CallAsync(erp => erp.GetStock(numbers), cancellationToken);
        return LegacyMapping.ToStock(answer.Stock);
    }

    /// <summary>
    /// CreateSalesOrder answers only number and status, so the order is read back by its reference for the full state.
    /// Both requests run in sequence under one budget slot: the legacy budget counts calls in flight, never more than one here.
    /// </summary>
    public async Task<SalesOrderState> SubmitOrderAsync(SalesOrderRequest order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var customerNumber = LegacyMapping.CustomerNumber(order.CustomerId)
            ?? throw new ErpRejectedException(ErpSystem.Legacy, $"CustomerNumber: '{order.CustomerId}' does not exist.");
        var shipTo = LegacyMapping.ShipToNumber(order.ShipToId)
            ?? throw new ErpRejectedException(ErpSystem.Legacy, $"ShipTo: '{order.ShipToId}' does not exist.");
        var lines = order.Lines.Select(LegacyMapping.ToLegacy).ToArray();

        var created = await CallAsync(
            async erp =>
            {
                try
                {
                    return await erp.CreateSalesOrder(order.ExternalReference, customerNumber, shipTo, order.PoNumber, lines);
                }
                catch (FaultException fault) when (LegacyFaults.Code(fault) is LegacyFaults.NotFound or LegacyFaults.InvalidArgument or LegacyFaults.BatchTooLarge)
                {
                    throw new ErpRejectedException(ErpSystem.Legacy, LegacyFaults.Text(fault));
                }
            },
            cancellationToken);

        var booked = await FindLegacyOrderAsync(created.ExternalRef, cancellationToken)
            ?? throw new ErpContractException("The legacy ERP did not find the order it had just created.");
        var state = LegacyMapping.ToOrderState(booked, created.Created);
        return state.Status == ErpOrderStatus.Rejected
            ? throw new ErpRejectedException(ErpSystem.Legacy, state.RejectReason ?? "The legacy ERP rejected the order.")
            : state;
    }

    public async Task<SalesOrderState?> FindOrderAsync(string externalReference, CancellationToken cancellationToken) =>
        await FindLegacyOrderAsync(externalReference, cancellationToken) is { } order ? LegacyMapping.ToOrderState(order, created: false) : null;

    async Task<LegacySalesOrder?> FindLegacyOrderAsync(string externalReference, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(erp => erp.GetSalesOrders(null, externalReference), cancellationToken);
        return answer.SalesOrders.FirstOrDefault(o => o.ExternalRef == externalReference);
    }

    static string[] ItemNumbers(IReadOnlyList<string> skus) => [.. skus.Select(LegacyMapping.ItemNumber).OfType<string>()];

    async Task<T> CallAsync<T>(Func<ILegacyErpService, Task<T>> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var erp = _factory.CreateChannel();
        var channel = (IClientChannel)erp;
        var closed = false;
        try
        {
            T answer;
            using (cancellationToken.Register(static c => ((IClientChannel)c!).Abort(), channel))
            {
                answer = await call(erp);
            }

            await Task.Factory.FromAsync(channel.BeginClose, channel.EndClose, null);
            closed = true;
            return answer;
        }
        catch (FaultException fault)
        {
            throw Signal(fault);
        }
        catch (Exception exception) when (exception is CommunicationException or TimeoutException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The legacy ERP call was abandoned.", exception, cancellationToken);
        }
        catch (Exception exception) when (exception is CommunicationException or TimeoutException)
        {
            throw new ErpTransientException("The legacy ERP could not be reached.", exception);
        }
        finally
        {
            if (!closed)
            {
                channel.Abort();
            }
        }
    }

    Exception Signal(FaultException fault) => LegacyFaults.Code(fault) switch
    {
        // The ERP refuses a 5th concurrent call at once: the same "full, come back later" as the cloud ERP's 429.
        LegacyFaults.ServerBusy => new ErpThrottledException(_busyPause, LegacyFaults.ServerBusy),
        LegacyFaults.Unavailable => new ErpTransientException("The legacy ERP is unavailable.", fault),
        var code => new ErpContractException("The legacy ERP refused a request the gateway built: " + code, fault),
    };

    public void Dispose() => ((IDisposable)_factory).Dispose();
}
