using System.Collections.ObjectModel;
using ProtocolEngine.Engine.Workspace;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ProtocolEngine.Tui.Screens;

/// <summary>
/// The screening form, generated from the protocol's variables: the fields on the left (✓ valid, ! refused), the
/// criteria's verdicts on the right, updated as each character is typed; below, the chosen field with what to type
/// and why a value is refused. Up/Down (or Enter) move between fields; Ctrl+S stores the screening.
/// </summary>
public sealed class ScreeningScreen : Screen
{
    private readonly string _id;
    private readonly ScreeningForm _form;
    private readonly Dictionary<string, string> _values;
    private readonly ListView _fields;
    private readonly ObservableCollection<string> _rows;
    private readonly PlainLabel _status;
    private readonly PlainLabel _criteria;
    private readonly PlainLabel _fieldLabel;
    private readonly TextField _input;
    private readonly PlainLabel _hint;
    private readonly PlainLabel _fieldMessage;
    private ScreeningCheck? _check;
    private int _index;
    private bool _dirty;
    private bool _loading;

    public ScreeningScreen(Shell shell, string participantId) : base(shell)
    {
        _id = participantId;
        _form = shell.Trial.ScreeningForm(participantId);
        _values = new Dictionary<string, string>(_form.Values, StringComparer.Ordinal);
        _status = new PlainLabel { X = 0, Y = 0, Width = Dim.Fill(), Text = "" };
        _rows = [.. _form.Fields.Select(_ => "")];
        _fields = new ListView { X = 0, Y = 1, Width = Dim.Percent(58), Height = Dim.Fill(4), CanFocus = false };
        _fields.SetSource(_rows);
        _criteria = new PlainLabel { X = Pos.Right(_fields) + 1, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(4), Text = "" };
        _fieldLabel = new PlainLabel { X = 0, Y = Pos.AnchorEnd(4), Width = Dim.Fill(), Text = "" };
        Add(new PlainLabel { X = 0, Y = Pos.AnchorEnd(3), Text = "Value:" });
        _input = new TextField { X = 7, Y = Pos.AnchorEnd(3), Width = Dim.Fill() };
        _hint = new PlainLabel { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Text = "" };
        _fieldMessage = new PlainLabel { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Text = "" };
        Add(_status, _fields, _criteria, _fieldLabel, _input, _hint, _fieldMessage);
        _input.TextChanged += (_, _) => Typed();
        Check();
        Select(0);
    }

    public override string ScreenName => $"screening {_id}";

    public override IReadOnlyList<KeyHelp> Keys =>
    [
        new("type", "the value of the chosen field (checked as you type)"),
        new("Up/Down, Enter", "previous / next field"),
        new("PgUp/PgDn", "10 fields up / down"),
        new("Ctrl+S", "store the screening (every value must be valid)"),
        new("Ctrl+R", "after storing: randomize an eligible participant"),
        new("Esc", "back to the participant (asks to discard unsaved values)"),
    ];

    public override bool HasUnsavedInput => _dirty;

    /// <summary>The field being edited.</summary>
    public FormField Field => _form.Fields[_index];

    /// <summary>The last check of the values as typed.</summary>
    public ScreeningCheck? LastCheck => _check;

    public override void Shown() => _input.SetFocus();

    private void Select(int index)
    {
        _index = Math.Clamp(index, 0, _form.Fields.Count - 1);
        _loading = true;
        _input.Text = _values.GetValueOrDefault(Field.Id, "");
        _input.MoveEnd();
        _loading = false;
        _fields.SelectedItem = _index;
        _fields.EnsureSelectedItemVisible();
        ShowField();
    }

    private void Typed()
    {
        if (_loading) return;
        _values[Field.Id] = _input.Text;
        _dirty = true;
        _saved = null;
        Check();
        ShowField();
    }

    private void Check() => Shell.Try(() =>
    {
        _check = Shell.Trial.CheckScreening(new ScreeningRequest(_id, _values));
        for (var i = 0; i < _form.Fields.Count; i++) _rows[i] = Row(_form.Fields[i]);
        var met = _check.Criteria.Count(c => c.Verdict is "met" or "not-met" && !c.Excludes);
        _status.Text = $"{_id}: {_check.Status} ({met} of {_check.Criteria.Count} criteria satisfied{(_check.FieldMessages.Count > 0 ? $", {_check.FieldMessages.Count} value(s) refused" : "")})";
        _criteria.Text = string.Join("\n", _check.Criteria.Select(c =>
            $"{(c.Excludes ? "✗" : c.Verdict is "met" or "not-met" ? "✓" : "?")} {c.Id,-5}{c.Verdict}"));
        SetNeedsDraw();
    });

    private string Row(FormField f)
    {
        var text = _values.GetValueOrDefault(f.Id, "");
        var mark = _check?.FieldMessages.ContainsKey(f.Id) == true ? "!" : text.Length > 0 ? "✓" : " ";
        var label = f.Label.Length > 26 ? f.Label[..25] + "…" : f.Label;
        return $"{mark} {label,-26} {(text.Length > 14 ? text[..13] + "…" : text)}";
    }

    private void ShowField()
    {
        var f = Field;
        _fieldLabel.Text = $"[{_index + 1}/{_form.Fields.Count}] {f.Label}{(f.Unit is null ? "" : $" ({f.Unit})")}{(f.Judgement ? " — investigator's judgement" : "")}";
        _hint.Text = "Type: " + (f.FromRegistration ? "leave empty to take it from the registration, or " : "") + CodeHint(f);
        _fieldMessage.Text = _check?.FieldMessages.TryGetValue(f.Id, out var m) == true ? "! " + m : "";
        SetNeedsDraw();
    }

    /// <summary>For a code field, the codes that match what is typed so far (else the field's hint).</summary>
    private string CodeHint(FormField f)
    {
        if (f.Codes.Count == 0) return f.Hint;
        var typed = _input.Text.Trim();
        var matches = f.Codes.Where(c => typed.Length == 0 || c.Code.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || c.Label.Contains(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 0 ? $"no code matches '{typed}'" : string.Join("  ", matches.Take(8).Select(c => c.Code)) + (matches.Count > 8 ? $"  (+{matches.Count - 8})" : "");
    }

    private ScreeningCheck? _saved;

    public override bool OnScreenKey(Key key)
    {
        if (key == Key.CursorUp) { Select(_index - 1); return true; }
        if (key == Key.CursorDown || key == Key.Enter) { Select(_index + 1); return true; }
        if (key == Key.PageUp) { Select(_index - 10); return true; }
        if (key == Key.PageDown) { Select(_index + 10); return true; }
        if (key == Key.S.WithCtrl) { Save(); return true; }
        if (key == Key.Esc)
        {
            if (_dirty && !_confirmDiscard) { _confirmDiscard = true; Shell.Say("Values not stored: Ctrl+S stores them, Esc again discards them."); return true; }
            Shell.OpenParticipant(_id);
            return true;
        }
        if (key == Key.R.WithCtrl && _saved is { Status: "eligible" }) { Shell.Try(() => Shell.Show(new RandomizeScreen(Shell, _id))); return true; }
        return false;
    }

    private bool _confirmDiscard;

    private void Save() => Shell.Try(() =>
    {
        _saved = Shell.Trial.Screen(new ScreeningRequest(_id, _values));
        _check = _saved;
        _dirty = false;
        _confirmDiscard = false;
        Check();
        var next = _saved.Status == "eligible" && Shell.Trial.Info.CanRandomize ? " Ctrl+R: randomize." : "";
        Shell.Say($"Screening stored: {_saved.Status}.{next}");
    });
}
