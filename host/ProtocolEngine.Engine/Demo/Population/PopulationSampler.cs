using System.Text.Json;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Demo.Population;

/// <summary>
/// Draws a participant's values from a <see cref="DemoPopulation"/>: codes by their weights (then
/// the codes they imply), numbers from their normal distributions within the variable's range, and
/// the lesions' levels moved together into a drawn region (<see cref="LesionLevels"/>).
/// </summary>
internal sealed class PopulationSampler(DemoPopulation population, Protocol protocol)
{
    private readonly Dictionary<string, Variable> _variables = protocol.Variables.ToDictionary(v => v.Id, StringComparer.Ordinal);

    public DemoPopulation Population => population;

    public void Apply(Dictionary<string, JsonElement> values, Random random)
    {
        var implied = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var codes in population.Codes)
        {
            var drawn = Weighted.Pick(codes.Values, c => c.Weight, random);
            values[codes.Variable] = JsonSerializer.SerializeToElement(drawn.Code);
            foreach (var (variable, code) in drawn.Implies) implied[variable] = code;
        }
        foreach (var (variable, code) in implied)
            values[variable] = JsonSerializer.SerializeToElement(code);
        foreach (var n in population.Numbers)
            values[n.Variable] = Number(_variables[n.Variable], n, random);
        if (population.Lesions is { } lesions && values.TryGetValue(lesions.Variable, out var records))
            values[lesions.Variable] = LesionLevels.Redraw(records, lesions, random);
    }

    /// <summary>The levels of the participant's treated lesions (every lesion when none is marked), in their order.</summary>
    public IReadOnlyList<string> TreatedLevels(IReadOnlyDictionary<string, JsonElement> values) =>
        population.Lesions is { } lesions && values.TryGetValue(lesions.Variable, out var records) ? LesionLevels.Treated(records, lesions) : [];

    /// <summary>The baseline pain from the screening values, when the population names its variable and it holds a whole number.</summary>
    public int? BaselinePain(IReadOnlyDictionary<string, JsonElement> values) =>
        population.BaselinePain is { } id && values.TryGetValue(id, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var pain) ? pain : null;

    private static JsonElement Number(Variable v, NumberDistribution n, Random random)
    {
        // Box-Muller: one standard normal draw from two uniform ones.
        var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var x = Math.Clamp(n.Mean + n.Sd * z, v.Min ?? double.MinValue, v.Max ?? double.MaxValue);
        return v.Type == VariableType.Integer ? JsonSerializer.SerializeToElement((long)Math.Round(x)) : JsonSerializer.SerializeToElement(Math.Round(x, 1));
    }
}
