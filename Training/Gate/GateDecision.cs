namespace ArchiveForecast.Training.Gate;

/// <summary>What the promotion gate decided, and why, in words a run record can carry.</summary>
/// <param name="Passed">True when the candidate may replace the serving version.</param>
/// <param name="Reason">One sentence: the comparison that decided it (every failed check when it failed).</param>
/// <param name="ServingVersion">The version the candidate was compared with; null when nothing was served.</param>
public sealed record GateDecision(bool Passed, string Reason, int? ServingVersion);
