using System.ServiceModel;
using System.Xml;
using Gateway.Erp.Legacy.Contract;

namespace Gateway.Erp.Legacy;

/// <summary>
/// The legacy ERP's SOAP faults: the <c>faultstring</c> is the code a client branches on, the detail's
/// <c>LegacyFault/Text</c> a human sentence (safe to show: it names the field, never data of others).
/// </summary>
internal static class LegacyFaults
{
    public const string ServerBusy = "ServerBusy";
    public const string BatchTooLarge = "BatchTooLarge";
    public const string NotFound = "NotFound";
    public const string InvalidArgument = "InvalidArgument";
    public const string Unavailable = "Unavailable";

    public static string Code(FaultException fault) => fault.Reason.GetMatchingTranslation()?.Text ?? fault.Message;

    /// <summary>The human text of the fault's detail, or its code when there is none.</summary>
    public static string Text(FaultException fault)
    {
        try
        {
            var message = fault.CreateMessageFault();
            if (message.HasDetail)
            {
                using var reader = message.GetReaderAtDetailContents();
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Text" && reader.NamespaceURI == LegacyErpNamespace.Value)
                    {
                        return reader.ReadElementContentAsString();
                    }
                }
            }
        }
        catch (XmlException)
        {
            // A detail we cannot read still leaves the code, which is what callers branch on.
        }

        return Code(fault);
    }
}
