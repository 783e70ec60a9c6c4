using ProtocolEngine.Engine.Workspace;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace ProtocolEngine.Tui.Screens;

/// <summary>Randomize: the eligibility summary and strata to confirm (y), then the allocation, revealed once.</summary>
public sealed class RandomizeScreen : Screen
{
    private readonly string _id;
    private readonly PlainLabel _body;
    private RandomizationPreview _preview;
    private AllocationResult? _allocation;

    public RandomizeScreen(Shell shell, string participantId) : base(shell)
    {
        _id = participantId;
        _preview = shell.Trial.PreviewRandomization(participantId);
        _body = new PlainLabel { X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Fill(), Text = "" };
        Add(_body);
        Render();
    }

    public override string ScreenName => $"randomize {_id}";

    public override IReadOnlyList<KeyHelp> Keys => [new("y", "randomize now (once; it cannot be undone)"), new("Esc / n", "back to the participant without randomizing")];

    private void Render()
    {
        var strata = _preview.Strata.Count == 0 ? "  (none)" : string.Join("\n", _preview.Strata.Select(s => $"  {s.Key} = {s.Value}"));
        var head = $"Randomize {_id}\n\nEligibility: {_preview.Status} ({_preview.CriteriaMet} of {_preview.CriteriaTotal} criteria satisfied)\nStrata:\n{strata}\n\n";
        _body.Text = _allocation is { } a
            ? head + $"Allocated: {a.ArmName} ({a.ArmId})\nStratum {a.Stratum}, list position {a.Position}, on {a.RandomizedOn:yyyy-MM-dd} by {a.RandomizedBy}.\n\nEsc: back to the participant."
            : _preview.Blocked is { } why ? head + $"Cannot randomize: {why}\n\nEsc: back."
            : head + "y: randomize now (the allocation is revealed once and cannot be undone)\nn or Esc: cancel";
        SetNeedsDraw();
    }

    public override bool OnScreenKey(Key key)
    {
        if (key == Key.Esc || key == Key.N) { Shell.OpenParticipant(_id); return true; }
        if (key == Key.Y && _allocation is null && _preview.Blocked is null)
        {
            Shell.Try(() =>
            {
                _allocation = Shell.Trial.Randomize(_id);
                Shell.Say($"{_id} randomized to {_allocation.ArmName}.");
            });
            _preview = _allocation is null ? Shell.Trial.PreviewRandomization(_id) : _preview;
            Render();
            return true;
        }
        return false;
    }
}
