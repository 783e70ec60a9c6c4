using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Demo.Population;
using ProtocolEngine.Tests.Support;
using ProtocolEngine.Yaml.Population;

namespace ProtocolEngine.Tests.Records.Demo;

public class DemoPopulationReaderTests
{
    private static readonly ProtocolDocument Seed = Edges.Engine.Loader.Load(RepoPaths.SeedProtocol).Document!;
    private static Protocol Protocol => Seed.Protocol;

    [Fact]
    public void The_seed_protocols_population_is_found_beside_its_scenarios_and_reads_against_it()
    {
        var path = DemoPopulation.DefaultPath(Seed);
        Assert.Equal(Path.Combine(RepoPaths.Root, "protocols", "chictr1900023401", DemoPopulation.FileName), path);
        var population = DemoPopulationReader.Read(path!, Protocol);
        var primaries = population.Codes.Single(c => c.Variable == "primary_tumour");
        Assert.Equal(["breast", "lung", "prostate"], primaries.Values.OrderByDescending(v => v.Weight).Take(3).Select(v => v.Code).Order());
        Assert.Equal("female", primaries.Values.Single(v => v.Code == "breast").Implies["sex"]);
        Assert.NotNull(primaries.Source);
        var lesions = population.Lesions!;
        Assert.Equal(("metastases", "level", "painful"), (lesions.Variable, lesions.Level, lesions.Treated));
        var thoracic = lesions.Regions.Single(r => r.Name == "thoracic");
        Assert.InRange(thoracic.Weight / lesions.Regions.Sum(r => r.Weight), 0.6, 0.7);
        Assert.Equal(("T1", "T12", 12), (lesions.Codes[thoracic.FromIndex], lesions.Codes[thoracic.ToIndex], thoracic.ToIndex - thoracic.FromIndex + 1));
        Assert.Equal("worst_pain_nrs", population.BaselinePain);
        Assert.Equal("age", Assert.Single(population.Numbers).Variable);
    }

    [Fact]
    public void A_protocol_without_a_population_file_has_no_default()
    {
        var copy = new TempProtocol();
        File.Delete(Path.Combine(copy.Root, "protocols", "chictr1900023401", DemoPopulation.FileName));
        Assert.Null(DemoPopulation.DefaultPath(Edges.Engine.Loader.Load(copy.Yaml).Document!));
    }

    [Fact]
    public void Every_problem_is_collected_with_its_place()
    {
        var file = Write("""
            codes:
              - variable: primary_tumour
                values:
                  - {code: lung, weight: 0}
                  - {code: pancreas, weight: 2}
                  - {code: breast, weight: 3, implies: {sex: woman}}
              - variable: age
                values: [{code: x, weight: 1}]
            numbers:
              - {variable: age, mean: 130, sd: 10}
              - {variable: sex, mean: 1, sd: 0}
            lesions:
              variable: metastases
              level: sectors
              regions: []
            """);
        var ex = Assert.Throws<DemoPopulationException>(() => DemoPopulationReader.Read(file, Protocol));
        var found = ex.Diagnostics.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Code} {d.Message}").ToList();
        Assert.Collection(found,
            d => Assert.StartsWith("4:30 PE0105 the weight of lung must be above 0", d),
            d => Assert.StartsWith("5:16 PE0106 'pancreas' is not a code of primary_tumour (code list primary_tumour: lung, breast,", d),
            d => Assert.StartsWith("6:50 PE0106 'woman' is not a code of sex (male, female).", d),
            d => Assert.StartsWith("7:15 PE0104 'age' (codes) is of type integer in the protocol; codes needs single codes.", d),
            d => Assert.StartsWith("10:27 PE0105 the mean 130 of age is outside its range 0-120 in the protocol.", d),
            d => Assert.StartsWith("11:16 PE0104 'sex' (numbers) is of type code in the protocol; numbers needs an integer or a number.", d),
            d => Assert.StartsWith("11:34 PE0105 the sd of sex must be above 0", d),
            d => Assert.StartsWith("14:10 PE0104 'sectors' (level) is of type integer (many) in metastases; level needs a code field.", d));
        Assert.Contains("invalid demo population (8 errors)", ex.Message);
    }

    [Fact]
    public void A_yaml_syntax_error_and_a_missing_file_are_refused_with_their_place()
    {
        var broken = Write("codes:\n  - variable: primary_tumour\n    values: [{code: lung, weight: 1}\n");
        var syntax = Assert.Single(Assert.Throws<DemoPopulationException>(() => DemoPopulationReader.Read(broken, Protocol)).Diagnostics);
        Assert.Equal(("PE0101", broken), (syntax.Code, syntax.Location.File));
        Assert.StartsWith("YAML syntax:", syntax.Message);
        var missing = Path.Combine(Path.GetTempPath(), "no-such-population.yaml");
        var none = Assert.Single(Assert.Throws<DemoPopulationException>(() => DemoPopulationReader.Read(missing, Protocol)).Diagnostics);
        Assert.Equal(("PE0100", 1, 1), (none.Code, none.Location.Line, none.Location.Column));
        Assert.Contains("does not exist; check --population", none.Message);
    }

    private static string Write(string yaml)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("pe-population-").FullName, "population.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }
}
