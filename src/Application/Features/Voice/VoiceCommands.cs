using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Application.Features.Sessions;
using FitCoach.Application.Features.Voice.Parsing;
using FitCoach.Application.Features.Workouts;
using FitCoach.Domain.Workouts;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Features.Voice;

/// <summary>One parsed exercise, the contract's parse entry.</summary>
public sealed record VoiceExerciseDto(string ExerciseId, string ExerciseName, double MatchScore, IReadOnlyList<SetDto> Sets);

public sealed record VoiceParseResponse(IReadOnlyList<VoiceExerciseDto> Exercises, IReadOnlyList<string> Unparsed, string Parser);

/// <summary><c>POST /api/voice/parse</c>: parses only; stores nothing.</summary>
public sealed record ParseVoiceQuery(string UserId, string Transcript, string? DefaultUnit) : IQuery<VoiceParseResponse>, IRateLimited
{
    public string RateLimitGroup => RateLimitGroups.Voice;
}

/// <summary><c>POST /api/voice/log</c>: parses and appends to the given or active session, starting one if none.</summary>
public sealed record LogVoiceCommand(string UserId, string Transcript, string? SessionId, string? DefaultUnit) : ICommand<VoiceLogResponse>, IRateLimited
{
    public string RateLimitGroup => RateLimitGroups.Voice;
}

public sealed record VoiceLogResponse(string SessionId, IReadOnlyList<VoiceExerciseDto> Logged, IReadOnlyList<string> Unparsed, string Parser, SessionDto Session);

internal static class VoiceRules
{
    public const int MaxTranscriptLength = 2000;

    public static void Apply<T>(AbstractValidator<T> validator, Func<T, string> transcript, Func<T, string?> unit)
    {
        validator.RuleFor(x => transcript(x))
            .NotEmpty().WithName("transcript").WithMessage("transcript is required.")
            .MaximumLength(MaxTranscriptLength).WithName("transcript")
            .WithMessage($"transcript must be at most {MaxTranscriptLength} characters: log one workout chunk at a time.");
        validator.RuleFor(x => unit(x))
            .Must(u => u is null or "kg" or "lb").WithName("defaultUnit").WithMessage("defaultUnit must be kg or lb.");
    }
}

public sealed class ParseVoiceQueryValidator : AbstractValidator<ParseVoiceQuery>
{
    public ParseVoiceQueryValidator() => VoiceRules.Apply(this, q => q.Transcript, q => q.DefaultUnit);
}

public sealed class LogVoiceCommandValidator : AbstractValidator<LogVoiceCommand>
{
    public LogVoiceCommandValidator() => VoiceRules.Apply(this, c => c.Transcript, c => c.DefaultUnit);
}

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
    ILogger<VoiceTranscriptReader> logger,
    IWorkoutTranscriptModel? model = null)
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
        if (unparsed.Count == 0 && model is not null)
        {
            metrics.ModelCallAvoided("voice", "rules");
        }

        if (unparsed.Count > 0 && model is not null)
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
            [.. exercises.Select(e => new VoiceExerciseDto(e.ExerciseId, e.ExerciseName, Math.Round(e.MatchScore, 3), [.. e.Sets.Select(SetDto.From)]))],
            unparsed,
            usedModel ? "model" : "rules");
    }

    public static IReadOnlyList<LoggedExercise> ToLogged(VoiceParseResponse parsed, DateTimeOffset at) =>
        [.. parsed.Exercises.Select(e => new LoggedExercise(
            e.ExerciseId,
            e.ExerciseName,
            e.MatchScore,
            [.. e.Sets.Select(s => new WorkoutSet
            {
                Reps = s.Reps, Weight = s.Weight, Unit = s.Unit, Rpe = s.Rpe, Rir = s.Rir, DurationSeconds = s.DurationSeconds,
                DistanceKm = s.DistanceKm, Type = s.Type, PerSide = s.PerSide,
            })],
            at))];
}

public sealed class ParseVoiceQueryHandler(VoiceTranscriptReader reader, IProfileStore profiles) : IRequestHandler<ParseVoiceQuery, VoiceParseResponse>
{
    public async Task<VoiceParseResponse> Handle(ParseVoiceQuery request, CancellationToken cancellationToken) =>
        await reader.ReadAsync(request.Transcript, await VoiceTranscriptReader.UnitAsync(request.UserId, request.DefaultUnit, profiles, cancellationToken), cancellationToken);
}

public sealed class LogVoiceCommandHandler(VoiceTranscriptReader reader, ISessionStore sessions, IProfileStore profiles, IClock clock)
    : IRequestHandler<LogVoiceCommand, VoiceLogResponse>
{
    public async Task<VoiceLogResponse> Handle(LogVoiceCommand request, CancellationToken cancellationToken)
    {
        var unit = await VoiceTranscriptReader.UnitAsync(request.UserId, request.DefaultUnit, profiles, cancellationToken);
        var parsed = await reader.ReadAsync(request.Transcript, unit, cancellationToken);
        if (parsed.Exercises.Count == 0)
        {
            throw new RequestValidationException(
                "transcript",
                parsed.Unparsed.Count > 0
                    ? $"Nothing in the transcript could be logged: {string.Join("; ", parsed.Unparsed)}."
                    : "Nothing in the transcript could be logged.");
        }

        var session = request.SessionId is { } id
            ? await sessions.GetAsync(request.UserId, id, cancellationToken) ?? throw new NotFoundException("Session", id)
            : await sessions.GetActiveAsync(request.UserId, cancellationToken)
              ?? await sessions.StartAsync(request.UserId, null, clock.UtcNow, cancellationToken);
        var updated = await sessions.AppendAsync(request.UserId, session.Id, VoiceTranscriptReader.ToLogged(parsed, clock.UtcNow), cancellationToken)
            ?? throw new ConflictException($"Session '{session.Id}' is no longer active; start a new one to log into.");
        return new VoiceLogResponse(updated.Id, parsed.Exercises, parsed.Unparsed, parsed.Parser, SessionDto.From(updated));
    }
}
