using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Batch;

/// <summary>Validates <see cref="PredictionsOptions"/> at start (source-generated from its data annotations).</summary>
[OptionsValidator]
internal sealed partial class PredictionsOptionsValidator : IValidateOptions<PredictionsOptions>;
