using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Domain.Workouts;

namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>
/// Reads a spoken or typed training log ("bench 3x8 at 100 kg then pull-ups 10, 8, 7") into exercises and sets,
/// with fixed rules and no model, so the same words always give the same result in microseconds. Exercise names go
/// to the <see cref="ExerciseMatcher"/>; numbers are read by <see cref="SetInterpreter"/>. Whatever cannot be read,
/// or says an impossible value, is returned verbatim in <see cref="TranscriptParseResult.Unparsed"/>.
/// One instance serves concurrent calls: it holds nothing but the matcher, which is immutable.
/// </summary>
public sealed class TranscriptParser
{
    /// <summary>Longer input is cut at a word boundary and the rest returned as unparsed; a log is never this long.</summary>
    public const int MaxTranscriptLength = 2000;

    private readonly ExerciseMatcher _matcher;

    public TranscriptParser(ExerciseMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        _matcher = matcher;
    }

    /// <param name="transcript">What the user said or typed.</param>
    /// <param name="defaultUnit">"kg" or "lb": the unit of a load said without one, when the transcript names no unit at all.</param>
    public TranscriptParseResult Parse(string transcript, string defaultUnit)
    {
        if (string.IsNullOrWhiteSpace(transcript))
        {
            return TranscriptParseResult.Empty;
        }

        var (text, overflow) = Truncate(transcript);
        var tokens = TokenClassifier.Classify(SpokenNumbers.Merge(TranscriptLexer.Scan(text)));
        var unread = new List<TextSpan>();
        var segments = ClauseSegmenter.Split(tokens, new NameResolver(_matcher), unread);
        var unitAt = UnitResolver(segments, NormalizeUnit(defaultUnit));

        var exercises = new List<(ExerciseMatch Match, List<WorkoutSet> Sets)>();
        foreach (var segment in segments)
        {
            if (segment.Match is not { } match)
            {
                unread.Add(segment.Span);
                continue;
            }

            var outcome = SetInterpreter.Read(segment.Tokens, match.Exercise, unitAt);

            // An exercise with no set read is never logged: its sets were absurd or unsure, or it was only named
            // ("did some squats and stuff"), and an entry without sets is a question, not a log.
            if (outcome.Sets.Count == 0)
            {
                unread.Add(segment.Span);
                continue;
            }

            unread.AddRange(outcome.Unread);
            if (exercises.Count > 0 && exercises[^1].Match.Exercise.Id == match.Exercise.Id)
            {
                // "bench 100 for 5 ... bench 110 for 3": one exercise said twice in a row is one entry
                exercises[^1].Sets.AddRange(outcome.Sets);
                continue;
            }

            exercises.Add((match, outcome.Sets));
        }

        // When nothing at all was read, the whole transcript is what was not understood, not a few of its words.
        var unparsed = exercises.Count == 0 && unread.Count > 0 ? [text.Trim()] : Quote(text, unread);
        if (overflow is not null)
        {
            unparsed.Add(overflow);
        }

        var parsed = exercises.ConvertAll(entry =>
            new ParsedExercise(entry.Match.Exercise.Id, entry.Match.Exercise.Name, entry.Match.Score, entry.Sets));
        return new TranscriptParseResult(parsed, unparsed);
    }

    /// <summary>
    /// The unit of a load said without one: the nearest unit said before it, else the first one said after it
    /// ("40 kilos for 8 then 45 for 6"), else the default. "k" counts as kilograms except beside a run or a ride.
    /// </summary>
    private static Func<int, string> UnitResolver(List<Segment> segments, string defaultUnit)
    {
        var spoken = new List<(int Position, string Unit)>();
        foreach (var segment in segments)
        {
            var cardio = segment.Match is { } match && ExerciseKinds.Of(match.Exercise) == ExerciseKind.Cardio;
            foreach (var token in segment.Tokens)
            {
                if (token.Kind == TokenKind.WeightUnit)
                {
                    spoken.Add((token.Start, token.Text));
                }
                else if (token.Kind == TokenKind.KSuffix && !cardio)
                {
                    spoken.Add((token.Start, VoiceLexicon.Kilograms));
                }
            }
        }

        if (spoken.Count == 0)
        {
            return _ => defaultUnit;
        }

        spoken.Sort((a, b) => a.Position.CompareTo(b.Position));
        return position =>
        {
            var unit = spoken[0].Unit;
            foreach (var (at, said) in spoken)
            {
                if (at > position)
                {
                    break;
                }

                unit = said;
            }

            return unit;
        };
    }

    private static string NormalizeUnit(string? unit) =>
        unit?.Trim().ToLowerInvariant() is "lb" or "lbs" or "pound" or "pounds" ? VoiceLexicon.Pounds : VoiceLexicon.Kilograms;

    private static (string Text, string? Overflow) Truncate(string transcript)
    {
        if (transcript.Length <= MaxTranscriptLength)
        {
            return (transcript, null);
        }

        var cut = transcript.LastIndexOf(' ', MaxTranscriptLength);
        if (cut < MaxTranscriptLength / 2)
        {
            cut = MaxTranscriptLength;
        }

        var rest = transcript[cut..].Trim();
        return (transcript[..cut], rest.Length == 0 ? null : rest);
    }

    /// <summary>The unread spans as text, neighbours joined when only punctuation or chatter parts them ("felt like death").</summary>
    private static List<string> Quote(string text, List<TextSpan> spans)
    {
        var quoted = new List<string>();
        if (spans.Count == 0)
        {
            return quoted;
        }

        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var current = spans[0];
        for (var k = 1; k < spans.Count; k++)
        {
            var next = spans[k];
            if (next.Start <= current.End || IsOnlyChatter(text, current.End, next.Start))
            {
                current = current.Union(next);
                continue;
            }

            AddQuote(text, current, quoted);
            current = next;
        }

        AddQuote(text, current, quoted);
        return quoted;
    }

    private static bool IsOnlyChatter(string text, int start, int end)
    {
        var k = start;
        while (k < end)
        {
            if (char.IsDigit(text[k]))
            {
                return false;
            }

            if (!char.IsLetter(text[k]))
            {
                k++;
                continue;
            }

            var wordEnd = k;
            while (wordEnd < end && char.IsLetter(text[wordEnd]))
            {
                wordEnd++;
            }

            if (!VoiceLexicon.Fillers.Contains(text[k..wordEnd].ToLowerInvariant()))
            {
                return false;
            }

            k = wordEnd;
        }

        return true;
    }

    private static void AddQuote(string text, TextSpan span, List<string> quoted)
    {
        // Punctuation around a span is not what was said; a leading "-" is ("-55"), a trailing one is not.
        var value = text[span.Start..span.End].Trim().TrimStart(',', ';', ':', ')', ']', '.').TrimEnd(',', ';', ':', '(', '[', '-', '.').Trim();
        if (value.Length > 0 && !quoted.Contains(value))
        {
            quoted.Add(value);
        }
    }
}
