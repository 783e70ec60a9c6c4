using System.Reflection;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests;

/// <summary>The README's format reference and set-up commands must not drift from the code.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [Fact]
    public void Names_every_key_of_the_format()
    {
        var missing = new List<string>();
        var seen = new HashSet<Type>();
        void Visit(Type type)
        {
            if (!seen.Add(type)) return;
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var key = Naming.Key(p.Name);
                if (!Readme.Contains($"`{key}`", StringComparison.Ordinal)) missing.Add($"{type.Name}.{key}");
                foreach (var t in Unwrap(p.PropertyType).Where(t => t.Namespace == typeof(Protocol).Namespace && t.IsClass))
                    Visit(t);
            }
        }
        Visit(typeof(Protocol));
        Assert.Empty(missing);
    }

    [Fact]
    public void Explains_every_diagnostic_code()
    {
        var codes = typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        var missing = codes.Where(c => !Readme.Contains(c, StringComparison.Ordinal) && !CoveredByRange(c)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Gives_the_two_set_up_commands()
    {
        Assert.Contains("dotnet run --project host/ProtocolEngine.Cli", Readme);
        Assert.Contains("dotnet test", Readme);
        Assert.Contains("dotnet test", File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")));
    }

    private static bool CoveredByRange(string code) =>
        string.CompareOrdinal(code, "PE0202") >= 0 && string.CompareOrdinal(code, "PE0207") <= 0 && Readme.Contains("PE0202-PE0207", StringComparison.Ordinal);

    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        foreach (var arg in type.IsGenericType ? type.GetGenericArguments() : [])
            foreach (var inner in Unwrap(arg))
                yield return inner;
    }
}
