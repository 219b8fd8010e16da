#!/usr/bin/env python3
"""The issue-8 write-path check over HTTP: POST N workouts one after another for one user (a few seconds apart within
the last hours, so every one is recent enough to count on the public boards and each write does the same work;
5 exercises x 4 sets) and report the median latency of the first and the last 50 writes and their ratio.
Loopback only; the API must be running (bench/http/sequential-writes.sh starts one on Redis).
Usage: sequential-writes.py URL TOKEN [N=335]"""
import http.client
import json
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import urlparse

url, token = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 335
exercises = ["Barbell_Squat", "Barbell_Bench_Press_-_Medium_Grip", "Barbell_Deadlift", "Standing_Military_Press", "Pullups", "Barbell_Curl", "Leg_Press"]
target = urlparse(url)
connection = http.client.HTTPConnection(target.hostname, target.port)
start = datetime.now(timezone.utc) - timedelta(hours=3)
latencies = []
for n in range(count):
    body = {
        "performedAt": (start + timedelta(seconds=10 * n)).isoformat(),
        "exercises": [
            {"exerciseId": exercises[(n + e) % len(exercises)],
             "sets": [{"reps": 5 + s, "weight": 60 + n % 50 + 2.5 * s, "unit": "kg"} for s in range(4)]}
            for e in range(5)
        ],
    }
    began = time.perf_counter()
    connection.request("POST", "/api/workouts", json.dumps(body), {"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    response = connection.getresponse()
    response.read()
    latencies.append((time.perf_counter() - began) * 1000)
    if response.status != 201:
        sys.exit(f"write {n} answered {response.status}")
first, last = statistics.median(latencies[:50]), statistics.median(latencies[-50:])
print(f"{count} writes in {sum(latencies) / 1000:.1f} s; median first 50: {first:.1f} ms, last 50: {last:.1f} ms, ratio {last / first:.2f}")
