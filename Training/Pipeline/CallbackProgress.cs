namespace ArchiveForecast.Training.Pipeline;

/// <summary>Reports synchronously, in order, on the reporting thread (<see cref="Progress{T}"/> posts to the thread pool and may reorder).</summary>
internal sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
