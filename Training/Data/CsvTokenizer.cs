using System.Text;

namespace ArchiveForecast.Training.Data;

/// <summary>
/// An RFC 4180 tokenizer fed in chunks, so the file is read asynchronously without ever being held whole. Accepts LF,
/// CRLF and CR line ends, skips blank lines, and counts physical lines so that a record that spans lines (a quoted
/// newline) is still reported at the line it starts on. A syntax error spoils only its own record.
/// </summary>
internal sealed class CsvTokenizer
{
    /// <summary>Longer fields are cut and their record rejected, so a runaway quote cannot eat the memory.</summary>
    public const int MaxFieldChars = 4096;

    /// <summary>Records with more fields are rejected (and their extra fields not kept).</summary>
    public const int MaxFields = 512;

    private readonly Queue<CsvRawRecord> ready = new();
    private readonly List<string> fields = [];
    private readonly StringBuilder field = new();
    private State state = State.FieldStart;
    private bool inRecord;
    private bool skipLineFeed;
    private bool lastWasCarriageReturn;
    private bool afterClosingQuote;
    private int line = 1;
    private int recordLine;
    private int quoteLine;
    private string? error;

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>The physical line the tokenizer is on (1-based).</summary>
    public int Line => line;

    /// <summary>Consumes a chunk of text; complete records become available through <see cref="TryTake"/>.</summary>
    public void Feed(ReadOnlySpan<char> chunk)
    {
        foreach (char c in chunk)
        {
            Process(c);
        }
    }

    /// <summary>Ends the input: a record without a final line end is completed.</summary>
    public void Complete()
    {
        if (state == State.Quoted)
        {
            error ??= $"a quoted field opened on line {quoteLine} is not closed before the end of the file";
        }

        if (inRecord)
        {
            EndField();
            EndRecord();
        }
    }

    /// <summary>Takes the next complete record.</summary>
    public bool TryTake(out CsvRawRecord record) => ready.TryDequeue(out record);

    private void Process(char c)
    {
        if (skipLineFeed)
        {
            skipLineFeed = false;
            if (c == '\n')
            {
                return;
            }
        }

        if (state == State.QuoteInQuoted)
        {
            if (c == '"')
            {
                Append('"');
                state = State.Quoted;
                return;
            }

            state = State.Unquoted;
            afterClosingQuote = true;
        }

        if (state == State.Quoted)
        {
            if (c == '"')
            {
                state = State.QuoteInQuoted;
                return;
            }

            if (c == '\r' || (c == '\n' && !lastWasCarriageReturn))
            {
                line++;
            }

            lastWasCarriageReturn = c == '\r';
            Append(c);
            return;
        }

        if (!inRecord)
        {
            if (c is '\r' or '\n')
            {
                line++;
                skipLineFeed = c == '\r';
                return;
            }

            inRecord = true;
            recordLine = line;
        }

        switch (c)
        {
            case ',':
                EndField();
                break;
            case '\r' or '\n':
                EndField();
                EndRecord();
                line++;
                skipLineFeed = c == '\r';
                break;
            case '"' when state == State.FieldStart:
                state = State.Quoted;
                quoteLine = line;
                lastWasCarriageReturn = false;
                break;
            case '"':
                error ??= $"a quote appears inside unquoted field {fields.Count + 1} (quote the whole field and double inner quotes)";
                Append(c);
                state = State.Unquoted;
                break;
            default:
                if (afterClosingQuote)
                {
                    error ??= $"field {fields.Count + 1} has text after its closing quote";
                    afterClosingQuote = false;
                }

                Append(c);
                state = State.Unquoted;
                break;
        }
    }

    private void Append(char c)
    {
        if (field.Length < MaxFieldChars)
        {
            field.Append(c);
        }
        else
        {
            error ??= $"field {fields.Count + 1} is longer than {MaxFieldChars} characters";
        }
    }

    private void EndField()
    {
        if (fields.Count < MaxFields)
        {
            fields.Add(field.ToString());
        }
        else
        {
            error ??= $"the row has more than {MaxFields} fields";
        }

        field.Clear();
        state = State.FieldStart;
        afterClosingQuote = false;
    }

    private void EndRecord()
    {
        ready.Enqueue(new CsvRawRecord(recordLine, [.. fields], error));
        fields.Clear();
        error = null;
        inRecord = false;
    }
}
