namespace ArchiveForecast.Cli.Scoring;

/// <summary>Counts every problem of a file and keeps the first thousand with their locations.</summary>
internal sealed class ProblemList
{
    public const int MaxKept = 1000;

    public List<InputProblem> Kept { get; } = [];

    public int Count { get; private set; }

    public void Add(InputProblem problem)
    {
        Count++;
        if (Kept.Count < MaxKept)
        {
            Kept.Add(problem);
        }
    }
}
