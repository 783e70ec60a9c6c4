using System.CommandLine;
using System.Text.Json;

namespace ProtocolEngine.Cli.Records;

/// <summary>An option whose values are an enum's kebab-case names (radiation-myelopathy, over-half ...).</summary>
public static class EnumOption
{
    public static Option<string> Create<T>(string name, string description, bool required) where T : struct, Enum
    {
        var names = Enum.GetValues<T>().Select(Name).ToArray();
        var option = new Option<string>(name) { Description = $"{description} ({string.Join(", ", names)})", Required = required };
        option.AcceptOnlyFromAmong(names);
        return option;
    }

    public static T Parse<T>(string text) where T : struct, Enum => Enum.GetValues<T>().First(v => Name(v) == text);

    public static T? ParseOptional<T>(string? text) where T : struct, Enum => text is null ? null : Parse<T>(text);

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
