using ArchiveForecast.Core.Configuration;
using ArchiveForecast.HttpForecast.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Configuration.AddArchiveForecastKeyVault();
builder.Services.AddArchiveForecastFunctions(builder.Configuration);
builder.Build().Run();
