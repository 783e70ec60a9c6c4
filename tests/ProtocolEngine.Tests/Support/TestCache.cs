namespace ProtocolEngine.Tests.Support;

/// <summary>Rule-cache folders private to one test, so tests never share compiled rules.</summary>
internal static class TestCache
{
    public static string NewDirectory() => Path.Combine(Path.GetTempPath(), "pe-tests-cache", Guid.NewGuid().ToString("N"));
}
