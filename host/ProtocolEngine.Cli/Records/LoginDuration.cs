using System.Globalization;
using System.Text.RegularExpressions;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Cli.Records;

/// <summary>Parses `login --for`: hours and/or minutes such as 2h, 90m or 1h30m, more than 0 and at most 12 h.</summary>
public static partial class LoginDuration
{
    public static TimeSpan Parse(string? text)
    {
        if (text is null) return LoginService.DefaultDuration;
        var m = Pattern().Match(text.Trim());
        if (!m.Success || (!m.Groups["h"].Success && !m.Groups["m"].Success))
            throw new CliInputException($"--for: '{text}' is not a duration; write hours and/or minutes, e.g. 2h, 90m or 1h30m.");
        var hours = m.Groups["h"].Success ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var duration = TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes);
        if (duration <= TimeSpan.Zero || duration > LoginService.MaximumDuration)
            throw new CliInputException($"--for: '{text}' is outside the allowed range; a login lasts more than 0 and at most {LoginService.MaximumDuration.TotalHours:0}h.");
        return duration;
    }

    [GeneratedRegex(@"^(?:(?<h>\d{1,3})h)?(?:(?<m>\d{1,4})m)?$")]
    private static partial Regex Pattern();
}
