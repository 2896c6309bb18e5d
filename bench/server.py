"""The site under gunicorn on 127.0.0.1, as production runs it, with its memory read from /proc."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from bench.environment import PROJECT_DIR
from bench.progress import log


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def proc_status(pid):
    """VmRSS and VmHWM (peak RSS) in KiB from /proc/<pid>/status, or None when gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    values = {}
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        if key in {"VmRSS", "VmHWM"}:
            values[key] = int(rest.split()[0])
    return values


_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system CPU time of a process so far (0.0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS


def children(pid):
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


class WebServer:
    """gunicorn with `workers` sync workers; `env` is the complete environment of the site."""

    def __init__(self, env, name, workers=2, log_dir=None):
        self.env = env
        self.name = name
        self.workers = workers
        self.port = None
        self.process = None
        self.log_path = Path(log_dir or PROJECT_DIR / "bench-results") / f"gunicorn-{name}.log"

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=90):
        self.port = free_port()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "w")
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--preload",  # as the README deploys it: the vocabulary is read once, in the master
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ]
        log(f"web ({self.name}): starting gunicorn with {self.workers} workers on 127.0.0.1:{self.port}")
        self.process = subprocess.Popen(
            command, cwd=PROJECT_DIR, env=self.env, stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                response = requests.get(f"{self.base_url}/health/", timeout=30)
                if response.status_code in (200, 503):
                    health = response.json()
                    log(f"web ({self.name}): up, /health/ says {response.status_code}")
                    return health
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer within {timeout} s; see {self.log_path}")

    def worker_pids(self):
        return children(self.process.pid) if self.process else []

    def cpu_seconds(self):
        """CPU time used so far by the master and its workers."""
        if not self.process:
            return 0.0
        return cpu_seconds(self.process.pid) + sum(cpu_seconds(pid) for pid in self.worker_pids())

    def memory(self):
        """Peak and current RSS (MiB) of the master and each worker."""
        workers = {pid: proc_status(pid) for pid in self.worker_pids()}
        workers = {pid: s for pid, s in workers.items() if s}
        master = proc_status(self.process.pid) or {}
        mib = lambda kib: round(kib / 1024, 1)  # noqa: E731
        return {
            "master_peak_rss_mib": mib(master.get("VmHWM", 0)),
            "worker_peak_rss_mib": sorted(mib(s["VmHWM"]) for s in workers.values()),
            "worker_rss_mib": sorted(mib(s["VmRSS"]) for s in workers.values()),
            "max_worker_peak_rss_mib": max((mib(s["VmHWM"]) for s in workers.values()), default=None),
            "total_peak_rss_mib": round(
                mib(master.get("VmHWM", 0)) + sum(mib(s["VmHWM"]) for s in workers.values()), 1
            ),
        }

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self._log.close()
        self.process = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def run_command(args, env, label, timeout=1800):
    """Run `manage.py <args>` as a child, streaming its output as progress; returns seconds,
    CPU seconds and peak RSS of the child.

    Peak RSS comes from polling VmHWM in /proc, not from wait4()'s ru_maxrss: Linux carries
    the parent's high-water mark over fork/exec into the child's maxrss, which would report
    the harness's own memory for every command."""
    import threading

    command = [sys.executable, "manage.py", *args]
    log(f"{label}: {' '.join(args)}")
    started = time.monotonic()
    process = subprocess.Popen(
        command, cwd=PROJECT_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
    )
    peak = [0]
    finished = threading.Event()

    def watch():
        while not finished.is_set():
            status = proc_status(process.pid)
            if status and "VmHWM" in status:
                peak[0] = max(peak[0], status["VmHWM"])
            finished.wait(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    tail = []
    last_print = 0.0
    for line in process.stdout:
        line = line.rstrip()
        tail = (tail + [line])[-40:]
        now = time.monotonic()
        if line and now - last_print > 1.0:
            last_print = now
            log(f"{label}: {line[:160]}")
        if now - started > timeout:
            process.kill()
            break
    # Keep polling until the process is a zombie: /proc still answers, and VmHWM is final
    # once its output is closed and it is about to exit.
    _, status, usage = os.wait4(process.pid, 0)
    finished.set()
    watcher.join()
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return {
        "seconds": round(seconds, 3),
        "peak_rss_mib": round(peak[0] / 1024, 1) if peak[0] else None,
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "returncode": process.returncode,
        "output_tail": tail[-10:],
    }
