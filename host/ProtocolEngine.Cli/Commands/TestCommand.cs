using System.CommandLine;
using ProtocolEngine.Engine.Scenarios;

namespace ProtocolEngine.Cli.Commands;

/// <summary><c>protocol-engine test [PATH]</c>: runs the protocol's scenarios; exit 0 all pass, 1 any fails, 2 invalid input.</summary>
public static class TestCommand
{
    public static Command Create(CliConsole console)
    {
        var path = CommonOptions.ProtocolArgument();
        var command = new Command("test", "Run the protocol's scenarios (participant data with expected verdicts) and report pass or fail. Exit 0 all pass, 1 any fails.") { path };
        command.SetAction(parse =>
        {
            var file = CommonOptions.ResolveProtocol(parse.GetValue(path));
            using var opened = ProtocolOpening.OpenOrRefuse(console, file);
            var files = ScenarioRunner.FilesOf(opened.Load.Document!);
            if (files.Count == 0)
                throw new CliInputException($"{file}: no scenario files (*.json) in '{opened.Load.Document!.Protocol.Scenarios ?? "scenarios"}'.");

            var runner = new ScenarioRunner(Edges.Screener(opened.Rules!), opened.Load.Document!.Protocol);
            int passed = 0, failed = 0;
            foreach (var scenarioFile in files)
            {
                IReadOnlyList<ScenarioCase> cases;
                try { cases = ScenarioFile.Read(scenarioFile); }
                catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or InvalidOperationException)
                {
                    throw new CliInputException($"{scenarioFile}: {ex.Message}");
                }
                console.Out.WriteLine(Path.GetFileName(scenarioFile));
                foreach (var scenario in cases)
                {
                    var outcome = runner.Run(scenario);
                    console.Out.WriteLine($"  {(outcome.Passed ? "PASS" : "FAIL")}  {scenario.Name}");
                    foreach (var f in outcome.Failures)
                        console.Out.WriteLine($"          {f}");
                    if (outcome.Passed) passed++; else failed++;
                }
            }
            console.Out.WriteLine();
            console.Out.WriteLine($"{passed + failed} scenarios: {passed} passed, {failed} failed.");
            return failed == 0 ? ExitCodes.Success : ExitCodes.ScenariosFailed;
        });
        return command;
    }
}
