using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Jobs;

/// <summary>Validates <see cref="RetrainQueueOptions"/> at start (source-generated from its data annotations).</summary>
[OptionsValidator]
internal sealed partial class RetrainQueueOptionsValidator : IValidateOptions<RetrainQueueOptions>;
