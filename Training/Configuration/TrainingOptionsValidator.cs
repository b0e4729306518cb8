using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Configuration;

/// <summary>Validates <see cref="TrainingOptions"/> at start (source-generated from its data annotations).</summary>
[OptionsValidator]
internal sealed partial class TrainingOptionsValidator : IValidateOptions<TrainingOptions>;
