using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Core.Features;

/// <summary>Turns a validated input into the feature vector of <see cref="FeatureSchema"/>. Pure and allocation-free.</summary>
public static class FeatureBuilder
{
    /// <summary>MB in a GB, as the original service counted (binary).</summary>
    public const double MbPerGb = 1024.0;

    /// <summary>Writes the features of <paramref name="input"/> into <paramref name="destination"/> (length <see cref="FeatureSchema.Count"/>).</summary>
    public static void Write(ForecastInput input, Span<float> destination)
    {
        if (destination.Length < FeatureSchema.Count)
        {
            throw new ArgumentException($"The destination needs {FeatureSchema.Count} elements.", nameof(destination));
        }

        // Cyclic encoding puts December next to January, so seasonality is learnt once, not twice.
        double angle = 2 * Math.PI * (input.Month.Month - 1) / 12.0;
        double other = Math.Max(0, 1 - input.PctPdf - input.PctDocx - input.PctXlsx);
        double totalGb = input.TotalFiles * input.AvgFileSizeMb / MbPerGb;

        destination[0] = (float)Math.Sin(angle);
        destination[1] = (float)Math.Cos(angle);
        destination[2] = input.TotalFiles;
        destination[3] = (float)input.AvgFileSizeMb;
        destination[4] = (float)input.PctPdf;
        destination[5] = (float)input.PctDocx;
        destination[6] = (float)input.PctXlsx;
        destination[7] = (float)other;
        destination[8] = (float)input.ArchiveFrequencyPerDay;
        destination[9] = (float)totalGb;
        destination[10] = (float)(totalGb * input.PctPdf);
        destination[11] = (float)(totalGb * input.PctDocx);
        destination[12] = (float)(totalGb * input.PctXlsx);
        destination[13] = (float)(totalGb * other);
    }

    /// <summary>The features of <paramref name="input"/> as a new array.</summary>
    public static float[] Build(ForecastInput input)
    {
        var features = new float[FeatureSchema.Count];
        Write(input, features);
        return features;
    }
}
