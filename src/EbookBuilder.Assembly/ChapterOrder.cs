namespace EbookBuilder.Assembly;

/// <summary>How a chapter's articles are ordered.</summary>
public enum ChapterOrder
{
    /// <summary>As the sources list them (index link order, natural file-name order in a folder).</summary>
    Index,
    /// <summary>Oldest first; undated articles last.</summary>
    Date,
    /// <summary>Newest first; undated articles last.</summary>
    DateDesc,
    /// <summary>By file name, naturally (2 before 10).</summary>
    Name,
    /// <summary>By title.</summary>
    Title,
}
