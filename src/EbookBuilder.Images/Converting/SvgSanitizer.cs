using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace EbookBuilder.Images.Converting;

/// <summary>
/// SVG stays in an EPUB only as a static picture: an allow-list of the elements and attributes
/// that static SVG 1.1 draws with. Whatever is not on it goes, with its content (scripts, foreign
/// objects, animation, which could set an href to javascript:, elements of other namespaces).
/// References stay inside the file: an href is a fragment (#id), or a data: image on an
/// &lt;image&gt;; a url() in an attribute or a stylesheet is a fragment; a stylesheet with
/// @import, an escape (which could spell either) or a url() to anything else is dropped whole.
/// Links (&lt;a&gt;) become groups: their drawing stays, the link goes. DTDs are refused (no entity
/// expansion). Read with System.Xml; no markup or CSS is parsed by hand: CSS is only scanned for
/// what it may not hold.
/// </summary>
internal static partial class SvgSanitizer
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>The elements static SVG 1.1 draws with (no script, animation, foreignObject, font, cursor, view).</summary>
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "desc", "title", "symbol", "use", "image", "switch", "style",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
        "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feFlood", "feFuncA", "feFuncB",
        "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset",
        "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    };

    /// <summary>The attributes those elements need: core, geometry, presentation, gradients, filters, text.</summary>
    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        // core and structure
        "id", "class", "style", "version", "baseProfile", "width", "height", "viewBox", "preserveAspectRatio",
        "x", "y", "transform", "href", "lang", "space", "requiredFeatures", "requiredExtensions", "systemLanguage",
        // geometry
        "d", "pathLength", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2", "points",
        // presentation
        "alignment-baseline", "baseline-shift", "clip", "clip-path", "clip-rule", "color", "color-interpolation",
        "color-interpolation-filters", "color-profile", "color-rendering", "direction", "display", "dominant-baseline",
        "enable-background", "fill", "fill-opacity", "fill-rule", "filter", "flood-color", "flood-opacity",
        "font", "font-family", "font-size", "font-size-adjust", "font-stretch", "font-style", "font-variant", "font-weight",
        "glyph-orientation-horizontal", "glyph-orientation-vertical", "image-rendering", "kerning", "letter-spacing",
        "lighting-color", "marker-end", "marker-mid", "marker-start", "mask", "opacity", "overflow", "paint-order",
        "pointer-events", "shape-rendering", "stop-color", "stop-opacity", "stroke", "stroke-dasharray",
        "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width",
        "text-anchor", "text-decoration", "text-rendering", "unicode-bidi", "visibility", "word-spacing", "writing-mode",
        "vector-effect",
        // gradients, patterns, markers, clips, masks
        "gradientUnits", "gradientTransform", "spreadMethod", "fx", "fy", "offset", "patternUnits", "patternContentUnits",
        "patternTransform", "markerUnits", "markerWidth", "markerHeight", "refX", "refY", "orient", "clipPathUnits",
        "maskUnits", "maskContentUnits",
        // filters
        "filterUnits", "primitiveUnits", "filterRes", "in", "in2", "result", "mode", "type", "values", "operator",
        "k1", "k2", "k3", "k4", "order", "kernelMatrix", "divisor", "bias", "targetX", "targetY", "edgeMode",
        "kernelUnitLength", "preserveAlpha", "surfaceScale", "diffuseConstant", "specularConstant", "specularExponent",
        "scale", "xChannelSelector", "yChannelSelector", "stdDeviation", "dx", "dy", "radius", "baseFrequency",
        "numOctaves", "seed", "stitchTiles", "azimuth", "elevation", "z", "pointsAtX", "pointsAtY", "pointsAtZ",
        "limitingConeAngle", "tableValues", "slope", "intercept", "amplitude", "exponent",
        // text
        "textLength", "lengthAdjust", "rotate", "startOffset", "method", "spacing",
    };

    /// <summary>A url() whose target is not a fragment of this file.</summary>
    [GeneratedRegex(@"url\s*\(\s*['""]?\s*(?!#)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutsideUrl();

    /// <summary>What CSS may not hold in an SVG: imports, escapes (which could spell url or import), scripts, old IE expressions.</summary>
    [GeneratedRegex(@"@import|\\|javascript:|expression\s*\(|-moz-binding|behavior\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActiveCss();

    public static bool LooksLikeSvg(ReadOnlySpan<byte> data)
    {
        var head = Encoding.UTF8.GetString(data[..Math.Min(data.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && head.Contains("<svg", StringComparison.OrdinalIgnoreCase));
    }

    public static byte[] Sanitize(byte[] data)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(data), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = 20_000_000,
                IgnoreProcessingInstructions = true,
                IgnoreComments = true,
            });
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new ImageRejectedException($"SVG is not well-formed XML ({e.Message})");
        }
        if (doc.Root is null || doc.Root.Name != Svg + "svg") throw new ImageRejectedException("not an SVG document (an <svg> in the SVG namespace)");

        // Links keep their drawing as groups; what is not on the list goes with its content.
        foreach (var link in doc.Root.Descendants(Svg + "a").ToList()) link.Name = Svg + "g";
        doc.Root.Descendants().Where(e => e.Name.Namespace != Svg || !Elements.Contains(e.Name.LocalName)).ToList().ForEach(e => e.Remove());
        foreach (var style in doc.Root.Descendants(Svg + "style").Where(s => !SafeCss(s.Value)).ToList()) style.Remove();

        foreach (var element in doc.Root.DescendantsAndSelf())
        {
            foreach (var attribute in element.Attributes().ToList())
            {
                if (!Keep(element, attribute)) attribute.Remove();
            }
        }
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) })) doc.Save(writer);
        return output.ToArray();
    }

    private static bool Keep(XElement element, XAttribute attribute)
    {
        if (attribute.IsNamespaceDeclaration) return true;
        var name = attribute.Name;
        var allowedNamespace = name.Namespace == XNamespace.None || name.Namespace == XNamespace.Xml || name.Namespace == XLink;
        if (!allowedNamespace || !Attributes.Contains(name.LocalName)) return false;
        var value = attribute.Value.Trim();
        if (name.LocalName == "href")
        {
            return value.StartsWith('#')
                || (element.Name.LocalName == "image" && value.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("data:image/svg", StringComparison.OrdinalIgnoreCase));
        }
        if (name.LocalName == "style") return SafeCss(value);
        return !OutsideUrl().IsMatch(value) && !value.Contains("javascript:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a stylesheet or style attribute fetches or runs nothing: no import, no escape, no url() out of the file.</summary>
    private static bool SafeCss(string css) => !ActiveCss().IsMatch(css) && !OutsideUrl().IsMatch(css);
}
