namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>
/// What a token means. The lexer only produces <see cref="Word"/>, <see cref="Number"/>, <see cref="Clock"/> and
/// <see cref="Symbol"/>; <see cref="TokenClassifier"/> turns them into the rest. A <see cref="Word"/> left after
/// classification is part of an exercise name.
/// </summary>
internal enum TokenKind
{
    /// <summary>No token: what a default token (before the start or past the end) is.</summary>
    None,

    Word,
    Number,
    Clock,
    Symbol,

    WeightUnit,
    KSuffix,
    SecondSuffix,
    DurationUnit,
    DistanceUnit,
    Plates,
    Quarter,
    BarLoad,
    Half,
    Times,
    Sets,
    Reps,
    RepsNoun,

    For,
    At,
    With,
    Of,
    In,
    Plus,
    Minus,
    Colon,
    Comma,
    And,
    Range,

    Rpe,
    Rir,
    Side,
    Warmup,
    Amrap,
    Failure,
    Dropset,
    Working,
    LastSet,
    Rest,
    Percent,

    /// <summary>Talk of a plan, not of sets done ("next week", "gonna try", "I will"): its clause is not logged.</summary>
    Plan,

    /// <summary>Doubt about what was done ("was it", "can't remember", "50 or 55"): its clause is not logged.</summary>
    Doubt,

    /// <summary>"EMOM": one set every minute, as many sets as minutes said.</summary>
    Emom,

    /// <summary>"the same weight": the load of the set said before.</summary>
    SameLoad,

    Separator,
    Filler,
    Comment,
    Punctuation,
}

/// <summary>
/// A token of a transcript with its place in the original text, so unread parts can be quoted verbatim.
/// <see cref="Value"/> holds a number, a unit's factor (seconds or km per unit) or a rep count;
/// <see cref="Text"/> the lower-cased word, symbol or unit ("kg"/"lb"); <see cref="Glued"/> is true when no
/// whitespace precedes it ("185lbs", "+45").
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, double Value, string Text, bool Glued)
{
    public Token With(TokenKind kind, double value = 0, string? text = null) => this with { Kind = kind, Value = value, Text = text ?? Text };

    public bool IsInteger => Kind == TokenKind.Number && Value == Math.Floor(Value);

    /// <summary>Where the exercise's name was said, in the tokens of one exercise (see <see cref="NameMark"/>).</summary>
    public bool IsNameMark => Kind == TokenKind.Word && Text.Length == 0;

    /// <summary>Stands for the exercise's name among the numbers said around it, so no pattern reads across it.</summary>
    public static Token NameMark(TextSpan name) => new(TokenKind.Word, name.Start, name.End, 0, "", false);
}
