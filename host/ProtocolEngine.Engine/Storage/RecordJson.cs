using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ProtocolEngine.Engine.Storage;

/// <summary>The one JSON form of records: stored documents, audit values and exports use it.</summary>
public static class RecordJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>The same options with reflection metadata only: what <see cref="Options"/> must match (tests compare them).</summary>
    internal static JsonSerializerOptions ReflectionOnly { get; } = Create(indented: false, generated: false);

    private static JsonSerializerOptions Create(bool indented, bool generated = true)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        // The protocol model's metadata is generated at build time; every other type is described by reflection.
        o.TypeInfoResolver = generated ? JsonTypeInfoResolver.Combine(ModelJsonContext.Default, new DefaultJsonTypeInfoResolver()) : new DefaultJsonTypeInfoResolver();
        o.MakeReadOnly();
        return o;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
    public static string Serialize(object value, Type type) => JsonSerializer.Serialize(value, type, Options);
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty {typeof(T).Name} document.");

    /// <summary>The same text as <see cref="Serialize{T}(T)"/>, as UTF-8 bytes (what a store keeps).</summary>
    public static byte[] SerializeToUtf8<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Reads what <see cref="SerializeToUtf8{T}(T)"/> wrote.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<T>(utf8, Options) ?? throw new JsonException($"Empty {typeof(T).Name} document.");
}
