using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Retraining;

/// <summary>Validates <see cref="RetrainQueueOptions"/> at start (source-generated from its data annotations).</summary>
[OptionsValidator]
internal sealed partial class RetrainQueueOptionsValidator : IValidateOptions<RetrainQueueOptions>;
