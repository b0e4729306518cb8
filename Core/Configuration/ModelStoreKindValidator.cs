using Microsoft.Extensions.Options;

namespace ArchiveForecast.Core.Configuration;

/// <summary>Exactly one of Path, ContainerUri and ConnectionString must choose the store.</summary>
internal sealed class ModelStoreKindValidator : IValidateOptions<ModelStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelStoreOptions options) =>
        ModelStoreSelection.TryGetKind(options, out _, out var error) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
}
