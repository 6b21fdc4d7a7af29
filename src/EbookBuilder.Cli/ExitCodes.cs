namespace EbookBuilder.Cli;

/// <summary>The exit codes scripts rely on.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int InternalError = 2;
    public const int Cancelled = 130;
}
