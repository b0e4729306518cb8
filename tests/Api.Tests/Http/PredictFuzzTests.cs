using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ArchiveForecast.Api.Tests.Builders;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>
/// A bounded fuzz of <c>POST /api/predict</c> through Kestrel with a fixed seed: random bytes, byte-level mutations of a
/// valid body, and mutations of its JSON values. No answer may be a 500 or anything but the documented statuses, no
/// error may be logged, and the served model must be unchanged afterwards (same version, same numbers for a probe).
/// </summary>
[TestFixture]
[Category("Http")]
public sealed class PredictFuzzTests
{
    private const int Seed = 20261207;
    private const int CasesPerKind = 150;
    private const string Placeholder = "fuzz-value";

    // Bounds the test in time on a loaded machine; the cases sent before the budget ran out still count.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    private static readonly HttpStatusCode[] Documented =
        [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity, HttpStatusCode.RequestEntityTooLarge];

    private static readonly string[] Tokens =
    [
        "\"\\ud800\"", "\"\\udc00\"", "1e400", "-1e400", "-1", "0", "null", "true", "\"\"", "{", "}", "[", "]", ",", ":", "\"",
        "\\", "\"NaN\"", "1.5", "9007199254740993", "\"2024-13-01\"", "\"\\u0000\"", "{\"instances\":[]}", "/* */",
    ];

    private static readonly string[] Values =
    [
        "\"\\ud800\"", "\"\\udc00\"", "1e400", "-1e400", "-1", "0", "0.5", "null", "true", "\"\"", "{}", "[]", "\"NaN\"", "1.5",
        "9007199254740993", "\"2024-13-01\"", "\"2025-07-01\"", "\"\\u0000\"", "{\"instances\":[]}", "[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]",
    ];

    private ApiServer server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => server = await ApiServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await server.DisposeAsync();

    [Test]
    public async Task Predict_FuzzedBodies_NeverAnswer500_AndLeaveTheServedModelUnchanged()
    {
        var random = new Random(Seed);
        byte[] valid = PredictBodyBuilder.WithInstances(3).Set(1, "pct_pdf", "0.25").BuildUtf8();
        string probe = PredictBodyBuilder.WithInstances(2).Set(1, "total_files", "4000").Build();
        string probeBefore = await ProbeAsync(probe);
        var before = await StoreSnapshot.TakeAsync(server);
        var failures = new List<string>();
        var statuses = new Dictionary<HttpStatusCode, int>();
        var clock = Stopwatch.StartNew();
        int sent = 0;

        foreach (var (kind, body) in Bodies(random, valid))
        {
            if (clock.Elapsed > Budget)
            {
                break;
            }

            using var response = await SendAsync(body);
            sent++;
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            string text = await response.Content.ReadAsStringAsync();
            if (!Documented.Contains(response.StatusCode) || !IsJson(text))
            {
                failures.Add($"{kind}: {(int)response.StatusCode} for {Convert.ToBase64String(body)}");
            }
        }

        var errors = server.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message).ToList();
        string probeAfter = await ProbeAsync(probe);
        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.GreaterThanOrEqualTo(100), "cases sent within the time budget");
            Assert.That(failures, Is.Empty, $"statuses: {string.Join(", ", statuses.Select(s => $"{(int)s.Key}×{s.Value}"))}");
            Assert.That(errors, Is.Empty);
            Assert.That(statuses.Keys, Does.Contain(HttpStatusCode.BadRequest).And.Contain(HttpStatusCode.OK), "the fuzz reached both the parser's errors and the model");
            Assert.That(probeAfter, Is.EqualTo(probeBefore), "the served model answers the probe as before");
        });
        await StoreSnapshot.AssertUnchangedAsync(server, before);
    }

    private static IEnumerable<(string Kind, byte[] Body)> Bodies(Random random, byte[] valid)
    {
        for (int i = 0; i < CasesPerKind; i++)
        {
            yield return ("random-bytes", RandomBytes(random, random.Next(0, 600)));
            yield return ("byte-mutation", MutateBytes(random, valid));
            yield return ("token-splice", SpliceToken(random, valid));
            yield return ("value-mutation", MutateValue(random, valid));
            yield return ("bytes-in-a-string", BytesInAString(random, valid));
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);

        // Half of them start like a body so that they get past the first byte of the parser.
        if (length > 14 && random.Next(2) == 0)
        {
            "{\"instances\":["u8.CopyTo(bytes);
        }

        return bytes;
    }

    private static byte[] MutateBytes(Random random, byte[] valid)
    {
        var bytes = new List<byte>(valid);
        int mutations = random.Next(1, 6);
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    private static byte[] SpliceToken(Random random, byte[] valid)
    {
        string text = Encoding.UTF8.GetString(valid);
        int at = random.Next(text.Length);
        int cut = random.Next(0, Math.Min(12, text.Length - at));
        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), Tokens[random.Next(Tokens.Length)], text.AsSpan(at + cut)));
    }

    private static byte[] BytesInAString(Random random, byte[] valid)
    {
        // Bytes of the upper half inside a property name or a string value: the reader accepts them until decoded.
        var quotes = valid.Select((b, i) => (b, i)).Where(x => x.b == (byte)'"').Select(x => x.i).ToList();
        int at = quotes[random.Next(quotes.Count)] + 1;
        byte[] inserted = new byte[random.Next(1, 4)];
        for (int i = 0; i < inserted.Length; i++)
        {
            inserted[i] = (byte)random.Next(0x80, 0x100);
        }

        return [.. valid.AsSpan(0, at), .. inserted, .. valid.AsSpan(at)];
    }

    private static byte[] MutateValue(Random random, byte[] valid)
    {
        // Valid JSON throughout: one field of one instance gets another value, goes missing, or gets a sibling.
        var root = JsonNode.Parse(valid)!.AsObject();
        var instances = root["instances"]!.AsArray();
        var instance = instances[random.Next(instances.Count)]!.AsObject();
        string field = instance.ElementAt(random.Next(instance.Count)).Key;
        switch (random.Next(4))
        {
            case 0:
                instance.Remove(field);
                break;
            case 1:
                instance["extra_" + random.Next(3)] = random.Next();
                break;
            default:
                instance[field] = Placeholder;
                break;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString().Replace($"\"{Placeholder}\"", Values[random.Next(Values.Length)], StringComparison.Ordinal));
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(byte[] body)
    {
        using var request = ApiServer.Request(HttpMethod.Post, "/api/predict", TestKeys.Function);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await server.Client.SendAsync(request);
    }

    private async Task<string> ProbeAsync(string probe)
    {
        using var response = await server.PredictAsync(probe);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }
}
