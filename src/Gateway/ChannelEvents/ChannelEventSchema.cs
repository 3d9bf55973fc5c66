using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Gateway.ChannelEvents;

/// <summary>
/// The JSON Schema (2020-12) of every channel event, generated from the payload types themselves, as the OpenAPI
/// documents are: committed as <c>api-specs/events/channel-events.schema.json</c>, and a test fails when the two differ.
/// Each type is a <c>$defs</c> entry whose <c>type</c> and <c>version</c> are constants.
/// </summary>
public static class ChannelEventSchema
{
    public const string Id = "https://gateway.example/schemas/channel-events.schema.json";

    public static JsonObject Build()
    {
        var definitions = new JsonObject();
        var oneOf = new JsonArray();
        var exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true };
        foreach (var (type, data) in ChannelEventTypes.All)
        {
            var envelope = typeof(ChannelEvent<>).MakeGenericType(data);
            var schema = (JsonObject)ChannelEventTypes.Json.GetJsonSchemaAsNode(envelope, exporter);
            var properties = (JsonObject)schema["properties"]!;
            properties["type"] = new JsonObject { ["const"] = type };
            properties["version"] = new JsonObject { ["const"] = ChannelEventTypes.Version };
            // The envelope's generic data reads as nullable to the exporter; every event carries its data.
            properties["data"]!["type"] = "object";
            schema.Insert(0, "title", type);
            definitions[type] = schema;
            oneOf.Add(new JsonObject { ["$ref"] = "#/$defs/" + type });
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = "Gateway channel events",
            ["description"] = "The body of every outbound webhook delivery: { type, version, id, occurredAt, data }. Deliveries carry "
                + "webhook-id (the event's id), webhook-timestamp and webhook-signature (Standard Webhooks, v1 HMAC-SHA256); see docs/webhooks.md.",
            ["oneOf"] = oneOf,
            ["$defs"] = definitions,
        };
    }

    /// <summary>The committed file's text: indented, one trailing newline.</summary>
    public static string Text() => Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
}
