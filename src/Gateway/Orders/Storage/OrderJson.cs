using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Orders.Storage;

/// <summary>How orders, answers and exception entries are written to the store (and hashed for idempotency).</summary>
internal static class OrderJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidDataException($"A stored {typeof(T).Name} is empty.");
}
