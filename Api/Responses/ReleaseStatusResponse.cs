using ArchiveForecast.Core.Releases;

namespace ArchiveForecast.Api.Responses;

/// <summary>
/// <c>GET /api/models/{name}/release</c>: the running release and what this instance has seen of it. Other instances
/// have numbers of their own; the release metrics give the fleet-wide view.
/// </summary>
/// <param name="Model">The model name.</param>
/// <param name="ServedVersion">The version the pointer serves.</param>
/// <param name="Release">The release.</param>
/// <param name="Following">Whether this instance runs the release (false until it polled the pointer or when the candidate failed to load here).</param>
/// <param name="Served">The served version's numbers in this instance.</param>
/// <param name="Candidate">The candidate's numbers in this instance.</param>
/// <param name="Shadow">The forecast comparison (shadow mode).</param>
/// <param name="AbortReason">Why this instance is ending the release, when a guard broke.</param>
public sealed record ReleaseStatusResponse(
    string Model,
    int ServedVersion,
    ReleaseView Release,
    bool Following,
    RoleStats? Served,
    RoleStats? Candidate,
    ShadowStats? Shadow,
    string? AbortReason);
