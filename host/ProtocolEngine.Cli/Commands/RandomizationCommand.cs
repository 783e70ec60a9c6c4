using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Randomization;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`protocol-engine randomization`: the randomization tools: `list`, and `seal` (the allocation secret into the database).</summary>
public static class RandomizationCommand
{
    /// <summary>The command with its subcommands.</summary>
    public static Command Create(CliConsole console, RecordsCliServices services) =>
        new("randomization", "Randomization tools.") { RandomizationListCommand.Create(console, services), Seal(console, services) };

    private static Command Seal(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var blockSizes = new Option<string?>("--block-sizes") { Description = "Block sizes drawn at random, e.g. 2,4 (multiples of the ratio sum); kept sealed, never in protocol.yaml." };
        var blockWeights = new Option<string?>("--block-weights") { Description = "Relative frequencies of the block sizes, e.g. 1,2 (default equal)." };
        var seedEnv = new Option<string?>("--seed-env") { Description = "Environment variable holding a seed to use (at least 16 characters); default: a random 256-bit seed." };
        var command = options.AddTo(new Command("seal", "Enter the allocation secret (seed, block sizes) into the database, sealed for the users who may randomize "
            + "(statisticians and administrators; before the first randomization).") { blockSizes, blockWeights, seedEnv });
        command.SetAction(parse =>
        {
            var sizes = OptionLists.Integers(parse.GetValue(blockSizes), "--block-sizes");
            var weights = OptionLists.Integers(parse.GetValue(blockWeights), "--block-weights");
            string? seed = null;
            if (parse.GetValue(seedEnv) is { } env)
                seed = services.Environment(env) is { Length: > 0 } value ? value : throw new CliInputException($"--seed-env: the environment variable '{env}' is not set.");
            using var open = factory.Open(parse);
            var given = new AllocationSealing(open.Session).Seal(seed, sizes, weights);
            return RecordOutput.Write(console, options.Json(parse), new { @sealed = true, block_sizes_sealed = sizes.Count > 0, users = given },
                () => $"Sealed the allocation secret ({(seed is null ? "a random seed" : "the seed given")}{(sizes.Count > 0 ? " and the block sizes" : "")}) for "
                    + $"{given.Count} users who may randomize: {string.Join(", ", given)}.");
        });
        return command;
    }
}
