using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using FitCoach.Domain.Profiles;

namespace FitCoach.Application.Common.UserContext;

/// <summary>What the last four weeks of the user's log say, coarsely: enough to fit advice, nothing identifying.</summary>
public sealed record TrainingSummary(
    int WorkoutsLast28Days,
    double WorkoutsPerWeek,
    int HardSetsLast28Days,
    int? DaysSinceLastWorkout,
    double? AverageSessionRpe,
    IReadOnlyList<string> TopExercises)
{
    public static readonly TrainingSummary Empty = new(0, 0, 0, null, null, []);
}

/// <summary>
/// The user context the coach uses: the profile plus a training summary. <see cref="Facts"/> is the exact text a
/// model or the offline composer is given about the user, and <see cref="Fingerprint"/> hashes exactly that, so two
/// users with the same facts may share a cached answer and any change to the facts starts a new one.
/// </summary>
[ImmutableObject(true)]
public sealed record UserContext(UserProfile Profile, TrainingSummary Training)
{
    [JsonIgnore]
    public bool HasProfile =>
        Profile.Goals.Count > 0 || Profile.Experience is not null || Profile.Equipment.Count > 0 || Profile.Injuries.Count > 0
        || Profile.Age is not null || Profile.WeightKg is not null || Profile.DaysPerWeek is not null;

    /// <summary>One line per known fact, coarse on purpose (age by decade, weight to 5 kg).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Facts
    {
        get
        {
            var facts = new List<string>();
            var p = Profile;
            if (p.Goals.Count > 0)
            {
                facts.Add("goals: " + string.Join(", ", p.Goals.Select(g => g.Replace('_', ' '))));
            }

            if (p.Experience is not null)
            {
                facts.Add("experience: " + p.Experience);
            }

            if (p.Age is int age)
            {
                facts.Add(string.Create(CultureInfo.InvariantCulture, $"age: {age / 10 * 10}s"));
            }

            if (p.Sex is not null)
            {
                facts.Add("sex: " + p.Sex);
            }

            if (p.WeightKg is double weight)
            {
                facts.Add(string.Create(CultureInfo.InvariantCulture, $"body weight: about {Math.Round(weight / 5) * 5:0} kg"));
            }

            if (p.DaysPerWeek is int days)
            {
                facts.Add(string.Create(CultureInfo.InvariantCulture, $"can train {days} days a week") +
                    (p.SessionMinutes is int minutes ? string.Create(CultureInfo.InvariantCulture, $", about {minutes} minutes a session") : ""));
            }

            if (p.Equipment.Count > 0)
            {
                facts.Add("equipment: " + string.Join(", ", p.Equipment.Select(e => e.Replace('_', ' '))));
            }

            if (p.Injuries.Count > 0)
            {
                facts.Add("injuries or problem areas: " + string.Join(", ", p.Injuries.Select(i => i.Replace('_', ' '))));
            }

            if (p.Unit is not null)
            {
                facts.Add("prefers " + p.Unit);
            }

            var t = Training;
            if (t.WorkoutsLast28Days > 0)
            {
                facts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"logged {t.WorkoutsLast28Days} workouts in the last 4 weeks (about {t.WorkoutsPerWeek:0.#} a week, {t.HardSetsLast28Days} working sets)"));
                if (t.TopExercises.Count > 0)
                {
                    facts.Add("most-trained lifts: " + string.Join(", ", t.TopExercises));
                }

                if (t.AverageSessionRpe is double rpe)
                {
                    facts.Add(string.Create(CultureInfo.InvariantCulture, $"average session RPE: {rpe:0.#}"));
                }

                if (t.DaysSinceLastWorkout is int since)
                {
                    facts.Add(since switch
                    {
                        0 => "last workout: today",
                        1 => "last workout: yesterday",
                        <= 7 => "last workout: this week",
                        _ => "last workout: more than a week ago",
                    });
                }
            }
            else
            {
                facts.Add("no workouts logged in the last 4 weeks");
            }

            return facts;
        }
    }

    [JsonIgnore]
    public string Fingerprint =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Facts))))[..24];
}
