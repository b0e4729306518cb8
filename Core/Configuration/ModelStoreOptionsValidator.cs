using Microsoft.Extensions.Options;

namespace ArchiveForecast.Core.Configuration;

/// <summary>The data-annotation rules of <see cref="ModelStoreOptions"/>, checked by generated code (no reflection).</summary>
[OptionsValidator]
internal sealed partial class ModelStoreOptionsValidator : IValidateOptions<ModelStoreOptions>;
