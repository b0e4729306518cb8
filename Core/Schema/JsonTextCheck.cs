using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ArchiveForecast.Core.Schema;

/// <summary>
/// Finds text in a JSON document that is not valid Unicode: bytes that are not UTF-8 (stray bytes such as 0xFF,
/// overlong forms such as 0xC0 0xAF, truncated sequences, encoded surrogates) and <c>\u</c> escapes that leave a
/// surrogate unpaired (<c>"\ud800"</c>). <see cref="Utf8JsonReader"/> reads such strings without complaint and only
/// fails when one is decoded, so every input reader runs this first and answers with a client error instead.
/// </summary>
public static class JsonTextCheck
{
    private const string ValueDetail =
        "The string is not valid Unicode text: it holds bytes that are not UTF-8 (stray, overlong or truncated sequences) or an unpaired surrogate escape.";

    private const string NameDetail =
        "A property name of this object is not valid Unicode text: it holds bytes that are not UTF-8 or an unpaired surrogate escape.";

    /// <summary>
    /// The first invalid text of <paramref name="json"/>, or null when all of its text is valid (or the document is not
    /// JSON at all: the caller's parser reports that). Costs one vectorised UTF-8 scan unless the document holds
    /// invalid UTF-8 or a <c>\u</c> escape, and then one extra read of the document.
    /// </summary>
    public static InvalidJsonText? Find(ReadOnlySpan<byte> json)
    {
        bool validUtf8 = Utf8.IsValid(json);
        if (validUtf8 && json.IndexOf("\\u"u8) < 0)
        {
            return null;
        }

        var path = new List<Frame>();
        string? pendingName = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (!IsValidText(ref reader))
                        {
                            return new InvalidJsonText(Pointer(path, null), NameDetail);
                        }

                        pendingName = reader.GetString();
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path.Add(new Frame(Segment(path, pendingName), reader.TokenType == JsonTokenType.StartArray));
                        pendingName = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        Advance(path);
                        break;
                    case JsonTokenType.String:
                        if (!IsValidText(ref reader))
                        {
                            return new InvalidJsonText(Pointer(path, Segment(path, pendingName)), ValueDetail);
                        }

                        pendingName = null;
                        Advance(path);
                        break;
                    default:
                        pendingName = null;
                        Advance(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (or deeper than the reader allows) before any invalid string: the parser says why, unless the
            // bytes are not UTF-8, which is said here with the byte offset.
        }

        return validUtf8
            ? null
            : new InvalidJsonText(null, string.Create(CultureInfo.InvariantCulture, $"The body is not valid UTF-8 text (first invalid byte at offset {FirstInvalidByte(json)})."));
    }

    /// <summary>The offset of the first byte that does not belong to a valid UTF-8 sequence, or -1.</summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }

    private static bool IsValidText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan);
        }

        try
        {
            // Unescaping is where an unpaired surrogate escape or a non-UTF-8 byte beside an escape shows.
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? Segment(List<Frame> path, string? name)
    {
        if (path.Count == 0)
        {
            return null;
        }

        var parent = path[^1];
        return parent.IsArray
            ? parent.Index.ToString(CultureInfo.InvariantCulture)
            : Escape(name ?? string.Empty);
    }

    private static void Advance(List<Frame> path)
    {
        if (path.Count > 0 && path[^1].IsArray)
        {
            path[^1] = path[^1] with { Index = path[^1].Index + 1 };
        }
    }

    private static string Pointer(List<Frame> path, string? last)
    {
        var pointer = new StringBuilder();
        for (int i = 1; i < path.Count; i++)
        {
            pointer.Append('/').Append(path[i].Segment);
        }

        if (last is not null)
        {
            pointer.Append('/').Append(last);
        }

        return pointer.ToString();
    }

    private static string Escape(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private sealed record Frame(string? Segment, bool IsArray, int Index = 0);
}
