namespace ArchiveForecast.Core.Registry;

/// <summary>What one renewal of a lease found.</summary>
internal enum RenewOutcome
{
    /// <summary>Renewed for another full duration.</summary>
    Renewed,

    /// <summary>The store could not be reached; the lease may still be held until its duration runs out.</summary>
    Failed,

    /// <summary>The store says the lease is no longer ours.</summary>
    Lost,
}
