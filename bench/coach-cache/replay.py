#!/usr/bin/env python3
"""Replays a seeded, realistic coach workload against a running API and reports how many model calls the answer
cache avoided. Started by bench/coach-cache/run.sh (which also starts the API and the fake model); standard library only.

Usage: replay.py API_URL FAKE_MODEL_URL [requests=2000] [seed=42]

Users: 4 shared profiles x 4 users each (users who share a profile share a user-context fingerprint, so they can
share cached answers), 4 users with a profile of their own, 4 users with no profile (empty profiles and no workouts
also share a fingerprint). No user logs a workout during the run.

Each request picks a user uniformly and then one of:
  repeat   (60 %) a question from tests/Api.IntegrationTests/Coach/coach-questions.json, drawn Zipf-like (s = 1.1,
                  popularity rank shuffled by the seed), asked verbatim;
  reworded (25 %) a Zipf-drawn question with one rewording: case, punctuation, filler words, singular/plural, or an
                  abbreviation swapped for its long form or back (DOMS / delayed onset muscle soreness, RDL / romanian
                  deadlift, ...);
  unique   (15 %) a question nobody else asks (a templated question with the user's own numbers).
With PARAPHRASES=1 the mix is repeat 55 %, reworded 20 %, paraphrased 10 %, unique 15 %, where
  paraphrased     a Zipf-drawn question among the 60 of tests/Api.IntegrationTests/Coach/coach-paraphrases.json, asked
                  as one of its two true paraphrases (same need, mostly other words; written without reading the code);
and after the counts a probe asks each of that file's 80 different-meaning pairs (questions that share most words but
need different answers, "inside/outside of my knee") as a fresh user, first a then b: b answered from the cache is a
false hit, and the script fails if there is any.
"""

import os

import json
import random
import re
import sys
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

API, MODEL = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/")
REQUESTS = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 42
ZIPF_S = 1.1
PARAPHRASES = os.environ.get("PARAPHRASES") == "1"
MIX = ((("repeat", 0.55), ("reworded", 0.20), ("paraphrased", 0.10), ("unique", 0.15)) if PARAPHRASES
       else (("repeat", 0.60), ("reworded", 0.25), ("unique", 0.15)))

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = [q["question"] for q in json.loads((ROOT / "tests/Api.IntegrationTests/Coach/coach-questions.json").read_text())]
PARAPHRASE_SET = json.loads((ROOT / "tests/Api.IntegrationTests/Coach/coach-paraphrases.json").read_text())
PARAPHRASED = {p["question"]: p["paraphrases"] for p in PARAPHRASE_SET["paraphrases"]}

SHARED_PROFILES = [
    {"goals": ["hypertrophy"], "experience": "beginner", "sex": "male", "age": 24, "weightKg": 75, "daysPerWeek": 3},
    {"goals": ["strength"], "experience": "intermediate", "sex": "male", "age": 31, "weightKg": 90, "daysPerWeek": 4},
    {"goals": ["fat_loss", "general_fitness"], "experience": "beginner", "sex": "female", "age": 38, "weightKg": 70, "daysPerWeek": 3},
    {"goals": ["endurance"], "experience": "intermediate", "sex": "female", "age": 29, "weightKg": 58, "daysPerWeek": 5},
]
OWN_PROFILES = [
    {"goals": ["strength", "hypertrophy"], "experience": "advanced", "sex": "male", "age": 42, "weightKg": 102, "daysPerWeek": 5, "injuries": ["lower_back"]},
    {"goals": ["mobility"], "experience": "beginner", "sex": "female", "age": 57, "weightKg": 64, "daysPerWeek": 2, "injuries": ["knee"]},
    {"goals": ["sport_performance"], "experience": "intermediate", "sex": "male", "age": 19, "weightKg": 81, "daysPerWeek": 6},
    {"goals": ["hypertrophy"], "experience": "intermediate", "sex": "other", "age": 35, "weightKg": 68, "daysPerWeek": 4, "injuries": ["shoulder"]},
]

# Abbreviation <-> long form, both ways; the normaliser's synonym table knows these groups.
ABBREVIATIONS = [
    ("DOMS", "delayed onset muscle soreness"), ("RDL", "romanian deadlift"), ("OHP", "overhead press"),
    ("1RM", "one rep max"), ("RPE", "rate of perceived exertion"), ("RIR", "reps in reserve"),
    ("PPL", "push pull legs"), ("HIIT", "high intensity interval training"), ("VBT", "velocity based training"),
    ("CNS", "central nervous system"), ("BCAAs", "branched chain amino acids"), ("ROM", "range of motion"),
]
PLURALS = [("sets", "set"), ("muscles", "muscle"), ("squats", "squat"), ("knees", "knee"), ("reps", "rep"),
           ("weights", "weight"), ("days", "day"), ("runs", "run"), ("gains", "gain"), ("lifts", "lift"),
           ("deadlifts", "deadlift"), ("hamstrings", "hamstring"), ("shoulders", "shoulder"), ("calories", "calorie"),
           ("supplements", "supplement"), ("wrists", "wrist"), ("exercises", "exercise"), ("accessories", "accessory")]
FILLER_BEFORE = ["hey ", "hi, ", "ok so ", "please tell me: ", "quick question - ", "hey coach, ", "so "]
FILLER_AFTER = [" please", " thanks!", " lol", "??", " thx", ""]
LIFTS = ["squat", "bench press", "deadlift", "overhead press", "hip thrust", "front squat", "barbell row"]
UNIQUE_TEMPLATES = [
    "my {lift} is {kg} kg for {reps} reps, what should i aim for in {weeks} weeks?",
    "is {sets}x{reps} at {kg} kg on {lift} enough to keep progressing?",
    "i weigh {bw} kg, how many grams of protein is {grams} g a day too much?",
    "ran {km} km in {minutes} minutes today, how do i get under {target}?",
    "can i train {lift} {days} days in a row if i only do {sets} sets at {kg} kg?",
]


def call(method, url, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=60) as response:
        raw = response.read()
        return json.loads(raw) if raw and response.headers.get_content_type() == "application/json" else raw.decode()


def reword(question, rng):
    """One rewording of the question; returns (text, kind). Falls back to case/punctuation when a kind does not apply."""
    kinds = ["case", "punctuation", "filler", "plural", "abbreviation"]
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "abbreviation":
            pairs = [(a, b) for a, b in ABBREVIATIONS if re.search(rf"\b{re.escape(a)}\b", question, re.I)]
            pairs += [(b, a) for a, b in ABBREVIATIONS if re.search(rf"\b{re.escape(b)}\b", question, re.I)]
            if pairs:
                old, new = rng.choice(pairs)
                return re.sub(rf"\b{re.escape(old)}\b", new, question, count=1, flags=re.I), kind
        elif kind == "plural":
            pairs = [(a, b) for a, b in PLURALS if re.search(rf"\b{a}\b", question, re.I)]
            pairs += [(b, a) for a, b in PLURALS if re.search(rf"\b{b}\b", question, re.I)]
            if pairs:
                old, new = rng.choice(pairs)
                return re.sub(rf"\b{old}\b", new, question, count=1, flags=re.I), kind
        elif kind == "filler":
            return rng.choice(FILLER_BEFORE) + question + rng.choice(FILLER_AFTER), kind
        elif kind == "case":
            return rng.choice([question.upper(), question.lower(), question.capitalize(), question.title()]), kind
        elif kind == "punctuation":
            stripped = re.sub(r"[?!.,:;]+", "", question).strip()
            return rng.choice([stripped, stripped + "?", stripped + "???", stripped.replace(" ", ", ", 1) + "!"]), kind
    return question, "none"


def unique_question(rng, n):
    template = rng.choice(UNIQUE_TEMPLATES)
    return template.format(
        lift=rng.choice(LIFTS), kg=40 + n, reps=rng.randint(3, 12), weeks=rng.randint(4, 16), sets=rng.randint(2, 6),
        bw=55 + n % 60, grams=100 + n, km=rng.randint(3, 12), minutes=20 + n, target=rng.choice(["25 min", "50 min", "1:45"]),
        days=rng.randint(2, 4))


def main():
    rng = random.Random(SEED)
    users = []  # (user id, profile group)
    for g, _ in enumerate(SHARED_PROFILES):
        users += [(f"cc-shared{g}-{i}", f"shared{g}") for i in range(4)]
    users += [(f"cc-own{g}", f"own{g}") for g in range(len(OWN_PROFILES))]
    users += [(f"cc-none{i}", "none") for i in range(4)]

    tokens = {}
    for user, group in users:
        tokens[user] = call("POST", f"{API}/api/auth/dev-token", {"userId": user, "tier": "unlimited"})["token"]
        profile = SHARED_PROFILES[int(group[6:])] if group.startswith("shared") else OWN_PROFILES[int(group[3:])] if group.startswith("own") else None
        if profile is not None:
            call("PUT", f"{API}/api/users/me/profile", profile, tokens[user])

    ranked = QUESTIONS[:]
    rng.shuffle(ranked)  # popularity rank is the seed's, not the file's order
    weights = [1 / (rank + 1) ** ZIPF_S for rank in range(len(ranked))]
    ranked_paraphrased = [q for q in ranked if q in PARAPHRASED]  # the same popularity order, paraphrasable ones only
    weights_paraphrased = [w for q, w in zip(ranked, weights) if q in PARAPHRASED]

    workload = []  # (user, group, kind, reworded-as, base question, text)
    for n in range(REQUESTS):
        user, group = rng.choice(users)
        kind = rng.choices([k for k, _ in MIX], [w for _, w in MIX])[0]
        if kind == "unique":
            text = unique_question(rng, n)
            workload.append((user, group, kind, "", text, text))
            continue
        if kind == "paraphrased":
            base = rng.choices(ranked_paraphrased, weights_paraphrased)[0]
            workload.append((user, group, kind, "", base, rng.choice(PARAPHRASED[base])))
            continue
        base = rng.choices(ranked, weights)[0]
        text, how = reword(base, rng) if kind == "reworded" else (base, "")
        workload.append((user, group, kind, how, base, text))

    cached = Counter()
    asked = Counter()
    reworded_by_how = defaultdict(Counter)
    unique_hits = []
    verbatim_seen = set()  # (group, question) asked verbatim earlier, so a rewording of it could hit
    for user, group, kind, how, base, text in workload:
        answer = call("POST", f"{API}/api/coach/ask", {"question": text}, tokens[user])
        if kind in ("reworded", "paraphrased") and (group, base) in verbatim_seen:
            key = how or kind
            reworded_by_how[key]["after verbatim"] += 1
            reworded_by_how[key]["after verbatim cached"] += bool(answer["cached"])
        if kind == "paraphrased":
            reworded_by_how[kind]["asked"] += 1
            reworded_by_how[kind]["cached"] += bool(answer["cached"])
        if kind == "repeat":
            verbatim_seen.add((group, base))
        asked[kind] += 1
        cached[kind] += bool(answer["cached"])
        if kind == "unique" and answer["cached"]:
            unique_hits.append(text)
        if kind == "reworded":
            reworded_by_how[how]["asked"] += 1
            reworded_by_how[how]["cached"] += bool(answer["cached"])

    metrics = call("GET", f"{API}/metrics")
    made = sum(float(v) for v in re.findall(r'^fitcoach_model_calls_seconds_count\{purpose="coach",[^}]*\} (\S+)$', metrics, re.M))
    avoided = {reason: float(v) for reason, v in re.findall(r'^fitcoach_model_calls_avoided_total\{purpose="coach",reason="([^"]+)"\} (\S+)$', metrics, re.M)}
    fake_calls = call("GET", f"{MODEL}/calls")["calls"]

    # What a cache that recognised every rewording as its original would have needed: one call per distinct
    # (question, fingerprint group), unique questions included.
    ideal = len({(group, base) for _, group, _, _, base, _ in workload})
    total_avoided = sum(avoided.values())

    print(f"workload: {REQUESTS} requests, seed {SEED}, {len(users)} users in {len({g for _, g in users})} user-context groups, "
          f"{len(QUESTIONS)} base questions (Zipf s={ZIPF_S}), mix " + ", ".join(f"{k} {w:.0%}" for k, w in MIX))
    print(f"requests:                     {REQUESTS}")
    print(f"model calls made (fake model): {fake_calls}   (metrics: {made:.0f})")
    print("model calls avoided:          " + ", ".join(f"{r} {v:.0f}" for r, v in sorted(avoided.items())) + f"   (total {total_avoided:.0f})")
    print(f"reduction:                    {100 * (1 - fake_calls / REQUESTS):.1f} % of model calls avoided")
    print(f"ideal (every rewording recognised): {ideal} calls, {100 * (1 - ideal / REQUESTS):.1f} %")
    for kind, _ in MIX:
        print(f"  {kind:9s} {asked[kind]:5d} asked, {cached[kind]:5d} answered from cache ({100 * cached[kind] / max(asked[kind], 1):.1f} %)")
    for how, c in sorted(reworded_by_how.items()):
        print(f"    reworded by {how:13s} {c['asked']:4d} asked, {c['cached']:4d} cached ({100 * c['cached'] / max(c['asked'], 1):.1f} %); "
              f"of those asked after the same group asked the original verbatim: {c['after verbatim cached']}/{c['after verbatim']} cached")
    for text in unique_hits[:5]:
        print(f"    unique question answered from cache: {text!r}")
    # Probe, after the counts above were read: is an abbreviation and its long form one cache entry? One user, each
    # pair asked short form first, then long form.
    probe = call("POST", f"{API}/api/auth/dev-token", {"userId": "cc-probe", "tier": "unlimited"})["token"]
    for short, long in [("How long does DOMS last?", "How long does delayed onset muscle soreness last?"),
                        ("RDL or good morning for hamstrings?", "romanian deadlift or good morning for hamstrings?"),
                        ("how often should I test my 1RM", "how often should I test my one rep max")]:
        call("POST", f"{API}/api/coach/ask", {"question": short}, probe)
        again = call("POST", f"{API}/api/coach/ask", {"question": long}, probe)
        print(f"    probe: {short!r} then {long!r} -> cached: {str(again['cached']).lower()}")
    false_hits = []
    if PARAPHRASES:
        for n, pair in enumerate(PARAPHRASE_SET["different"]):
            token = call("POST", f"{API}/api/auth/dev-token", {"userId": f"cc-different-{n}", "tier": "unlimited"})["token"]
            call("POST", f"{API}/api/coach/ask", {"question": pair["a"]}, token)
            if call("POST", f"{API}/api/coach/ask", {"question": pair["b"]}, token)["cached"]:
                false_hits.append((pair["a"], pair["b"]))
        print(f"    different-meaning probe: {len(PARAPHRASE_SET['different'])} pairs, {len(false_hits)} false hits")
        for a, b in false_hits:
            print(f"      FALSE HIT: {a!r} answered with the cached answer to {b!r}")
    if false_hits:
        sys.exit(1)
    if fake_calls + total_avoided != REQUESTS or abs(made - fake_calls) > 0:
        print(f"WARNING: calls made + avoided ({fake_calls} + {total_avoided:.0f}) != requests ({REQUESTS}) or metrics disagree with the fake model")
        sys.exit(1)


if __name__ == "__main__":
    main()
