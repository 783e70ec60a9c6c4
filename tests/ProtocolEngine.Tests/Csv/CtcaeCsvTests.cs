using ProtocolEngine.Csv;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Csv;

/// <summary>The CTCAE table the engine embeds is the NCI's CSV read with CsvHelper, term for term.</summary>
public class CtcaeCsvTests
{
    private static string Reference(string name) => Path.Combine(RepoPaths.Root, "host", "ProtocolEngine.Engine", "Reference", name);

    [Fact]
    public void The_embedded_json_is_the_nci_csv_read_with_csvhelper()
    {
        using var csv = new StreamReader(Reference("ctcae-v5.0.csv"));
        var json = CtcaeCsv.Json(CtcaeCsv.Read(csv));
        // PROTOCOL_ENGINE_UPDATE_REFERENCE=1 writes the derived file after a change of the CSV.
        if (Environment.GetEnvironmentVariable("PROTOCOL_ENGINE_UPDATE_REFERENCE") == "1")
            File.WriteAllText(Reference("ctcae-v5.0.json"), json);
        Assert.Equal(json, File.ReadAllText(Reference("ctcae-v5.0.json")));
    }

    [Fact]
    public void Quoted_fields_with_commas_and_missing_grades_are_read()
    {
        using var csv = new StreamReader(Reference("ctcae-v5.0.csv"));
        var terms = CtcaeCsv.Read(csv);
        var other = Assert.Single(terms, t => t.Term == "Blood and lymphatic system disorders - Other, specify");
        Assert.Equal((10005329L, "Blood and lymphatic system disorders"), (other.MeddraCode, other.Soc));
        Assert.Equal([1, 2, 3, 4, 5], other.ExistingGrades);
        Assert.Contains(terms, t => t.Term == "Anemia" && t.Grades[4] == "Death");
        Assert.Equal(terms.Count, CtcaeCatalog.Default.Count);
        Assert.Contains(terms, t => !t.HasGrade(5));
    }
}
