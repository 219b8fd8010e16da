using FitCoach.Domain.Exercises;
using FitCoach.Domain.Workouts;

namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>
/// Reads the sets of one exercise from the tokens said around its name. Recognisers are tried in a fixed order at
/// each token; what none of them reads is reported as unparsed. Groups ("3x8", "100 for 5", "3 sets of 10") become
/// sets; loads, efforts, durations and markers said beside a group attach to it, or to every set when no group owns
/// them. Numbers whose role stays open ("squats 225 5x5") are settled once the whole exercise has been read.
/// </summary>
internal sealed partial class SetInterpreter
{
    private const double AtSignRpeMax = 10;

    // In "AxB" a first number above this is a load ("135x5"), at or below it a count of sets ("5x5", "10x10").
    private const double MaxChainedSetCount = 10;

    // Numbers parted only by spaces are a rep list ("80kg 8 8 7") only while each is this small.
    private const double MaxSpacedListValue = 30;

    // A bare number after holds said in seconds is another hold only within these bounds.
    private const double MinBareHoldSeconds = 10;
    private const double MaxBareHoldSeconds = 600;
    private const int MaxPlates = 10;
    private const int DistanceDecimals = 3;

    private readonly List<Token> _t;
    private readonly ExerciseKind _kind;
    private readonly bool _bodyweight;
    private readonly Func<int, string> _unitAt;
    private readonly List<SetDraft> _groups = [];
    private readonly List<TextSpan> _unread = [];
    private readonly List<(TokenKind Kind, int Index)> _markers = [];
    private readonly List<(Token Number, int Index)> _loose = [];
    private readonly SetDraft _shared = new();
    private readonly List<(int Clause, string? Type)> _clauseTypes = [];

    private Load? _pendingLoad;
    private TextSpan _pendingSpan;
    private bool _pendingStandalone;
    private bool _loadsContested;
    private (Load Load, SetDraft From)? _carry;
    private List<Load>? _loadList;
    private List<double>? _repsList;
    private List<Load>? _bareList;
    private List<double>? _rpeList;
    private List<double>? _rirList;
    private TextSpan _listSpan;
    private int _listIndex;
    private bool _perSide;
    private bool _absurd;
    private bool _unsure;

    private SetInterpreter(List<Token> tokens, Exercise exercise, Func<int, string> unitAt)
    {
        _t = tokens;
        _kind = ExerciseKinds.Of(exercise);
        _bodyweight = exercise.Equipment == EquipmentVocabulary.Bodyweight;
        _unitAt = unitAt;
    }

    /// <summary>
    /// The sets of <paramref name="exercise"/> said in <paramref name="tokens"/>, with what could not be read and
    /// whether a value was absurd. <paramref name="unitAt"/> gives the unit in effect at a position of the transcript.
    /// </summary>
    public static SetOutcome Read(List<Token> tokens, Exercise exercise, Func<int, string> unitAt)
    {
        var interpreter = new SetInterpreter(tokens, exercise, unitAt);
        interpreter.Scan();
        return interpreter.Assemble();
    }

    private void Scan()
    {
        var i = 0;
        while (i < _t.Count)
        {
            var next = TryRest(i);
            next = next > i ? next : TryRpe(i);
            next = next > i ? next : TryRir(i);
            next = next > i ? next : TryMarker(i);
            next = next > i ? next : TryGot(i);
            next = next > i ? next : TryEmom(i);
            next = next > i ? next : TryGroup(i);
            next = next > i ? next : TryList(i);
            next = next > i ? next : TryLoad(i);
            next = next > i ? next : TryDurationOrDistance(i);
            if (next > i)
            {
                i = next;
                continue;
            }

            var token = _t[i];
            if (token.Kind == TokenKind.Number)
            {
                _loose.Add((token, i));
            }
            else if (!IsIgnorable(token.Kind))
            {
                _unread.Add(TextSpan.Of(token, token));
            }

            i++;
        }
    }

    private static bool IsIgnorable(TokenKind kind) => kind is TokenKind.Filler or TokenKind.Punctuation or TokenKind.Word
        or TokenKind.Comma or TokenKind.And or TokenKind.Of or TokenKind.For or TokenKind.At or TokenKind.With
        or TokenKind.In or TokenKind.Colon or TokenKind.Comment or TokenKind.Separator or TokenKind.Sets
        or TokenKind.Reps or TokenKind.Times or TokenKind.Plus or TokenKind.LastSet or TokenKind.BarLoad or TokenKind.SameLoad;

    private bool Is(int i, TokenKind kind) => i < _t.Count && _t[i].Kind == kind;

    private double Value(int i) => _t[i].Value;

    private TextSpan SpanOf(int first, int endExclusive) => TextSpan.Of(_t[first], _t[Math.Max(first, endExclusive - 1)]);

    private int SkipFillers(int i)
    {
        while (Is(i, TokenKind.Filler))
        {
            i++;
        }

        return i;
    }

    // ---- rest, effort, markers -------------------------------------------------------------------------------

    /// <summary>"90s rest", "rest 2 minutes": rest is not part of a set, so it is read and handed back as unparsed.</summary>
    private int TryRest(int i)
    {
        if (Is(i, TokenKind.Rest))
        {
            var j = Is(i + 1, TokenKind.For) || Is(i + 1, TokenKind.Of) ? i + 2 : i + 1;
            var end = TryDurationValue(j, allowSecondSuffix: true, out _, out var durationEnd) ? durationEnd : i + 1;
            _unread.Add(SpanOf(i, end));
            return end;
        }

        if (TryDurationValue(i, allowSecondSuffix: true, out _, out var restEnd) && Is(restEnd, TokenKind.Rest))
        {
            _unread.Add(SpanOf(i, restEnd + 1));
            return restEnd + 1;
        }

        return i;
    }

    /// <summary>"rpe 8", "at RPE 7", "with an RPE of 8, 8, 9", "@8.5", "8 rpe".</summary>
    private int TryRpe(int i)
    {
        var j = Is(i, TokenKind.At) || Is(i, TokenKind.With) ? SkipFillers(i + 1) : i;
        if (Is(j, TokenKind.Rpe))
        {
            // "rpe 8", "rpe of 8", "rpe: 8", "felt like an 8"
            j++;
            while (Is(j, TokenKind.Of) || Is(j, TokenKind.At) || Is(j, TokenKind.Colon) || Is(j, TokenKind.Filler) || Is(j, TokenKind.Punctuation))
            {
                j++;
            }

            var end = j;
            var values = IsEffortAfter(j) ? ReadEfforts(j, out end) : [];
            if (values.Count == 0)
            {
                _unread.Add(SpanOf(i, j));
                return j;
            }

            return AttachRpe(values, i, end);
        }

        if (IsAtSign(i) && Is(i + 1, TokenKind.Number) && Value(i + 1) <= AtSignRpeMax && !IsLoadUnit(i + 2))
        {
            return AttachRpe([Value(i + 1)], i, i + 2);
        }

        if (IsEffortAfterLoadedSet(i, out var effort))
        {
            // "180 for 3 at 8, 190 for 2 at 9", "at an 8": the set already has its load, so a small number is its effort
            return AttachRpe([Value(effort)], i, effort + 1);
        }

        if (Is(i, TokenKind.Number) && IsEffortValue(i) && Is(i + 1, TokenKind.Rpe))
        {
            return AttachRpe([Value(i)], i, i + 2);
        }

        return i;
    }

    private int AttachRpe(List<double> values, int first, int end)
    {
        if (values.Count > 1)
        {
            _rpeList ??= values;
            _listSpan = _listSpan.Union(SpanOf(first, end));
            return end;
        }

        return AttachEffort(values[0], first, end, draft => draft.Rpe, (draft, value) => draft.Rpe = value);
    }

    /// <summary>
    /// An effort said after a group is that group's ("140 for 5 at rpe 7, 150 for 3 at rpe 8.5"); said before any
    /// group it is every set's. A second, different effort for the same group is a contradiction: it is handed back
    /// as unparsed rather than given to sets it was not said about.
    /// </summary>
    /// <remarks>
    /// Words of scope said around the effort choose the sets: "RPE 8 on the last one", "the last set at RPE 9", "rpe 7
    /// on the first one" take one set of the group (split off it), "on all of them", "all at rpe 8" every set said.
    /// A scope that cannot be matched to the sets ("the last one" of a list still to be read) is unparsed.
    /// </remarks>
    private int AttachEffort(double value, int first, int end, Func<SetDraft, double?> get, Action<SetDraft, double> set)
    {
        var scope = ScopeBefore(first);
        var scopeEnd = end;
        if (scope == EffortScope.None)
        {
            scope = ScopeAfter(end, out scopeEnd);
        }

        var span = SpanOf(first, scopeEnd);
        var owners = OwnersOf(scope);
        if (owners is null)
        {
            _unread.Add(span);
            return scopeEnd;
        }

        foreach (var owner in owners)
        {
            if (get(owner) is { } said && said != value)
            {
                _unread.Add(span);
                return scopeEnd;
            }
        }

        foreach (var owner in owners)
        {
            set(owner, value);
            owner.Span = owner.Span.Union(span);
        }

        return scopeEnd;
    }

    private enum EffortScope
    {
        None,
        First,
        Last,
        All,
    }

    /// <summary>The sets an effort of this scope is about; null when the scope names a set that cannot be told apart.</summary>
    private List<SetDraft>? OwnersOf(EffortScope scope)
    {
        if (_groups.Count == 0)
        {
            return scope is EffortScope.None or EffortScope.All ? [_shared] : null;
        }

        var last = _groups[^1];
        switch (scope)
        {
            case EffortScope.All:
                return [.. _groups];
            case EffortScope.None:
                return [last];
            default:
                if (_repsList is not null || _bareList is not null || _loadList is not null || (last.Count > 1 && !last.HasWork))
                {
                    // the sets are still to be listed: which one is "the last" is not known yet
                    return null;
                }

                if (last.Count is not > 1)
                {
                    return scope == EffortScope.Last ? [last] : _groups[0].Count is null or 1 ? [_groups[0]] : null;
                }

                last.Count--;
                var single = last.Copy();
                single.Count = null;
                _groups.Insert(scope == EffortScope.Last ? _groups.Count : _groups.Count - 1, single);
                return [single];
        }
    }

    /// <summary>"the last set at RPE 9", "last one was rpe 9", "first set @7": the scope said just before the effort.</summary>
    private EffortScope ScopeBefore(int first)
    {
        var k = first - 1;
        while (k >= 0 && _t[k].Kind == TokenKind.Filler && _t[k].Text is "the" or "on" or "for" or "with" or "was" or "is" or "were")
        {
            k--;
        }

        return k < 0 ? EffortScope.None : ScopeAt(k);
    }

    /// <summary>"RPE 8 on the last one", "2 reps in reserve on all of them", "rpe 7 for the first set".</summary>
    private EffortScope ScopeAfter(int end, out int scopeEnd)
    {
        var k = end;
        while (Is(k, TokenKind.For) || Is(k, TokenKind.In) || Is(k, TokenKind.Of)
               || (Is(k, TokenKind.Filler) && _t[k].Text is "the" or "on"))
        {
            k++;
        }

        var scope = k < _t.Count ? ScopeAt(k) : EffortScope.None;
        scopeEnd = scope == EffortScope.None ? end : k + 1;
        return scope;
    }

    private EffortScope ScopeAt(int k) => _t[k] switch
    {
        { Kind: TokenKind.LastSet } => EffortScope.Last,
        { Kind: TokenKind.Filler, Text: "first" } => EffortScope.First,
        { Kind: TokenKind.Filler, Text: "all" or "every" or "each" } => EffortScope.All,
        _ => EffortScope.None,
    };

    /// <summary>"2 reps in reserve", "rir 2", "with 3 in the tank".</summary>
    private int TryRir(int i)
    {
        var j = Is(i, TokenKind.At) || Is(i, TokenKind.With) ? SkipFillers(i + 1) : i;
        double rir;
        int end;
        if (Is(j, TokenKind.Number) && Is(j + 1, TokenKind.Rir) && IsEffortValue(j))
        {
            rir = Value(j);
            end = j + 2;
        }
        else if (Is(j, TokenKind.Rir) && (IsEffortAfter(j + 1)
                 || ((Is(j + 1, TokenKind.Of) || Is(j + 1, TokenKind.Colon)) && IsEffortAfter(j + 2))))
        {
            // "rir 2", "rir of 2", "rir 3, 2, 1": one for each set, as an RPE list is
            var values = ReadEfforts(IsEffortAfter(j + 1) ? j + 1 : j + 2, out end);
            if (values.Count > 1)
            {
                _rirList ??= values;
                _listSpan = _listSpan.Union(SpanOf(i, end));
                return end;
            }

            rir = values[0];
        }
        else
        {
            return i;
        }

        return AttachEffort(rir, i, end, draft => draft.Rir, (draft, value) => draft.Rir = value);
    }

    private int TryMarker(int i)
    {
        var kind = _t[i].Kind;
        if (kind == TokenKind.Side)
        {
            // "2 plates a side", "32 kilos in each hand" say how the load was held, not that the lift was one-sided
            var held = Is(i - 1, TokenKind.In) && (Is(i - 2, TokenKind.WeightUnit) || Is(i - 2, TokenKind.KSuffix));
            _perSide |= !(i > 0 && _t[i - 1].Kind == TokenKind.Plates) && !held;
            return i + 1;
        }

        if (kind is TokenKind.Warmup or TokenKind.Amrap or TokenKind.Failure or TokenKind.Dropset or TokenKind.Working)
        {
            if (kind == TokenKind.Working)
            {
                _markers.Add((kind, i));
            }

            var end = TryMarkedSet(i);
            if (end > i)
            {
                return end;
            }

            if (kind != TokenKind.Working)
            {
                _markers.Add((kind, i));
            }

            return i + 1;
        }

        return i;
    }

    /// <summary>
    /// "an AMRAP set at 155, got 18", "the last one to failure, got 15": "got N" after a set that has no reps yet is
    /// how many it got; after "the last one" it is that last set's. Otherwise the number is read as any other.
    /// </summary>
    private int TryGot(int i)
    {
        if (!(Is(i, TokenKind.Filler) && _t[i].Text is "got" or "hit" or "managed") || !Is(i + 1, TokenKind.Number) || !SetLimits.IsReps(Value(i + 1))
            || (IsCountFollower(i + 2) && !Is(i + 2, TokenKind.Reps)) || Is(i + 2, TokenKind.For) || Is(i + 2, TokenKind.Number))
        {
            return i;
        }

        var end = Is(i + 2, TokenKind.Reps) ? i + 3 : i + 2;
        if (PrecededByLastSet(i) && _groups.Count > 0 && _groups[^1].Count > 1)
        {
            return FinishGroup(new SetDraft { Reps = Value(i + 1) }, i, end);
        }

        if (_groups.Count > 0 && _groups[^1] is { Reps: null, DurationSeconds: null, DistanceKm: null, Count: null or 1 } open
            && !HasSeparator(open.EndIndex, i))
        {
            open.Reps = Value(i + 1);
            open.Span = open.Span.Union(SpanOf(i, end));
            open.EndIndex = end;
            return end;
        }

        if (_pendingLoad is not null)
        {
            // "a fourth set at the same weight to failure, got 22": a set of its own, said with its load first; without
            // one ("then to failure, got 9") its load is a question, and the number is left unread
            return FinishGroup(new SetDraft { Reps = Value(i + 1) }, i, end);
        }

        return i;
    }

    /// <summary>"EMOM for 10 minutes, 1 rep every minute": one set each minute, as many sets as minutes.</summary>
    private int TryEmom(int i)
    {
        if (!Is(i, TokenKind.Emom))
        {
            return i;
        }

        var j = SkipFillers(Is(i + 1, TokenKind.For) || Is(i + 1, TokenKind.Of) ? i + 2 : i + 1);
        if (TryDurationValue(j, allowSecondSuffix: false, out var seconds, out var end) && seconds >= VoiceLexicon.SecondsPerMinute
            && seconds % VoiceLexicon.SecondsPerMinute == 0)
        {
            return FinishGroup(new SetDraft { Count = seconds / VoiceLexicon.SecondsPerMinute }, i, end);
        }

        _unread.Add(SpanOf(i, i + 1));
        return i + 1;
    }

    /// <summary>True when a clause ends between a place in the text and a token.</summary>
    private bool HasSeparatorBetween(int textPosition, int token)
    {
        for (var k = Math.Min(token, _t.Count) - 1; k >= 0 && _t[k].Start >= textPosition; k--)
        {
            if (_t[k].Kind == TokenKind.Separator)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a clause ends ("then", a full stop) between two token positions.</summary>
    private bool HasSeparator(int from, int to)
    {
        for (var k = Math.Max(0, from); k < to && k < _t.Count; k++)
        {
            if (_t[k].Kind == TokenKind.Separator)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "a warm-up set of 5", "a drop set of 10", "an AMRAP set at 155", "top set of 3": one set said with its type, which
    /// is that set's alone. Only read when the set says what it held ("of 5") or its load with nothing after it; "top
    /// set 200 for 3" leaves the group to "200 for 3".
    /// </summary>
    private int TryMarkedSet(int marker)
    {
        var kind = _t[marker].Kind;
        var j = marker + 1;
        var saysSet = Is(j, TokenKind.Sets) && _t[j].Text is "set" or "round";
        if (saysSet)
        {
            j++;
        }
        else if (!(kind == TokenKind.Dropset && _t[marker].Text is "drop" or "dropset") && !IsWorkingSets(marker))
        {
            return marker;
        }

        var group = new SetDraft { Type = TypeOf(kind) };
        if (Is(j, TokenKind.Of) && TryComponent(SkipFillers(j + 1), out var held) && !held.IsRange
            && !Is(held.End, TokenKind.Times) && !Is(held.End, TokenKind.For) && !Is(held.End, TokenKind.Sets))
        {
            if (!TrySetAmount(group, held))
            {
                group.Load = held.Load;
            }

            return FinishGroup(group, marker, held.End);
        }

        if (saysSet && (Is(j, TokenKind.At) || Is(j, TokenKind.With)) && TryLoadValue(SkipLoadLead(j + 1), lead: true, out var load, out var loadEnd)
            && !(Is(loadEnd, TokenKind.For) || Is(loadEnd, TokenKind.Times) || Is(loadEnd, TokenKind.Number) || Is(loadEnd, TokenKind.RepsNoun)))
        {
            group.Load = load;
            return FinishGroup(group, marker, loadEnd);
        }

        return marker;
    }

    /// <summary>"working sets", "back off sets", "top set": a working-set phrase that also says "set(s)".</summary>
    private bool IsWorkingSets(int i) => Is(i, TokenKind.Working) && _t[i].Text.EndsWith("set", StringComparison.Ordinal)
        || Is(i, TokenKind.Working) && _t[i].Text.EndsWith("sets", StringComparison.Ordinal);

    /// <summary>
    /// "10 at 40", "5 reps at 60 kg": a rep-sized number, "at", and a load larger than it that nothing else claims (not an
    /// effort: "3 at 8" stays open; not a load leading its own reps: "5 at 100 for 3").
    /// </summary>
    private bool IsRepsAtLoad(int i, out Load load, out int end)
    {
        load = default;
        end = i;
        // "8 reps at 90" says the same as "8 at 90"
        var at = Is(i + 1, TokenKind.Reps) && _t[i + 1].Text != "times" ? i + 2 : i + 1;
        if (!Is(i, TokenKind.Number) || !IsRepSized(i) || Value(i) < 1 || !Is(at, TokenKind.At) || _t[at].Text == "@"
            || (i > 0 && _t[i - 1].Kind is TokenKind.At or TokenKind.With or TokenKind.Times or TokenKind.For or TokenKind.Plus or TokenKind.Minus))
        {
            return false;
        }

        if (!TryLoadValue(at + 1, lead: true, out load, out end) || load.OnBar
            || (load.Unit is null && load.Value <= AtSignRpeMax) || load.Value <= Value(i)
            || Is(end, TokenKind.For) || Is(end, TokenKind.Times) || Is(end, TokenKind.Number) || Is(end, TokenKind.Sets)
            || Is(end, TokenKind.Reps) || Is(end, TokenKind.RepsNoun) || IsLoadListAfter(end))
        {
            end = i;
            return false;
        }

        return true;
    }

    /// <summary>"5 reps at 60, 80, 100 kilos": more loads follow, so the reps are of every set in that list, not one.</summary>
    private bool IsLoadListAfter(int i) =>
        (Is(i, TokenKind.Comma) || Is(i, TokenKind.And)) && Is(i + 1, TokenKind.Number)
        && !(Is(i + 2, TokenKind.At) || Is(i + 2, TokenKind.Reps) || Is(i + 2, TokenKind.For) || Is(i + 2, TokenKind.Times)
             || Is(i + 2, TokenKind.Sets) || Is(i + 2, TokenKind.RepsNoun));

    // ---- groups ---------------------------------------------------------------------------------------------

    /// <summary>Groups led by a count or reps: "x5", "3x8", "100x9x4", "3 sets of 8", "12 reps", "3 triples".</summary>
    private int TryGroup(int i)
    {
        if (Is(i, TokenKind.Sets) && _t[i].Text is "sets" or "rounds")
        {
            return ReadUncountedSets(i);
        }

        if (Is(i, TokenKind.Times) && TryComponent(i + 1, out var only) && only.Part == Part.Bare)
        {
            return FinishGroup(new SetDraft { Reps = only.Value }, i, only.End);
        }

        if (Is(i, TokenKind.Number) && Is(i + 1, TokenKind.Times) && _t[i + 1].Text == "xx")
        {
            return ReadFixedRepsLoads(i);
        }

        if (TryComponent(i, out var first) && Is(first.End, TokenKind.Times) && TryComponent(first.End + 1, out var second))
        {
            Component? third = null;
            if (Is(second.End, TokenKind.Times) && TryComponent(second.End + 1, out var last))
            {
                third = last;
            }

            var group = FromChain(first, second, third);
            if (group is not null)
            {
                return FinishGroup(group, i, (third ?? second).End);
            }
        }

        if (!Is(i, TokenKind.Number))
        {
            return Is(i, TokenKind.RepsNoun) ? ReadRepsNoun(new SetDraft { CountUnsaid = _t[i].Text == "uncounted" }, i, i) : i;
        }

        var j = i + 1;
        string? type = null;
        while (Is(j, TokenKind.Filler) || Is(j, TokenKind.Warmup) || Is(j, TokenKind.Failure) || Is(j, TokenKind.Dropset)
               || Is(j, TokenKind.Amrap) || (Is(j, TokenKind.Working) && Is(j + 1, TokenKind.RepsNoun)))
        {
            type = TypeOf(_t[j].Kind) ?? type;
            j++;
        }

        if (Is(j, TokenKind.RepsNoun) && Value(i) == 1 && _t[j].Text is "single" or "double" or "triple")
        {
            // "one single at 190", "one heavy double": one set, the noun says its reps
            return ReadRepsNoun(new SetDraft { Type = type }, i, j);
        }

        if (Is(j, TokenKind.RepsNoun) && j > i + 1 && _t[j].Text == "uncounted")
        {
            // "3 back off doubles", "2 warm-up triples": the count, a marker, then the noun that says the reps
            for (var marker = i + 1; marker < j; marker++)
            {
                if (Is(marker, TokenKind.Working))
                {
                    _markers.Add((TokenKind.Working, marker));
                }
            }

            return ReadRepsNoun(new SetDraft { Count = Value(i), Type = type }, i, j);
        }

        if (Is(j, TokenKind.Sets))
        {
            return ReadSetsOf(new SetDraft { Count = Value(i), Type = type }, i, j + 1);
        }

        if (IsWorkingSets(j))
        {
            // "3 working sets of 5", "two back-off sets of 8": the count of sets, which also ends the warm-ups
            _markers.Add((TokenKind.Working, j));
            return ReadSetsOf(new SetDraft { Count = Value(i), Type = type }, i, j + 1);
        }

        if (IsRepsAtLoad(i, out var atLoad, out var atEnd))
        {
            // "10 at 40 and 5 at 60": reps, then the load they were done at
            return FinishGroup(new SetDraft { Reps = Value(i), Load = atLoad }, i, atEnd);
        }

        if (IsTimesBeforeHold(i + 1, out var held, out var heldEnd))
        {
            // "three times for a minute each", "twice for 45 seconds": how many holds, then how long each was
            held.Count = Value(i);
            return FinishGroup(held, i, heldEnd);
        }

        if (IsTimesOf(i + 1) && _groups.Count > 0 && _groups[^1] is { Count: null, HasWork: true } repeated
            && IsRightAfter(repeated.EndIndex, Is(i - 1, TokenKind.Comma) ? i - 1 : i) && SetLimits.IsCount(Value(i)))
        {
            // "100 kg for 5 reps three times", "10 reps, twice": the set said just before was done that many times
            repeated.Count = Value(i);
            repeated.EndIndex = i + 2;
            repeated.Span = repeated.Span.Union(SpanOf(i, i + 2));
            return i + 2;
        }

        if (IsTimesOf(i + 1) && _t[i].Text == SpokenNumbers.RepeatText)
        {
            // "bench twice at 100 for 5": "twice" counts sets, whatever they held
            return FinishGroup(new SetDraft { Count = Value(i) }, i, i + 2);
        }

        if (Is(i + 1, TokenKind.Reps))
        {
            var group = new SetDraft { Reps = Value(i) };
            var end = i + 2;
            // "10 reps for 3 sets", "10 reps x 3 sets"
            if ((Is(end, TokenKind.For) || Is(end, TokenKind.Times) || Is(end, TokenKind.Of))
                && Is(end + 1, TokenKind.Number) && Is(end + 2, TokenKind.Sets))
            {
                group.Count = Value(end + 1);
                end += 3;
            }

            return FinishGroup(group, i, end);
        }

        if (IsRepsForSets(i))
        {
            // "10 for 3 sets": reps, then how many sets of them
            return FinishGroup(new SetDraft { Reps = Value(i), Count = Value(i + 2) }, i, i + 4);
        }

        if (Is(i + 1, TokenKind.Times) && (Is(i + 2, TokenKind.Amrap) || Is(i + 2, TokenKind.Failure)))
        {
            // "3 x AMRAP": three sets, each as many reps as possible
            return FinishGroup(new SetDraft { Count = Value(i), Type = TypeOf(_t[i + 2].Kind) }, i, i + 3);
        }

        if (Is(i + 1, TokenKind.RepsNoun) && _t[i + 1].Text == "plural")
        {
            return FinishGroup(new SetDraft { Count = Value(i), Reps = Value(i + 1) }, i, i + 2);
        }

        return i;
    }

    /// <summary>
    /// "sets of 10", "a few sets of 10": sets with no count before them (a count before them is read with it). What
    /// each held is read, but the group is not stored unless a count is said apart; a list ("sets of 10, 8, 6") counts
    /// itself and is read as any list.
    /// </summary>
    private int ReadUncountedSets(int i)
    {
        var k = i + 1;
        while (Is(k, TokenKind.Of) || Is(k, TokenKind.Filler))
        {
            k++;
        }

        if (TryReadList(k, lead: false, out _, out _, out _) || !TryComponent(k, out var held) || held.IsRange
            || Is(held.End, TokenKind.Times) || Is(held.End, TokenKind.For))
        {
            return i;
        }

        var group = new SetDraft { CountUnsaid = true };
        if (!TrySetAmount(group, held))
        {
            return i;
        }

        return FinishGroup(group, i, held.End);
    }

    /// <summary>Gives the set what a bare number, a duration or a distance says it did; false for a load.</summary>
    private static bool TrySetAmount(SetDraft group, Component amount)
    {
        switch (amount.Part)
        {
            case Part.Bare:
                group.Reps = amount.Value;
                return true;
            case Part.Duration:
                group.DurationSeconds = amount.Value;
                return true;
            case Part.Distance:
                group.DistanceKm = amount.Value;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// "a triple", "heavy single 220", "a double at 100": the noun says the reps, so a bare number right after it can
    /// only be the load.
    /// </summary>
    private int ReadRepsNoun(SetDraft group, int start, int noun)
    {
        group.Reps = Value(noun);
        var end = noun + 1;
        if (Is(end, TokenKind.Number) && !IsCountFollower(end + 1) && !Is(end + 1, TokenKind.Number) && group.Load is null
            && _pendingLoad is null)
        {
            group.Load = Load.Bare(_t[end]);
            end++;
        }

        return FinishGroup(group, start, end);
    }

    /// <summary>"15xx40k,50k": the same reps at each of several loads, one set per load.</summary>
    private int ReadFixedRepsLoads(int i)
    {
        var reps = Value(i);
        var k = i + 2;
        var end = i + 2;
        while (TryComponent(k, out var item) && item.Part is Part.Load or Part.Bare)
        {
            end = FinishGroup(new SetDraft { Reps = reps, Load = item.Load }, i, item.End);
            k = Is(end, TokenKind.Comma) ? end + 1 : end;
        }

        return end;
    }

    /// <summary>What follows "N sets": "of 8 (reps)", "of 60 seconds", "12, 10, 8", or nothing ("3 sets at 100 kg").</summary>
    private int ReadSetsOf(SetDraft group, int start, int j)
    {
        var k = j;
        var colon = false;
        while (Is(k, TokenKind.Of) || Is(k, TokenKind.Times) || Is(k, TokenKind.Comma) || Is(k, TokenKind.Colon) || Is(k, TokenKind.Filler))
        {
            colon |= Is(k, TokenKind.Colon);
            // "two warm-up sets, 10 at 40 and 5 at 60": after a comma the sets are listed one by one, as after a colon
            colon |= Is(k, TokenKind.Comma) && IsRepsAtLoadSeries(k + 1);
            k++;
        }

        if (TryReadList(k, lead: false, out var items, out var listEnd, out var closing) && closing != TokenKind.WeightUnit)
        {
            _repsList ??= [.. items.Select(item => item.Value)];
            _listIndex = start;
            _listSpan = _listSpan.Union(SpanOf(k, listEnd));
            return FinishGroup(group, start, listEnd);
        }

        // "3 sets: 8 reps at 80kg, 8 reps at 80kg, 6 at 85kg": after a colon the sets are listed one by one.
        if (!colon && TryComponent(k, out var held) && !Is(held.End, TokenKind.Times) && !Is(held.End, TokenKind.For))
        {
            switch (held.Part)
            {
                case Part.Bare when !held.IsRange:
                    group.Reps = held.Value;
                    return FinishGroup(group, start, held.End);
                case Part.Duration:
                    group.DurationSeconds = held.Value;
                    return FinishGroup(group, start, held.End);
                case Part.Distance:
                    group.DistanceKm = held.Value;
                    return FinishGroup(group, start, held.End);
                case Part.Load:
                    group.Load = held.Load;
                    return FinishGroup(group, start, held.End);
                default:
                    break;
            }
        }

        return FinishGroup(group, start, j);
    }

    /// <summary>Two or more "N at M" sets in a row, parted by commas or "and".</summary>
    private bool IsRepsAtLoadSeries(int i)
    {
        var count = 0;
        while (IsRepsAtLoad(i, out _, out var end))
        {
            count++;
            i = Is(end, TokenKind.Comma) || Is(end, TokenKind.And) ? end + 1 : end;
        }

        return count >= 2;
    }

    /// <summary>Sets a chain of "x"-joined numbers apart by their units, then by size: a load is far larger than a count.</summary>
    private SetDraft? FromChain(Component a, Component b, Component? c)
    {
        var (group, reps) = c is { } third ? FromTriple(a, b, third) : FromPair(a, b);
        if (group is null)
        {
            return null;
        }

        if (reps is { IsRange: true } range)
        {
            // "3x8-12": a rep range is a plan, not what was done, so the reps stay open and the range is reported.
            group.Reps = null;
            _unread.Add(range.Span);
        }

        if (a.Amrap || b.Amrap || c is { Amrap: true })
        {
            group.Type = "amrap";
        }

        return group;
    }

    private static (SetDraft? Group, Component? Reps) FromPair(Component a, Component b) => (a.Part, b.Part) switch
    {
        (Part.Load, Part.Bare) => (new SetDraft { Load = a.Load, Reps = b.Value }, b),
        // "5 x 100kg" is reps at a load, but "80 x 8 kg" at the end of a ramp is the load x reps with the unit last
        (Part.Bare, Part.Load) when a.Value > MaxSpacedListValue && b.Value <= MaxSpacedListValue && b.Load.Unit is { } unit
            => (new SetDraft { Load = a.Load with { Unit = unit }, Reps = b.Value }, b),
        (Part.Bare, Part.Load) => (new SetDraft { Reps = a.Value, Load = b.Load }, a),
        (Part.Bare, Part.Duration) => (new SetDraft { Count = a.Value, DurationSeconds = b.Value }, null),
        (Part.Bare, Part.Distance) => (new SetDraft { Count = a.Value, DistanceKm = b.Value }, null),
        (Part.Duration, Part.Bare) => (new SetDraft { DurationSeconds = a.Value, Count = b.Value }, null),
        (Part.Distance, Part.Bare) => (new SetDraft { DistanceKm = a.Value, Count = b.Value }, null),
        (Part.Bare, Part.Bare) when a.IsWhole && a.Value <= MaxChainedSetCount => (new SetDraft { Count = a.Value, Reps = b.Value }, b),
        (Part.Bare, Part.Bare) => (new SetDraft { Load = a.Load, Reps = b.Value }, b),
        _ => (null, null),
    };

    /// <summary>"5x6x40k" and "3x8x110" are sets x reps x load; "100x9x4" (caber's order) is load x reps x sets.</summary>
    private static (SetDraft? Group, Component? Reps) FromTriple(Component a, Component b, Component c)
    {
        if (b.Part != Part.Bare)
        {
            return (null, null);
        }

        if (a.Part == Part.Bare && a.Value != 0 && (c.Part == Part.Load || (c.Part == Part.Bare && c.Value > a.Value)))
        {
            return (new SetDraft { Count = a.Value, Reps = b.Value, Load = c.Load }, b);
        }

        return a.Part is Part.Load or Part.Bare && c.Part == Part.Bare
            ? (new SetDraft { Load = a.Load, Reps = b.Value, Count = c.Value }, b)
            : (null, null);
    }

    /// <summary>Trailing parts of a group ("reps", "+", "@8"), then the load said just before it, if any.</summary>
    private int FinishGroup(SetDraft group, int start, int end)
    {
        while (true)
        {
            if (Is(end, TokenKind.Reps))
            {
                end++;
            }
            else if (Is(end, TokenKind.Amrap) && _t[end].Text == "+")
            {
                group.Type = "amrap";
                end++;
            }
            else if (IsAtSign(end) && Is(end + 1, TokenKind.Number) && Value(end + 1) <= AtSignRpeMax && !IsLoadUnit(end + 2))
            {
                group.Rpe ??= Value(end + 1);
                end += 2;
            }
            else
            {
                break;
            }
        }

        if (PrecededByLastSet(start) && _groups.Count > 0 && _groups[^1].Count > 1)
        {
            // "3x10 at 60 kg, last set 14 reps": the last of those sets is this one
            var previous = _groups[^1];
            previous.Count--;
            group.FillFrom(previous);
            group.IsLastSet = true;
        }

        _loadsContested = false;
        group.TokenIndex = start;
        group.EndIndex = end;
        group.Span = group.Span.Union(SpanOf(start, end));
        if (group.Load is null && _pendingLoad is { } pending)
        {
            group.Load = pending;
            group.Span = group.Span.Union(_pendingSpan);
            if (HasSeparatorBetween(_pendingSpan.End, start))
            {
                group.Borrowed = _pendingSpan;
            }

            _pendingLoad = null;
            if (_pendingStandalone)
            {
                // "with the 10s, 15 reps, 13 reps, 12 reps": a load said on its own holds for the sets said after it
                _carry = (pending, group);
            }
        }

        _groups.Add(group);
        return end;
    }

    // ---- lists ----------------------------------------------------------------------------------------------

    /// <summary>"10, 8 and 6 reps", "at 80, 85, 90", "75,75,70kg", "5, 5, 5".</summary>
    private int TryList(int i)
    {
        var lead = (Is(i, TokenKind.At) || Is(i, TokenKind.With)) && Is(i + 1, TokenKind.Number);
        var start = lead ? i + 1 : i;
        if (!TryReadList(start, lead, out var items, out var end, out var closing))
        {
            return i;
        }

        if (lead && closing != TokenKind.WeightUnit && IsLoadThenReps(items))
        {
            // "3 sets at 70, 12, 12": a load, then rep-sized numbers far below it, which are the reps of the sets
            return i;
        }

        var span = SpanOf(i, end);
        if (closing is TokenKind.WeightUnit || lead)
        {
            if (_loadList is not null)
            {
                _unread.Add(span);
                return end;
            }

            _loadList = items;
        }
        else if (closing == TokenKind.Reps)
        {
            _repsList ??= [.. items.Select(item => item.Value)];
        }
        else
        {
            _bareList ??= items;
        }

        _listIndex = i;
        _listSpan = _listSpan.Union(span);
        return end;
    }

    /// <summary>A list after "at" whose first number is a load and the rest rep-sized and under half of it ("at 70, 12, 12").</summary>
    private static bool IsLoadThenReps(List<Load> items) =>
        items[0].Value > MaxSpacedListValue
        && items.Skip(1).All(item => item.Value == Math.Floor(item.Value) && item.Value is >= 1 and <= MaxSpacedListValue && item.Value * 2 < items[0].Value);

    /// <summary>
    /// Numbers parted by commas, "and", slashes or only spaces ("8 8 7"). A unit or "reps" after the last closes the
    /// list and says what all of them are. A list parted only by spaces needs three rep-sized numbers, so "bench 100 5"
    /// stays a load and reps.
    /// </summary>
    private bool TryReadList(int i, bool lead, out List<Load> items, out int end, out TokenKind closing)
    {
        items = [];
        end = i;
        closing = TokenKind.Comma;
        var spaced = false;
        var marked = false;
        var k = i;
        while (Is(k, TokenKind.Number) && !IsTimesOf(k + 1))
        {
            // "100 for 5, 3 times": the number before "times" repeats the set, it does not join a list
            var after = k + 1 < _t.Count ? _t[k + 1].Kind : TokenKind.Separator;
            if (after is TokenKind.WeightUnit or TokenKind.Reps || (after == TokenKind.KSuffix && _kind != ExerciseKind.Cardio))
            {
                if (items.Count == 0 || (spaced && after != TokenKind.Reps))
                {
                    break;
                }

                closing = after is TokenKind.Reps ? TokenKind.Reps : TokenKind.WeightUnit;
                var unit = after == TokenKind.Reps ? null : _t[k + 1].Kind == TokenKind.KSuffix ? VoiceLexicon.Kilograms : _t[k + 1].Text;
                items.Add(Load.Bare(_t[k]));
                items = items.ConvertAll(item => item with { Unit = unit });
                end = k + 2;
                break;
            }

            if (after == TokenKind.Number && IsRepSized(k) && IsRepSized(k + 1))
            {
                items.Add(Load.Bare(_t[k]));
                end = k + 1;
                spaced = true;
                k++;
                continue;
            }

            if (!IsListBreak(after, lead) || IsEffortValue(k))
            {
                return false;
            }

            items.Add(Load.Bare(_t[k]));
            end = k + 1;
            if ((after is TokenKind.Comma or TokenKind.And) && Is(k + 2, TokenKind.Number))
            {
                marked = true;
                k += 2;
                continue;
            }

            break;
        }

        return spaced && !marked ? items.Count >= 3 : items.Count >= 2;
    }

    private bool IsRepSized(int i) => _t[i].IsInteger && _t[i].Value <= MaxSpacedListValue;

    /// <summary>
    /// "2 reps in reserve", "8 rpe", "8RPE 100kg x 5": the number is the effort itself, unlike "5 rir 2" or
    /// "5 rpe 8", where the effort follows its word.
    /// </summary>
    private bool IsEffortValue(int i) =>
        (Is(i + 1, TokenKind.Rir) || Is(i + 1, TokenKind.Rpe)) && !IsEffortAfter(i + 2)
        && !((Is(i + 2, TokenKind.Of) || Is(i + 2, TokenKind.Colon)) && IsEffortAfter(i + 3));

    /// <summary>A number that can be the effort after "rpe"/"rir": not a load, reps, sets or time of its own.</summary>
    private bool IsEffortAfter(int i) =>
        Is(i, TokenKind.Number) && !IsCountFollower(i + 1) && !Is(i + 1, TokenKind.Times) && !Is(i + 1, TokenKind.For);

    /// <summary>What may follow a list item: a comma, "and", or anything that does not make the number something else.</summary>
    private static bool IsListBreak(TokenKind after, bool lead) => after is TokenKind.Comma or TokenKind.And or TokenKind.Separator
        or TokenKind.Filler or TokenKind.Punctuation or TokenKind.Word or TokenKind.At or TokenKind.With or TokenKind.Rpe
        or TokenKind.Rir or TokenKind.Side or TokenKind.Comment or TokenKind.Warmup or TokenKind.Failure or TokenKind.Amrap
        || (lead && after is TokenKind.For);

    /// <summary>
    /// "8, 8, 9": the efforts after "rpe". A number after a comma continues the list only while it can be an effort, so
    /// in "at rpe 7, 150 for 3" the 150 starts the next set instead of joining the list.
    /// </summary>
    private List<double> ReadEfforts(int i, out int end)
    {
        var values = new List<double>();
        end = i;
        var k = i;
        while (Is(k, TokenKind.Number))
        {
            values.Add(Value(k));
            end = k + 1;
            if ((Is(k + 1, TokenKind.Comma) || Is(k + 1, TokenKind.And)) && IsEffortAfter(k + 2) && Value(k + 2) is >= 0 and <= SetLimits.MaxRpe)
            {
                k += 2;
                continue;
            }

            if (IsEffortAfter(k + 1) && Value(k + 1) is >= 0 and <= SetLimits.MaxRpe)
            {
                // "rpe 8 8 9 9 10": spoken lists often lose their commas
                k++;
                continue;
            }

            break;
        }

        return values;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /// <summary>After "at": a number that can only be an effort, since the set said just before has its load and reps.</summary>
    private bool IsEffortAfterLoadedSet(int at, out int effort)
    {
        effort = SkipFillers(at + 1);
        return Is(at, TokenKind.At) && Is(effort, TokenKind.Number) && Value(effort) <= AtSignRpeMax && IsEffortAfter(effort)
            && !IsLoadUnit(effort + 1) && _groups.Count > 0 && _groups[^1].EndIndex == at
            && _groups[^1] is { Load: not null, Reps: not null, Rpe: null };
    }

    private bool IsTimesOf(int i) => Is(i, TokenKind.Reps) && _t[i].Text == "times";

    /// <summary>"times for 30 seconds", "times for a minute each", "times 40 meters": a count of holds or lengths, not reps.</summary>
    private bool IsTimesBeforeHold(int i, out SetDraft held, out int end)
    {
        held = new SetDraft();
        end = i;
        if (!IsTimesOf(i))
        {
            return false;
        }

        var j = SkipFillers(Is(i + 1, TokenKind.For) || Is(i + 1, TokenKind.Of) || Is(i + 1, TokenKind.At) ? i + 2 : i + 1);
        if (TryDurationValue(j, _kind != ExerciseKind.Strength, out var seconds, out end))
        {
            held.DurationSeconds = seconds;
            return true;
        }

        if (TryDistanceValue(j, out var km, out end))
        {
            held.DistanceKm = km;
            return true;
        }

        end = i;
        return false;
    }

    /// <summary>"10 for 3 sets" (reps, then sets), unlike "140 for 3 sets of 5" (a load, then the sets).</summary>
    private bool IsRepsForSets(int i) => Is(i + 1, TokenKind.For) && Is(i + 2, TokenKind.Number) && Is(i + 3, TokenKind.Sets)
        && !(Is(i + 4, TokenKind.Of) || Is(i + 4, TokenKind.Times) || Is(i + 4, TokenKind.Number));

    private bool IsAtSign(int i) => Is(i, TokenKind.At) && _t[i].Text == "@";

    /// <summary>After "@N": what makes N a load ("@ 100 kg", "@100 for 5", "@100x5") rather than an RPE.</summary>
    private bool IsLoadUnit(int i) => Is(i, TokenKind.WeightUnit) || Is(i, TokenKind.KSuffix) || Is(i, TokenKind.Plates)
        || Is(i, TokenKind.For) || (Is(i, TokenKind.Times) && _t[i].Glued);

    /// <summary>Tokens after a number that make it anything but a bare load: a count, reps, an effort, a time, a unit.</summary>
    private bool IsCountFollower(int i) => (i < _t.Count && _t[i].Kind is TokenKind.Sets or TokenKind.Reps or TokenKind.Times
        or TokenKind.RepsNoun or TokenKind.DurationUnit or TokenKind.DistanceUnit or TokenKind.SecondSuffix
        or TokenKind.KSuffix or TokenKind.Range or TokenKind.Plates or TokenKind.WeightUnit) || (i > 0 && IsEffortValue(i - 1));

    private static string? TypeOf(TokenKind marker) => marker switch
    {
        TokenKind.Warmup => "warmup",
        TokenKind.Amrap => "amrap",
        TokenKind.Failure => "failure",
        TokenKind.Dropset => "dropset",
        _ => null,
    };
}

/// <summary>
/// The sets read for one exercise, the spans left unread, and whether something was refused: an absurd value, or
/// numbers whose reading would be a guess.
/// </summary>
internal sealed record SetOutcome(List<WorkoutSet> Sets, List<TextSpan> Unread, bool Refused);
