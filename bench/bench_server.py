"""Latency of GET /status/{job_id} on a real `sitegen serve` under 50 concurrent clients while jobs run.

Starts `python -m sitegen serve` (in-process runner) in a temporary SITEGEN_HOME, makes an API token,
keeps jobs running the whole time (offline provider; `--sandbox none` by default, `--sandbox local`
for real Next.js builds), and has N clients poll GET /status as fast as they can. Prints p50/p90/p99
latency, requests per second and how many jobs finished meanwhile; first with no jobs, then with jobs.

    python bench/bench_server.py [--clients 50] [--seconds 15] [--sandbox none|local] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PROMPTS = ["coffee shop in Porto called Luz", "yoga studio in Bristol", "law firm in Dublin called Kane & Co",
           "bakery in Lyon called Miel", "portfolio of a photographer in Oslo", "gym in Leeds called Iron"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_token(env: dict[str, str]) -> str:
    out = subprocess.run([sys.executable, "-m", "sitegen", "token", "create", "bench", "--json"], env=env,
                         capture_output=True, text=True, check=True)
    import json

    return json.loads(out.stdout)["token"]


def start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--port", str(port), "--workers",
                             str(workers), "--log-level", "warning"], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("sitegen serve did not start")


class Feeder(threading.Thread):
    """Keeps ``running`` jobs in flight until stopped; counts the finished ones."""

    def __init__(self, url: str, token: str, sandbox: str, running: int):
        super().__init__(daemon=True)
        self.http = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=30)
        self.sandbox, self.running = sandbox, running
        self.stop = threading.Event()
        self.ids: list[str] = []
        self.finished = 0

    def submit(self, n: int) -> None:
        body = {"prompt": PROMPTS[n % len(PROMPTS)], "provider": "offline", "sandbox": self.sandbox,
                "verify": False}
        r = self.http.post("/generate", json=body)
        if r.status_code == 202:
            self.ids.append(r.json()["job_id"])

    def run(self) -> None:
        n = 0
        active: list[str] = []
        while not self.stop.is_set():
            still = []
            for job_id in active:
                if self.http.get(f"/status/{job_id}").json()["status"] in ("running", "queued"):
                    still.append(job_id)
                else:
                    self.finished += 1
            active = still
            while len(active) < self.running:
                before = len(self.ids)
                self.submit(n)
                n += 1
                if len(self.ids) == before:
                    break
                active.append(self.ids[-1])
            self.stop.wait(0.3)


async def poll(url: str, token: str, ids: list[str], clients: int, seconds: float) -> list[float]:
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {token}"}, limits=limits,
                                 timeout=30) as http:
        end = time.monotonic() + seconds

        async def client(i: int) -> None:
            k = i
            while time.monotonic() < end:
                job_id = ids[k % len(ids)]
                k += 1
                t = time.perf_counter()
                r = await http.get(f"/status/{job_id}")
                latencies.append(time.perf_counter() - t)
                assert r.status_code == 200, r.text

        await asyncio.gather(*(client(i) for i in range(clients)))
    return latencies


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def report(label: str, lat: list[float], seconds: float, cpu: float, extra: str = "") -> None:
    q = statistics.quantiles(lat, n=100)
    print(f"{label:<18} requests {len(lat):>6}  {len(lat) / seconds:>6.0f}/s  p50 {q[49] * 1000:6.1f} ms  "
          f"p90 {q[89] * 1000:6.1f} ms  p99 {q[98] * 1000:6.1f} ms  server CPU {cpu * 1000 / len(lat):.1f} ms/request"
          f"  {extra}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--sandbox", default="none", choices=["none", "local"])
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    home = Path(tempfile.mkdtemp(prefix="sitegen-bench-server-"))
    env = {**os.environ, "SITEGEN_HOME": str(home), "SITEGEN_CONFIG": str(home / "config.toml"),
           "PYTHONPATH": str(ROOT / "src"), "SITEGEN_MAX_RUNNING_JOBS": "100", "SITEGEN_JOBS_PER_HOUR": "100000",
           "NEXT_TELEMETRY_DISABLED": "1"}
    token = make_token(env)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(env, port, args.workers)
    try:
        feeder = Feeder(url, token, args.sandbox, running=0)
        for n in range(4):  # a few finished jobs to read
            feeder.submit(n)
        time.sleep(3)
        print(f"sitegen serve --workers {args.workers}; {args.clients} clients polling GET /status for "
              f"{args.seconds:.0f} s; jobs: offline provider, --sandbox {args.sandbox}; {os.cpu_count()} CPUs")
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        cpu = cpu_seconds(server.pid)
        idle = asyncio.run(poll(url, token, feeder.ids, args.clients, args.seconds))
        report("no jobs running", idle, args.seconds, cpu_seconds(server.pid) - cpu)
        feeder.running = args.workers
        feeder.start()
        time.sleep(2 if args.sandbox == "none" else 10)
        cpu = cpu_seconds(server.pid)
        busy = asyncio.run(poll(url, token, feeder.ids, args.clients, args.seconds))
        cpu = cpu_seconds(server.pid) - cpu  # includes the jobs' own work in the server process
        finished = feeder.finished
        feeder.stop.set()
        feeder.join(timeout=10)
        report(f"{args.workers} jobs running", busy, args.seconds, cpu, f"jobs finished meanwhile: {finished}")
        print(f"load average after: {os.getloadavg()[0]:.1f} (other work on this machine counts)")
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
