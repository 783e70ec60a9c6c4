using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProtocolEngine.Yaml.Loading;

/// <summary>
/// Binds YAML nodes to the model's plain records, collecting every problem with its location
/// instead of stopping at the first: unknown keys (with a did-you-mean), missing required keys,
/// wrong types, values out of range or not matching their pattern. Records where each value came
/// from in a <see cref="SourceMap"/>. Follows <c>!include path</c> tags into other files.
/// </summary>
internal sealed class YamlBinder(DiagnosticBag diagnostics, SourceMap map, YamlDocumentReader reader)
{
    private const string IncludeTag = "!include";
    private readonly Stack<string> _includeStack = new();
    private ProtocolFolder? _folder;
    private int _depth;
    private int _values;
    private bool _stopped;

    /// <summary>True when a limit stopped the binding: what was bound is partial and must not be checked further.</summary>
    public bool Stopped => _stopped;

    public T? BindRoot<T>(YamlNode root, string file) where T : class
    {
        _folder = new ProtocolFolder(file);
        _includeStack.Push(Path.GetFullPath(file));
        try
        {
            // A file of only `~`, `!`, `&a` or `null` is an empty value, which binds to null without a word: say so.
            if (IsNull(root))
            {
                diagnostics.Error(DiagnosticCodes.WrongType, At(root, file), $"'{Naming.Key(typeof(T).Name)}' needs a mapping (key: value lines), not an empty value.");
                return null;
            }
            return (T?)Bind(root, typeof(T), file, Naming.Key(typeof(T).Name));
        }
        finally
        {
            _includeStack.Pop();
        }
    }

    private object? Bind(YamlNode node, Type type, string file, string path)
    {
        // Aliases share nodes, so a small file can name a value billions of times (and an alias inside its
        // own anchor, for ever): the binder counts what it visits and how deep it is, across includes.
        if (_stopped)
            return null;
        if (++_values > ProtocolLimits.MaxBoundValues)
            return Stop(node, file, $"'{path}' makes the protocol hold more than {ProtocolLimits.MaxBoundValues:N0} values once its aliases (*name) are expanded; a protocol needs far fewer: write the values out, or use fewer aliases.");
        if (_depth >= ProtocolLimits.MaxDepth)
            return Stop(node, file, $"'{path}' nests more than {ProtocolLimits.MaxDepth} levels deep (counting aliases and includes); a protocol needs far fewer: is an alias used inside its own anchor?");
        _depth++;
        try
        {
            return BindNode(node, type, file, path);
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>Reports the limit reached and stops binding: every later value would only repeat it.</summary>
    private object? Stop(YamlNode node, string file, string message)
    {
        _stopped = true;
        diagnostics.Error(DiagnosticCodes.LimitExceeded, At(node, file), message);
        return null;
    }

    private object? BindNode(YamlNode node, Type type, string file, string path)
    {
        if (node is YamlScalarNode { Tag.IsEmpty: false } tagged && tagged.Tag.Value == IncludeTag)
            return BindInclude(tagged, type, file, path);

        var underlying = Nullable.GetUnderlyingType(type);
        if (IsNull(node))
        {
            if (underlying is not null || !type.IsValueType)
                return null;
            diagnostics.Error(DiagnosticCodes.WrongType, At(node, file), $"'{path}' needs {Describe(type)}, not an empty value.");
            return null;
        }
        type = underlying ?? type;

        if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(DateOnly))
            return BindScalar(node, type, file, path);
        if (ListItemType(type) is { } itemType)
            return BindList(node, itemType, file, path);
        if (DictionaryValueType(type) is { } valueType)
            return BindDictionary(node, valueType, file, path);
        return BindRecord(node, type, file, path);
    }

    private object? BindInclude(YamlScalarNode tagged, Type type, string file, string path)
    {
        var full = _folder!.Resolve(file, tagged.Value ?? "", out var refusal);
        if (full is null)
        {
            diagnostics.Error(DiagnosticCodes.OutsideProtocolFolder, At(tagged, file), $"!include '{tagged.Value}' {refusal}.");
            return null;
        }
        // Named as written (relative to the including file), so messages point where the author looks.
        var target = Path.Combine(Path.GetDirectoryName(file) ?? ".", tagged.Value!);
        if (_includeStack.Contains(full))
        {
            diagnostics.Error(DiagnosticCodes.IncludeFailed, At(tagged, file), $"'{tagged.Value}' includes itself (through {string.Join(" -> ", _includeStack.Reverse().Select(Path.GetFileName))}); remove the cycle.");
            return null;
        }
        var root = reader.Read(target, At(tagged, file));
        if (root is null)
            return null;
        _includeStack.Push(full);
        try
        {
            return Bind(root, type, target, path);
        }
        finally
        {
            _includeStack.Pop();
        }
    }

    private object? BindScalar(YamlNode node, Type type, string file, string path)
    {
        if (node is not YamlScalarNode scalar)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, At(node, file), $"'{path}' needs {Describe(type)}, not {Describe(node)}.");
            return null;
        }
        var text = scalar.Value ?? "";
        var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        if (type == typeof(string))
            return text;

        object? value = null;
        if (!quoted)
        {
            if (type == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) value = i;
            else if (type == typeof(long) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) value = l;
            else if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) value = d;
            else if (type == typeof(bool) && text is "true" or "false") value = text == "true";
        }
        if (type == typeof(DateOnly) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            value = date;
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            var match = names.FirstOrDefault(n => Naming.EnumValue(n) == text);
            if (match is not null)
                return Enum.Parse(type, match);
            var allowed = names.Select(Naming.EnumValue).ToList();
            var hint = Naming.Closest(text, allowed) is { } close ? $"did you mean '{close}'? " : "";
            diagnostics.Error(DiagnosticCodes.InvalidValue, At(node, file), $"'{text}' is not allowed for '{path}'; {hint}expected one of: {string.Join(", ", allowed)}.");
            return null;
        }
        if (value is null)
        {
            var why = quoted && type != typeof(DateOnly) ? " (it is quoted, which makes it text: remove the quotes)" : "";
            diagnostics.Error(DiagnosticCodes.WrongType, At(node, file), $"'{path}' needs {Describe(type)}, got '{text}'{why}.");
        }
        return value;
    }

    private object? BindList(YamlNode node, Type itemType, string file, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, At(node, file), $"'{path}' needs a list, not {Describe(node)}.");
            return null;
        }
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        map.SetObject(list, At(node, file));
        var index = 0;
        foreach (var child in sequence.Children)
        {
            var item = Bind(child, itemType, file, $"{path}[{index}]");
            if (item is not null)
            {
                map.SetMember(list, $"[{list.Count}]", At(child, file), SpanOf(child, file));
                list.Add(item);
            }
            index++;
        }
        return list;
    }

    private object? BindDictionary(YamlNode node, Type valueType, string file, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, At(node, file), $"'{path}' needs a mapping of names to values, not {Describe(node)}.");
            return null;
        }
        var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
        map.SetObject(dictionary, At(node, file));
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var value = Bind(valueNode, valueType, file, $"{path}.{key}");
            if (value is null)
                continue;
            map.SetMember(dictionary, key, At(keyNode, file), SpanOf(valueNode, file));
            dictionary[key] = value;
        }
        return dictionary;
    }

    private object? BindRecord(YamlNode node, Type type, string file, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Error(DiagnosticCodes.WrongType, At(node, file), $"'{path}' needs a mapping (key: value lines), not {Describe(node)}.");
            return null;
        }
        var instance = Activator.CreateInstance(type)!;
        map.SetObject(instance, At(node, file));
        var properties = ModelProperties.Of(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var suggested = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!properties.TryGetValue(key, out var property))
            {
                var close = Naming.Closest(key, properties.Keys.Where(k => !seen.Contains(k)));
                var hint = close is not null
                    ? $"did you mean '{close}'?"
                    : $"expected one of: {string.Join(", ", properties.Keys)}.";
                if (close is not null)
                    suggested.Add(close);
                map.MarkFailed(instance, "?");
                diagnostics.Error(DiagnosticCodes.UnknownKey, At(keyNode, file), $"unknown key '{key}' in '{path}'; {hint}");
                continue;
            }
            seen.Add(key);
            var memberPath = $"{path}.{key}";
            var errorsBefore = diagnostics.ErrorCount;
            var value = Bind(valueNode, property.PropertyType, file, memberPath);
            map.SetMember(instance, property.Name, At(keyNode, file), SpanOf(valueNode, file));
            if (value is null && IsNull(valueNode) && property.GetCustomAttribute<RequiredAttribute>() is not null)
                diagnostics.Error(DiagnosticCodes.MissingKey, At(valueNode, file), $"'{memberPath}' is required and cannot be empty.");
            if (value is not null && Check(property, value, memberPath, At(valueNode, file)))
                property.SetValue(instance, value);
            // Later checks must not build on a value that was refused (or that holds refused parts).
            if (diagnostics.ErrorCount > errorsBefore)
                map.MarkFailed(instance, property.Name);
        }

        foreach (var (key, property) in properties)
        {
            // A misspelt required key is reported once, as the unknown key with its did-you-mean.
            if (seen.Contains(key) || property.GetCustomAttribute<RequiredAttribute>() is null)
                continue;
            map.MarkFailed(instance, property.Name);
            if (!suggested.Contains(key))
                diagnostics.Error(DiagnosticCodes.MissingKey, At(node, file), $"'{path}' is missing the required key '{key}'.");
        }
        return instance;
    }

    /// <summary>Range and pattern checks from the model's attributes; false when the value is refused.</summary>
    private bool Check(PropertyInfo property, object value, string path, SourceLocation at)
    {
        if (property.GetCustomAttribute<RangeAttribute>() is { } range && value is int or double)
        {
            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            var min = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
            var max = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
            if (number < min || number > max)
            {
                diagnostics.Error(DiagnosticCodes.OutOfRange, at, $"'{path}' is {Format(number)}, outside the allowed range {Format(min)} to {Format(max)}.");
                return false;
            }
        }
        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } pattern && value is string text
            && !Regex.IsMatch(text, pattern.Pattern))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, at, $"'{text}' is not a valid value for '{path}': it must match {pattern.Pattern}.");
            return false;
        }
        return true;
    }

    private static string Format(double d) => d.ToString("0.####", CultureInfo.InvariantCulture);

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" } s
        && (s.Tag.IsEmpty || s.Tag.Value != IncludeTag);

    private static Type? ListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d
        && (d == typeof(IReadOnlyList<>) || d == typeof(List<>) || d == typeof(IList<>) || d == typeof(IEnumerable<>))
            ? type.GetGenericArguments()[0]
            : null;

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d
        && (d == typeof(IReadOnlyDictionary<,>) || d == typeof(Dictionary<,>)) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    private static string Describe(Type type)
    {
        if (type == typeof(int) || type == typeof(long)) return "a whole number";
        if (type == typeof(double)) return "a number";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(DateOnly)) return "a date (YYYY-MM-DD)";
        if (type == typeof(string)) return "text";
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type).Select(Naming.EnumValue));
        return "a mapping";
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "this value",
    };

    private static SourceLocation At(YamlNode node, string file) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column);

    private static ValueSpan SpanOf(YamlNode node, string file) => new(
        At(node, file),
        new SourceLocation(file, (int)node.End.Line, (int)node.End.Column),
        node is YamlScalarNode s
            ? s.Style switch
            {
                ScalarStyle.SingleQuoted => ScalarForm.SingleQuoted,
                ScalarStyle.DoubleQuoted => ScalarForm.DoubleQuoted,
                ScalarStyle.Literal => ScalarForm.Literal,
                ScalarStyle.Folded => ScalarForm.Folded,
                _ => ScalarForm.Plain,
            }
            : ScalarForm.NotScalar);
}
