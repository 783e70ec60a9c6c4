using System.Text.RegularExpressions;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Security;

/// <summary>User names: lowercase letters, digits, '.', '-', '_'; 2 to 64 characters.</summary>
public static partial class UserIdRule
{
    [GeneratedRegex("^[a-z][a-z0-9._-]{1,63}$")]
    private static partial Regex Pattern();

    public static void Check(string userId)
    {
        if (!Pattern().IsMatch(userId))
            throw new RecordRejectedException("user", $"'{userId}' is not a valid user name: use 2-64 lowercase letters, digits, '.', '-' or '_', starting with a letter.");
    }
}
