using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;
using ProtocolEngine.Engine.Participants;

namespace ProtocolEngine.Tests.Engine.Participants;

public class ParticipantReaderTests
{
    private static readonly ParticipantReader Reader = new(Edges.Engine.Loader.Load(RepoPaths.SeedProtocol).Document!.Protocol);

    [Fact]
    public void Values_are_typed_and_null_means_missing()
    {
        var read = Reader.Read("""
            {"age": 18, "estimated_survival_months": 3, "informed_consent": true, "screening_date": "2021-06-01",
             "sex": "male", "ecog": null,
             "metastases": [{"level": "T11", "sectors": [1, 6], "painful": true}]}
            """);
        Assert.Empty(read.Errors);
        var v = read.Data!.Values;
        Assert.Equal(18, v["age"]);
        Assert.Equal(3.0, v["estimated_survival_months"]);
        Assert.Equal(true, v["informed_consent"]);
        Assert.Equal(new DateOnly(2021, 6, 1), v["screening_date"]);
        Assert.Equal("male", v["sex"]);
        Assert.False(v.ContainsKey("ecog"));
        var record = Assert.Single((IReadOnlyDictionary<string, object>[])v["metastases"]);
        Assert.Equal(new[] { 1, 6 }, (int[])record["sectors"]);
        Assert.False(record.ContainsKey("epidural_extension"));
    }

    [Theory]
    [InlineData("""{"age": 17.5}""", "$.age", "whole number")]
    [InlineData("""{"age": 121}""", "$.age", "out of range")]
    [InlineData("""{"qtc_ms": 199.9}""", "$.qtc_ms", "out of range")]
    [InlineData("""{"informed_consent": "yes"}""", "$.informed_consent", "true or false")]
    [InlineData("""{"metastases": [{"sectors": [7]}]}""", "$.metastases[0].sectors[0]", "out of range")]
    [InlineData("""{"metastases": {"level": "T1"}}""", "$.metastases", "array of objects")]
    [InlineData("""{"primary_tumour": "lungs"}""", "$.primary_tumour", "did you mean 'lung'?")]
    [InlineData("""[1, 2]""", "$", "JSON object")]
    [InlineData("""{"age": """, "$", "not valid JSON")]
    public void A_bad_value_is_refused_at_its_path(string json, string path, string message)
    {
        var read = Reader.Read(json);
        Assert.Null(read.Data);
        var error = Assert.Single(read.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }
}
