using System.Text.Json;
using System.Text.Json.Serialization;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Features.Exercises;

namespace FitCoach.Api;

/// <summary>
/// Source-generated JSON metadata for the largest hot responses (a coach answer with its sources, a page of catalog
/// exercises), first in the resolver chain of the API's JSON options; every other type falls through to the
/// reflection-based resolver. The generated metadata serializes these without reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AskCoachResponse))]
[JsonSerializable(typeof(IReadOnlyList<ExerciseDto>))]
internal sealed partial class ResponseJsonContext : JsonSerializerContext;
