using System.Text.Json;
using ArchiveForecast.Core.Inference;

namespace ArchiveForecast.Api.Handlers;

/// <summary>Reload outcomes as the wire writes them (<c>swapped</c>, <c>unchanged</c>, <c>no_pointer</c>, <c>failed</c>).</summary>
internal static class ReloadOutcomeNames
{
    public static string Of(ReloadOutcome outcome) => JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString());
}
