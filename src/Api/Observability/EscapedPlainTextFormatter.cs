using System.Buffers;
using System.Globalization;
using System.Text;
using ZLogger;

namespace FitCoach.Api.Observability;

/// <summary>
/// The Development console format ("info: Category[0]" over an indented message), written so that only an entry
/// starts a line: control characters and Unicode line separators in messages and exception messages (a route value
/// such as <c>abc%0D%0Ainfo: ...</c> reaches a "not found" message) are written escaped (<c>\r</c>, <c>\n</c>,
/// <c>\u2028</c>), so no caller can forge or overwrite log lines. Outside Development the JSON formatter escapes them.
/// </summary>
public sealed class EscapedPlainTextFormatter : IZLoggerFormatter
{
    private const string Padding = "      ";

    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(i => (char)i)) + "\u007f" +
        string.Concat(Enumerable.Range(0x80, 0x20).Select(i => (char)i)) + "\u2028\u2029");

    /// <summary>ZLogger ends each entry with a line break.</summary>
    public bool WithLineBreak => true;

    public void FormatLogEntry(IBufferWriter<byte> writer, IZLoggerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        var info = entry.LogInfo;
        var text = new StringBuilder(256)
            .Append(Level(info.LogLevel)).Append(": ").Append(Escape(info.Category.Name))
            .Append('[').Append(info.EventId.Id.ToString(CultureInfo.InvariantCulture)).Append(']');
        var message = entry.ToString();
        if (!string.IsNullOrEmpty(message))
        {
            text.Append('\n').Append(Padding).Append(Escape(message));
        }

        for (var exception = info.Exception; exception is not null; exception = exception.InnerException)
        {
            text.Append('\n').Append(Padding).Append(exception == info.Exception ? "" : "---> ")
                .Append(exception.GetType().FullName).Append(": ").Append(Escape(exception.Message));
            foreach (var frame in (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                text.Append('\n').Append(Padding).Append(Escape(frame));
            }
        }

        foreach (var chunk in text.GetChunks())
        {
            Encoding.UTF8.GetBytes(chunk.Span, writer);
        }
    }

    /// <summary>Control characters and line or paragraph separators as visible escapes; everything else as it is.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.AsSpan().ContainsAny(Unsafe))
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\r' => escaped.Append("\\r"),
                '\n' => escaped.Append("\\n"),
                '\t' => escaped.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
