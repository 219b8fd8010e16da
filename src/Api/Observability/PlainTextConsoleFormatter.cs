using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace FitCoach.Api.Observability;

/// <summary>
/// The Development console format ("info: Category[0]" over an indented message), written so that only an entry
/// starts a line: control characters and Unicode line separators in messages and exception messages (a route value
/// such as <c>abc%0D%0Ainfo: ...</c> reaches a "not found" message) are written escaped (<c>\r</c>, <c>\n</c>,
/// <c>\u2028</c>), so no caller can forge or overwrite log lines. Outside Development the JSON console escapes them.
/// </summary>
public sealed class PlainTextConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "fitcoach-plain";

    private const string Padding = "      ";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var text = new StringBuilder(256)
            .Append(Level(logEntry.LogLevel)).Append(": ").Append(Escape(logEntry.Category))
            .Append('[').Append(logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture)).Append(']').Append('\n');
        if (!string.IsNullOrEmpty(message))
        {
            text.Append(Padding).Append(Escape(message)).Append('\n');
        }

        for (var exception = logEntry.Exception; exception is not null; exception = exception.InnerException)
        {
            text.Append(Padding).Append(exception == logEntry.Exception ? "" : "---> ")
                .Append(exception.GetType().FullName).Append(": ").Append(Escape(exception.Message)).Append('\n');
            foreach (var frame in (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                text.Append(Padding).Append(Escape(frame)).Append('\n');
            }
        }

        textWriter.Write(text.ToString());
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

    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(i => (char)i)) + "\u007f" +
        string.Concat(Enumerable.Range(0x80, 0x20).Select(i => (char)i)) + "\u2028\u2029");

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
