using System.Globalization;

namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>
/// Cuts a transcript into words, numbers, clock times and single symbols. Letters and digits never share a token, so
/// "185lbs", "3x8" and "x5@7" come apart; a decimal point or a clock colon only counts between digits.
/// </summary>
internal static class TranscriptLexer
{
    private const int MaxClockLeadDigits = 3;

    public static List<Token> Scan(string text)
    {
        var tokens = new List<Token>(text.Length / 3 + 4);
        var glued = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                // A line break ends a statement as a full stop does: dictation apps put one exercise per line.
                tokens.Add(new Token(TokenKind.Symbol, i, i + 1, 0, "\n", false));
                glued = false;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                glued = false;
                i++;
            }
            else if (char.IsLetter(c))
            {
                i = ScanWord(text, i, glued, tokens);
                glued = true;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i = ScanNumber(text, i, glued, tokens);
                glued = true;
            }
            else
            {
                tokens.Add(new Token(TokenKind.Symbol, i, i + 1, 0, SymbolText(c), glued));
                glued = true;
                i++;
            }
        }

        return tokens;
    }

    private static string SymbolText(char c) => c switch
    {
        '\u00D7' => "x",
        '\u2013' or '\u2014' => "-",
        _ => c.ToString(),
    };

    private static int ScanWord(string text, int start, bool glued, List<Token> tokens)
    {
        var end = start;
        var apostrophes = 0;
        while (end < text.Length)
        {
            var c = text[end];
            if (char.IsLetter(c))
            {
                end++;
            }
            else if (IsApostrophe(c) && end + 1 < text.Length && char.IsLetter(text[end + 1]))
            {
                apostrophes++;
                end++;
            }
            else
            {
                break;
            }
        }

        // "farmer's" and "farmers", "i'm" and "im" are the same word to every table here.
        var word = string.Create(end - start - apostrophes, (text, start, end), static (buffer, state) =>
        {
            var length = 0;
            for (var k = state.start; k < state.end; k++)
            {
                var c = state.text[k];
                if (!IsApostrophe(c))
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }
            }
        });
        // "120kgx5", "225lbsx3": a unit glued to the "x" of a set
        if (end < text.Length && char.IsAsciiDigit(text[end]) && word.Length > 1 && word[^1] == 'x'
            && VoiceLexicon.WeightUnits.ContainsKey(word[..^1]))
        {
            tokens.Add(new Token(TokenKind.Word, start, end - 1, 0, word[..^1], glued));
            tokens.Add(new Token(TokenKind.Word, end - 1, end, 0, "x", true));
            return end;
        }

        tokens.Add(new Token(TokenKind.Word, start, end, 0, word, glued));
        return end;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static int ScanNumber(string text, int start, bool glued, List<Token> tokens)
    {
        var end = SkipDigits(text, start);
        var decimalComma = IsDecimalComma(text, end);
        if (end + 1 < text.Length && (text[end] == '.' || decimalComma) && char.IsAsciiDigit(text[end + 1]))
        {
            end = SkipDigits(text, end + 1);
        }

        var digits = decimalComma ? text[start..end].Replace(',', '.') : text[start..end];
        var value = double.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (TryClock(text, start, end, out var clockEnd, out var seconds))
        {
            tokens.Add(new Token(TokenKind.Clock, start, clockEnd, seconds, text[start..clockEnd], glued));
            return clockEnd;
        }

        tokens.Add(new Token(TokenKind.Number, start, end, value, text[start..end], glued));
        return end;
    }

    /// <summary>
    /// "62,5 kg": a comma before one digit and a unit is a decimal comma; "85,85,80" and "10, 8" stay lists.
    /// </summary>
    private static bool IsDecimalComma(string text, int comma)
    {
        if (comma + 2 > text.Length - 1 || text[comma] != ',' || !char.IsAsciiDigit(text[comma + 1]) || char.IsAsciiDigit(text[comma + 2]))
        {
            return false;
        }

        var unit = comma + 2;
        while (unit < text.Length && text[unit] == ' ')
        {
            unit++;
        }

        var wordEnd = unit;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        var word = text[unit..wordEnd].ToLowerInvariant();
        return word == "k" || VoiceLexicon.WeightUnits.ContainsKey(word);
    }

    /// <summary>"1:30" is 90 s and "1:30:00" is 5400 s; "115: 6" (a weight before a list) is not a clock.</summary>
    private static bool TryClock(string text, int start, int end, out int clockEnd, out double seconds)
    {
        clockEnd = end;
        seconds = 0;
        if (!IsClockPart(text, end) || end - start > MaxClockLeadDigits || text.AsSpan(start, end - start).Contains('.'))
        {
            return false;
        }

        var first = int.Parse(text.AsSpan(start, end - start), CultureInfo.InvariantCulture);
        var second = (text[end + 1] - '0') * 10 + (text[end + 2] - '0');
        clockEnd = end + 3;
        if (IsClockPart(text, clockEnd))
        {
            var third = (text[clockEnd + 1] - '0') * 10 + (text[clockEnd + 2] - '0');
            seconds = first * 3600.0 + second * 60 + third;
            clockEnd += 3;
            return true;
        }

        seconds = first * 60.0 + second;
        return true;
    }

    private static bool IsClockPart(string text, int colon) =>
        colon + 2 < text.Length && text[colon] == ':' && char.IsAsciiDigit(text[colon + 1]) && char.IsAsciiDigit(text[colon + 2])
        && (colon + 3 == text.Length || !char.IsAsciiDigit(text[colon + 3]));

    private static int SkipDigits(string text, int index)
    {
        while (index < text.Length && char.IsAsciiDigit(text[index]))
        {
            index++;
        }

        return index;
    }
}
