namespace ArchiveForecast.Api.Routing;

/// <summary>The names of the component schemas of the OpenAPI document, shared by the route table and the document.</summary>
public static class SchemaNames
{
    public const string Instance = "Instance";
    public const string PredictRequest = "PredictRequest";
    public const string PredictResponse = "PredictResponse";
    public const string Prediction = "Prediction";
    public const string Explanation = "Explanation";

    /// <summary>The forecast ranges of one prediction.</summary>
    public const string Intervals = "Intervals";

    /// <summary>One target's range.</summary>
    public const string Interval = "Interval";
    public const string ModelRef = "ModelRef";
    public const string Health = "Health";
    public const string ModelInfo = "ModelInfo";
    public const string Versions = "Versions";
    public const string VersionEntry = "VersionEntry";
    public const string Reload = "Reload";
    public const string PromoteRequest = "PromoteRequest";
    public const string PointerChange = "PointerChange";

    /// <summary>The answer of a retire.</summary>
    public const string Retired = "Retired";
    /// <summary>The body of a release start.</summary>
    public const string ReleaseRequest = "ReleaseRequest";

    /// <summary>A running release and this instance's numbers of it.</summary>
    public const string ReleaseStatus = "ReleaseStatus";

    /// <summary>A release that started, was updated or ended.</summary>
    public const string ReleaseChange = "ReleaseChange";

    /// <summary>A release as the pointer holds it.</summary>
    public const string Release = "Release";

    /// <summary>One role's numbers during a release.</summary>
    public const string ReleaseRole = "ReleaseRole";
    public const string RetrainRequest = "RetrainRequest";
    public const string RetrainAccepted = "RetrainAccepted";
    public const string Run = "Run";
    public const string Problem = "Problem";
    public const string ValidationError = "ValidationError";
}
