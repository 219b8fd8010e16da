using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>
/// With <c>Model:*</c> configured, what the rules leave unparsed goes to the model. A loopback server speaking the
/// OpenAI chat-completions protocol stands in for the model (it records the prompt and returns canned JSON): a test
/// of our wiring, not a stand-in for the product.
/// </summary>
public sealed class VoiceModelFallbackTests : IAsyncLifetime
{
    private readonly List<string> _prompts = [];
    private WebApplication? _model;
    private string _endpoint = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _model = builder.Build();
        _model.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            lock (_prompts)
            {
                _prompts.Add(reader.ReadToEndAsync().GetAwaiter().GetResult());
            }

            var content = JsonSerializer.Serialize(new
            {
                exercises = new[] { new { name = "leg press", sets = new[] { new { reps = 12, weight = 200, unit = "kg" }, new { reps = 12, weight = 200, unit = "kg" } } } },
            });
            await context.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-test",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = "fake-model",
                choices = new[] { new { index = 0, finish_reason = "stop", message = new { role = "assistant", content } } },
                usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
            });
        });
        await _model.StartAsync(TestContext.Current.CancellationToken);
        _endpoint = _model.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/v1";
    }

    public async ValueTask DisposeAsync()
    {
        if (_model is not null)
        {
            await _model.DisposeAsync();
        }
    }

    private ConfiguredApiFactory Api() => new(new Dictionary<string, string?>
    {
        ["Model:Endpoint"] = _endpoint,
        ["Model:Id"] = "fake-model",
        ["Model:Key"] = "test-key",
    });

    [Fact]
    public async Task Parse_WhenRulesLeaveSomethingUnparsed_AsksTheModelAndReportsIt()
    {
        using var api = Api();
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var response = await client.PostAsJsonAsync("/api/voice/parse", new { transcript = "bench 100 kg for 5 and then did that sled thingy on the machine twice" }, TestContext.Current.CancellationToken);

        var parsed = await response.JsonAsync();
        Assert.Equal("model", parsed.GetProperty("parser").GetString());
        var ids = parsed.GetProperty("exercises").EnumerateArray().Select(e => e.GetProperty("exerciseId").GetString()).ToList();
        Assert.Contains("Barbell_Bench_Press_-_Medium_Grip", ids);
        Assert.Contains("Leg_Press", ids);
        Assert.Contains(_prompts, p => p.Contains("sled thingy", StringComparison.Ordinal));
        var metrics = await api.CreateClient().GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Contains("fitcoach_model_calls_seconds_count{purpose=\"voice\",model=\"fake-model\",outcome=\"ok\"}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_WhenRulesReadEverything_NeverCallsTheModel()
    {
        using var api = Api();
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var parsed = await (await client.PostAsJsonAsync("/api/voice/parse", new { transcript = "squats 3x5 at 100 kg" }, TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Equal("rules", parsed.GetProperty("parser").GetString());
        Assert.Empty(_prompts);
        var metrics = await api.CreateClient().GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Contains("fitcoach_model_calls_avoided_total{purpose=\"voice\",reason=\"rules\"}", metrics, StringComparison.Ordinal);
    }
}
