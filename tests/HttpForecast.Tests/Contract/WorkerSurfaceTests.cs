using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Tests.Contract;

/// <summary>
/// The worker types the function classes use, as the pinned packages declare them. The same tests compile against the
/// real packages in a normal build and against HttpForecast/Offline in an offline build, so they keep the two in step.
/// </summary>
[TestFixture]
public sealed class WorkerSurfaceTests
{
    private const string WorkerNamespace = "Microsoft.Azure.Functions.Worker";

    [Test]
    public void AuthorizationLevel_HasThePackagesValues()
    {
        var values = Enum.GetValues<AuthorizationLevel>().ToDictionary(v => v.ToString(), v => (int)v);

        Assert.That(values, Is.EquivalentTo(new Dictionary<string, int>
        {
            ["Anonymous"] = 0,
            ["User"] = 1,
            ["Function"] = 2,
            ["System"] = 3,
            ["Admin"] = 4,
        }));
    }

    [Test]
    public void HttpTriggerAttribute_KeepsLevelMethodsAndRoute()
    {
        var attribute = new HttpTriggerAttribute(AuthorizationLevel.Admin, "post", "get") { Route = "models/{name}/promote" };

        Assert.Multiple(() =>
        {
            Assert.That(attribute.AuthLevel, Is.EqualTo(AuthorizationLevel.Admin));
            Assert.That(attribute.Methods, Is.EqualTo(new[] { "post", "get" }));
            Assert.That(attribute.Route, Is.EqualTo("models/{name}/promote"));
            Assert.That(new HttpTriggerAttribute().AuthLevel, Is.EqualTo(AuthorizationLevel.Function));
            Assert.That(new HttpTriggerAttribute(AuthorizationLevel.Anonymous).Methods, Is.Null);
        });
    }

    [Test]
    public void TimerTriggerAttribute_MonitorsItsScheduleAndDoesNotRunOnStartup_ByDefault()
    {
        var attribute = new TimerTriggerAttribute("%Retraining:Schedule%");

        Assert.Multiple(() =>
        {
            Assert.That(attribute.Schedule, Is.EqualTo("%Retraining:Schedule%"));
            Assert.That(attribute.UseMonitor, Is.True);
            Assert.That(attribute.RunOnStartup, Is.False);
        });
    }

    [Test]
    public void QueueTriggerAttribute_KeepsQueueAndConnection()
    {
        var attribute = new QueueTriggerAttribute("%RetrainQueue:QueueName%") { Connection = "RetrainQueueConnection" };

        Assert.Multiple(() =>
        {
            Assert.That(attribute.QueueName, Is.EqualTo("%RetrainQueue:QueueName%"));
            Assert.That(attribute.Connection, Is.EqualTo("RetrainQueueConnection"));
        });
    }

    [Test]
    public void TimerInfo_CarriesPastDueAndScheduleStatus()
    {
        var next = new DateTime(2026, 4, 1, 3, 0, 0, DateTimeKind.Utc);
        var timer = new TimerInfo { IsPastDue = true, ScheduleStatus = new ScheduleStatus { Next = next } };

        Assert.Multiple(() =>
        {
            Assert.That(timer.IsPastDue, Is.True);
            Assert.That(timer.ScheduleStatus?.Next, Is.EqualTo(next));
        });
    }

    [TestCase(typeof(FunctionAttribute), AttributeTargets.Method)]
    [TestCase(typeof(HttpTriggerAttribute), AttributeTargets.Parameter)]
    [TestCase(typeof(TimerTriggerAttribute), AttributeTargets.Parameter)]
    [TestCase(typeof(QueueTriggerAttribute), AttributeTargets.Parameter)]
    public void Attribute_LivesInTheWorkerNamespace_AndTargetsWhatThePackageTargets(Type attribute, AttributeTargets targets)
    {
        Assert.Multiple(() =>
        {
            Assert.That(attribute.Namespace, Is.EqualTo(WorkerNamespace));
            Assert.That(attribute.GetCustomAttribute<AttributeUsageAttribute>(inherit: true)?.ValidOn, Is.EqualTo(targets));
        });
    }

    [Test]
    public void FunctionAttribute_KeepsTheFunctionName()
    {
        Assert.That(new FunctionAttribute("Predict").Name, Is.EqualTo("Predict"));
    }
}
