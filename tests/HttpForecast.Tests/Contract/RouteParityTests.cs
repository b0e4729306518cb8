using ArchiveForecast.HttpForecast.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Tests.Contract;

/// <summary>What the Functions host will see, checked against the API contract: routes, methods, key levels, triggers.</summary>
[TestFixture]
public sealed class RouteParityTests
{
    private static readonly string[] AnonymousRoutes = ["health", "openapi.json", "ui"];

    private static IEnumerable<TestCaseData> ContractRoutes() =>
        ContractRoute.All.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Key));

    [Test]
    public void EveryHttpFunctionMethod_IsNamedAfterItsFunction()
    {
        Assert.That(FunctionCatalog.HttpFunctions, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var function in FunctionCatalog.HttpFunctions)
            {
                Assert.That(function.Method.Name, Is.EqualTo(function.Name + "Async"), function.ToString());
            }
        });
    }

    [Test]
    public void EveryFunction_HasExactlyOneTrigger_AndAUniqueName()
    {
        Assert.Multiple(() =>
        {
            foreach (var function in FunctionCatalog.Functions)
            {
                int triggers = new object?[] { function.Http, function.Timer, function.Queue }.Count(t => t is not null);
                Assert.That(triggers, Is.EqualTo(1), function.ToString());
            }

            Assert.That(FunctionCatalog.Functions.Select(f => f.Name), Is.Unique);
        });
    }

    [TestCaseSource(nameof(ContractRoutes))]
    public void ContractRoute_IsServedByExactlyOneFunction_WithItsKeyLevel(ContractRoute route)
    {
        var serving = FunctionCatalog.HttpFunctions.Where(f => f.RouteKey == route.Key).ToList();

        Assert.That(serving, Has.Count.EqualTo(1), route.Key);
        Assert.That(serving[0].Http!.AuthLevel, Is.EqualTo(route.Level), serving[0].ToString());
    }

    [Test]
    public void EveryHttpFunction_ServesAContractRouteWithOneMethod()
    {
        var contract = ContractRoute.All.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            foreach (var function in FunctionCatalog.HttpFunctions)
            {
                Assert.That(function.Http!.Methods, Has.Length.EqualTo(1), function.ToString());
                Assert.That(contract, Does.Contain(function.RouteKey), function.ToString());
            }
        });
    }

    [Test]
    public void OnlyHealthOpenApiAndUi_AreAnonymous()
    {
        var anonymous = FunctionCatalog.HttpFunctions.Where(f => f.Http!.AuthLevel == AuthorizationLevel.Anonymous).Select(f => f.Route);

        Assert.That(anonymous, Is.EquivalentTo(AnonymousRoutes));
    }

    [Test]
    public void EveryStateChangingRoute_IsAdmin()
    {
        var stateChanging = ContractRoute.All.Where(r => r.ChangesState).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var levels = FunctionCatalog.HttpFunctions.Where(f => stateChanging.Contains(f.RouteKey)).Select(f => f.Http!.AuthLevel).ToList();

        Assert.That(levels, Has.Count.EqualTo(stateChanging.Count));
        Assert.That(levels, Is.All.EqualTo(AuthorizationLevel.Admin));
    }

    [Test]
    public void EveryHttpFunction_UsesOnlyAnonymousFunctionOrAdminKeys()
    {
        AuthorizationLevel[] used = [AuthorizationLevel.Anonymous, AuthorizationLevel.Function, AuthorizationLevel.Admin];

        Assert.That(FunctionCatalog.HttpFunctions.Select(f => f.Http!.AuthLevel), Is.All.AnyOf(used));
    }

    [Test]
    public void NoRoute_StartsWithASegmentTheHostReserves()
    {
        Assert.Multiple(() =>
        {
            foreach (var function in FunctionCatalog.HttpFunctions)
            {
                string first = function.Route.Split('/')[0];
                Assert.That(first, Is.Not.EqualTo("admin").IgnoreCase.And.Not.EqualTo("runtime").IgnoreCase, function.ToString());
            }
        });
    }

    [Test]
    public void EveryRouteParameter_IsAParameterOfTheFunctionMethod()
    {
        Assert.Multiple(() =>
        {
            foreach (var function in FunctionCatalog.HttpFunctions)
            {
                var parameters = function.Method.GetParameters().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                foreach (string segment in function.Route.Split('/').Where(s => s.StartsWith('{')))
                {
                    Assert.That(parameters, Does.Contain(segment.Trim('{', '}')), function.ToString());
                }
            }
        });
    }

    [Test]
    public void TheTimer_ReadsItsScheduleFromAnAppSetting()
    {
        var timers = FunctionCatalog.Functions.Where(f => f.Timer is not null).ToList();

        Assert.That(timers, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(timers[0].Timer!.Schedule, Is.EqualTo("%Retraining:Schedule%"));
            Assert.That(timers[0].Timer!.RunOnStartup, Is.False);
            Assert.That(timers[0].Timer!.UseMonitor, Is.True);
        });
    }

    [Test]
    public void TheQueueTrigger_ReadsItsQueueFromAnAppSetting_ThroughAFlatConnectionName()
    {
        var queues = FunctionCatalog.Functions.Where(f => f.Queue is not null).ToList();

        Assert.That(queues, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(queues[0].Queue!.QueueName, Is.EqualTo("%RetrainQueue:QueueName%"));
            Assert.That(queues[0].Queue!.Connection, Is.EqualTo(TriggerSettings.RetrainQueueConnection));
            Assert.That(queues[0].Queue!.Connection, Does.Not.Contain(":").And.Not.Contain("__"));
        });
    }
}
