using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Plugins.Ctv.Isrc;

namespace ProtocolEngine.Plugins.Ctv;

/// <summary>
/// The host's CTV selection: <c>isrc-consensus</c> applies the protocol's ISRC table (Cox et al. 2012) to the
/// GTV-involved sectors, where within the vertebral body the GTV lies and epidural involvement;
/// <c>whole-vertebra</c> takes all six sectors. The table is the protocol's data; this plugin only applies it.
/// </summary>
public sealed class CtvPlugin : ICtvSelectionPlugin
{
    public const string IsrcConsensus = "isrc-consensus", WholeVertebra = "whole-vertebra";

    public string Name => "Ctv";
    public string Version => "1.0.0";
    public string Description => "CTV sectors of a vertebral lesion: the ISRC consensus table of the protocol (isrc-consensus) or the whole vertebra (whole-vertebra).";
    public IReadOnlyList<string> Policies => [IsrcConsensus, WholeVertebra];

    public CtvSelection Select(CtvSelectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var involved = Sectors.Involved(request.InvolvedSectors);
        return request.Policy switch
        {
            IsrcConsensus => TableSelector.Select(request.Table
                ?? throw new ArgumentException("Table: the isrc-consensus policy needs the protocol's ISRC table; name it under the arm's ctv.table."), involved, request),
            WholeVertebra => new CtvSelection(Sectors.All, [], null,
                $"Whole vertebra: GTV in sector(s) {Sectors.Text(involved)}; the CTV is all six sectors, which encircle the cord.{Sectors.EpiduralText(request.Epidural)}")
            {
                Circumferential = true, Epidural = request.Epidural, PtvMarginCm = request.PtvMarginCm,
            },
            _ => throw new ArgumentException($"Policy: '{request.Policy}' is unknown; this plugin knows {string.Join(", ", Policies)}."),
        };
    }
}
