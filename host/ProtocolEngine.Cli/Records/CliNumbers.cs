using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace ProtocolEngine.Cli.Records;

/// <summary>
/// Every number the command line reads, parsed the same on every machine: the invariant culture, digits with an
/// optional sign, a decimal point and an exponent, never a thousands separator or the machine's decimal comma.
/// <c>0,3</c> is refused with a hint (<c>use a decimal point: 0.3</c>), never read as 3 or as 0.3.
/// </summary>
public static partial class CliNumbers
{
    /// <summary>Whole numbers: an optional sign and digits.</summary>
    public const NumberStyles WholeStyle = NumberStyles.AllowLeadingSign;

    /// <summary>Real numbers: an optional sign, digits, a decimal point and an exponent.</summary>
    public const NumberStyles RealStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>A finite real number, or why <paramref name="text"/> is not one (with how to write it).</summary>
    public static bool TryReal(string text, out double value, out string problem)
    {
        var t = text.Trim();
        if (double.TryParse(t, RealStyle, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            problem = "";
            return true;
        }
        problem = $"'{text}' is not a number; {Hint(t, whole: false)}";
        return false;
    }

    /// <summary>A whole number of type <typeparamref name="T"/>, or why <paramref name="text"/> is not one.</summary>
    public static bool TryWhole<T>(string text, out T value, out string problem) where T : IBinaryInteger<T>
    {
        var t = text.Trim();
        if (T.TryParse(t, WholeStyle, CultureInfo.InvariantCulture, out value!))
        {
            problem = "";
            return true;
        }
        problem = BigInteger.TryParse(t, WholeStyle, CultureInfo.InvariantCulture, out _)
            ? $"'{text}' is out of range ({Bound<T>("MinValue")} to {Bound<T>("MaxValue")})."
            : $"'{text}' is not a whole number; {Hint(t, whole: true)}";
        return false;
    }

    /// <summary>How to write what was meant: a decimal comma becomes a point, separators go.</summary>
    public static string Hint(string text, bool whole)
    {
        var commas = text.Count(c => c == ',');
        var decimalComma = commas == 1 && !text.Contains('.') && text.Split(',') is [var a, var b] && IsDigits(a.TrimStart('-', '+')) && IsDigits(b);
        if (decimalComma && !whole)
            return text.Split(',')[1].Length == 3
                ? $"use a decimal point: {text.Replace(',', '.')} (or {Clean(text)} without a thousands separator); a comma is never read."
                : $"use a decimal point: {text.Replace(',', '.')} (a comma is never read as a decimal or thousands separator).";
        if (whole && ThousandsPattern().IsMatch(text))
            return $"write it without separators: {Clean(text)}.";
        if ((whole && text.Contains('.')) || decimalComma)
            return "a whole number is expected here (digits only, no decimals), e.g. 4.";
        if (commas > 0 || text.Contains(' ') || text.Contains('\'') || text.Contains('_') || text.Contains('\u00a0') || text.Contains('\u202f'))
            return $"write it without separators between the digits{(whole ? "" : " and with a decimal point")}, e.g. {Clean(text)}.";
        return whole ? "write digits only, e.g. 12." : "write digits with a decimal point, e.g. 0.3 or 2.5.";
    }

    [GeneratedRegex(@"^[-+]?\d{1,3}([,' _\u00a0\u202f]\d{3})+$")]
    private static partial Regex ThousandsPattern();

    /// <summary>
    /// Gives every numeric option and argument under <paramref name="root"/> (its commands, recursively) the strict
    /// parser of this class, so that no number is ever read by the default, culture-dependent conversion.
    /// </summary>
    public static void Strict(Command root)
    {
        foreach (var option in root.Options) Apply(option);
        foreach (var argument in root.Arguments) Apply(argument);
        foreach (var sub in root.Subcommands) Strict(sub);
    }

    /// <summary>The numeric types the command line has; <see cref="Strict"/> handles each.</summary>
    public static bool IsNumeric(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t
        && (t == typeof(int) || t == typeof(long) || t == typeof(ulong) || t == typeof(double) || t == typeof(short) || t == typeof(byte)
            || t == typeof(uint) || t == typeof(float) || t == typeof(decimal));

    private static void Apply(Symbol symbol)
    {
        switch (symbol)
        {
            case Option<double> o: o.CustomParser ??= r => Parse<double>(r, ReadReal); break;
            case Option<double?> o: o.CustomParser ??= r => Parse<double?>(r, ReadRealNullable); break;
            case Option<int> o: o.CustomParser ??= r => Parse<int>(r, TryWhole); break;
            case Option<int?> o: o.CustomParser ??= r => Parse<int?>(r, TryWholeNullable<int>); break;
            case Option<long> o: o.CustomParser ??= r => Parse<long>(r, TryWhole); break;
            case Option<long?> o: o.CustomParser ??= r => Parse<long?>(r, TryWholeNullable<long>); break;
            case Option<ulong> o: o.CustomParser ??= r => Parse<ulong>(r, TryWhole); break;
            case Argument<double> a: a.CustomParser ??= r => Parse<double>(r, ReadReal); break;
            case Argument<int> a: a.CustomParser ??= r => Parse<int>(r, TryWhole); break;
            case Argument<long> a: a.CustomParser ??= r => Parse<long>(r, TryWhole); break;
            default:
                var type = symbol switch { Option o => o.ValueType, Argument a => a.ValueType, _ => typeof(string) };
                if (IsNumeric(type))
                    throw new InvalidOperationException($"{symbol.Name}: numbers of type {type.Name} have no strict parser; add one to {nameof(CliNumbers)}.");
                break;
        }
    }

    private delegate bool TryRead<T>(string text, out T value, out string problem);

    private static bool ReadReal(string text, out double value, out string problem) => TryReal(text, out value, out problem);

    private static bool ReadRealNullable(string text, out double? value, out string problem)
    {
        var ok = TryReal(text, out var x, out problem);
        value = x;
        return ok;
    }

    private static bool TryWholeNullable<T>(string text, out T? value, out string problem) where T : struct, IBinaryInteger<T>
    {
        var ok = TryWhole<T>(text, out var x, out problem);
        value = x;
        return ok;
    }

    private static T? Parse<T>(ArgumentResult result, TryRead<T> read)
    {
        if (result.Tokens.Count == 0) return default;
        var text = result.Tokens[^1].Value;
        if (read(text, out var value, out var problem)) return value;
        // An option's name is put before the message by the top-level handler; an argument's is not.
        result.AddError(result.Parent is OptionResult ? problem : $"{result.Argument.Name}: {problem}");
        return default;
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    private static string Clean(string text) =>
        new string([.. text.Where(c => char.IsAsciiDigit(c) || c is '-' or '+' or '.')]) is { Length: > 0 } s ? s : "12";

    private static string Bound<T>(string name) => Convert.ToString(typeof(T).GetField(name)!.GetValue(null), CultureInfo.InvariantCulture)!;
}
