using System.Text.Json;
using FitCoach.Application.Features.Coach.AskCoach;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Coach;

/// <summary>
/// The coach's answer body is written from parts encoded once per answer: it must be byte for byte what the
/// serializer writes, and never another response's parts.
/// </summary>
public sealed class CoachAnswerJsonTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly SourceDto[] Sources =
    [
        new("nutrition", "nutrition/protein \"per\" kg", "Protein <&> intake", "1.6–2.2 g/kg\nper day\t(Morton 2018) ✓ 😀", 0.8125),
        new("recovery", "recovery/sleep", "Sleep", "7–9 h", 1e-7),
    ];

    private JsonSerializerOptions AppOptions => factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>().Value.JsonSerializerOptions;

    /// <summary>The app's options without the answer converter: the serializer's own output.</summary>
    private JsonSerializerOptions PlainOptions
    {
        get
        {
            var plain = new JsonSerializerOptions(AppOptions);
            var converter = plain.Converters.Single(c => c.CanConvert(typeof(AskCoachResponse)));
            plain.Converters.Remove(converter);
            return plain;
        }
    }

    [Fact]
    public void AnAnswer_IsWrittenExactlyAsTheSerializerWritesIt_EveryTime()
    {
        var answer = "Eat \"enough\" protein:\n- 1.6 g/kg <per day>\r\n- spread over 3–5 meals & snacks 💪\u2028\nSources:\n[1] x";
        var first = new AskCoachResponse(answer, Sources, ["nutrition", "recovery"], false, "offline", "c_first");
        var second = first with { Cached = true, ConversationId = "c_second" };

        var appFirst = JsonSerializer.Serialize(first, AppOptions);
        var appSecond = JsonSerializer.Serialize(second, AppOptions);

        Assert.Equal(JsonSerializer.Serialize(first, PlainOptions), appFirst);
        Assert.Equal(JsonSerializer.Serialize(second, PlainOptions), appSecond);
        Assert.Contains("\"cached\":true", appSecond, StringComparison.Ordinal);
        Assert.Contains("\"conversationId\":\"c_second\"", appSecond, StringComparison.Ordinal);
        Assert.Equal(answer, JsonDocument.Parse(appSecond).RootElement.GetProperty("answer").GetString());
    }

    [Fact]
    public void TheSameText_WithOtherSourcesOrModel_IsWrittenWithItsOwnParts()
    {
        var text = string.Concat("Shared text ", Guid.NewGuid().ToString("N"));
        var withSources = new AskCoachResponse(text, Sources, ["nutrition"], true, "offline", "c_a");
        var withoutSources = new AskCoachResponse(text, [], ["recovery"], true, "gpt-4o-mini", "c_b");

        JsonSerializer.Serialize(withSources, AppOptions);
        var written = JsonDocument.Parse(JsonSerializer.Serialize(withoutSources, AppOptions)).RootElement;

        Assert.Equal(0, written.GetProperty("sources").GetArrayLength());
        Assert.Equal("recovery", written.GetProperty("namespaces")[0].GetString());
        Assert.Equal("gpt-4o-mini", written.GetProperty("model").GetString());
        Assert.Equal(JsonSerializer.Serialize(withoutSources, PlainOptions), JsonSerializer.Serialize(withoutSources, AppOptions));
    }

    [Fact]
    public void AWrittenAnswer_ReadsBack()
    {
        var response = new AskCoachResponse("Rest 2–3 min.", Sources, ["recovery"], true, "offline", "c_read");

        var read = JsonSerializer.Deserialize<AskCoachResponse>(JsonSerializer.Serialize(response, AppOptions), AppOptions)!;

        Assert.Equal(response.Answer, read.Answer);
        Assert.Equal(response.Sources, read.Sources);
        Assert.Equal(response.Namespaces, read.Namespaces);
        Assert.Equal((response.Cached, response.Model, response.ConversationId), (read.Cached, read.Model, read.ConversationId));
    }
}
