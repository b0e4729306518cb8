using Microsoft.Extensions.Options;

namespace ArchiveForecast.Api.Limits;

/// <summary>The data-annotation rules of <see cref="PredictionLimitOptions"/>, checked by generated code.</summary>
[OptionsValidator]
internal sealed partial class PredictionLimitOptionsValidator : IValidateOptions<PredictionLimitOptions>;
