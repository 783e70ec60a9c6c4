using System.Runtime.CompilerServices;

namespace ProtocolEngine.Tests.Support;

/// <summary>Rule-cache folders of this test run, so tests never use (or fill) the user's cache.</summary>
internal static class TestCache
{
    /// <summary>Points every in-process run's rule cache at a folder of this test run.</summary>
    [ModuleInitializer]
    internal static void UsePrivateCache() =>
        Environment.SetEnvironmentVariable("PROTOCOL_ENGINE_CACHE", NewDirectory());

    /// <summary>A fresh cache folder private to one test.</summary>
    public static string NewDirectory() => Path.Combine(Path.GetTempPath(), "pe-tests-cache", Guid.NewGuid().ToString("N"));
}
