using System.Reflection;
using ArchiveForecast.Api.Routing;
using ArchiveForecast.HttpForecast.Tests.Contract;
using Microsoft.AspNetCore.Http;

namespace ArchiveForecast.HttpForecast.Tests.Functions.Http;

/// <summary>
/// Every HTTP function, invoked as the worker does, answers through the route of its name with the route values it was
/// given: a function bound to the wrong route, or passing the wrong parameter, fails here.
/// </summary>
[TestFixture]
public sealed class RouteBindingTests
{
    private const string Name = "no-such-model";
    private const string RunId = "20250101T000000Z-0abc1234";

    private FunctionsApp app = null!;

    private static IEnumerable<TestCaseData> HttpFunctions() =>
        FunctionCatalog.HttpFunctions.Select(f => new TestCaseData(f.Name).SetArgDisplayNames(f.Name));

    [OneTimeSetUp]
    public async Task StartAsync() => app = await FunctionsApp.Create().StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await app.DisposeAsync();

    [TestCaseSource(nameof(HttpFunctions))]
    public async Task HttpFunction_AnswersThroughTheRouteOfItsName_WithItsRouteValues(string functionName)
    {
        var function = FunctionCatalog.HttpFunctions.Single(f => f.Name == functionName);
        var route = ApiRoutes.All.Single(r => r.Name == functionName);

        await using var scope = app.Services.CreateAsyncScope();
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Method.DeclaringType!);
        var request = RequestFor(route).Build(scope.ServiceProvider);
        object?[] arguments = [.. function.Method.GetParameters().Select(p => Argument(p, request))];

        var result = await (Task<IResult>)function.Method.Invoke(instance, arguments)!;
        var answer = await HttpAnswer.OfAsync(result, request);

        Assert.Multiple(() =>
        {
            Assert.That(request.HttpContext.Features.Get<ApiRoute>(), Is.SameAs(route), "the route the function invoked");
            Assert.That(answer.Status, Is.Not.EqualTo(StatusCodes.Status500InternalServerError), answer.Body);
            if (route.Parameters.Contains(ApiCall.NameParameter))
            {
                // The name reached the handler: an unknown model is a 404 that names it.
                Assert.That(answer.Status, Is.EqualTo(StatusCodes.Status404NotFound), answer.Body);
                Assert.That(answer.Body, Does.Contain(Name));
            }

            if (route.Parameters.Contains(ApiCall.RunIdParameter))
            {
                Assert.That(answer.Status, Is.EqualTo(StatusCodes.Status404NotFound), answer.Body);
                Assert.That(answer.Body, Does.Contain(RunId));
            }
        });
    }

    // A body the route accepts, so that a named route gets as far as looking the model up.
    private static HttpRequestBuilder RequestFor(ApiRoute route) => route.Method switch
    {
        "GET" => HttpRequestBuilder.Get(route.Path),
        _ when route == ApiRoutes.Predict || route == ApiRoutes.PredictModel => HttpRequestBuilder.Post(route.Path).WithJson(PredictBodies.Of(PredictBodies.Instance())),
        _ when route == ApiRoutes.PromoteModel => HttpRequestBuilder.Post(route.Path).WithJson("""{"version":1}"""),
        _ when route == ApiRoutes.SubmitBatch || route == ApiRoutes.SubmitModelBatch => HttpRequestBuilder.Post(route.Path).WithJson($$"""{"dataset":"{{FunctionsAppBuilder.Dataset}}"}"""),
        _ when route == ApiRoutes.StartRelease => HttpRequestBuilder.Post(route.Path).WithJson("""{"version":2,"fraction":0.1}"""),
        "DELETE" => HttpRequestBuilder.Delete(route.Path),
        _ => HttpRequestBuilder.Post(route.Path),
    };

    private static object? Argument(ParameterInfo parameter, HttpRequest request) => parameter switch
    {
        _ when parameter.ParameterType == typeof(HttpRequest) => request,
        _ when parameter.ParameterType == typeof(CancellationToken) => CancellationToken.None,
        { Name: ApiCall.NameParameter } => Name,
        { Name: ApiCall.RunIdParameter } => RunId,
        _ => throw new InvalidOperationException($"A function parameter the test cannot bind: {parameter.Name}."),
    };
}
