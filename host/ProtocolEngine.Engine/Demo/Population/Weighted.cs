namespace ProtocolEngine.Engine.Demo.Population;

/// <summary>Draws one item with probability proportional to its weight.</summary>
internal static class Weighted
{
    public static T Pick<T>(IReadOnlyList<T> items, Func<T, double> weight, Random random)
    {
        var total = items.Sum(weight);
        var x = random.NextDouble() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0) return item;
        }
        return items[^1];
    }
}
