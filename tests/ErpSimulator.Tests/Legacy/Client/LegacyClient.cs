using System.ServiceModel;

namespace ErpSimulator.Tests.Legacy.Client;

/// <summary>A BasicHttpBinding channel to the simulator's legacy ERP; dispose to close it.</summary>
public sealed class LegacyClient : IDisposable
{
    private readonly ChannelFactory<ILegacyErpClient> _factory;

    public LegacyClient(Uri simulatorBaseAddress)
    {
        var binding = new BasicHttpBinding
        {
            MaxReceivedMessageSize = 16 * 1024 * 1024,
            SendTimeout = TimeSpan.FromSeconds(30),
            ReceiveTimeout = TimeSpan.FromSeconds(30),
        };
        _factory = new ChannelFactory<ILegacyErpClient>(binding, new EndpointAddress(new Uri(simulatorBaseAddress, LegacyWire.Path)));
        Erp = _factory.CreateChannel();
    }

    public ILegacyErpClient Erp { get; }

    /// <summary>Pads a SKU the way the legacy ERP wants it.</summary>
    public static string Item(string sku) => sku.PadLeft(18, '0');

    public static string Customer(string customerId) => customerId.PadLeft(10, '0');

    public void Dispose()
    {
        if (_factory.State == CommunicationState.Faulted)
        {
            _factory.Abort();
        }
        else
        {
            _factory.Close();
        }
    }
}
