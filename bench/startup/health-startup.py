#!/usr/bin/env python3
"""Start the API dll, poll /health: time to first 200, time until embeddings Healthy with corpus vectors ready; RSS."""
import json, os, subprocess, sys, time, urllib.request
dll, port = sys.argv[1], sys.argv[2]
extra = dict(a.split("=", 1) for a in sys.argv[3:])
env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development", **extra)
t0 = time.monotonic()
p = subprocess.Popen(["dotnet", dll, "--urls", f"http://127.0.0.1:{port}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=os.path.dirname(dll))
first = ready = None
desc = ""
try:
    while time.monotonic() - t0 < 180:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                body = json.loads(r.read())
                now = time.monotonic() - t0
                if first is None:
                    first = now
                emb = body.get("checks", {}).get("embeddings")
                if emb is None:
                    ready = now; desc = "(no embeddings check)"; break
                desc = emb["description"]
                if emb["status"] == "Healthy" and ("corpus vectors ready" in desc or desc.startswith("none")):
                    ready = now; break
        except Exception:
            pass
        time.sleep(0.02)
    time.sleep(1)
    rss = [l for l in open(f"/proc/{p.pid}/status") if l.startswith("VmRSS")][0].split()[1]
    print(json.dumps({"first_health_200_s": round(first, 2) if first else None, "hybrid_ready_s": round(ready, 2) if ready else None, "rss_mb": round(int(rss) / 1024), "embeddings": desc}))
finally:
    p.terminate(); p.wait()
