using System.ServiceModel;

namespace ErpSimulator.Legacy;

/// <summary>
/// The faults the legacy ERP answers with. The faultstring is the code (what a client branches on);
/// the detail is a human sentence. Client mistakes are soap:Client, the ERP's own trouble soap:Server.
/// </summary>
internal static class LegacyFault
{
    public const string ServerBusy = "ServerBusy";
    public const string BatchTooLarge = "BatchTooLarge";
    public const string NotFound = "NotFound";
    public const string InvalidArgument = "InvalidArgument";
    public const string Unavailable = "Unavailable";

    public static LegacyFaultException Busy(int maxConcurrency) =>
        new(ServerBusy, isServerSide: true, $"At most {maxConcurrency} calls may be in flight; retry later.");

    public static LegacyFaultException TooLarge(string field, int count, int max) =>
        new(BatchTooLarge, isServerSide: false, $"{field}: {count} entries, at most {max} per call.");

    public static LegacyFaultException Missing(string field, string value) =>
        new(NotFound, isServerSide: false, $"{field}: '{value}' does not exist.");

    public static LegacyFaultException Invalid(string field, string reason) =>
        new(InvalidArgument, isServerSide: false, $"{field}: {reason}");

    public static LegacyFaultException Down(string reason) =>
        new(Unavailable, isServerSide: true, reason);
}

/// <summary>A fault the service raises on purpose; <see cref="LegacyFaultWriter"/> puts it on the wire.</summary>
internal sealed class LegacyFaultException(string code, bool isServerSide, string detail)
    : FaultException(new FaultReason(code), new FaultCode(isServerSide ? "Server" : "Client"), action: null)
{
    public string FaultCode { get; } = code;

    public bool IsServerSide { get; } = isServerSide;

    public string Detail { get; } = detail;
}
