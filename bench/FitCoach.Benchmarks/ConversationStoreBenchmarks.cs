using BenchmarkDotNet.Attributes;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;

namespace FitCoach.Benchmarks;

/// <summary>
/// Every <c>POST /api/coach/ask</c>, cached or not, appends two turns to the caller's conversation. This measures that
/// append on the in-process store (no Redis) with a given number of other live conversations held (each question
/// without a conversation id starts one, kept for 24 hours). The appends go to one conversation, so the count stays
/// fixed during the run.
/// </summary>
[Config(typeof(PerCallLatencyConfig))]
public class ConversationStoreBenchmarks
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly ConversationTurn[] _turns =
    [
        new(ConversationTurn.User, "how much protein per day do i need to build muscle", At),
        new(ConversationTurn.Assistant, "About 1.6 g per kg of body weight a day [1].", At),
    ];

    private InMemoryConversationStore _store = null!;

    [Params(0, 10_000, 50_000)]
    public int OtherConversations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = new InMemoryConversationStore(TimeProvider.System);
        for (var i = 0; i < OtherConversations; i++)
        {
            _store.AppendAsync("load", $"c_{i:D20}", _turns, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    [Benchmark]
    public Task Append() => _store.AppendAsync("bench", "c_bench", _turns, CancellationToken.None);
}
