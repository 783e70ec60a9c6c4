using System.Text.Json;

namespace ProtocolEngine.Engine.Participants;

/// <summary>
/// JSON may write half of a UTF-16 character as an escape (<c>"\ud800"</c>); System.Text.Json parses it but throws
/// <see cref="InvalidOperationException"/> when the string or property name is read (found by fuzzing the participant
/// data reader). Data files are checked for such strings before anything reads them, so the refusal names the place.
/// </summary>
public static class JsonStrings
{
    /// <summary>Where the first string or property name that is not valid text is (<c>$.metastases[0].level</c>), or null when all are.</summary>
    public static string? FirstInvalid(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Valid(() => element.GetString()) ? null : path;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    if (FirstInvalid(item, $"{path}[{i++}]") is { } inItem)
                        return inItem;
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Valid(() => property.Name))
                        return $"{path} (a name)";
                    if (FirstInvalid(property.Value, $"{path}.{property.Name}") is { } inValue)
                        return inValue;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>The message for a string at <see cref="FirstInvalid"/>.</summary>
    public const string Problem = "holds a \\u escape of half a character (an unpaired UTF-16 surrogate, \\ud800-\\udfff); write the character itself, or both halves of its escape";

    private static bool Valid(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
