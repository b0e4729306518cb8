namespace ArchiveForecast.Api.Tests.Builders;

/// <summary>
/// Builds predict request bodies as raw JSON text, so tests can write what a serializer never would: duplicate keys,
/// strings for numbers, 1e400. Each instance starts as the Python-era example and is changed field by field.
/// </summary>
internal sealed class PredictBodyBuilder
{
    public static readonly IReadOnlyList<KeyValuePair<string, string>> PythonEraInstance =
    [
        new("month", "\"2025-07-01\""),
        new("total_files", "120000"),
        new("avg_file_size_mb", "1.2"),
        new("pct_pdf", "0.4"),
        new("pct_docx", "0.3"),
        new("pct_xlsx", "0.2"),
        new("archive_frequency_per_day", "15"),
    ];

    private readonly List<List<KeyValuePair<string, string>>> instances = [];

    public static PredictBodyBuilder WithInstances(int count)
    {
        var builder = new PredictBodyBuilder();
        for (int i = 0; i < count; i++)
        {
            builder.instances.Add([.. PythonEraInstance]);
        }

        return builder;
    }

    /// <summary>Replaces a field's raw JSON value (or adds the field at the end when it is not there).</summary>
    public PredictBodyBuilder Set(int index, string field, string rawJson)
    {
        var instance = this.instances[index];
        int at = instance.FindIndex(p => p.Key == field);
        if (at < 0)
        {
            instance.Add(new(field, rawJson));
        }
        else
        {
            instance[at] = new(field, rawJson);
        }

        return this;
    }

    /// <summary>Adds a property even when one of the name is there (duplicates, unknown fields).</summary>
    public PredictBodyBuilder Add(int index, string field, string rawJson)
    {
        this.instances[index].Add(new(field, rawJson));
        return this;
    }

    public PredictBodyBuilder Remove(int index, string field)
    {
        this.instances[index].RemoveAll(p => p.Key == field);
        return this;
    }

    public string Build()
    {
        var json = new StringBuilder("{\"instances\":[");
        for (int i = 0; i < this.instances.Count; i++)
        {
            json.Append(i == 0 ? "{" : ",{");
            json.AppendJoin(',', this.instances[i].Select(p => $"\"{p.Key}\":{p.Value}"));
            json.Append('}');
        }

        return json.Append("]}").ToString();
    }

    public byte[] BuildUtf8() => Encoding.UTF8.GetBytes(Build());
}
