using System.CommandLine;
using ProtocolEngine.Cli.Commands;
using ProtocolEngine.Cli.Records;

namespace ProtocolEngine.Cli;

/// <summary>
/// The one top-level handler: builds the command tree, maps failures to exit codes
/// (0 success, 1 internal failure, 2 invalid input) and shows a stack trace only under --debug.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line in-process; tests call this with their own writers.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, RecordsCliServices.Default(error));

    /// <summary>Runs the command line in-process with the given records services (protocol source, evaluator, allocator, environment).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, RecordsCliServices records)
    {
        var console = new CliConsole(output, error);
        var debug = new Option<bool>("--debug") { Description = "Show stack traces of internal failures.", Recursive = true };
        var root = new RootCommand("protocol-engine: run a clinical-trial protocol written as YAML.")
        {
            debug,
            ValidateCommand.Create(console),
            DescribeCommand.Create(console),
            SchemaCommand.Create(console),
            TestCommand.Create(console),
            PluginsCommand.Create(console),
            RandomizationCommand.Create(console, records),
            StatsCommand.Create(console),
            EscalationCommand.Create(console),
            InitCommand.Create(console, records),
            UserCommand.Create(console, records),
            LoginCommand.Create(console, records),
            LogoutCommand.Create(console, records),
            ParticipantCommand.Create(console, records),
            ScreenCommand.Create(console, records),
            RandomizeCommand.Create(console, records),
            FractionCommand.Create(console, records),
            TreatmentCommand.Create(console, records),
            StatusCommand.Create(console, records),
            DiaryCommand.Create(console, records),
            VisitsCommand.Create(console, records),
            AssessCommand.Create(console, records),
            AeCommand.Create(console, records),
            ImagingCommand.Create(console, records),
            WithdrawCommand.Create(console, records),
            AuditCommand.Create(console, records),
            AmendCommand.Create(console, records),
            ExportCommand.Create(console, records),
            DemoCommand.Create(console, records),
            CtvCommand.Create(console),
            DoseCommand.Create(console),
            PlanCommand.Create(console, records),
            EndpointsCommand.Create(console, records),
            ReportCommand.Create(console, records),
            BackupCommand.Create(console, records),
            RestoreCommand.Create(console, records),
            TuiCommand.Create(records),
        };
        CliNumbers.Strict(root);
        // No command: the coordinators' terminal UI on ./protocol.yaml and its database.
        root.SetAction(_ => TuiCommand.Run(records, CommonOptions.DefaultProtocol));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
                console.Error.WriteLine($"error: {OptionName(e)}{e.Message}");
            console.Error.WriteLine("Run `protocol-engine --help` (or `protocol-engine COMMAND --help`) for usage.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            var code = parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
            if (parse.GetValue(debug))
                ReportLoadedAssemblies(console);
            return code;
        }
        catch (Exception ex) when (RefusedInput.Is(ex))
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex)
        {
            console.Error.WriteLine($"internal error: {ex.Message}");
            if (parse.GetValue(debug))
                console.Error.WriteLine(ex.ToString());
            else
                console.Error.WriteLine("Run again with --debug for the stack trace.");
            return ExitCodes.InternalFailure;
        }
    }

    /// <summary>Under --debug: which assemblies the run loaded (a warm start must not load the compiler).</summary>
    private static void ReportLoadedAssemblies(CliConsole console)
    {
        var names = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal);
        console.Error.WriteLine($"debug: assemblies loaded: {string.Join(", ", names)}");
    }

    /// <summary>"--name: " for an error about an option's value, so the message names the field.</summary>
    private static string OptionName(System.CommandLine.Parsing.ParseError error) => error.SymbolResult switch
    {
        System.CommandLine.Parsing.OptionResult o => $"{o.Option.Name}: ",
        System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult o } => $"{o.Option.Name}: ",
        _ => "",
    };
}
