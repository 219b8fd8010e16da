using System.Globalization;
using System.Text;
using System.Text.Json;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Workouts;
using FitCoach.Domain.Workouts;

namespace FitCoach.Infrastructure.Model;

/// <summary>What survived validation of a model reply, and how much did not.</summary>
internal sealed record WorkoutReply(IReadOnlyList<ModelParsedExercise> Exercises, int DroppedExercises, int DroppedSets);

/// <summary>
/// Reads the model's JSON defensively. A model is asked for JSON only, yet may wrap it in a code fence or prose, guess
/// numbers, or use a near-miss spelling; so the first JSON object with an <c>exercises</c> array is taken from anywhere
/// in the text, spelling variants of units and types are normalized, and every set must pass the same validator that
/// guards storage, so a model answer can never be refused later as an absurd set.
/// </summary>
internal static class WorkoutReplyReader
{
    /// <summary>One utterance cannot cover more than a long run or ride; the storage validator allows whole-day totals.</summary>
    public const double MaxDistanceKm = 100;

    /// <summary>Far above any spoken workout; a reply beyond these is runaway generation and its tail is dropped.</summary>
    public const int MaxExercises = 20;
    public const int MaxSetsPerExercise = 50;

    /// <summary>Longer "names" are sentences the model copied, not exercises.</summary>
    public const int MaxNameLength = 100;

    private static readonly WorkoutSetValidator SetValidator = new();

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The exercises in <paramref name="reply"/>, or null when it holds no JSON object with an exercises array.</summary>
    public static WorkoutReply? Read(string? reply, string defaultUnit)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return null;
        }

        using var document = FindReplyObject(reply);
        if (document is null || Property(document.RootElement, "exercises") is not { ValueKind: JsonValueKind.Array } exercises)
        {
            return null;
        }

        var parsed = new List<ModelParsedExercise>();
        var droppedExercises = 0;
        var droppedSets = 0;
        foreach (var exercise in exercises.EnumerateArray())
        {
            if (parsed.Count == MaxExercises)
            {
                droppedExercises++;
                continue;
            }

            var (name, sets, dropped) = ReadExercise(exercise, defaultUnit);
            droppedSets += dropped;
            if (name is null || sets.Count == 0)
            {
                droppedExercises++;
                continue;
            }

            parsed.Add(new ModelParsedExercise(name, sets));
        }

        return new WorkoutReply(parsed, droppedExercises, droppedSets);
    }

    /// <summary>
    /// Tries each <c>{</c> in turn as the start of a JSON object, ignoring whatever follows it, so fences and prose on
    /// either side do not matter. A candidate that parses but has no exercises is skipped as a whole.
    /// </summary>
    private static JsonDocument? FindReplyObject(string reply)
    {
        var bytes = Encoding.UTF8.GetBytes(reply);
        var start = Array.IndexOf(bytes, (byte)'{');
        while (start >= 0)
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(start), ReaderOptions);
            JsonDocument? candidate = null;
            var next = start + 1;
            try
            {
                candidate = JsonDocument.ParseValue(ref reader);
                next = start + (int)reader.BytesConsumed;
            }
            catch (JsonException)
            {
                // Not an object starting here (an unbalanced or prose brace): try the next brace.
            }

            if (candidate is not null)
            {
                if (Property(candidate.RootElement, "exercises") is { ValueKind: JsonValueKind.Array })
                {
                    return candidate;
                }

                candidate.Dispose();
            }

            start = next < bytes.Length ? Array.IndexOf(bytes, (byte)'{', next) : -1;
        }

        return null;
    }

    private static (string? Name, List<WorkoutSet> Sets, int DroppedSets) ReadExercise(JsonElement exercise, string defaultUnit)
    {
        var sets = new List<WorkoutSet>();
        if (exercise.ValueKind != JsonValueKind.Object)
        {
            return (null, sets, 0);
        }

        var name = Property(exercise, "name") is { ValueKind: JsonValueKind.String } n ? n.GetString()?.Trim() : null;
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            name = null;
        }

        if (Property(exercise, "sets") is not { ValueKind: JsonValueKind.Array } setArray)
        {
            return (name, sets, 0);
        }

        var dropped = 0;
        foreach (var element in setArray.EnumerateArray())
        {
            if (sets.Count < MaxSetsPerExercise && ReadSet(element, defaultUnit) is { } set)
            {
                sets.Add(set);
            }
            else
            {
                dropped++;
            }
        }

        return (name, sets, dropped);
    }

    /// <summary>A valid set, or null when any field is of the wrong kind, out of range or outside the vocabulary.</summary>
    private static WorkoutSet? ReadSet(JsonElement element, string defaultUnit)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !TryNumber(element, "reps", out var reps) || !IsWhole(reps)
            || !TryNumber(element, "weight", out var weight)
            || !TryNumber(element, "rpe", out var rpe)
            || !TryNumber(element, "rir", out var rir)
            || !TryNumber(element, "durationSeconds", out var duration) || !IsWhole(duration)
            || !TryNumber(element, "distanceKm", out var distance)
            || !TryText(element, "unit", out var spokenUnit)
            || !TryType(element, out var type)
            || !TryBool(element, "perSide", out var perSide))
        {
            return null;
        }

        // A unit means nothing without a load, so only a load's unit is checked; unsaid, it is the user's default.
        string? unit = null;
        if (weight is not null && !TryUnit(spokenUnit, defaultUnit, out unit))
        {
            return null;
        }

        var set = new WorkoutSet
        {
            Reps = reps is { } r ? (int)r : null,
            Weight = weight,
            Unit = unit,
            Rpe = rpe,
            Rir = rir,
            DurationSeconds = duration is { } d ? (int)d : null,
            DistanceKm = distance,
            Type = type,
            PerSide = perSide,
        };

        return set.DistanceKm is not > MaxDistanceKm && SetValidator.Validate(set).IsValid ? set : null;
    }

    /// <summary>Numbers, or numbers the model quoted; false for anything else that is not null or absent.</summary>
    private static bool TryNumber(JsonElement set, string name, out double? value)
    {
        value = null;
        switch (Property(set, name))
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return true;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetDouble(out var d) && double.IsFinite(d):
                value = d;
                return true;
            case { ValueKind: JsonValueKind.String } text
                when double.TryParse(text.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                && double.IsFinite(parsed):
                value = parsed;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reps and seconds are counts: 8.0 is 8, but 8.5 is a guess, not a count. Bounds are the validator's.</summary>
    private static bool IsWhole(double? value) =>
        value is not { } v || (v == Math.Floor(v) && v is >= int.MinValue and <= int.MaxValue);

    private static bool TryUnit(string? spoken, string defaultUnit, out string? unit)
    {
        unit = spoken switch
        {
            null => defaultUnit,
            "kg" or "kgs" or "kilo" or "kilos" or "kilogram" or "kilograms" => "kg",
            "lb" or "lbs" or "pound" or "pounds" => "lb",
            _ => null,
        };
        return unit is not null;
    }

    private static bool TryType(JsonElement set, out string? type)
    {
        type = null;
        if (!TryText(set, "type", out var text))
        {
            return false;
        }

        // "warm-up", "drop set" and "AMRAP" are the same types as the contract's spellings.
        type = text?.Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace("_", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);
        return type is null || WorkoutSetValidator.Types.Contains(type);
    }

    /// <summary>A string field, trimmed and lower-cased; null when null, absent or blank; false for other kinds.</summary>
    private static bool TryText(JsonElement set, string name, out string? text)
    {
        text = null;
        switch (Property(set, name))
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return true;
            case { ValueKind: JsonValueKind.String } value:
                var trimmed = value.GetString()?.Trim().ToLowerInvariant();
                text = string.IsNullOrEmpty(trimmed) ? null : trimmed;
                return true;
            default:
                return false;
        }
    }

    private static bool TryBool(JsonElement set, string name, out bool? value)
    {
        value = null;
        switch (Property(set, name))
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return true;
            case { ValueKind: JsonValueKind.True }:
                value = true;
                return true;
            case { ValueKind: JsonValueKind.False }:
                value = false;
                return true;
            case { ValueKind: JsonValueKind.String } text when bool.TryParse(text.GetString(), out var parsed):
                value = parsed;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A property by name, ignoring case: models drift between <c>perSide</c> and <c>PerSide</c>.</summary>
    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
