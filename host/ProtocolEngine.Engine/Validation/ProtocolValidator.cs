using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Validation;

/// <summary>
/// Semantic checks on a bound protocol: ids unique, references defined, numbers that must agree
/// do, visit windows possible, rules well-formed. Every problem is reported with the place of the
/// offending value. Split by concern into partial files.
/// </summary>
public sealed partial class ProtocolValidator(ValidationContext context)
{
    public void Validate(ProtocolDocument document, DiagnosticBag diagnostics)
    {
        var run = new Run(document, diagnostics);
        CheckBounds(run);
        CheckVariables(run);
        CheckCriteria(run);
        CheckArms(run);
        CheckCtv(run);
        CheckRandomization(run);
        CheckFractionation(run);
        CheckVisits(run);
        CheckDiary(run);
        CheckEndpoints(run);
        CheckStatistics(run);
        CheckSampleSize(run);
        CheckSites(run);
    }

    /// <summary>The state of one validation: the document, where to report, and location helpers.</summary>
    private sealed class Run(ProtocolDocument document, DiagnosticBag diagnostics)
    {
        public Protocol Protocol => document.Protocol;
        public ProtocolDocument Document => document;

        public void Error(string code, object owner, string member, string message) =>
            diagnostics.Error(code, document.Map.At(owner, member, document.Path), message);

        public void Error(string code, object owner, string message) =>
            diagnostics.Error(code, document.Map.At(owner, document.Path), message);

        public void Warning(string code, object owner, string member, string message) =>
            diagnostics.Warning(code, document.Map.At(owner, member, document.Path), message);

        public void Add(Diagnostic diagnostic) => diagnostics.Add(diagnostic);

        /// <summary>
        /// True when every named member was written and bound without error. Checks that combine
        /// values ask this first, so that one mistake is reported once, not again by every check
        /// that reads the refused value.
        /// </summary>
        public bool Bound(object owner, params string[] members) => members.All(m => document.Map.IsBound(owner, m));

        /// <summary>True when the object was read from the file and all of its own keys bound.</summary>
        public bool Clean(object owner) => document.Map.IsClean(owner);

        /// <summary>Reports every id seen twice in a list, at the second occurrence.</summary>
        public void Unique<T>(IEnumerable<T> items, Func<T, string> id, string what, string member = "Id") where T : notnull
        {
            var first = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                var key = id(item);
                if (key.Length == 0) continue;
                if (first.TryGetValue(key, out var earlier))
                {
                    var line = document.Map.At(earlier, member, document.Path);
                    Error(DiagnosticCodes.DuplicateId, item, member, $"{what} '{key}' is defined twice (first at line {line.Line}); ids must be unique.");
                }
                else
                {
                    first[key] = item;
                }
            }
        }

        /// <summary>"unknown X 'y'; did you mean 'z'?" or the list of what exists.</summary>
        public static string Suggest(string name, IReadOnlyCollection<string> known) =>
            Naming.Closest(name, known) is { } close
                ? $"did you mean '{close}'?"
                : known.Count == 0 ? "none is defined." : $"defined: {string.Join(", ", known.Take(12))}{(known.Count > 12 ? ", ..." : "")}.";
    }
}
