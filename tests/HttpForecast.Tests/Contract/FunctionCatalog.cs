using System.Reflection;
using ArchiveForecast.HttpForecast.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Tests.Contract;

/// <summary>What the worker's metadata generator sees: every public class of the app with a <c>[Function]</c> method, and its trigger.</summary>
internal static class FunctionCatalog
{
    public static Assembly App { get; } = typeof(FunctionsServiceCollectionExtensions).Assembly;

    public static IReadOnlyList<Type> FunctionClasses { get; } =
        [.. App.GetTypes().Where(t => t.IsClass && FunctionMethodsOf(t).Count > 0).OrderBy(t => t.Name, StringComparer.Ordinal)];

    public static IReadOnlyList<FunctionEntry> Functions { get; } =
        [.. FunctionClasses.SelectMany(FunctionMethodsOf).Select(FunctionEntry.Of)];

    public static IReadOnlyList<FunctionEntry> HttpFunctions { get; } = [.. Functions.Where(f => f.Http is not null)];

    public static IReadOnlyList<MethodInfo> FunctionMethodsOf(Type type) =>
        [.. type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)];
}

/// <summary>One function: its name, method and the trigger attribute on one of its parameters.</summary>
internal sealed record FunctionEntry(string Name, MethodInfo Method, HttpTriggerAttribute? Http, TimerTriggerAttribute? Timer, QueueTriggerAttribute? Queue)
{
    public string HttpMethod => Http?.Methods is [var single] ? single.ToUpperInvariant() : string.Join(',', Http?.Methods ?? []);

    public string Route => Http?.Route ?? Name;

    public string RouteKey => ContractRoute.RouteKey(HttpMethod, Route);

    public static FunctionEntry Of(MethodInfo method)
    {
        var parameters = method.GetParameters();
        return new FunctionEntry(
            method.GetCustomAttribute<FunctionAttribute>()!.Name,
            method,
            parameters.Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null),
            parameters.Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).SingleOrDefault(a => a is not null),
            parameters.Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()).SingleOrDefault(a => a is not null));
    }

    public override string ToString() => $"{Name} ({Method.DeclaringType!.Name})";
}
