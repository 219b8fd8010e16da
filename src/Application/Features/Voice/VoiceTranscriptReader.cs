using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Application.Features.Voice.Parsing;
using FitCoach.Application.Features.Workouts;
using FitCoach.Domain.Workouts;
using MapsterMapper;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Features.Voice;

/// <summary>
/// Rules first; when they leave something unparsed and a model is configured, the model reads the leftovers and
/// its exercises go through the same matcher and set rules as everything else. A failing model never fails the
/// request: the rules' answer stands. With a model configured, every transcript the rules parse whole is a model
/// call avoided, and counted as one.
/// </summary>
public sealed class VoiceTranscriptReader(
    TranscriptParser parser,
    ExerciseMatcher matcher,
    IAppMetrics metrics,
    IMapper mapper,
    ILogger<VoiceTranscriptReader> logger,
    IWorkoutTranscriptModel model)
{
    private static readonly WorkoutSetValidator SetRules = new();

    /// <summary>The unit for numbers said without one: the request's, else the profile's, else kg.</summary>
    public static async Task<string> UnitAsync(string userId, string? requested, IProfileStore profiles, CancellationToken cancellationToken) =>
        requested ?? (await profiles.GetAsync(userId, cancellationToken))?.Unit ?? "kg";

    public async Task<VoiceParseResponse> ReadAsync(string transcript, string unit, CancellationToken cancellationToken)
    {
        var rules = parser.Parse(transcript, unit);
        var exercises = rules.Exercises.ToList();
        var unparsed = rules.Unparsed.ToList();
        var usedModel = false;
        if (unparsed.Count == 0 && model.IsConfigured)
        {
            metrics.ModelCallAvoided("voice", "rules");
        }

        if (unparsed.Count > 0 && model.IsConfigured)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var fromModel = await model.ParseAsync(string.Join(". ", unparsed), unit, cancellationToken);
                metrics.ModelCall("voice", model.ModelId, "ok", System.Diagnostics.Stopwatch.GetElapsedTime(started));
                foreach (var item in fromModel)
                {
                    var match = matcher.BestMatch(item.Name);
                    var sets = item.Sets.Where(s => SetRules.Validate(s).IsValid).ToList();
                    if (match is null || sets.Count == 0)
                    {
                        continue;
                    }

                    exercises.Add(new ParsedExercise(match.Exercise.Id, match.Exercise.Name, match.Score, sets));
                    usedModel = true;
                }

                if (usedModel)
                {
                    unparsed.Clear();
                }
            }
            catch (DependencyUnavailableException ex)
            {
                metrics.ModelCall("voice", model.ModelId, "error", System.Diagnostics.Stopwatch.GetElapsedTime(started));
                logger.LogWarning(ex, "Model fallback unavailable; answering with the rules parser alone");
            }
        }

        return new VoiceParseResponse(
            mapper.Map<List<VoiceExerciseDto>>(exercises),
            unparsed,
            usedModel ? "model" : "rules");
    }

    public IReadOnlyList<LoggedExercise> ToLogged(VoiceParseResponse parsed, DateTimeOffset at) =>
        [.. parsed.Exercises.Select(e => new LoggedExercise(e.ExerciseId, e.ExerciseName, e.MatchScore, mapper.Map<List<WorkoutSet>>(e.Sets), at))];
}
