using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using FitCoach.Application.Features.Coach.AskCoach;

namespace FitCoach.Api;

/// <summary>
/// Writes <c>POST /api/coach/ask</c>'s body with the parts that come from the answer (its text, sources, namespaces
/// and model: about 5 KB, most of it text that needs escaping) encoded once per answer instead of once per response.
/// A cached answer is the same object on every hit, so its encoded parts are kept in a table keyed by the answer's
/// text instance; the table holds them only as long as that text is alive (the answer cache's bounds are its bounds),
/// and an answer composed for one response is collected with it. Only <c>cached</c> and <c>conversationId</c> are
/// written per response. The parts are encoded with the same options as the rest of the body, so the bytes are those
/// the serializer would write. One instance per options (one per host): the table is not shared between apps.
/// </summary>
internal sealed class CoachAnswerJsonConverter(JsonNamingPolicy? naming) : JsonConverter<AskCoachResponse>
{
    private readonly ConditionalWeakTable<string, EncodedAnswer> _encoded = [];
    private readonly JsonEncodedText _answer = Name(nameof(AskCoachResponse.Answer), naming);
    private readonly JsonEncodedText _sources = Name(nameof(AskCoachResponse.Sources), naming);
    private readonly JsonEncodedText _namespaces = Name(nameof(AskCoachResponse.Namespaces), naming);
    private readonly JsonEncodedText _cached = Name(nameof(AskCoachResponse.Cached), naming);
    private readonly JsonEncodedText _model = Name(nameof(AskCoachResponse.Model), naming);
    private readonly JsonEncodedText _conversationId = Name(nameof(AskCoachResponse.ConversationId), naming);

    public override AskCoachResponse? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, ApiJsonContext.Default.AskCoachResponse);

    public override void Write(Utf8JsonWriter writer, AskCoachResponse value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var encoded = _encoded.GetValue(value.Answer, _ => EncodedAnswer.Of(value, options));
        if (!encoded.Encodes(value, options))
        {
            // The same text with other sources or another model (a shared literal, say): encode this one on its own.
            encoded = EncodedAnswer.Of(value, options);
        }

        writer.WriteStartObject();
        writer.WritePropertyName(_answer);
        writer.WriteRawValue(encoded.Answer, skipInputValidation: true);
        writer.WritePropertyName(_sources);
        writer.WriteRawValue(encoded.Sources, skipInputValidation: true);
        writer.WritePropertyName(_namespaces);
        writer.WriteRawValue(encoded.Namespaces, skipInputValidation: true);
        writer.WriteBoolean(_cached, value.Cached);
        writer.WritePropertyName(_model);
        writer.WriteRawValue(encoded.Model, skipInputValidation: true);
        writer.WriteString(_conversationId, value.ConversationId);
        writer.WriteEndObject();
    }

    private static JsonEncodedText Name(string property, JsonNamingPolicy? naming) =>
        JsonEncodedText.Encode(naming?.ConvertName(property) ?? property);

    /// <summary>An answer's parts as the serializer writes them, and the objects (and options) they were written from.</summary>
    private sealed class EncodedAnswer
    {
        private readonly JsonSerializerOptions _options;
        private readonly string _answer;
        private readonly IReadOnlyList<SourceDto> _sources;
        private readonly IReadOnlyList<string> _namespaces;
        private readonly string _model;

        private EncodedAnswer(AskCoachResponse response, JsonSerializerOptions options)
        {
            (_options, _answer, _sources, _namespaces, _model) = (options, response.Answer, response.Sources, response.Namespaces, response.Model);
            Answer = JsonSerializer.SerializeToUtf8Bytes(response.Answer, options.GetTypeInfo(typeof(string)));
            Sources = JsonSerializer.SerializeToUtf8Bytes(response.Sources, options.GetTypeInfo(typeof(IReadOnlyList<SourceDto>)));
            Namespaces = JsonSerializer.SerializeToUtf8Bytes(response.Namespaces, options.GetTypeInfo(typeof(IReadOnlyList<string>)));
            Model = JsonSerializer.SerializeToUtf8Bytes(response.Model, options.GetTypeInfo(typeof(string)));
        }

        public byte[] Answer { get; }

        public byte[] Sources { get; }

        public byte[] Namespaces { get; }

        public byte[] Model { get; }

        public static EncodedAnswer Of(AskCoachResponse response, JsonSerializerOptions options) => new(response, options);

        /// <summary>Whether these bytes were written from this response's parts (the same objects) with these options.</summary>
        public bool Encodes(AskCoachResponse response, JsonSerializerOptions options) =>
            ReferenceEquals(_options, options)
            && ReferenceEquals(_answer, response.Answer)
            && ReferenceEquals(_sources, response.Sources)
            && ReferenceEquals(_namespaces, response.Namespaces)
            && ReferenceEquals(_model, response.Model);
    }
}
