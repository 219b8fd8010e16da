using FitCoach.Domain.Workouts;

namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>
/// Turning what was read into sets: numbers whose role stayed open are settled, markers and counts find their
/// groups, groups expand into sets, lists and shared values fill them, and absurd values are refused.
/// </summary>
internal sealed partial class SetInterpreter
{
    /// <summary>Turns the groups, lists and shared values read by <see cref="Scan"/> into validated sets.</summary>
    private SetOutcome Assemble()
    {
        if (_pendingLoad is { } pending)
        {
            if (_shared.Load is null)
            {
                _shared.Load = pending;
                _shared.Span = _shared.Span.Union(_pendingSpan);
            }
            else
            {
                _unread.Add(_pendingSpan);
            }
        }

        SettleLooseNumbers();
        if (_bareList is not null)
        {
            // After "3x8" a list holds the loads of those sets; on its own it holds reps ("Pull ups 5, 5, 5").
            // The set said apart as the last one ("and the last one to failure, got 15") does not make it a load list.
            if (_groups.Exists(group => group.Reps is not null && !group.IsLastSet) || _repsList is not null)
            {
                _loadList ??= _bareList;
            }
            else
            {
                _repsList ??= [.. _bareList.Select(item => item.Value)];
            }
        }

        CountByLoadList();
        AssignMarkers();
        MergeCounts();
        CarryLoad();
        if (_repsList is not null)
        {
            foreach (var reps in _repsList)
            {
                _groups.Add(new SetDraft { Reps = reps, TokenIndex = _listIndex, Span = _listSpan });
            }

            _repsList = null;
        }

        if (_groups.Count == 0 && (_shared.Load is not null || _shared.DurationSeconds is not null || _shared.DistanceKm is not null
            || _shared.Rpe is not null || _shared.Rir is not null || _loadList is not null || _rpeList is not null || _rirList is not null))
        {
            _groups.Add(new SetDraft { Span = _shared.Span });
        }

        var sets = Expand();
        return Finish(sets);
    }

    /// <summary>
    /// A load said on its own before the sets ("Lateral raises with the 10s, 15 reps, 13 reps, 12 reps", "Overhead
    /// press sixty kilo, first set eight reps, second set seven reps") is the load of every set said after it in its
    /// clause, until a set says a load of its own. A list of loads says them set by set instead.
    /// </summary>
    private void CarryLoad()
    {
        if (_carry is not { } carry || _loadList is not null)
        {
            return;
        }

        var from = _groups.IndexOf(carry.From);
        for (var g = from + 1; from >= 0 && g < _groups.Count; g++)
        {
            var group = _groups[g];
            if (group.Load is not null || HasSeparator(carry.From.TokenIndex, group.TokenIndex))
            {
                return;
            }

            if (group.HasWork)
            {
                group.Load = carry.Load;
            }
        }
    }

    /// <summary>
    /// "singles at 70, 75 and 80", "doubles at 100, 110": sets whose count was not said, followed by a list of loads,
    /// are as many as the loads listed; each load is one set.
    /// </summary>
    private void CountByLoadList()
    {
        if (_loadList is null || _loadList.Count < 2)
        {
            return;
        }

        var uncounted = _groups.FindAll(group => group.CountUnsaid && group.Count is null && group.Load is null);
        if (uncounted.Count == 1 && _groups.Count == 1 && _listIndex > uncounted[0].TokenIndex)
        {
            uncounted[0].Count = _loadList.Count;
            uncounted[0].CountUnsaid = false;
        }
    }

    /// <summary>
    /// "plank 90 seconds, then 60, then 45": after holds said in seconds, a bare number of a timed exercise is another
    /// hold in seconds. Only numbers a hold can last (10 s or more) are read so.
    /// </summary>
    private bool SettleLooseHolds()
    {
        if (_kind != ExerciseKind.Timed || _groups.Count == 0
            || !_groups.TrueForAll(group => group is { DurationSeconds: not null, Reps: null, DistanceKm: null, Count: null })
            || !_loose.TrueForAll(loose => loose.Number.IsInteger && loose.Number.Value is >= MinBareHoldSeconds and <= MaxBareHoldSeconds
                && loose.Index > _groups[0].TokenIndex))
        {
            return false;
        }

        foreach (var loose in _loose)
        {
            AddLooseGroup(new SetDraft { DurationSeconds = loose.Number.Value }, loose);
        }

        return true;
    }

    /// <summary>
    /// Numbers said with nothing to tell what they are: "I did 50 squats" (reps: said before the name), "push ups 50"
    /// (reps of a bodyweight move), "squat 60" (a load), "squats 225 5x5" (a load beside reps), "plank 60" (seconds),
    /// "bench 100 5" (the larger is the load). A reading is only taken when it accounts for every such number and
    /// the numbers tell load from reps by size: "squat 100 5 3" (three sets? five?) or "bench 8 10" (8 reps at 10,
    /// or two sets?) are handed back as unparsed, since a wrong set stored is worse than a question.
    /// </summary>
    private void SettleLooseNumbers()
    {
        if (_loose.Count == 0 || SettleLooseHolds())
        {
            return;
        }

        var needWork = !_groups.Exists(group => group.HasWork) && _repsList is null && _bareList is null;
        var needLoad = _shared.Load is null && _loadList is null && !_groups.Exists(group => group.Load is not null);
        if (_loose.Count == 2 && needWork && needLoad && _kind == ExerciseKind.Strength)
        {
            var (first, second) = (_loose[0], _loose[1]);
            var (heavy, light) = first.Number.Value >= second.Number.Value ? (first, second) : (second, first);
            if (!IsRepSized(light.Index) || IsRepSized(heavy.Index))
            {
                RefuseLoose();
                return;
            }

            _shared.Load = Load.Bare(heavy.Number);
            _shared.Span = _shared.Span.Union(TextSpan.Of(heavy.Number, heavy.Number));
            AddLooseGroup(new SetDraft { Reps = light.Number.Value }, light);
            return;
        }

        var readings = new List<Action>();
        var left = new List<Token>();
        foreach (var loose in _loose)
        {
            var value = loose.Number.Value;
            if (needWork && _kind == ExerciseKind.Timed)
            {
                readings.Add(() => AddLooseGroup(new SetDraft { DurationSeconds = value }, loose));
                needWork = false;
            }
            else if (needWork && _kind == ExerciseKind.Strength && loose.Number.IsInteger && value <= SetLimits.MaxReps
                     && (value <= MaxSpacedListValue || _bodyweight || IsNameMark(loose.Index + 1) || !needLoad))
            {
                readings.Add(() => AddLooseGroup(new SetDraft { Reps = value }, loose));
                needWork = false;
            }
            else if (needLoad && _kind == ExerciseKind.Strength)
            {
                readings.Add(() =>
                {
                    _shared.Load = Load.Bare(loose.Number);
                    _shared.Span = _shared.Span.Union(TextSpan.Of(loose.Number, loose.Number));
                });
                needLoad = false;
            }
            else
            {
                left.Add(loose.Number);
            }
        }

        if (left.Count > 0)
        {
            // "squat 100 kg 5 3": with a number no reading places, reps read from a bare number are a guess as well
            foreach (var group in _groups.Where(group => group.Cueless))
            {
                group.Unsure = true;
            }
        }

        if (readings.Count > 0 && left.Count > 0)
        {
            // a number no reading can place says the reading of the others is a guess too
            RefuseLoose();
            return;
        }

        readings.ForEach(reading => reading());
        left.ForEach(number => _unread.Add(TextSpan.Of(number, number)));
    }

    /// <summary>The loose numbers cannot be read with confidence: all of them are returned as unparsed.</summary>
    private void RefuseLoose()
    {
        _unsure = true;
        foreach (var (number, _) in _loose)
        {
            _unread.Add(TextSpan.Of(number, number));
        }
    }

    private bool IsNameMark(int i) => i < _t.Count && _t[i].IsNameMark;

    private void AddLooseGroup(SetDraft group, (Token Number, int Index) loose)
    {
        group.TokenIndex = loose.Index;
        group.Span = TextSpan.Of(loose.Number, loose.Number);
        var at = _groups.FindIndex(existing => existing.TokenIndex > loose.Index);
        _groups.Insert(at < 0 ? _groups.Count : at, group);
    }

    /// <summary>
    /// A marker said right after a group types that group ("135x10 warmup", "3 sets to failure"). Otherwise it types
    /// the group said next ("to failure 12 reps"), except a warm-up or a drop set, which type every group up to the
    /// working sets or the end of the clause ("warm-up 60x5, 80x3, working sets 100x5", "drop set 80 for 8, 60 for
    /// 8"). With no group at all it types every set.
    /// </summary>
    private void AssignMarkers()
    {
        foreach (var (kind, index) in _markers)
        {
            if (kind == TokenKind.Working)
            {
                continue;
            }

            var type = TypeOf(kind);

            // A type word is said about the sets of its own clause: "warm-up set of 5 at 60, then 120 for 5, 5, 5"
            var before = _groups.FindLast(group => group.TokenIndex < index && !HasSeparator(group.TokenIndex, index));
            var next = _groups.Find(group => group.TokenIndex > index && !HasSeparator(index, group.TokenIndex));
            List<SetDraft> targets;
            if (next is { IsLastSet: true } && PrecededByLastSet(next.TokenIndex))
            {
                targets = [next];
            }
            else if (before is not null && FollowsLastSet(index))
            {
                // "3 sets of 12, last set to failure": only the final set of that group
                targets = [SplitOffLastSet(before)];
            }
            else if (before is not null && IsRightAfter(before.EndIndex, index))
            {
                targets = [before];
            }
            else if (kind is TokenKind.Warmup or TokenKind.Dropset)
            {
                var stop = WarmupEnd(index);
                targets = _groups.FindAll(group => group.TokenIndex > index && group.TokenIndex < stop);
            }
            else
            {
                targets = next is null ? [] : [next];
            }

            if (targets.Count == 0 && before is not null)
            {
                targets = [before];
            }

            if (targets.Count == 0)
            {
                // no set read yet in its clause: the sets a list of that clause gives, or every set when none is said apart
                _clauseTypes.Add((ClauseOf(index), type));
            }

            foreach (var target in targets)
            {
                target.Type ??= type;
            }
        }
    }

    /// <summary>Warm-ups and drops run until the working sets are named or the clause ends ("warm up 60 for 10, then 3x5 at 100").</summary>
    private int WarmupEnd(int index)
    {
        for (var k = index + 1; k < _t.Count; k++)
        {
            if (_t[k].Kind is TokenKind.Working or TokenKind.Separator)
            {
                return k;
            }
        }

        return int.MaxValue;
    }

    /// <summary>How many clause breaks ("then", a full stop) come before a token.</summary>
    private int ClauseOf(int index)
    {
        var clause = 0;
        for (var k = 0; k < index && k < _t.Count; k++)
        {
            clause += _t[k].Kind == TokenKind.Separator ? 1 : 0;
        }

        return clause;
    }

    private bool FollowsLastSet(int index)
    {
        var k = index - 1;
        while (k >= 0 && _t[k].Kind is TokenKind.Filler or TokenKind.Punctuation)
        {
            k--;
        }

        return k >= 0 && _t[k].Kind == TokenKind.LastSet;
    }

    private bool PrecededByLastSet(int index)
    {
        var k = index - 1;
        while (k >= 0 && _t[k].Kind is TokenKind.Filler or TokenKind.Punctuation or TokenKind.Warmup or TokenKind.Amrap
                   or TokenKind.Failure or TokenKind.Dropset or TokenKind.Comma)
        {
            k--;
        }

        return k >= 0 && _t[k].Kind == TokenKind.LastSet;
    }

    private SetDraft SplitOffLastSet(SetDraft group)
    {
        if (group.Count is not > 1)
        {
            return group;
        }

        group.Count--;
        var last = group.Copy();
        last.Count = null;
        _groups.Insert(_groups.IndexOf(group) + 1, last);
        return last;
    }

    private bool IsRightAfter(int end, int index)
    {
        for (var k = end; k < index; k++)
        {
            if (_t[k].Kind is not (TokenKind.Filler or TokenKind.Reps or TokenKind.Punctuation))
            {
                return false;
            }
        }

        return end <= index;
    }

    /// <summary>
    /// "3 sets" said apart from what each held joins it: "2 warm-up sets of bench at 40 kg for 10",
    /// "3 sets: 12, 10, 8". A count with nothing to join stays as that many empty sets.
    /// </summary>
    private void MergeCounts()
    {
        for (var g = 0; g < _groups.Count; g++)
        {
            var counted = _groups[g];
            if (!counted.IsCountOnly)
            {
                continue;
            }

            if (!SetLimits.IsCount(counted.Count!.Value))
            {
                // "30 sets: ...": an absurd count joins nothing; what each set held still stands on its own
                _absurd = true;
                _unread.Add(counted.Span);
                _groups.RemoveAt(g);
                g--;
                continue;
            }

            if (_repsList is not null)
            {
                var total = Math.Max((int)counted.Count.Value, _repsList.Count);
                var expanded = new List<SetDraft>(total);
                for (var k = 0; k < total; k++)
                {
                    var set = counted.Copy();
                    set.Count = null;
                    set.Reps = _repsList[Math.Min(k, _repsList.Count - 1)];
                    set.Span = counted.Span.Union(_listSpan);
                    expanded.Add(set);
                }

                _groups.RemoveAt(g);
                _groups.InsertRange(g, expanded);
                _repsList = null;
                g += expanded.Count - 1;
                continue;
            }

            if (_groups.Count(group => group != counted && group.HasWork) >= 2)
            {
                // "bench 3 sets: 100x5, 100x5, 100x4": the count only sums up the sets listed, and a type said with it
                // ("two warm-up sets, 10 at 40 and 5 at 60") is theirs: the single sets said right after it, as many as it counts
                if (counted.Type is { } type)
                {
                    var typed = 0;
                    for (var k = g + 1; k < _groups.Count && typed < counted.Count && _groups[k].Count is null
                         && !HasSeparator(counted.TokenIndex, _groups[k].TokenIndex); k++, typed++)
                    {
                        _groups[k].Type ??= type;
                    }
                }

                _groups.RemoveAt(g);
                g--;
                continue;
            }

            var partner = _groups.FindIndex(g + 1, group => group.Count is null && group.HasWork);
            if (partner < 0)
            {
                partner = _groups.FindLastIndex(g, group => group.Count is null && group.HasWork);
            }

            if (partner >= 0)
            {
                _groups[partner].Count = counted.Count;
                _groups[partner].CountUnsaid = false;
                _groups[partner].FillFrom(counted);
                _groups.RemoveAt(g);
                g--;
                continue;
            }

            var counts = _groups.Find(group => group != counted && group.HasWork);
            if (counts is not null)
            {
                // "3 sets, 3x10" says the count twice; "curls 3x10 twice" says two counts, and which holds is a question
                if (counts.Count != counted.Count)
                {
                    _unsure = true;
                    _unread.Add(counted.Span);
                }

                _groups.RemoveAt(g);
                g--;
            }
        }
    }

    private List<SetDraft> Expand()
    {
        var sets = new List<SetDraft>();
        foreach (var group in _groups)
        {
            if (group.Unsure || group.CountUnsaid)
            {
                _unsure = true;
                _unread.Add(group.Span);
                continue;
            }

            var count = group.Count ?? 1;
            if (!SetLimits.IsCount(count))
            {
                _absurd = true;
                _unread.Add(group.Span);
                continue;
            }

            for (var k = 0; k < count; k++)
            {
                var set = group.Copy();
                set.Count = null;
                sets.Add(set);
            }
        }

        if (_loadList is not null && sets.Count > 0)
        {
            Spread(sets, _loadList, (set, load) => Fill(set.Load, load, value => set.Load = value));
        }

        if (_rpeList is not null && sets.Count > 0)
        {
            Spread(sets, _rpeList, (set, rpe) => Fill(set.Rpe, rpe, value => set.Rpe = value));
        }

        if (_rirList is not null && sets.Count > 0)
        {
            Spread(sets, _rirList, (set, rir) => Fill(set.Rir, rir, value => set.Rir = value));
        }

        if (_shared.Load is { } shared && sets.Count > 0 && sets.TrueForAll(set => set.Load is not null))
        {
            // "135x10 at 60": a load said where every set already has one belongs to none of them
            _unread.Add(shared.Said);
        }

        foreach (var set in sets)
        {
            foreach (var (clause, type) in _clauseTypes)
            {
                if (set.Type is null && (ClauseOf(set.TokenIndex) == clause || !HasSeparator(0, _t.Count)))
                {
                    set.Type = type;
                }
            }

            set.FillFrom(_shared);
        }

        return sets;
    }

    /// <summary>
    /// One value per set in order; with fewer values than sets the last repeats, with more a single group grows. More
    /// values than the sets said ("100x5, 110x3 rpe 7, 8, 9") cannot be matched to them: the list is unparsed.
    /// </summary>
    private void Spread<T>(List<SetDraft> sets, List<T> values, Func<SetDraft, T, bool> apply)
    {
        if (sets.Count < values.Count && _groups.Count == 1 && _groups[0].Count is null)
        {
            while (sets.Count < values.Count)
            {
                sets.Add(sets[0].Copy());
            }
        }

        if (sets.Count < values.Count)
        {
            _unread.Add(_listSpan);
            return;
        }

        var taken = 0;
        for (var k = 0; k < sets.Count; k++)
        {
            taken += apply(sets[k], values[Math.Min(k, values.Count - 1)]) ? 1 : 0;
            sets[k].Span = sets[k].Span.Union(_listSpan);
        }

        if (taken == 0)
        {
            // "3x5 at 100, 80, 90": every set already had its value, so the list belongs to none of them
            _unread.Add(_listSpan);
        }
    }

    /// <summary>Sets <paramref name="value"/> where nothing is yet; true when it did.</summary>
    private static bool Fill<T>(T? current, T value, Action<T> set)
        where T : struct
    {
        if (current is not null)
        {
            return false;
        }

        set(value);
        return true;
    }

    private SetOutcome Finish(List<SetDraft> drafts)
    {
        var sets = new List<WorkoutSet>(drafts.Count);
        var refused = _absurd || _unsure;
        foreach (var draft in drafts)
        {
            if (_kind == ExerciseKind.Timed && draft.Reps is { } held && draft.DurationSeconds is null)
            {
                // "plank 3x60", "weighted plank 3x60 with 20 kg": a hold is counted in seconds, not reps
                draft.DurationSeconds = held;
                draft.Reps = null;
            }

            var set = ToSet(draft);
            if (set is null)
            {
                refused = true;
                _unread.Add(draft.Span);
                continue;
            }

            sets.Add(set);
        }

        return new SetOutcome(sets, _unread, refused);
    }

    private WorkoutSet? ToSet(SetDraft draft)
    {
        double? weight = null;
        string? unit = null;
        if (draft.Load is { } load)
        {
            unit = load.Unit ?? _unitAt(load.Position);
            weight = load.Weigh(unit);
            if (weight is < 0)
            {
                // "pull ups -55x5": assistance is said as a negative load, which a set cannot store; the reps stand
                _unread.Add(load.Said);
                weight = null;
            }

            if (weight is null)
            {
                unit = null;
            }
            else if (!SetLimits.IsLoad(weight.Value, unit))
            {
                return null;
            }
        }

        if ((draft.Reps is { } reps && !SetLimits.IsReps(reps)) || (draft.Rpe is { } rpe && !SetLimits.IsRpe(rpe))
            || (draft.Rir is { } rir && !SetLimits.IsRir(rir))
            || (draft.DurationSeconds is { } seconds && !SetLimits.IsDuration(seconds))
            || (draft.DistanceKm is { } km && !SetLimits.IsDistance(km)))
        {
            return null;
        }

        return new WorkoutSet
        {
            Reps = draft.Reps is { } r ? (int)r : null,
            Weight = weight,
            Unit = unit,
            Rpe = draft.Rpe,
            Rir = draft.Rir,
            DurationSeconds = draft.DurationSeconds is { } d ? (int)Math.Round(d) : null,
            DistanceKm = draft.DistanceKm is { } k ? Math.Round(k, DistanceDecimals) : null,
            Type = draft.Type ?? "normal",
            PerSide = _perSide ? true : null,
        };
    }
}
