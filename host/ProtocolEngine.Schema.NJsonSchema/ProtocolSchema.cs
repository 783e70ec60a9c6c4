using System.Text.Json;
using System.Text.Json.Serialization;
using NJsonSchema;
using NJsonSchema.Generation;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Schema.NJsonSchema;

/// <summary>
/// The JSON Schema of the protocol format, generated from the model records so that it cannot
/// drift from what the loader accepts: same key names (snake_case), enum values (kebab-case),
/// required keys, ranges and patterns.
/// </summary>
public static class ProtocolSchema
{
    public const string FileName = "protocol.schema.json";

    public static JsonSchema Generate()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        };
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SerializerOptions = options,
            SchemaType = SchemaType.JsonSchema,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            GenerateEnumMappingDescription = false,
            AllowReferencesWithProperties = false,
        };
        var schema = JsonSchema.FromType<Protocol>(settings);
        schema.Title = "ProtocolEngine protocol";
        return schema;
    }

    public static string ToJson() => Generate().ToJson().ReplaceLineEndings("\n") + "\n";
}
