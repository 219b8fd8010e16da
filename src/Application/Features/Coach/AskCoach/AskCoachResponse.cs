using System.ComponentModel;
using System.Text.Json.Serialization;
using FitCoach.Application.Common.Ports;
using Mapster;

namespace FitCoach.Application.Features.Coach.AskCoach;

/// <summary>The contract's <c>Source</c>.</summary>
public sealed record SourceDto(string Namespace, string Id, string Title, string Snippet, double Score);

public sealed class CoachMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.NewConfig<KnowledgePassage, SourceDto>().MapToConstructor(true);
    }
}

/// <summary>An answer as composed (and cached): the text, the sources it cites, the namespaces searched, who wrote it.</summary>
[ImmutableObject(true)]
public sealed record CoachAnswer(string Answer, IReadOnlyList<SourceDto> Sources, IReadOnlyList<string> Namespaces, string Model)
{
    /// <summary>The most of an answer that conversation history keeps (<see cref="Remembered"/>).</summary>
    public const int MaxRememberedChars = 1500;

    /// <summary>True when the configured model failed and the offline composer answered instead; never cached.</summary>
    public bool Degraded { get; init; }

    /// <summary>
    /// What conversation history keeps of the answer: its prose without the reference list, at most
    /// <see cref="MaxRememberedChars"/> characters, which is what a follow-up needs. Made once per answer, so every
    /// conversation that received the same cached answer holds the same string instead of a copy each. Not stored in
    /// the cache (it follows from <see cref="Answer"/>).
    /// </summary>
    [JsonIgnore]
    public string Remembered { get; } = RememberedOf(Answer);

    private static string RememberedOf(string answer)
    {
        var sources = answer.IndexOf("\nSources:", StringComparison.Ordinal);
        var prose = sources > 0 ? answer[..sources].TrimEnd() : answer;
        return prose.Length <= MaxRememberedChars ? prose : prose[..MaxRememberedChars];
    }
}

/// <summary><c>POST /api/coach/ask</c> → <c>{answer, sources, namespaces, cached, model}</c> plus the conversation id to continue with.</summary>
public sealed record AskCoachResponse(
    string Answer,
    IReadOnlyList<SourceDto> Sources,
    IReadOnlyList<string> Namespaces,
    bool Cached,
    string Model,
    string ConversationId);
