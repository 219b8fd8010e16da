namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>Loads, durations and distances, and the numbers of "x" chains with what is glued to them.</summary>
internal sealed partial class SetInterpreter
{
    /// <summary>
    /// Groups led by a load ("100 for 5", "70kg for 10 reps", "20kg 15 reps", "60kg for 5x5", "225 for 3 sets of 5"),
    /// a load before a list ("115: 6, 5, 5"), or a load on its own ("at 185 pounds", "with 50 lb dumbbells").
    /// </summary>
    private int TryLoad(int i)
    {
        var lead = Is(i, TokenKind.At) || Is(i, TokenKind.With);
        var j = lead ? SkipLoadLead(i + 1) : i;
        if (!TryLoadValue(j, lead, out var load, out var end))
        {
            return i;
        }

        var span = SpanOf(i, end);

        // "60 kg warm up for 10", "100 kg amrap for 9": a marker may sit between the load and its reps
        var next = end;
        while (Is(next, TokenKind.Warmup) || Is(next, TokenKind.Amrap) || Is(next, TokenKind.Failure) || Is(next, TokenKind.Dropset))
        {
            next++;
        }

        var from = Is(next, TokenKind.For) || Is(next, TokenKind.Times) ? SkipFillers(next + 1) : next;
        if (from > next && (Is(from, TokenKind.Amrap) || Is(from, TokenKind.Failure)))
        {
            // "395 for as many as I could, hit 6": a set at that load, its reps said after it ("got N", or ", 6" alone)
            var amrap = new SetDraft { Load = load, Span = span, Type = TypeOf(_t[from].Kind) };
            var reps = from + 2;
            if (Is(from + 1, TokenKind.Comma) && Is(reps, TokenKind.Number) && SetLimits.IsReps(Value(reps)) && !IsCountFollower(reps + 1)
                && !(Is(reps + 1, TokenKind.For) || Is(reps + 1, TokenKind.At) || Is(reps + 1, TokenKind.Number) || Is(reps + 1, TokenKind.Times)))
            {
                amrap.Reps = Value(reps);
                return FinishGroup(amrap, i, reps + 1);
            }

            return FinishGroup(amrap, i, from + 1);
        }

        var leadsGroup = from > next || Is(next, TokenKind.Number) || Is(next, TokenKind.RepsNoun);
        // "3x5 at 100 7": a load said with "at" after a group without one is that group's, whatever follows it
        var owned = lead && from == next && _groups.Count > 0 && (_groups[^1].Load is null || IsBorrowedBy(_groups[^1], i));
        var groupEnd = leadsGroup && !owned ? TryGroupWithLoad(from, load, span, cued: from > next) : from;
        if (groupEnd > from)
        {
            for (var marker = end; marker < next; marker++)
            {
                _markers.Add((_t[marker].Kind, marker));
            }

            return groupEnd;
        }

        if (Is(end, TokenKind.Colon))
        {
            SetPending(load, span);
            return end + 1;
        }

        var last = _groups.Count > 0 ? _groups[^1] : null;
        if (last is not null && IsBorrowedBy(last, i))
        {
            // "warm-ups with the bar and 40 kilos, then 3 sets of 5 at 80": the load said with the sets is theirs, and
            // the one said in the clause before is handed back rather than guessed at
            _unread.Add(last.Borrowed!.Value);
            last.Borrowed = null;
            last.Load = load;
            last.Span = last.Span.Union(span);
            last.EndIndex = end;
            if (_carry is { } carry && carry.From == last)
            {
                _carry = null;
            }
        }
        else if (last is not null && last.Load is null && _pendingLoad is null)
        {
            last.Load = load;
            last.Span = last.Span.Union(span);
            last.EndIndex = last.EndIndex == i ? end : last.EndIndex;
        }
        else if (last is not null && IsRestatedLoad(last, load, i))
        {
            // "with just the bar, 20 kilos": the same load said again in other words
            last.Span = last.Span.Union(span);
            last.EndIndex = end;
        }
        else
        {
            SetPending(load, span);
        }

        return end;
    }

    /// <summary>The group took a load said in a clause before it, and a load of its own is said right after it.</summary>
    private bool IsBorrowedBy(SetDraft group, int i) => group.Borrowed is not null && group.EndIndex == i && (Is(i, TokenKind.At) || Is(i, TokenKind.With));

    /// <summary>A load with its unit, said right after a group (only a comma between) whose load weighs the same.</summary>
    private bool IsRestatedLoad(SetDraft last, Load load, int i)
    {
        if (last.Load is not { } had || load.Unit is not { } unit || load.OnBar || _pendingLoad is not null)
        {
            return false;
        }

        for (var k = last.EndIndex; k < i; k++)
        {
            if (_t[k].Kind is not (TokenKind.Comma or TokenKind.Filler or TokenKind.Punctuation))
            {
                return false;
            }
        }

        return last.EndIndex <= i && (had.Unit ?? unit) == unit && had.Weigh(unit) == load.Weigh(unit);
    }

    private int SkipLoadLead(int i)
    {
        // "with a pair of 20 kg dumbbells", "at the 40s"
        while (Is(i, TokenKind.Filler) || (Is(i, TokenKind.Of) && Is(i + 1, TokenKind.Number)))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// A load said before the sets it belongs to. Two different loads said so, with no set between them ("60 kilos then
    /// 70 pounds then 80 kilos, 10, 8, 6"), leave which sets had which a question: both are handed back.
    /// </summary>
    private void SetPending(Load load, TextSpan span)
    {
        if (_loadsContested)
        {
            _unread.Add(span);
            return;
        }

        if (_pendingLoad is { } earlier)
        {
            _unread.Add(_pendingSpan);
            var unit = load.Unit ?? earlier.Unit ?? _unitAt(load.Position);
            if (earlier.Weigh(unit) != load.Weigh(unit) || (earlier.Unit is { } said && load.Unit is { } again && said != again))
            {
                // until a set is said, any further load is as open a question
                _unread.Add(span);
                _pendingLoad = null;
                _loadsContested = true;
                return;
            }
        }

        _pendingLoad = load;
        _pendingSpan = span;
        _pendingStandalone = true;
    }

    /// <summary>The group a load leads: a whole group ("5x5", "3 sets of 5"), reps ("for 5", "for a double") or a rep list.</summary>
    private int TryGroupWithLoad(int i, Load load, TextSpan loadSpan, bool cued)
    {
        // The group being read takes the load through the pending slot, as any group takes a load said just before it.
        var saved = _pendingLoad;
        var savedSpan = _pendingSpan;
        var savedStandalone = _pendingStandalone;
        _pendingLoad = load;
        _pendingSpan = loadSpan;
        _pendingStandalone = false;
        var end = TryGroup(i);
        _pendingLoad = saved;
        _pendingSpan = savedSpan;
        _pendingStandalone = savedStandalone;
        if (end > i)
        {
            return end;
        }

        if (TryReadList(i, lead: false, out var items, out var listEnd, out var closing) && closing != TokenKind.WeightUnit)
        {
            // "40 kilos for 8, 8 and 6", "80kg 8 8 7": one set per number, all at the load
            var span = loadSpan.Union(SpanOf(i, listEnd));
            foreach (var item in items)
            {
                _groups.Add(new SetDraft { Reps = item.Value, Load = load, TokenIndex = i, EndIndex = listEnd, Span = span });
            }

            return listEnd;
        }

        if (Is(i, TokenKind.Number) && !IsCountFollower(i + 1))
        {
            // "100 kg 5" is read as five reps only while nothing else is left to read otherwise (see SettleLooseNumbers)
            return FinishGroup(new SetDraft { Reps = Value(i), Load = load, Span = loadSpan, Cueless = !cued }, i, i + 1);
        }

        if (TryComponent(i, out var held) && held.Part is Part.Duration or Part.Distance)
        {
            var group = new SetDraft { Load = load, Span = loadSpan };
            if (held.Part == Part.Duration)
            {
                group.DurationSeconds = held.Value;
            }
            else
            {
                group.DistanceKm = held.Value;
            }

            return FinishGroup(group, i, held.End);
        }

        return i;
    }

    private bool TryLoadValue(int i, bool lead, out Load load, out int end)
    {
        load = default;
        end = i;
        if ((Is(i, TokenKind.Plus) || Is(i, TokenKind.Minus)) && Is(i + 1, TokenKind.Number))
        {
            // "+45" is load added to bodyweight, "-55" assistance taken off it
            var sign = Is(i, TokenKind.Minus) ? -1 : 1;
            load = Load.Bare(_t[i + 1], sign) with { Said = SpanOf(i, i + 2) };
            end = i + 2;
            if (ReadUnit(end, out var unit))
            {
                load = load with { Unit = unit };
                end++;
            }

            return true;
        }

        if (Is(i, TokenKind.BarLoad))
        {
            return TryBarLoad(i, lead, out load, out end);
        }

        if (Is(i, TokenKind.SameLoad))
        {
            // "at the same weight": the load of the last set said, when one was
            var previous = _groups.FindLast(group => group.Load is not null)?.Load;
            if (previous is not { } same)
            {
                return false;
            }

            load = same with { Said = SpanOf(i, i + 1) };
            end = i + 1;
            return true;
        }

        if (!Is(i, TokenKind.Number))
        {
            return false;
        }

        var number = _t[i];
        if (ReadUnit(i + 1, out var spokenUnit))
        {
            load = Load.Bare(number) with { Unit = spokenUnit };
            end = i + 2;
            return true;
        }

        if (Is(i + 1, TokenKind.Plates) && number.IsInteger && number.Value is >= 1 and <= MaxPlates)
        {
            var quarter = Is(i + 2, TokenKind.Quarter);
            load = Load.Bar(number, (int)number.Value) with { Quarters = quarter ? 1 : 0 };
            end = quarter ? i + 3 : i + 2;
            return true;
        }

        if (Is(i + 1, TokenKind.SecondSuffix) && _kind == ExerciseKind.Strength && !Is(i + 2, TokenKind.Rest))
        {
            // "20s": a pair of 20s, the load of each dumbbell
            load = Load.Bare(number);
            end = i + 2;
            return true;
        }

        var bareAllowed = lead
            ? !IsCountFollower(i + 1)
            : (Is(i + 1, TokenKind.For) && !IsRepsForSets(i)) || Is(i + 1, TokenKind.Colon);
        if (bareAllowed)
        {
            load = Load.Bare(number);
            end = i + 1;
            return true;
        }

        return false;
    }

    /// <summary>
    /// "with the bar", "just the bar", "the bar with 25s", "empty bar and a 10 each side". A bar not said as a load
    /// ("pull ups on the bar") is not one. "the empty bar and 40 kilos" is two loads: after "and" only plates ("and
    /// 25s", "and a plate", "and a 10 each side") load the bar.
    /// </summary>
    private bool TryBarLoad(int i, bool lead, out Load load, out int end)
    {
        load = Load.Bar(_t[i]);
        end = i + 1;
        var joinedByAnd = Is(end, TokenKind.And);
        var k = Is(end, TokenKind.With) || Is(end, TokenKind.Plus) || joinedByAnd ? SkipFillers(end + 1) : end;
        if (k > end && Is(k, TokenKind.Number))
        {
            var plates = _t[k];
            k++;
            var saysPlates = true;
            if (Is(k, TokenKind.Plates) && plates.IsInteger && plates.Value <= MaxPlates)
            {
                load = load with { Plates = (int)plates.Value };
                k++;
            }
            else
            {
                load = load with { SidePlates = plates.Value };
                saysPlates = Is(k, TokenKind.SecondSuffix);
                k = saysPlates ? k + 1 : k;
                if (ReadUnit(k, out var unit))
                {
                    load = load with { Unit = unit };
                    k++;
                }
            }

            saysPlates |= Is(k, TokenKind.Side);
            if (!joinedByAnd || saysPlates)
            {
                end = Is(k, TokenKind.Side) ? k + 1 : k;
                return true;
            }

            load = Load.Bar(_t[i]);
        }

        // "the bar" alone is only a load after "with"/"at"; "just the bar", "empty bar" and "bar only" always are.
        return lead || _t[i].Text != "the";
    }

    private bool ReadUnit(int i, out string unit)
    {
        unit = "";
        if (Is(i, TokenKind.WeightUnit))
        {
            unit = _t[i].Text;
            return true;
        }

        if (Is(i, TokenKind.KSuffix) && _kind != ExerciseKind.Cardio)
        {
            unit = VoiceLexicon.Kilograms;
            return true;
        }

        return false;
    }

    // ---- durations and distances ----------------------------------------------------------------------------

    /// <summary>"60 seconds", "for 1:30", "a minute and a half", "in 50 minutes", "5k" (a run), "2.5 miles".</summary>
    private int TryDurationOrDistance(int i)
    {
        var j = Is(i, TokenKind.For) || Is(i, TokenKind.In) || Is(i, TokenKind.Of) ? SkipFillers(i + 1) : i;
        if (TryDurationValue(j, _kind != ExerciseKind.Strength, out var seconds, out var end))
        {
            if (TryRepeatCount(end, out var count, out var countEnd))
            {
                return FinishGroup(new SetDraft { DurationSeconds = seconds, Count = count }, i, countEnd);
            }

            var span = SpanOf(i, end);
            Attach(group => group.DurationSeconds is null, group => group.DurationSeconds = seconds, span, i, end);
            return end;
        }

        if (TryDistanceValue(j, out var km, out end))
        {
            if (TryRepeatCount(end, out var count, out var countEnd))
            {
                return FinishGroup(new SetDraft { DistanceKm = km, Count = count }, i, countEnd);
            }

            var span = SpanOf(i, end);
            Attach(group => group.DistanceKm is null, group => group.DistanceKm = km, span, i, end);
            return end;
        }

        return i;
    }

    /// <summary>"for 30 seconds x 3", "400m x 6", "one minute, three times": how many times a hold or distance was done.</summary>
    private bool TryRepeatCount(int i, out double count, out int end)
    {
        count = 0;
        end = i;
        if (Is(i, TokenKind.Times) && TryComponent(i + 1, out var times) && times.Part == Part.Bare)
        {
            count = times.Value;
            end = times.End;
            return true;
        }

        var k = Is(i, TokenKind.Comma) ? i + 1 : i;
        if (Is(k, TokenKind.Number) && Is(k + 1, TokenKind.Reps) && _t[k + 1].Text == "times")
        {
            count = Value(k);
            end = k + 2;
            return true;
        }

        return false;
    }

    /// <summary>A duration or distance belongs to the last group lacking one; otherwise it is a set of its own.</summary>
    private void Attach(Func<SetDraft, bool> lacks, Action<SetDraft> set, TextSpan span, int start, int end)
    {
        var last = _groups.Count > 0 ? _groups[^1] : null;
        if (last is not null && lacks(last) && last.Reps is null)
        {
            set(last);
            last.Span = last.Span.Union(span);
            return;
        }

        var group = new SetDraft { Span = span };
        set(group);
        FinishGroup(group, start, end);
    }

    private bool TryDurationValue(int i, bool allowSecondSuffix, out double seconds, out int end)
    {
        seconds = 0;
        end = i;
        if (Is(i, TokenKind.Clock))
        {
            seconds = Value(i);
            end = i + 1;
            return true;
        }

        if (!Is(i, TokenKind.Number))
        {
            return false;
        }

        if (allowSecondSuffix && Is(i + 1, TokenKind.SecondSuffix))
        {
            seconds = Value(i);
            end = i + 2;
            return true;
        }

        if (IsMinutesM(i + 1))
        {
            // "plank 2m", "1m30s": "m" is minutes for a hold or when seconds follow
            seconds = Value(i) * VoiceLexicon.SecondsPerMinute;
            end = i + 2;
            if (Is(end, TokenKind.Number) && Is(end + 1, TokenKind.SecondSuffix))
            {
                seconds += Value(end);
                end += 2;
            }

            return true;
        }

        if (!Is(i + 1, TokenKind.DurationUnit))
        {
            return false;
        }

        var factor = Value(i + 1);
        seconds = Value(i) * factor;
        end = i + 2;
        if (Is(end, TokenKind.Half))
        {
            seconds += factor / 2;
            end++;
        }

        // "1 minute 30 seconds", "2 minutes and 30 seconds"
        var next = Is(end, TokenKind.And) ? end + 1 : end;
        if (Is(next, TokenKind.Number) && Is(next + 1, TokenKind.DurationUnit) && Value(next + 1) < factor)
        {
            seconds += Value(next) * Value(next + 1);
            end = next + 2;
        }
        else if (factor == VoiceLexicon.SecondsPerMinute && end == i + 2 && Is(end, TokenKind.Number) && _t[end].IsInteger
                 && Value(end) is >= 1 and < VoiceLexicon.SecondsPerMinute && !IsCountFollower(end + 1)
                 && !(Is(end + 1, TokenKind.Number) && _t[end + 1].Text != SpokenNumbers.RepeatText)
                 && !Is(end + 1, TokenKind.For) && !Is(end + 1, TokenKind.Of) && !IsRepeatAfter(end))
        {
            // "one minute thirty", "a minute fifteen": the seconds said without their unit
            seconds += Value(end);
            end++;
        }

        return true;
    }

    /// <summary>"5 times", "x 3": the number counts holds, it is not seconds.</summary>
    private bool IsRepeatAfter(int i) => Is(i + 1, TokenKind.Reps) || Is(i + 1, TokenKind.Times) || Is(i + 1, TokenKind.Sets);

    private bool IsMinutesM(int i) =>
        Is(i, TokenKind.DistanceUnit) && _t[i].Text == "m"
        && (_kind == ExerciseKind.Timed || (Is(i + 1, TokenKind.Number) && _t[i + 1].Glued && Is(i + 2, TokenKind.SecondSuffix)));

    private bool TryDistanceValue(int i, out double km, out int end)
    {
        km = 0;
        end = i;
        if (!Is(i, TokenKind.Number) || IsMinutesM(i + 1))
        {
            return false;
        }

        if (Is(i + 1, TokenKind.DistanceUnit))
        {
            km = Value(i) * Value(i + 1);
            end = i + 2;
            return true;
        }

        if (Is(i + 1, TokenKind.KSuffix) && _kind == ExerciseKind.Cardio)
        {
            km = Value(i);
            end = i + 2;
            return true;
        }

        return false;
    }

    // ---- components of "x" chains ---------------------------------------------------------------------------

    private enum Part
    {
        Bare,
        Load,
        Duration,
        Distance,
    }

    private readonly record struct Component(Part Part, double Value, Load Load, int End, bool Amrap, bool IsRange, TextSpan Span)
    {
        public bool IsWhole => Value == Math.Floor(Value);
    }

    /// <summary>One number of an "x" chain with what is glued to it: "185lbs", "40k", "30s", "+45", "5+", "8-12".</summary>
    private bool TryComponent(int i, out Component component)
    {
        component = default;
        if (Is(i, TokenKind.Clock))
        {
            component = new Component(Part.Duration, Value(i), default, i + 1, false, false, SpanOf(i, i + 1));
            return true;
        }

        var j = i;
        var sign = 0;
        if ((Is(j, TokenKind.Plus) || Is(j, TokenKind.Minus)) && Is(j + 1, TokenKind.Number))
        {
            sign = Is(j, TokenKind.Minus) ? -1 : 1;
            j++;
        }

        if (!Is(j, TokenKind.Number))
        {
            return false;
        }

        var number = _t[j];
        var value = number.Value;
        j++;
        var isRange = false;
        if (Is(j, TokenKind.Range) && Is(j + 1, TokenKind.Number))
        {
            isRange = true;
            j += 2;
        }

        var part = Part.Bare;
        var load = Load.Bare(number, sign == 0 ? 1 : sign) with { Said = SpanOf(i, j) };
        if (sign == 0 && !isRange && TryDurationValue(j - 1, _kind != ExerciseKind.Strength, out var seconds, out var durationEnd))
        {
            // "1 minute 30 seconds", "a minute and a half", "2m": every way a hold is said
            part = Part.Duration;
            value = seconds;
            j = durationEnd;
        }
        else if (ReadUnit(j, out var unit))
        {
            part = Part.Load;
            load = load with { Unit = unit };
            j++;
        }
        else if (Is(j, TokenKind.Plates) && number.IsInteger && value is >= 1 and <= MaxPlates)
        {
            part = Part.Load;
            load = Load.Bar(number, (int)value);
            j++;
        }
        else if (Is(j, TokenKind.DistanceUnit) || (Is(j, TokenKind.KSuffix) && _kind == ExerciseKind.Cardio))
        {
            part = Part.Distance;
            value *= Is(j, TokenKind.DistanceUnit) ? Value(j) : 1;
            j++;
        }
        else if (Is(j, TokenKind.SecondSuffix))
        {
            // "3x12 lateral raises 20s": for a lift, a pair of 20s (a hold's seconds are read above)
            j++;
        }
        else if (sign != 0)
        {
            part = Part.Load;
        }

        var amrap = false;
        if (Is(j, TokenKind.Amrap) && _t[j].Text == "+")
        {
            amrap = true;
            j++;
        }

        component = new Component(part, value, load, j, amrap, isRange, SpanOf(i, j));
        return true;
    }
}
