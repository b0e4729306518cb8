using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Configuration;

/// <summary>Validates <see cref="TrainingDataOptions"/> at start (source-generated from its data annotations).</summary>
[OptionsValidator]
internal sealed partial class TrainingDataOptionsValidator : IValidateOptions<TrainingDataOptions>;
