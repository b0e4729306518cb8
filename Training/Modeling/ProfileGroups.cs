using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Modeling;

/// <summary>
/// Groups the rows of a file that names no source into likely sources. A source's months share a file-type mix, an
/// archive frequency and a file size that drift little, while two sources rarely share all five, so rows linked by
/// "close on every one of them" (single linkage, found through a grid of cells one threshold wide) are kept together.
/// Holding such groups out together is what makes a calibration honest for sources the model never saw.
/// </summary>
public static class ProfileGroups
{
    // Per dimension: pct_pdf, pct_docx, pct_xlsx, ln(archive_frequency_per_day), ln(avg_file_size_mb). A source's
    // months differ by a few hundredths in each share and by some percent in frequency and size.
    private static readonly double[] Thresholds = [0.08, 0.08, 0.08, 0.5, 0.3];

    // Where many sources crowd the space, single linkage chains them into one group (on 20 000 generated rows the
    // widest thresholds put 19 000 rows in one group); the thresholds shrink until no group holds more than this share.
    private const double MaxGroupShare = 0.2;

    private static readonly double[] Scales = [1, 0.7, 0.5, 0.35, 0.25];

    /// <summary>The rows with <see cref="TrainingExample.SourceId"/> set to a group key (<c>profile-N</c>) where it was null.</summary>
    public static IReadOnlyList<TrainingExample> Assign(IReadOnlyList<TrainingExample> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var unnamed = Enumerable.Range(0, rows.Count).Where(i => rows[i].SourceId is null).ToList();
        if (unnamed.Count == 0)
        {
            return rows;
        }

        var vectors = unnamed.Select(i => Profile(rows[i].Input)).ToArray();
        int[] parent = [];
        foreach (double scale in Scales)
        {
            parent = Link(vectors, [.. Thresholds.Select(t => t * scale)]);
            int largest = Enumerable.Range(0, parent.Length).GroupBy(i => Find(parent, i)).Max(g => g.Count());
            if (largest <= MaxGroupShare * vectors.Length)
            {
                break;
            }
        }

        var result = rows.ToArray();
        for (int k = 0; k < unnamed.Count; k++)
        {
            result[unnamed[k]] = rows[unnamed[k]] with { SourceId = $"profile-{Find(parent, k)}" };
        }

        return result;
    }

    private static int[] Link(double[][] vectors, double[] thresholds)
    {
        var parent = Enumerable.Range(0, vectors.Length).ToArray();
        var cells = new Dictionary<(long, long, long, long, long), List<int>>();
        for (int i = 0; i < vectors.Length; i++)
        {
            var cell = CellOf(vectors[i], thresholds);
            if (!cells.TryGetValue(cell, out var members))
            {
                cells[cell] = members = [];
            }

            members.Add(i);
        }

        foreach (var (cell, members) in cells)
        {
            foreach (var neighbour in Neighbours(cell))
            {
                if (!cells.TryGetValue(neighbour, out var others))
                {
                    continue;
                }

                foreach (int a in members)
                {
                    foreach (int b in others)
                    {
                        if (a < b && Close(vectors[a], vectors[b], thresholds))
                        {
                            Union(parent, a, b);
                        }
                    }
                }
            }
        }

        return parent;
    }

    private static double[] Profile(ForecastInput input) =>
    [
        input.PctPdf,
        input.PctDocx,
        input.PctXlsx,
        Math.Log(Math.Max(input.ArchiveFrequencyPerDay, 1e-3)),
        Math.Log(Math.Max(input.AvgFileSizeMb, 1e-3)),
    ];

    private static (long, long, long, long, long) CellOf(double[] v, double[] t) =>
        ((long)Math.Floor(v[0] / t[0]), (long)Math.Floor(v[1] / t[1]), (long)Math.Floor(v[2] / t[2]), (long)Math.Floor(v[3] / t[3]), (long)Math.Floor(v[4] / t[4]));

    private static IEnumerable<(long, long, long, long, long)> Neighbours((long A, long B, long C, long D, long E) cell)
    {
        for (long a = -1; a <= 1; a++)
        for (long b = -1; b <= 1; b++)
        for (long c = -1; c <= 1; c++)
        for (long d = -1; d <= 1; d++)
        for (long e = -1; e <= 1; e++)
        {
            yield return (cell.A + a, cell.B + b, cell.C + c, cell.D + d, cell.E + e);
        }
    }

    private static bool Close(double[] x, double[] y, double[] thresholds)
    {
        for (int d = 0; d < x.Length; d++)
        {
            if (Math.Abs(x[d] - y[d]) > thresholds[d])
            {
                return false;
            }
        }

        return true;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a), rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
