using ProtocolEngine.Tests.Support;
using System.Text.Json;

namespace ProtocolEngine.Tests.Cli;

public class ScreenCommandTests
{
    private static string Participant(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pe-participant-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static readonly string Eligible = Path.Combine(RepoPaths.Root, "protocols", "chictr1900023401", "participants", "eligible.json");

    [Fact]
    public void Json_output_has_status_and_every_criterion()
    {
        var (code, output, _) = CliRun.Of("screen", "--participant", Eligible, "--protocol", RepoPaths.SeedProtocol, "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("eligible", doc.RootElement.GetProperty("status").GetString());
        var criteria = doc.RootElement.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(14, criteria.Count); // IC1-IC8, EC1-EC6
        var ec1 = criteria.Single(c => c.GetProperty("id").GetString() == "EC1");
        Assert.Equal("exclusion", ec1.GetProperty("kind").GetString());
        Assert.Equal("not-met", ec1.GetProperty("verdict").GetString());
        Assert.Equal(0, ec1.GetProperty("missing").GetArrayLength());
    }

    [Fact]
    public void Missing_data_names_the_variables_and_the_status_is_incomplete()
    {
        var data = JsonDocument.Parse(File.ReadAllText(Eligible)).RootElement.EnumerateObject()
            .Where(p => p.Name is not ("age" or "metastases"))
            .ToDictionary(p => p.Name, p => p.Value);
        var (code, output, _) = CliRun.Of("screen", "--participant", Participant(JsonSerializer.Serialize(data)), "--protocol", RepoPaths.SeedProtocol, "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("incomplete", doc.RootElement.GetProperty("status").GetString());
        var criteria = doc.RootElement.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal("unknown", criteria["IC1"].GetProperty("verdict").GetString());
        Assert.Equal(["age"], criteria["IC1"].GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["metastases"], criteria["IC2"].GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Text_output_is_a_table_with_the_excluding_criteria()
    {
        var text = File.ReadAllText(Eligible).Replace("\"age\": 55", "\"age\": 81");
        var (code, output, _) = CliRun.Of("screen", "--participant", Participant(text), "--protocol", RepoPaths.SeedProtocol);
        Assert.Equal(0, code);
        Assert.Matches(@"IC1\s+inclusion\s+not-met\s+excludes \(inclusion not met\)", output);
        Assert.Contains("status: ineligible (excluded by IC1)", output);
    }

    [Fact]
    public void Bad_participant_data_is_refused_with_every_field_named()
    {
        var path = Participant("""{"agee": 3, "ecog": "1", "sex": "femal", "systolic_bp": 400, "screening_date": "2021-13-01", "metastases": [{"level": "T13", "sectorz": [1]}]}""");
        var (code, _, err) = CliRun.Of("screen", "--participant", path, "--protocol", RepoPaths.SeedProtocol);
        Assert.Equal(2, code);
        Assert.Contains("$.agee: unknown variable 'agee'; did you mean 'age'?", err);
        Assert.Contains("$.ecog: 'ecog' must be a whole number", err);
        Assert.Contains("$.sex: 'femal' is not a code of list 'sex'; did you mean 'female'?", err);
        Assert.Contains("$.systolic_bp: 400 is out of range for 'systolic_bp' (50 to 300", err);
        Assert.Contains("$.screening_date: 'screening_date' must be a date", err);
        Assert.Contains("$.metastases[0].level: 'T13' is not a code of list 'vertebral_level'", err);
        Assert.Contains("$.metastases[0].sectorz: unknown field of metastases 'sectorz'; did you mean 'sectors'?", err);
        Assert.Contains("participant data refused (7 problems)", err);
    }
}
