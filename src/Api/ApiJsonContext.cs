using System.Text.Json;
using System.Text.Json.Serialization;
using FitCoach.Api.Controllers;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Features.Exercises;

namespace FitCoach.Api;

/// <summary>
/// Source-generated JSON metadata for the hottest bodies (the coach's question and its answer with sources, a page of
/// catalog exercises), first in the resolver chain of the API's JSON options; every other type falls through to the
/// reflection-based resolver. The generated metadata reads and writes these without reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AskCoachRequest))]
[JsonSerializable(typeof(AskCoachResponse))]
[JsonSerializable(typeof(IReadOnlyList<ExerciseDto>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
