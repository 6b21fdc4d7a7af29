namespace EbookBuilder.Model.Document;

/// <summary>Block content of an article.</summary>
public abstract record Block(SourceSpan Source);
