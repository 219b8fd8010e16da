using System.Text.Json.Serialization;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Exercises;
using FitCoach.Domain.Profiles;
using FitCoach.Domain.Workouts;

namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// Source-generated serialization of the documents the Redis stores keep: no reflection at run time, and the
/// stored shape is fixed at compile time. Nulls are left out to keep the stored JSON small, and computed get-only
/// properties (<c>Exercise.IsCustom</c>) are not stored because they are derived again on read.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(LoggedExercise))]
[JsonSerializable(typeof(Exercise))]
[JsonSerializable(typeof(Workout))]
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(ConversationTurn))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
