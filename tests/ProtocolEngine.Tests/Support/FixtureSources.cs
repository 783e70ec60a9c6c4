namespace ProtocolEngine.Tests.Support;

/// <summary>C# sources of fixture plugins, each a different way for a plugin to be right or broken.</summary>
internal static class FixtureSources
{
    private const string Usings = "using System; using System.Collections.Generic; using ProtocolEngine.Contracts; using ProtocolEngine.Contracts.Plugins;\n";

    /// <summary>A dose-escalation plugin named <paramref name="pluginName"/>: escalates on 0 DLT, otherwise stays.</summary>
    public static string DoseEscalation(string pluginName, string contractVersionArgument = "ContractInfo.Version", string constructorBody = "") => Usings + $$"""
        [assembly: PluginContractVersion({{contractVersionArgument}})]
        public sealed class Fixture : IDoseEscalationPlugin
        {
            public Fixture() { {{constructorBody}} }
            public string Name => "{{pluginName}}";
            public string Version => "9.8.7";
            public string Description => "fixture";
            public IReadOnlyList<string> Designs => new[] { "zero-dlt-escalates" };
            public DoseDecision Decide(DoseEscalationRequest r)
            {
                var current = r.Doses[r.CurrentLevel - 1];
                return current.Dlt == 0
                    ? new DoseDecision(DoseAction.Escalate, r.CurrentLevel + 1, Array.Empty<int>(), null, "no DLT")
                    : new DoseDecision(DoseAction.Stay, r.CurrentLevel, Array.Empty<int>(), null, "DLT seen");
            }
        }
        """;

    /// <summary>An assembly without the contract-version attribute.</summary>
    public static string WithoutVersionAttribute(string pluginName) =>
        DoseEscalation(pluginName).Replace("[assembly: PluginContractVersion(ContractInfo.Version)]", "", StringComparison.Ordinal);

    /// <summary>An assembly that declares the right version but holds no plugin type.</summary>
    public const string NoPluginType = Usings + """
        [assembly: PluginContractVersion(ContractInfo.Version)]
        public sealed class JustAClass { public int Value => 1; }
        """;
}
