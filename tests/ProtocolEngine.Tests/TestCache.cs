using System.Runtime.CompilerServices;

namespace ProtocolEngine.Tests;

/// <summary>Points the rule cache of every in-process run at a folder of this test run, not the user's cache.</summary>
internal static class TestCache
{
    [ModuleInitializer]
    internal static void UsePrivateCache() =>
        Environment.SetEnvironmentVariable("PROTOCOL_ENGINE_CACHE", TestPaths.NewCacheDirectory());
}
