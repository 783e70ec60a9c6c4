using ProtocolEngine.Contracts.Rules;

namespace ProtocolEngine.Engine.Rules;

/// <summary>Loads a compiled rule image into a fresh collectible context and creates its participant prototype.</summary>
internal static class RuleImageLoader
{
    public static (RuleLoadContext Context, RuleParticipant Prototype) Load(ReadOnlyMemory<byte> image, string name)
    {
        var context = new RuleLoadContext(name);
        try
        {
            using var stream = new MemoryStream(image.ToArray(), writable: false);
            var assembly = context.LoadFromStream(stream);
            var type = assembly.GetType(RuleImage.ParticipantType, throwOnError: true)!;
            return (context, (RuleParticipant)Activator.CreateInstance(type)!);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }
}
