using System.Text.RegularExpressions;
using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Validation;

/// <summary>
/// Every file in Corpus/broken is Corpus/valid/minimal.yaml with one thing broken; its
/// <c># expect: CODE [FILE] LINE:COL</c> lines give exactly the errors the validator must report.
/// </summary>
public sealed partial class BrokenCorpusTests
{
    public static TheoryData<string> BrokenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "broken"), "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void The_corpus_holds_at_least_25_broken_protocols() =>
        Assert.True(BrokenFiles().Count >= 25, $"only {BrokenFiles().Count} broken protocols");

    [Fact]
    public void The_base_protocol_is_valid()
    {
        var result = Edges.Engine.Validation.Run(Path.Combine(RepoPaths.Corpus, "valid", "minimal.yaml"));
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Reports_exactly_the_expected_errors(string name)
    {
        var path = Path.Combine(RepoPaths.Corpus, "broken", name);
        var directory = Path.GetDirectoryName(path)!;
        var expected = Expectations(path).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);

        var result = Edges.Engine.Validation.Run(path);

        var actual = result.Diagnostics
            .Where(d => d.IsError)
            .Select(d =>
            {
                var file = Path.GetRelativePath(directory, d.Location.File).Replace('\\', '/');
                return file == name ? $"{d.Code} {d.Location.Line}:{d.Location.Column}" : $"{d.Code} {file} {d.Location.Line}:{d.Location.Column}";
            })
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(result.HasErrors);
        Assert.Equal(expected, actual);
    }

    private static IEnumerable<string> Expectations(string path) =>
        File.ReadLines(path).Select(l => ExpectLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value.Trim());

    [GeneratedRegex(@"^# expect: (.+)$")]
    private static partial Regex ExpectLine();
}
