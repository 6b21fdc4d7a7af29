namespace EbookBuilder.Model.Document;

/// <summary>A hyperlink to an absolute http(s) or mailto URL.</summary>
public sealed record Link(string Url, IReadOnlyList<Inline> Children, SourceSpan Source) : Inline(Source);
