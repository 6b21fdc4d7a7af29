using System.Collections.Concurrent;
using System.Diagnostics;
using EbookBuilder.Model.Assets;
using EbookBuilder.Model.Document;

namespace EbookBuilder.Fonts;

/// <summary>
/// Chooses the book's fonts and subsets them. The chain is the chosen font, then the bundled
/// font, then installed CJK fonts (only asked for when the first two leave characters out); each
/// character goes to the first face that really has it. Bold text uses the family's bold face
/// where it has the character. Characters no face has are reported, not turned into boxes.
/// </summary>
public static class FontStage
{
    /// <summary>
    /// Whether an installed face is looked for to draw <paramref name="codepoint"/>: not for a
    /// private-use character (its glyph is whatever the source's own font put there) or a noncharacter.
    /// </summary>
    private static bool Searchable(int codepoint) =>
        codepoint is not ((>= 0xE000 and <= 0xF8FF) or >= 0xF0000 or (>= 0xFDD0 and <= 0xFDEF)) && (codepoint & 0xFFFE) != 0xFFFE;

    /// <summary>Subsets the fonts for <paramref name="book"/>; <paramref name="extraText"/> is text the writers add.</summary>
    public static FontBag Run(Book book, FontOptions options, IEnumerable<string> extraText, CancellationToken cancellationToken = default)
    {
        var texts = BookCharacters.Collect(book, extraText);
        cancellationToken.ThrowIfCancellationRequested();
        var bundled = FontCatalog.Bundled(options.BundledDirectory);
        IReadOnlyList<FontFile>? installed = null;
        IReadOnlyList<FontFile> Installed()
        {
            // Opening every installed font takes a while on a machine with many: Ctrl+C is heard before it.
            cancellationToken.ThrowIfCancellationRequested();
            return installed ??= options.SystemFallbacks ? FontCatalog.InstalledCjk() : [];
        }
        var opened = new List<FontFile>(bundled);
        try
        {
            var bundledRegular = bundled.FirstOrDefault(f => !f.IsBold && f.IsCjk);
            var primary = options.Body is null ? bundledRegular : FontCatalog.Find(options.Body, bundled, Installed);
            if (primary is not null && !opened.Contains(primary)) opened.Add(primary);
            var primaryBold = primary is null ? null
                : bundled.FirstOrDefault(f => f.IsBold && f.Family == primary.Family)
                  ?? (options.Body is null ? null : Installed().FirstOrDefault(f => f.IsBold && f.Family == primary.Family));

            var chain = new List<FontFile>();
            void AddToChain(FontFile? face)
            {
                if (face is not null && !chain.Any(f => f.Path == face.Path && f.Index == face.Index)) chain.Add(face);
            }
            AddToChain(primary);
            AddToChain(bundledRegular);
            opened.AddRange(installed ?? []);
            // Installed faces fill what is left, each chosen for a character it has: a face is
            // opened (mapped, its character map read), kept if it has one of them, else closed at once.
            var wanted = texts.Regular.Concat(texts.Bold).Where(c => Searchable(c) && !chain.Any(f => f.Covers(c))).ToHashSet();
            if (wanted.Count > 0 && options.SystemFallbacks)
            {
                foreach (var face in FontCatalog.Fallbacks(book.Metadata.Language))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (chain.Any(f => f.Path == face.Path && f.Index == face.Index) || !wanted.Any(face.Covers))
                    {
                        face.Dispose();
                        continue;
                    }
                    opened.Add(face);
                    AddToChain(face);
                    wanted.RemoveWhere(face.Covers);
                    if (wanted.Count == 0) break;
                }
            }

            var buckets = new Dictionary<(int Slot, int Weight), HashSet<int>>();
            var uncovered = new List<UncoveredCharacter>();
            void Assign(int codepoint, int weight, FontFile? preferred)
            {
                if (preferred is not null && preferred.Covers(codepoint))
                {
                    Bucket(0, weight).Add(codepoint);
                    return;
                }
                var slot = chain.FindIndex(f => f.Covers(codepoint));
                if (slot >= 0) Bucket(slot, 400).Add(codepoint);
            }
            HashSet<int> Bucket(int slot, int weight)
            {
                if (!buckets.TryGetValue((slot, weight), out var set)) buckets[(slot, weight)] = set = [];
                return set;
            }
            var missing = new HashSet<int>();
            foreach (var codepoint in texts.Regular.Order())
            {
                if (chain.Any(f => f.Covers(codepoint))) Assign(codepoint, 400, null);
                else missing.Add(codepoint);
            }
            if (missing.Count > 0)
            {
                var files = BookCharacters.FilesWith(book, missing);
                uncovered.AddRange(missing.Order().Select(c => new UncoveredCharacter(c, files.TryGetValue(c, out var where) ? where.ToList() : [])));
            }
            foreach (var codepoint in texts.Bold.Order()) Assign(codepoint, 700, primaryBold);

            var faces = new ConcurrentBag<FontAsset>();
            Parallel.ForEach(buckets, new ParallelOptions { CancellationToken = cancellationToken }, bucket =>
            {
                var (slot, weight) = bucket.Key;
                var face = weight == 700 ? primaryBold! : chain[slot];
                var clock = Stopwatch.StartNew();
                var bytes = FontSubsetter.Subset(face, bucket.Value);
                var ms = clock.ElapsedMilliseconds;
                using var subset = FontFile.FromBytes(bytes);
                var extension = face.IsCff ? "otf" : "ttf";
                faces.Add(new FontAsset(slot, weight, $"font-{slot}-{weight}.{extension}", bytes, face.IsCff ? "font/otf" : "font/ttf",
                    face.Family, face.Path, bucket.Value, subset?.GlyphCount ?? 0, ms));
            });
            return new FontBag(faces.OrderBy(f => f.Slot).ThenBy(f => f.Weight).ToList(), uncovered);
        }
        finally
        {
            foreach (var face in opened.Distinct()) face.Dispose();
        }
    }
}
