using System.Globalization;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace EbookBuilder.Pipeline.Config;

/// <summary>
/// Reads a book.toml with Tomlyn's syntax tree, so that every value keeps its line, and checks it
/// against the schema in <see cref="BookFileSchema"/>: an unknown section or key, or a value of the
/// wrong type, is an error naming the file, the line, the key and what would be right. All the
/// errors of a file are reported together.
/// </summary>
public static class BookFileReader
{
    /// <summary>The name a book file has in a folder.</summary>
    public const string FileName = "book.toml";

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="BuildInputException">The file cannot be read, is not TOML, or does not fit the schema.</exception>
    public static BookFile Read(string path)
    {
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = EbookBuilder.Model.Text.InputFile.ReadText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildInputException($"{path}: cannot read the book file ({e.Message})");
        }
        return Parse(text, full);
    }

    /// <summary>Checks the TOML <paramref name="text"/>; <paramref name="path"/> names it and anchors relative paths.</summary>
    public static BookFile Parse(string text, string path)
    {
        var document = SyntaxParser.Parse(text, path, true);
        var errors = new List<string>();
        // One syntax error per line: the parser's follow-on complaints about the same line add nothing.
        foreach (var message in document.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error).DistinctBy(d => Line(d.Span)))
            errors.Add($"{path}:{Line(message.Span)}: {message.Message}");
        if (errors.Count > 0) throw Failure(path, errors);

        foreach (var stray in document.KeyValues)
        {
            errors.Add($"{path}:{Line(stray.Span)}: '{KeyText(stray.Key)}' stands outside any section; put it under one of " +
                string.Join(", ", BookFileSchema.Sections.Keys.Select(Header)));
        }

        var sections = new Dictionary<string, BookFile.Section>(StringComparer.Ordinal);
        var chapters = new List<BookFile.Section>();
        foreach (var table in document.Tables)
        {
            var name = KeyText(table.Name);
            var line = Line(table.Span);
            if (!BookFileSchema.Sections.TryGetValue(name, out var schema))
            {
                errors.Add($"{path}:{line}: unknown section [{name}]; the sections are " + string.Join(", ", BookFileSchema.Sections.Keys.Select(Header)));
                continue;
            }
            var isArray = table is TableArraySyntax;
            if (isArray != schema.IsArray)
            {
                errors.Add($"{path}:{line}: write {Header(name)}, not {(isArray ? $"[[{name}]]" : $"[{name}]")}");
                continue;
            }
            var section = ReadSection(table, name, schema, path, errors);
            if (schema.IsArray) chapters.Add(section);
            else sections[name] = section;
        }
        if (errors.Count > 0) throw Failure(path, errors);
        return BookFile.From(path, sections, chapters);
    }

    private static BookFile.Section ReadSection(TableSyntaxBase table, string name, BookFileSchema.SectionSchema schema, string path, List<string> errors)
    {
        var values = new Dictionary<string, BookFile.Value>(StringComparer.Ordinal);
        foreach (var item in table.Items)
        {
            var key = KeyText(item.Key);
            var line = Line(item.Span);
            if (!schema.Keys.TryGetValue(key, out var kind))
            {
                var near = BookFileSchema.Nearest(key, schema.Keys.Keys);
                errors.Add($"{path}:{line}: unknown key '{key}' in {Header(name)}" + (near is null ? "" : $" (did you mean '{near}'?)") +
                    $"; the keys are {string.Join(", ", schema.Keys.Keys)}");
                continue;
            }
            var value = Convert(item.Value, kind);
            if (value is null)
            {
                errors.Add($"{path}:{line}: '{key}' in {Header(name)} must be {BookFileSchema.Describe(kind)}, not {Describe(item.Value)}");
                continue;
            }
            values[key] = new BookFile.Value(value, line);
        }
        return new BookFile.Section(values, Line(table.Span));
    }

    /// <summary>The value as the kind asks (a single string is taken for a list of one), or null when it does not fit.</summary>
    private static object? Convert(ValueSyntax? value, BookFileSchema.Kind kind) => (kind, value) switch
    {
        (BookFileSchema.Kind.Text, StringValueSyntax s) => s.Value ?? "",
        (BookFileSchema.Kind.TextList, StringValueSyntax s) => new[] { s.Value },
        (BookFileSchema.Kind.TextList, ArraySyntax a) when a.Items.All(i => i.Value is StringValueSyntax)
            => a.Items.Select(i => ((StringValueSyntax)i.Value!).Value).ToArray(),
        (BookFileSchema.Kind.Integer, IntegerValueSyntax i) when i.Value is >= 0 and <= int.MaxValue => (int)i.Value,
        (BookFileSchema.Kind.Number, IntegerValueSyntax i) => (double)i.Value,
        (BookFileSchema.Kind.Number, FloatValueSyntax f) => f.Value,
        (BookFileSchema.Kind.Boolean, BooleanValueSyntax b) => b.Value,
        (BookFileSchema.Kind.Date, DateTimeValueSyntax d) => DateOnly.FromDateTime(d.Value.DateTime.DateTime),
        (BookFileSchema.Kind.Date, StringValueSyntax s) when DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => day,
        _ => null,
    };

    private static string Describe(ValueSyntax? value) => value switch
    {
        StringValueSyntax s => $"the string \"{s.Value}\"",
        IntegerValueSyntax i => $"the integer {i.Value}",
        FloatValueSyntax f => $"the number {f.Value.ToString(CultureInfo.InvariantCulture)}",
        BooleanValueSyntax b => b.Value ? "true" : "false",
        DateTimeValueSyntax => "a date-time",
        ArraySyntax => "an array of other values",
        InlineTableSyntax => "a table",
        _ => "that value",
    };

    private static string KeyText(KeySyntax? key)
    {
        if (key is null) return "";
        var parts = new List<string> { Part(key.Key) };
        foreach (var dotted in key.DotKeys) parts.Add(Part(dotted.Key));
        return string.Join('.', parts);

        static string Part(BareKeyOrStringValueSyntax? part) => part switch
        {
            BareKeySyntax bare => bare.Key?.Text ?? "",
            StringValueSyntax quoted => quoted.Value ?? "",
            _ => "",
        };
    }

    private static string Header(string section) => BookFileSchema.Sections[section].IsArray ? $"[[{section}]]" : $"[{section}]";

    private static int Line(Tomlyn.Syntax.SourceSpan span) => span.Start.Line + 1;

    private static BuildInputException Failure(string path, List<string> errors) =>
        new((errors.Count == 1 ? "the book file is not right:\n" : $"the book file has {errors.Count} problems:\n")
            + string.Join('\n', errors.Select(e => "  " + e)) + $"\n  (`ebook init` writes a commented {FileName} to start from)");
}
