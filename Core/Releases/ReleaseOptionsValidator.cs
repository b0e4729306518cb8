using Microsoft.Extensions.Options;

namespace ArchiveForecast.Core.Releases;

/// <summary>The data-annotation rules of <see cref="ReleaseOptions"/>, checked by generated code (no reflection).</summary>
[OptionsValidator]
internal sealed partial class ReleaseOptionsValidator : IValidateOptions<ReleaseOptions>;
