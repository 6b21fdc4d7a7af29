using System.Runtime.InteropServices;

namespace EbookBuilder.Pdf.Drawing;

/// <summary>A point on the page, in PDF points from the top left. Two floats in order, as the backend's own point (a run's positions are handed over without a copy).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct Point(float X, float Y);
