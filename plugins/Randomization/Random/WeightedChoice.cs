namespace ProtocolEngine.Plugins.Randomization.Random;

/// <summary>Draws an index with probability proportional to integer weights, using exact integer arithmetic.</summary>
internal static class WeightedChoice
{
    public static int Pick(Xoshiro256StarStar rng, IReadOnlyList<int> weights)
    {
        var draw = rng.NextBelow(weights.Sum());
        for (var i = 0; i < weights.Count; i++)
        {
            if (draw < weights[i])
                return i;
            draw -= weights[i];
        }
        throw new InvalidOperationException("Weighted choice fell past the last weight; the weights must be positive.");
    }
}
