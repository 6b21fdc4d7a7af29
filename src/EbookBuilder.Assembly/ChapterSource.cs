using EbookBuilder.Model.Document;

namespace EbookBuilder.Assembly;

/// <summary>A chapter before its articles are read: its title and the article files, in order.</summary>
public sealed record ChapterSource(string Title, IReadOnlyList<string> Files, SourceSpan Origin);
