namespace ArchiveForecast.Core.Releases;

/// <summary>This instance's view of a running release: the two roles and, in shadow mode, the comparison.</summary>
/// <param name="Served">The served version's numbers.</param>
/// <param name="Candidate">The candidate's numbers.</param>
/// <param name="Shadow">The forecast comparison (shadow mode only).</param>
public sealed record ReleaseSnapshot(RoleStats Served, RoleStats Candidate, ShadowStats? Shadow);
