using Microsoft.Extensions.Options;

namespace ArchiveForecast.Core.Drift;

/// <summary>The data-annotation rules of <see cref="DriftOptions"/>, checked by generated code.</summary>
[OptionsValidator]
internal sealed partial class DriftOptionsValidator : IValidateOptions<DriftOptions>;
