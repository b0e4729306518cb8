using System.Text;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Training.Batch;

namespace ArchiveForecast.Training.Tests.Batch;

[TestFixture]
public sealed class BatchScorerTests
{
    private TrainingHarness harness = null!;
    private ForecastModel model = null!;

    [OneTimeSetUp]
    public async Task TrainOnce()
    {
        harness = new TrainingHarness();
        await harness.TrainAsync(TrainingHarness.Csv(300, seed: 2));
        model = ForecastModel.Load(await harness.Registry.LoadVersionAsync(TrainingHarness.Name, 1, CancellationToken.None), TimeProvider.System);
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        model.Dispose();
        harness.Dispose();
    }

    [Test]
    public async Task Score_ManyBatches_WritesEveryRowOnceInOrder()
    {
        var scorer = new BatchScorer(model, 0.8, batchRows: 100);
        var sink = new ListSink();
        long lastProgress = 0;

        var result = await scorer.ScoreAsync(Csv(TrainingHarness.CsvText(1_050, seed: 3)), sink, (read, _) => { lastProgress = read; return ValueTask.CompletedTask; }, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.RowsScored, Is.EqualTo(1_050));
            Assert.That(sink.Rows.Select(r => r.Line), Is.EqualTo(Enumerable.Range(2, 1_050)));
            Assert.That(sink.Completed, Is.True);
            Assert.That(lastProgress, Is.EqualTo(1_050));
        });
    }

    [Test]
    public async Task Score_StopScoringAfterReject_StillCountsEveryProblem()
    {
        var scorer = new BatchScorer(model, 0.8, batchRows: 10) { StopScoringAfterReject = true };
        string text = TrainingHarness.CsvText(200, seed: 4, (i, line) => i is 20 or 150 ? line.Replace(',', ';') : line);

        var result = await scorer.ScoreAsync(Csv(text), new ListSink(), null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.RowsRejected, Is.EqualTo(2));
            Assert.That(result.RejectedLines, Is.EqualTo(new[] { 21, 151 }));
            Assert.That(result.RowsScored, Is.LessThan(20));
        });
    }

    [Test]
    public void Score_EmptyFile_FailsAskingForAHeader() =>
        Assert.That(
            async () => await new BatchScorer(model, 0.8).ScoreAsync(Csv(string.Empty), new ListSink(), null, CancellationToken.None),
            Throws.TypeOf<TrainingDataException>().With.Message.Contains("header"));

    [Test]
    public async Task Score_FirstRowsUnreadable_NeverAsksForTheModel()
    {
        bool asked = false;
        var scorer = new BatchScorer(_ => { asked = true; return Task.FromResult(model); }, 0.8) { StopScoringAfterReject = true };

        var result = await scorer.ScoreAsync(Csv("month,total_files,avg_file_size_mb,pct_pdf,pct_docx,pct_xlsx,archive_frequency_per_day\n2024-01-01,x,1,0.1,0.1,0.1,1\n"), new ListSink(), null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.RowsRejected, Is.EqualTo(1));
            Assert.That(asked, Is.False);
        });
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private sealed class ListSink : IScoredRowSink
    {
        public List<ScoredRow> Rows { get; } = [];

        public bool Completed { get; private set; }

        public ValueTask BeginAsync(IReadOnlyList<string> header, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask WriteAsync(IReadOnlyList<ScoredRow> rows, CancellationToken cancellationToken)
        {
            Rows.AddRange(rows);
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken)
        {
            Completed = true;
            return ValueTask.CompletedTask;
        }
    }
}
