namespace ArchiveForecast.Cli;

/// <summary>The exit codes of <c>archive-forecast</c> (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Failed: the store, a broken model, a training that crashed, a training lock held, a pointer that changed meanwhile.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or input: unknown option, missing or unreadable file, bad rows, unknown model or version.</summary>
    public const int BadInput = 2;

    /// <summary><c>train --promote auto</c> published a version but did not promote it (the gate refused, or someone promoted meanwhile).</summary>
    public const int NotPromoted = 3;

    /// <summary>Cancelled (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
