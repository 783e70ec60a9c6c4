using ProtocolEngine.Engine.Demo.Population;

namespace ProtocolEngine.Engine.Demo;

/// <summary>What shapes a demo trial besides the protocol: the seed, templates, population, response rates and a progress callback.</summary>
public sealed record DemoOptions
{
    /// <summary>Seed of every random draw: the same seed gives the same trial.</summary>
    public int Seed { get; init; }

    /// <summary>The protocol's eligible scenarios, the starting points of eligible participants.</summary>
    public DemoTemplates Templates { get; init; } = DemoTemplates.None;

    /// <summary>The texts of the protocol's rule scripts (part of the protocol version every record is made under).</summary>
    public IReadOnlyDictionary<string, string>? Scripts { get; init; }

    /// <summary>Who the participants are; null: values drawn evenly within each variable's type and range.</summary>
    public DemoPopulation? Population { get; init; }

    /// <summary>Pain response probabilities per arm role; null: the protocol's assumed rates, else <see cref="DemoResponseRates.Fallback"/>.</summary>
    public DemoResponseRates? ResponseRates { get; init; }

    /// <summary>How many of the protocol's sites enrol, the first ones listed (null: all of them). Each enrols about one participant a week.</summary>
    public int? Sites { get; init; }

    /// <summary>Told each simulated day as the demo works through the trial.</summary>
    public IProgress<DemoProgress>? Progress { get; init; }
}
