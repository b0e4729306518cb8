using System.Globalization;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Training.Pipeline;

/// <summary>Whether the rows read can be trained on: some rows, few enough rejected, enough accepted.</summary>
internal static class TrainingDataChecks
{
    private const int RejectionsInReason = 5;

    /// <summary>Why the data cannot be trained on, or null when it can.</summary>
    public static string? InvalidReason(TrainingDataReadResult data, TrainingOptions settings)
    {
        if (data.RowsRead == 0)
        {
            return "the data has a header but no rows";
        }

        if (data.RejectedShare > settings.MaxRejectRatio)
        {
            string first = string.Join("; ", data.Rejections.Take(RejectionsInReason));
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{data.RowsRejected} of {data.RowsRead} rows were rejected ({data.RejectedShare:P1}), more than the {settings.MaxRejectRatio:P1} allowed; first: {first}");
        }

        if (data.Accepted.Count < settings.MinimumRows)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"only {data.Accepted.Count} rows were accepted; training needs at least {settings.MinimumRows}");
        }

        return null;
    }
}
