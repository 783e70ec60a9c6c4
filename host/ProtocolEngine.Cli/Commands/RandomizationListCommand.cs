using System.CommandLine;
using System.Text.Json;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Plugins;
using ProtocolEngine.Engine.Randomization;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// `protocol-engine randomization list`: the full allocation list of each stratum, for the statistician's export.
/// Settings come from the protocol (./protocol.yaml or --protocol), or, for planning without one, entirely from
/// the explicit options --method, --arms, --ratio, --block-sizes and --block-weights. Without --seed, the list is the
/// trial's own: the seed and block sizes sealed in its database (`randomization seal`), opened by a statistician's keys.
/// </summary>
public static class RandomizationListCommand
{
    private static readonly Dictionary<string, string> OptionOfField = new()
    {
        ["method"] = "--method", ["arms"] = "--arms/--ratio", ["block_sizes"] = "--block-sizes",
        ["block_size_weights"] = "--block-weights", ["strata"] = "--strata",
    };

    public static Command Create(CliConsole console, Records.RecordsCliServices services)
    {
        var count = new Option<int>("--count") { Description = "Participants per stratum (a block method completes the last block).", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "A seed to plan with (0 to 18446744073709551615); without it, the trial's sealed secret from its database." };
        var records = new Records.RecordOptions();
        var factory = new Records.SessionFactory(console, services, records);
        var strata = new Option<string[]>("--strata") { Description = "Strata as factor=level,level items, e.g. --strata site=a,b ecog=0,1.", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var method = new Option<string>("--method") { Description = "permuted-blocks or simple.", DefaultValueFactory = _ => "permuted-blocks" };
        var arms = new Option<string>("--arms") { Description = "Arm ids in order, e.g. study,control.", DefaultValueFactory = _ => "A,B" };
        var ratio = new Option<string?>("--ratio") { Description = "Allocation ratio in arm order, e.g. 2:1 (default 1 for every arm)." };
        var blockSizes = new Option<string?>("--block-sizes") { Description = "Block sizes drawn at random, e.g. 2,4,6 (multiples of the ratio sum)." };
        var blockWeights = new Option<string?>("--block-weights") { Description = "Relative frequencies of the block sizes, e.g. 1,2,1 (default equal)." };
        var plugin = new Option<string?>("--plugin") { Description = "The randomization plugin (default: the protocol's, or Randomization)." };
        var protocol = records.Protocol;
        Option[] explicitOnly = [method, arms, ratio, blockSizes, blockWeights];

        var command = new Command("list", "Generate the allocation list of each stratum (CSV: sequence, stratum, block id, block size, arm).")
        {
            count, seed, strata, format, method, arms, ratio, blockSizes, blockWeights, plugin, protocol, records.Db, records.KeyFile,
        };
        command.SetAction(parse =>
        {
            var given = explicitOnly.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
            var protocolGiven = parse.GetResult(protocol) is { Implicit: false };
            var seedGiven = parse.GetResult(seed) is { Implicit: false };
            if (!seedGiven && given.Count > 0)
                throw new CliInputException($"{string.Join(", ", given)}: without --seed the list is the trial's sealed one, whose settings come from its protocol and database; "
                    + "drop them, or give --seed to plan.");
            // With a protocol that states only the method, a planner gives the block sizes (nothing else) beside it.
            var sizesOnly = protocolGiven && given.Count > 0 && given.All(n => n is "--block-sizes" or "--block-weights");
            var (settings, pluginName, strataLevels) = !seedGiven
                ? FromDatabase(console, parse, factory, strata, plugin)
                : given.Count == 0 || sizesOnly
                ? FromProtocol(console, parse, CommonOptions.ResolveProtocol(parse.GetValue(protocol)), seed, strata, plugin, blockSizes, blockWeights)
                : protocolGiven
                    ? throw new CliInputException($"{string.Join(", ", given)}: these come from the protocol when --protocol is given; drop them, or drop --protocol to plan without a protocol.")
                    : FromOptions(parse, seed, strata, method, arms, ratio, blockSizes, blockWeights, plugin);
            if (settings.Method == "minimization")
                throw new CliInputException("--method: minimization allocates from the factors of the participants randomized before, so it has no list in advance; use permuted-blocks or simple.");
            var list = Generate(settings, pluginName, strataLevels, parse.GetValue(count));
            if (parse.GetValue(format) == "json")
                console.Out.WriteLine(JsonSerializer.Serialize(list.Select(e => new { e.Sequence, e.Stratum, e.BlockId, e.BlockSize, Arm = e.ArmId }), CliJson.Options));
            else
                ProtocolEngine.Csv.AllocationListCsv.Write(console.Out, list);
            return ExitCodes.Success;
        });
        return command;
    }

    private static (RandomizationSettings, string Plugin, IReadOnlyList<IReadOnlyDictionary<string, string>> Strata) FromProtocol(
        CliConsole console, ParseResult parse, string file, Option<ulong> seed, Option<string[]> strata, Option<string?> plugin,
        Option<string?> blockSizes, Option<string?> blockWeights)
    {
        using var opened = ProtocolOpening.OpenOrRefuse(console, file);
        var p = opened.Load.Document!.Protocol;
        if (p.Randomization is not { } plan)
            throw new CliInputException($"{file}: the protocol has no randomization section, so it has no allocation list.");
        var sizes = OptionLists.Integers(parse.GetValue(blockSizes), "--block-sizes");
        if (sizes.Count > 0 && plan.BlockSizes.Count > 0)
            throw new CliInputException($"--block-sizes: {file} states its block sizes; drop --block-sizes (or --protocol, to plan without the protocol).");
        if (plan.Method == "permuted-blocks" && plan.BlockSizes.Count == 0 && sizes.Count == 0)
            throw new CliInputException($"{file}: the protocol states only the method; its block sizes are sealed in the trial's database. A statistician lists the trial's "
                + "allocations with `randomization list --count N` (no --seed); to plan with the protocol, give --seed and --block-sizes (e.g. 2,4).");
        if (sizes.Count > 0)
            plan = plan with { BlockSizes = [.. sizes], BlockSizeWeights = [.. OptionLists.Integers(parse.GetValue(blockWeights), "--block-weights")] };
        var settings = RandomizationSettingsFactory.FromPlan(plan, p.Arms, parse.GetValue(seed));
        // Levels given on the command line win; the others come from the protocol (sites, code lists, ...).
        var overrides = OptionLists.Strata(parse.GetValue(strata) ?? []).ToDictionary(s => s.Factor, s => s.Levels);
        foreach (var factor in overrides.Keys.Where(f => !plan.Strata.Contains(f)))
            throw new CliInputException($"--strata: '{factor}' is not a stratum of {file}; its strata are: {string.Join(", ", plan.Strata)}.");
        var factors = plan.Strata.Select(f =>
        {
            try { return (f, overrides.TryGetValue(f, out var levels) ? levels : StratumLevels.Of(p, f)); }
            catch (ArgumentException ex) { throw new CliInputException(ex.Message); }
        });
        return (settings, parse.GetValue(plugin) ?? plan.Plugin, OptionLists.Combinations(factors));
    }

    /// <summary>The trial's own list: the protocol's plan with the sealed seed and block sizes, opened by a user who may see the list.</summary>
    private static (RandomizationSettings, string Plugin, IReadOnlyList<IReadOnlyDictionary<string, string>> Strata) FromDatabase(
        CliConsole console, ParseResult parse, Records.SessionFactory factory, Option<string[]> strata, Option<string?> plugin)
    {
        using var open = factory.Open(parse, readOnly: true);
        ProtocolEngine.Engine.Security.RolePolicy.Demand(open.Session.User, ProtocolEngine.Engine.Security.Permission.ViewRandomizationList);
        var secret = SealedAllocation.Open(open.Session);
        var p = SealedAllocation.Apply(open.Session.Protocol, secret);
        if (p.Randomization is not { } plan)
            throw new CliInputException("the protocol has no randomization section, so it has no allocation list.");
        var settings = RandomizationSettingsFactory.FromPlan(plan, p.Arms, PluginAllocator.SeedOf(secret.Seed));
        var overrides = OptionLists.Strata(parse.GetValue(strata) ?? []).ToDictionary(s => s.Factor, s => s.Levels);
        foreach (var factor in overrides.Keys.Where(f => !plan.Strata.Contains(f)))
            throw new CliInputException($"--strata: '{factor}' is not a stratum of the protocol; its strata are: {string.Join(", ", plan.Strata)}.");
        var factors = plan.Strata.Select(f =>
        {
            try { return (f, overrides.TryGetValue(f, out var levels) ? levels : StratumLevels.Of(p, f)); }
            catch (ArgumentException ex) { throw new CliInputException(ex.Message); }
        });
        return (settings, parse.GetValue(plugin) ?? plan.Plugin, OptionLists.Combinations(factors));
    }

    private static (RandomizationSettings, string Plugin, IReadOnlyList<IReadOnlyDictionary<string, string>> Strata) FromOptions(
        ParseResult parse, Option<ulong> seed, Option<string[]> strata, Option<string> method, Option<string> arms,
        Option<string?> ratio, Option<string?> blockSizes, Option<string?> blockWeights, Option<string?> plugin)
    {
        var armIds = OptionLists.Names(parse.GetValue(arms), "--arms");
        var ratios = OptionLists.Integers(parse.GetValue(ratio), "--ratio", ':');
        if (ratios.Count > 0 && ratios.Count != armIds.Count)
            throw new CliInputException($"--ratio: {ratios.Count} numbers for {armIds.Count} arms ({string.Join(", ", armIds)}); give one per arm, e.g. {string.Join(":", armIds.Select(_ => 1))}.");
        var factors = OptionLists.Strata(parse.GetValue(strata) ?? []);
        var settings = new RandomizationSettings
        {
            Method = parse.GetValue(method)!,
            Seed = parse.GetValue(seed),
            Arms = armIds.Select((id, i) => new ArmRatio(id, ratios.Count > 0 ? ratios[i] : 1)).ToList(),
            BlockSizes = OptionLists.Integers(parse.GetValue(blockSizes), "--block-sizes"),
            BlockSizeWeights = OptionLists.Integers(parse.GetValue(blockWeights), "--block-weights"),
            Strata = factors.Select(f => f.Factor).ToList(),
        };
        return (settings, parse.GetValue(plugin) ?? "Randomization", OptionLists.Combinations(factors));
    }

    private static IReadOnlyList<AllocationListEntry> Generate(RandomizationSettings settings, string pluginName, IReadOnlyList<IReadOnlyDictionary<string, string>> strata, int count)
    {
        using var catalog = Edges.Engine.Plugins.Load(PluginFolders.ForProtocol(null));
        var randomizer = catalog.Find<IRandomizationPlugin>(pluginName)
            ?? throw new CliInputException($"--plugin: no randomization plugin '{pluginName}'; available: {Available(catalog)}."
                + (catalog.Failures.Count > 0 ? $" {catalog.Failures.Count} plugin(s) failed to load; run `protocol-engine plugins` for the reasons." : ""));
        var issues = randomizer.Validate(settings);
        if (issues.Count > 0)
            throw new CliInputException("the randomization settings are invalid:\n" + string.Join("\n", issues.Select(i => $"  {i.Field} ({OptionOfField.GetValueOrDefault(i.Field, i.Field)}): {i.Message}")));
        try
        {
            return randomizer.GenerateList(settings, strata, count);
        }
        catch (ArgumentException ex)
        {
            throw new CliInputException(ex.Message);
        }
    }

    private static string Available(PluginCatalog catalog) =>
        catalog.NamesFor(PluginFamily.Randomization) is { Count: > 0 } names ? string.Join(", ", names) : "none";
}
