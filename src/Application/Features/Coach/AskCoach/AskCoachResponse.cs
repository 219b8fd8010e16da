using System.ComponentModel;
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
    /// <summary>True when the configured model failed and the offline composer answered instead; never cached.</summary>
    public bool Degraded { get; init; }
}

/// <summary><c>POST /api/coach/ask</c> → <c>{answer, sources, namespaces, cached, model}</c> plus the conversation id to continue with.</summary>
public sealed record AskCoachResponse(
    string Answer,
    IReadOnlyList<SourceDto> Sources,
    IReadOnlyList<string> Namespaces,
    bool Cached,
    string Model,
    string ConversationId);
