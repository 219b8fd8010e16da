using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Features.Exercises;
using FitCoach.Application.Features.Injury.Reading;
using FitCoach.Domain.Exercises;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Injury.AnalyzeInjury;

/// <summary>
/// <c>POST /api/injury/analyze {description, bodyRegion?, painLevel?}</c>: the region, what it may be (never a
/// diagnosis), how serious it sounds, every red flag found (any one means see a professional, severity high), what to
/// avoid and what to do instead (the substitution engine's injury map), and advice grounded in the injury namespaces.
/// The same description, region and pain level return the cached analysis for a day.
/// </summary>
public sealed partial record AnalyzeInjuryQuery(string UserId, string Description, string? BodyRegion, int? PainLevel)
    : IQuery<AnalyzeInjuryResponse>, IRateLimited, IRagAware, ICacheable
{
    public string RateLimitGroup => RateLimitGroups.Injury;

    public string RagQuery => Description;

    public IReadOnlyList<string> RagNamespaces { get; } =
    [
        KnowledgeNamespaces.InjuryAnalysis, KnowledgeNamespaces.InjuryManagement, KnowledgeNamespaces.InjuryPrevention,
        KnowledgeNamespaces.PowerliftingInjuries, KnowledgeNamespaces.RunningInjuries, KnowledgeNamespaces.CrossfitInjuries,
        KnowledgeNamespaces.OlympicLiftingInjuries,
    ];

    public int RagTopK => 3;

    public string CacheName => "injury-analysis";

    /// <summary>The description as words (case, spacing and punctuation do not matter), the region and the pain level.</summary>
    public string CacheKey => "injury:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{string.Join(' ', Word().Matches(Description.ToLowerInvariant()).Select(m => m.Value))}|{BodyRegion}|{PainLevel}")))[..32];

    public TimeSpan CacheDuration => TimeSpan.FromDays(1);

    public IReadOnlyCollection<string> CacheTags => [];

    [GeneratedRegex(@"[\p{L}\p{N}']+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}

/// <param name="Severity"><c>low</c>, <c>moderate</c> or <c>high</c> (any red flag).</param>
public sealed record AnalyzeInjuryResponse(
    string BodyRegion,
    IReadOnlyList<string> LikelyIssues,
    string Severity,
    IReadOnlyList<string> RedFlags,
    bool SeeProfessional,
    IReadOnlyList<ExerciseDto> AvoidExercises,
    IReadOnlyList<ExerciseDto> Substitutes,
    string Advice,
    IReadOnlyList<SourceDto> Sources);

public sealed partial class AnalyzeInjuryQueryHandler(
    IExerciseCatalog catalog, SubstitutionEngine engine, ISemanticLabeler labeler, RagContext rag, IMapper mapper)
    : IRequestHandler<AnalyzeInjuryQuery, AnalyzeInjuryResponse>
{
    /// <summary>Common exercises checked against the injured region, in the order they are listed.</summary>
    private static readonly string[] CommonExercises =
    [
        "Barbell_Squat", "Barbell_Deadlift", "Barbell_Bench_Press_-_Medium_Grip", "Standing_Military_Press", "Pullups",
        "Bent_Over_Barbell_Row", "Romanian_Deadlift", "Leg_Press", "Dumbbell_Lunges", "Leg_Extensions", "Lying_Leg_Curls",
        "Dips_-_Chest_Version", "Pushups", "Front_Box_Jump", "Power_Clean", "One-Arm_Kettlebell_Swings", "Standing_Calf_Raises",
        "Barbell_Shrug", "Farmers_Walk", "Side_Lateral_Raise", "Dumbbell_Bicep_Curl", "Triceps_Pushdown", "Good_Morning",
        "Wide-Grip_Lat_Pulldown", "Seated_Cable_Rows", "Barbell_Hip_Thrust", "Goblet_Squat", "Face_Pull", "Plank",
    ];

    private const int MaxAvoid = 8;
    private const int MaxSubstitutes = 6;

    private static readonly Dictionary<string, string[]> Possibilities = new(StringComparer.Ordinal)
    {
        ["neck"] = ["a muscle strain or stiffness in the neck and upper traps", "an irritated nerve in the neck, if pain or tingling spreads into the arm"],
        ["shoulder"] = ["rotator cuff irritation (tendinopathy) from pressing or overhead work", "an irritated joint at the top of the shoulder (AC joint)", "a labrum or long-head biceps problem, if it clicks with pain or feels unstable"],
        ["elbow"] = ["tendon overload on the outside (\"tennis elbow\") or inside (\"golfer's elbow\") of the elbow", "a triceps or biceps tendon irritation near the joint"],
        ["wrist_hand"] = ["a wrist sprain or overload from pressing or front-rack positions", "tendon irritation at the thumb side of the wrist"],
        ["chest"] = ["a pec or rib-muscle strain from pressing", "pain from the chest wall; chest pain with exercise always needs the red-flag check"],
        ["upper_back"] = ["a muscle strain or spasm between the shoulder blades", "stiffness of the upper back joints"],
        ["lower_back"] = ["a muscle or joint strain (non-specific low back pain, the most common kind, which usually settles within weeks)", "an irritated nerve root, if pain, numbness or tingling goes down the leg"],
        ["hip"] = ["hip flexor or glute tendon irritation", "pinching at the front of the hip in deep flexion (impingement)"],
        ["groin"] = ["an adductor (groin) strain", "a hip-related groin problem, if it catches or clicks deep in the groin"],
        ["hamstring"] = ["a hamstring strain", "hamstring tendon irritation high up near the sit bone"],
        ["quadriceps"] = ["a quadriceps strain or a dead-leg bruise", "heavy muscle soreness (DOMS), if it came a day or two after hard training"],
        ["knee"] = ["pain around or behind the kneecap (patellofemoral pain)", "patellar tendon irritation just below the kneecap", "a ligament or meniscus injury, if it swelled quickly, locks or gives way"],
        ["shin"] = ["shin splints (medial tibial stress syndrome)", "a bone stress injury, if one spot is very tender or it hurts at rest"],
        ["calf"] = ["a calf muscle strain", "Achilles tendon irritation (tendinopathy)"],
        ["ankle"] = ["an ankle sprain (ligament)", "tendon irritation around the ankle"],
        ["foot"] = ["plantar fascia pain (heel pain worst with the first steps)", "a bone stress injury in the foot, if one spot is very tender"],
        ["other"] = ["a muscle strain or overload", "pain that needs examining to say more"],
    };

    public async Task<AnalyzeInjuryResponse> Handle(AnalyzeInjuryQuery request, CancellationToken cancellationToken)
    {
        var region = request.BodyRegion
            ?? (BodyRegionReader.Read(request.Description) is { Count: > 0 } named ? named[0] : null)
            ?? await ByMeaningAsync(request.Description, cancellationToken)
            ?? "other";
        var flags = RedFlagReader.Read(request.Description);
        var severity = flags.Count > 0 ? "high"
            : request.PainLevel >= 6 || Serious().IsMatch(NegatedSerious().Replace(request.Description.ToLowerInvariant(), " ")) ? "moderate"
            : "low";
        var lasting = Lasting().IsMatch(request.Description.ToLowerInvariant());
        var seeProfessional = flags.Count > 0 || request.PainLevel >= 7 || lasting;

        var avoid = CommonExercises
            .Select(catalog.Find)
            .OfType<Exercise>()
            .Where(e => InjuryLoads.Conflict(e, MovementPatterns.Of(e), region) is not null)
            .Take(MaxAvoid)
            .ToList();
        var substitutes = avoid
            .SelectMany(e => engine.Find(e, new SubstitutionFilters(null, [region]), 2).Substitutes.Select(s => s.Exercise))
            .DistinctBy(e => e.Id)
            .Take(MaxSubstitutes)
            .ToList();

        return new AnalyzeInjuryResponse(
            region,
            [.. Possibilities.GetValueOrDefault(region, Possibilities["other"]).Select(p => $"Possibly {p}")],
            severity,
            [.. flags.Select(f => $"{f.Evidence}: {f.Advice}")],
            seeProfessional,
            mapper.Map<List<ExerciseDto>>(avoid),
            mapper.Map<List<ExerciseDto>>(substitutes),
            Advice(region, flags, severity, lasting, rag.Passages),
            mapper.Map<List<SourceDto>>(rag.Passages));
    }

    private async Task<string?> ByMeaningAsync(string description, CancellationToken cancellationToken)
    {
        var ranking = await labeler.RankAsync(SemanticLabelSets.BodyRegion, description, cancellationToken);
        return ranking.IsAvailable && ranking.Labels.Count > 0 ? ranking.Labels[0].Label : null;
    }

    private static string Advice(string region, IReadOnlyList<RedFlag> flags, string severity, bool lasting, IReadOnlyList<KnowledgePassage> passages)
    {
        var sb = new StringBuilder();
        var where = region.Replace('_', ' ');
        if (flags.Count > 0)
        {
            sb.Append("What you describe includes warning signs, so get it examined before you train it again: ");
            sb.Append(string.Join(' ', flags.Select(f => f.Advice).Distinct(StringComparer.Ordinal)));
        }
        else
        {
            sb.Append("This reads as a training-related ").Append(where).Append(" problem without warning signs, but it is not a diagnosis. ");
            sb.Append("Keep training what doesn't hurt: pain during and after exercise at or below about 3 out of 10 that settles by the next morning is usually acceptable; reduce the load, range or volume of what makes it worse, and build back gradually. ");
            sb.Append(severity == "moderate"
                ? "Because it sounds more than a niggle, back off for a few days and see a physiotherapist if it is not clearly better within 1–2 weeks."
                : "See a physiotherapist or doctor if it is not improving within 2–3 weeks.");
            if (lasting)
            {
                sb.Append(" It has lasted a while already, so an assessment is worth booking now.");
            }

            sb.Append(" Get help sooner if numbness, weakness, swelling, night pain or a fever appear.");
        }

        if (passages.Count > 0)
        {
            sb.Append("\n\nFrom the knowledge base:");
            for (var i = 0; i < passages.Count; i++)
            {
                sb.Append("\n- ").Append(passages[i].Snippet).Append(" [").Append(i + 1).Append(']');
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"\b(?:sharp|stabbing|severe|excruciating|swell\w*|swollen|bruis\w*|can'?t (?:lift|train|move|bend|straighten|turn)|getting worse|worse every|keeps getting worse|limp\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Serious();

    /// <summary>A serious word taken back ("no swelling", "not sharp", "without bruising").</summary>
    [GeneratedRegex(@"(?:\b(?:no|without|not|never|zero)|n't)\s+(?:\w+\s+){0,2}(?:sharp|stabbing|severe|swell\w*|swollen|bruis\w*|limp\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex NegatedSerious();

    [GeneratedRegex(@"\b(?:for|over|about|nearly|almost)\s+(?:\d+|a few|few|several|two|three|four|six)\s+(?:weeks|months)\b|\b(?:for )?months\b|\bsince (?:last )?(?:month|year|summer|winter|spring|autumn|january|february|march|april|may|june|july|august|september|october|november|december)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Lasting();
}
