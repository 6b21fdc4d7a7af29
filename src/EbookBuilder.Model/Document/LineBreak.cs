namespace EbookBuilder.Model.Document;

/// <summary>A forced line break inside a block.</summary>
public sealed record LineBreak(SourceSpan Source) : Inline(Source);
