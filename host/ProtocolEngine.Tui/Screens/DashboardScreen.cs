using System.Globalization;
using System.Text;
using ProtocolEngine.Engine.Workspace;
using ProtocolEngine.Tui.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace ProtocolEngine.Tui.Screens;

/// <summary>The trial at a glance: enrolment per arm against the target and over time, screening, today's work, safety.</summary>
public sealed class DashboardScreen : Screen
{
    private readonly PlainLabel _body;

    public DashboardScreen(Shell shell) : base(shell)
    {
        _body = new PlainLabel { X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Fill(), Text = "" };
        Add(_body);
        Refresh();
    }

    public override string ScreenName => "dashboard";

    public override IReadOnlyList<KeyHelp> Keys => [new("F5", "refresh (changes from other users and the CLI)"), new("p", "participants")];

    /// <summary>A trial this large computes its dashboard in the background, the screen saying so meanwhile.</summary>
    public const int BackgroundFrom = 1000;

    private bool _computing;

    public void Refresh() => Shell.Try(() =>
    {
        var trial = Shell.Trial;
        var count = trial.Participants(new ParticipantQuery(null, null, 0, 1)).Total;
        if (count < BackgroundFrom)
        {
            _body.Text = Render(trial.Dashboard());
            return;
        }
        if (_computing) return;
        _computing = true;
        _body.Text = $"Computing the dashboard over {count} participants (every visit plan and course)...";
        Task.Run(() =>
        {
            string text;
            try { text = Render(trial.Dashboard()); }
            catch (Exception ex) { text = "! " + ex.Message; }
            Shell.Invoke(() =>
            {
                _computing = false;
                if (!IsDisposedScreen) { _body.Text = text; SetNeedsDraw(); }
            });
        });
    });

    private bool IsDisposedScreen => Shell.Current != this;

    public override bool OnScreenKey(Key key)
    {
        if (key == Key.F5) { Refresh(); Shell.Say($"Refreshed at {DateTime.Now:HH:mm:ss}."); return true; }
        if (key == Key.P) { Shell.Try(() => Shell.Show(new ParticipantsScreen(Shell))); return true; }
        return false;
    }

    /// <summary>The dashboard's text (fits 76 columns).</summary>
    /// <param name="d">The summary to show.</param>
    public static string Render(DashboardSummary d)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"Enrolment on {d.AsOf:yyyy-MM-dd}: {d.Randomized} of {d.TargetTotal} randomized");
        var nameWidth = Math.Min(28, d.Arms.Select(a => a.Name.Length).DefaultIfEmpty(4).Max());
        foreach (var a in d.Arms)
        {
            var name = a.Name.Length > nameWidth ? a.Name[..(nameWidth - 1)] + "…" : a.Name.PadRight(nameWidth);
            s.AppendLine(inv, $"  {name} {CharChart.Bar(a.Randomized, a.Target, 30)} {a.Randomized,4} / {a.Target}");
        }
        s.AppendLine();
        s.AppendLine(inv, $"Registered {d.Registered}   screened {d.Screened}   ineligible {d.Ineligible}");
        s.AppendLine(inv, $"Today: fractions scheduled {d.FractionsToday}   visits due this week {d.VisitsDueThisWeek}   overdue {d.VisitsOverdue}");
        s.AppendLine(inv, $"Open adverse events of grade >= 3: {d.OpenSevereAdverseEvents}");
        s.AppendLine();
        if (d.EnrolmentOverTime.Count == 0)
            s.AppendLine("Randomized over time: nobody randomized yet.");
        else
        {
            var points = d.EnrolmentOverTime;
            s.AppendLine(inv, $"Randomized over time (cumulative, by month, {points[0].Month} to {points[^1].Month}; target {d.TargetTotal}):");
            foreach (var line in CharChart.Columns([.. points.Select(p => p.Randomized)], 6, 60, d.TargetTotal))
                s.AppendLine(line);
        }
        return s.ToString().TrimEnd();
    }
}
