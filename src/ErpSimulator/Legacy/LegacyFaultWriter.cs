using System.Reflection;
using System.ServiceModel.Channels;
using System.Xml;
using ErpSimulator.Legacy.Contract;
using SoapCore;
using SoapCore.Extensibility;

namespace ErpSimulator.Legacy;

/// <summary>
/// Writes every fault as a plain SOAP 1.1 fault: faultcode soap:Server or soap:Client, faultstring the
/// legacy code, detail a LegacyFault element with the human text. Replaces SoapCore's default so the
/// shape does not depend on the SoapCore version, and an unexpected exception never leaks its message.
/// </summary>
internal sealed class LegacyFaultWriter(ILogger<LegacyFaultWriter> logger) : IFaultExceptionTransformer
{
    public Message ProvideFault(Exception exception, MessageVersion messageVersion, Message requestMessage, ConcurrentXmlNamespaceLookup xmlNamespaceManager)
    {
        if (exception is not LegacyFaultException fault)
        {
            fault = AsLegacyFault(exception);
            Log.UnplannedFault(logger, fault.FaultCode, exception);
        }

        return Message.CreateMessage(messageVersion, action: null, new FaultBody(fault));
    }

    /// <summary>What reaches here unplanned is a request SoapCore could not bind (bad XML, wrong types).</summary>
    internal static LegacyFaultException AsLegacyFault(Exception exception) =>
        exception is InvalidOperationException or XmlException or FormatException or TargetParameterCountException
            ? LegacyFault.Invalid("request", "the message could not be read as a legacy ERP request.")
            : LegacyFault.Down("The legacy ERP failed to process the request.");

    private sealed class FaultBody(LegacyFaultException fault) : BodyWriter(isBuffered: true)
    {
        protected override void OnWriteBodyContents(XmlDictionaryWriter writer) => Write(writer, fault);
    }

    internal static void Write(XmlWriter writer, LegacyFaultException fault)
    {
        const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
        var prefix = writer.LookupPrefix(Soap11) ?? "soap";
        writer.WriteStartElement(prefix, "Fault", Soap11);
        if (writer.LookupPrefix(Soap11) is null)
        {
            writer.WriteAttributeString("xmlns", prefix, null, Soap11);
        }

        writer.WriteElementString("faultcode", prefix + (fault.IsServerSide ? ":Server" : ":Client"));
        writer.WriteElementString("faultstring", fault.FaultCode);
        writer.WriteStartElement("detail");
        writer.WriteStartElement("LegacyFault", LegacyErpNamespace.Value);
        writer.WriteElementString("Code", LegacyErpNamespace.Value, fault.FaultCode);
        writer.WriteElementString("Text", LegacyErpNamespace.Value, fault.Detail);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
