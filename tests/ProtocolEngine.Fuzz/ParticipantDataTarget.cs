using System.Text;
using ProtocolEngine.Cli;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Fuzz;

/// <summary>
/// The participant data reader, against the seed protocol's variables, both ways the program reads such a file:
/// <c>screen --participant FILE.json</c> (the text as <c>File.ReadAllText</c> gives it, through
/// <see cref="ParticipantReader"/>) and <c>screen --participant ID --data FILE.json</c> (<see cref="ScreeningFile"/>, the
/// attestations, the agreement with a registration, and <see cref="ScreeningDataReader"/>, for a participant registered
/// with a birth date and one with a birth year only). Failure: any exception other than the refusals the command line
/// turns into exit 2 (<see cref="RefusedInput"/>); a refusal that names no field; a read that gives neither data nor an error.
/// The rules themselves are not run (they run in the rule worker, issue 11 point 1).
/// </summary>
public sealed class ParticipantDataTarget : IFuzzTarget
{
    private static readonly DateOnly ScreenedOn = new(2026, 11, 23);
    private readonly Protocol _protocol;
    private readonly ParticipantReader _reader;
    private readonly string _file;
    private readonly Participant[] _registered =
    [
        new() { Id = "mianyang-001", SiteId = "mianyang", Initials = "ZL", BirthYear = 1962, BirthDate = new DateOnly(1962, 3, 14), Sex = Sex.Female, RegisteredOn = ScreenedOn },
        new() { Id = "mianyang-002", SiteId = "mianyang", Initials = "WH", BirthYear = 1955, Sex = Sex.Male, RegisteredOn = ScreenedOn },
    ];

    /// <summary>Loads the seed protocol once (it must load without error).</summary>
    public ParticipantDataTarget()
    {
        var loaded = Edges.Engine.Loader.Load(SeedTrial.ProtocolFile);
        _protocol = loaded.Document?.Protocol ?? throw new InvalidOperationException($"the seed protocol {SeedTrial.ProtocolFile} does not load: {string.Join("; ", loaded.Diagnostics)}");
        _reader = new ParticipantReader(_protocol);
        _file = Path.Combine(SeedTrial.NewWorkFolder(Name), "participant.json");
    }

    /// <inheritdoc />
    public string Name => "participant";

    /// <inheritdoc />
    public void Run(byte[] input)
    {
        // As File.ReadAllText reads the file `screen --participant FILE.json` names.
        var text = new StreamReader(new MemoryStream(input), Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadToEnd();
        var read = _reader.Read(text);
        if ((read.Data is null) != (read.Errors.Count > 0))
            throw new FuzzFailure($"the reader gave {(read.Data is null ? "no data" : "data")} and {read.Errors.Count} errors");
        foreach (var e in read.Errors)
            if (!e.Path.StartsWith('$') || string.IsNullOrWhiteSpace(e.Message))
                throw new FuzzFailure($"an error without its place or message: '{e}'");

        File.WriteAllBytes(_file, input);
        ScreeningFile file;
        try { file = ScreeningFile.Read(_file); }
        catch (Exception ex) when (Refused(ex)) { return; }
        foreach (var participant in _registered)
        {
            try
            {
                Attestations.Check(_protocol, file.Criteria);
                var values = RegistrationAgreement.Apply(_protocol, participant, ScreenedOn, file.Variables);
                ScreeningDataReader.Read(_protocol, values);
            }
            catch (Exception ex) when (Refused(ex)) { }
        }
    }

    /// <summary>True for the refusals the command line prints with exit 2; a refusal must name its field.</summary>
    private static bool Refused(Exception ex)
    {
        if (!RefusedInput.Is(ex)) return false;
        if (ex is RecordRejectedException { Field: var field } && string.IsNullOrWhiteSpace(field))
            throw new FuzzFailure($"a refusal that names no field: {ex.Message}");
        if (string.IsNullOrWhiteSpace(ex.Message))
            throw new FuzzFailure("a refusal without a message");
        return true;
    }
}
