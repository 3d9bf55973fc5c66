using System.Buffers.Binary;
using System.Text;

namespace Gateway.IntegrationTests.Observability;

/// <summary>One span as an OTLP receiver got it: ids in lowercase hex, attributes as text, links, events and its resource's attributes.</summary>
public sealed record ReceivedSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    int Kind,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<(string TraceId, string SpanId)> Links,
    IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Attributes)> Events,
    IReadOnlyDictionary<string, string> Resource)
{
    /// <summary>Every attribute value the span carries: its own, its events' and its resource's.</summary>
    public IEnumerable<string> AllValues => Attributes.Values.Concat(Events.SelectMany(e => e.Attributes.Values)).Concat(Resource.Values);
}

/// <summary>
/// Reads the parts of OTLP's <c>ExportTraceServiceRequest</c> (opentelemetry-proto, trace/v1/trace.proto) these tests
/// assert on, straight from the protobuf wire format: resource_spans(1) → resource(1).attributes(1), scope_spans(2) →
/// spans(2) → trace_id(1), span_id(2), parent_span_id(4), name(5), kind(6), attributes(9), events(11), links(13).
/// Unknown fields are skipped by wire type, as protobuf readers do.
/// </summary>
public static class OtlpSpans
{
    public static IReadOnlyList<ReceivedSpan> Decode(byte[] request)
    {
        var spans = new List<ReceivedSpan>();
        foreach (var (field, resourceSpans) in Fields(request))
        {
            if (field != 1)
            {
                continue;
            }

            var resource = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (f, value) in Fields(resourceSpans))
            {
                if (f == 1)
                {
                    Attributes(value, 1, resource);
                }
            }

            foreach (var (f, scopeSpans) in Fields(resourceSpans))
            {
                if (f != 2)
                {
                    continue;
                }

                foreach (var (g, span) in Fields(scopeSpans))
                {
                    if (g == 2)
                    {
                        spans.Add(Span(span, resource));
                    }
                }
            }
        }

        return spans;
    }

    static ReceivedSpan Span(ReadOnlyMemory<byte> span, IReadOnlyDictionary<string, string> resource)
    {
        string traceId = "", spanId = "", name = "";
        string? parent = null;
        var kind = 0;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var links = new List<(string, string)>();
        var events = new List<(string, IReadOnlyDictionary<string, string>)>();
        foreach (var (field, value) in Fields(span))
        {
            switch (field)
            {
                case 1: traceId = Convert.ToHexStringLower(value.Span); break;
                case 2: spanId = Convert.ToHexStringLower(value.Span); break;
                case 4: parent = value.Length == 0 ? null : Convert.ToHexStringLower(value.Span); break;
                case 5: name = Encoding.UTF8.GetString(value.Span); break;
                case 6: kind = (int)BinaryPrimitives.ReadInt64LittleEndian(value.Span); break;
                case 9: Attribute(value, attributes); break;
                case 11: events.Add(Event(value)); break;
                case 13: links.Add(Link(value)); break;
            }
        }

        return new ReceivedSpan(traceId, spanId, parent, name, kind, attributes, links, events, resource);
    }

    static (string, IReadOnlyDictionary<string, string>) Event(ReadOnlyMemory<byte> value)
    {
        var name = "";
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, part) in Fields(value))
        {
            if (field == 2)
            {
                name = Encoding.UTF8.GetString(part.Span);
            }
            else if (field == 3)
            {
                Attribute(part, attributes);
            }
        }

        return (name, attributes);
    }

    static (string, string) Link(ReadOnlyMemory<byte> value)
    {
        string traceId = "", spanId = "";
        foreach (var (field, part) in Fields(value))
        {
            if (field == 1)
            {
                traceId = Convert.ToHexStringLower(part.Span);
            }
            else if (field == 2)
            {
                spanId = Convert.ToHexStringLower(part.Span);
            }
        }

        return (traceId, spanId);
    }

    static void Attributes(ReadOnlyMemory<byte> message, int field, Dictionary<string, string> into)
    {
        foreach (var (f, value) in Fields(message))
        {
            if (f == field)
            {
                Attribute(value, into);
            }
        }
    }

    /// <summary>A KeyValue: key(1), AnyValue(2) with string(1), bool(2), int(3), double(4); arrays and bytes as their raw text.</summary>
    static void Attribute(ReadOnlyMemory<byte> keyValue, Dictionary<string, string> into)
    {
        var key = "";
        var text = "";
        foreach (var (field, value) in Fields(keyValue))
        {
            if (field == 1)
            {
                key = Encoding.UTF8.GetString(value.Span);
            }
            else if (field == 2)
            {
                foreach (var (kind, any) in Fields(value))
                {
                    text = kind switch
                    {
                        2 => (any.Span[0] != 0).ToString(),
                        3 => BinaryPrimitives.ReadInt64LittleEndian(any.Span).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        4 => BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(any.Span)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        _ => Encoding.UTF8.GetString(any.Span),
                    };
                }
            }
        }

        into[key] = text;
    }

    /// <summary>
    /// The fields of one message: length-delimited ones as their bytes, varints and fixed-width ones as 8 little-endian
    /// bytes (so a reader of either kind reads them the same way).
    /// </summary>
    static IEnumerable<(int Field, ReadOnlyMemory<byte> Value)> Fields(ReadOnlyMemory<byte> message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var tag = Varint(message.Span, ref at);
            var field = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    yield return (field, Fixed(Varint(message.Span, ref at)));
                    break;
                case 1:
                    yield return (field, message.Slice(at, 8));
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(message.Span, ref at);
                    yield return (field, message.Slice(at, length));
                    at += length;
                    break;
                case 5:
                    yield return (field, Fixed(BinaryPrimitives.ReadUInt32LittleEndian(message.Span.Slice(at, 4))));
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"Wire type {tag & 7} is not used by OTLP.");
            }
        }
    }

    static byte[] Fixed(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }

    static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
