"""A real three-node Elasticsearch cluster on this machine, for the cluster test.

Uses the same distribution that scripts/services.sh installs (the integ-test-zip in its cache
directory; `scripts/services.sh install` fetches it) and starts it the same way: loopback
only, security off, as the service user when run as root (Elasticsearch refuses root). Each
node gets a small heap, its own data directory and fixed HTTP and transport ports, so a
stopped node can be started again and rejoins with its data.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HEAP = os.environ.get("CLUSTER_ES_HEAP", "256m")
SERVICE_USER = os.environ.get("TW_SERVICE_USER", "twservice")


def _cache_dir():
    if os.environ.get("TW_CACHE_DIR"):
        return Path(os.environ["TW_CACHE_DIR"])
    if os.getuid() == 0:
        return Path("/var/cache/transferwiki")
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "transferwiki"


def elasticsearch_home():
    """The installed distribution, or None (then `scripts/services.sh install` is missing)."""
    version_file = _cache_dir() / "es-version"
    if not version_file.exists():
        return None
    home = _cache_dir() / f"elasticsearch-{version_file.read_text().strip()}"
    return home if (home / "bin" / "elasticsearch").exists() else None


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
        return json.loads(response.read())


class Node:
    def __init__(self, cluster, name):
        self.cluster = cluster
        self.name = name
        self.http_port = _free_port()
        self.transport_port = _free_port()
        self.base = cluster.root / name
        self.pid_file = self.base / "es.pid"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.http_port}"

    def start(self):
        config = self.base / "config"
        if not config.exists():
            shutil.copytree(self.cluster.home / "config", config)
        for sub in ("data", "logs"):
            (self.base / sub).mkdir(parents=True, exist_ok=True)
        self.cluster.chown(self.base)
        seeds = ",".join(f"127.0.0.1:{node.transport_port}" for node in self.cluster.nodes)
        masters = ",".join(node.name for node in self.cluster.nodes)
        command = [
            "env",
            f"ES_JAVA_HOME={self.cluster.java_home}",
            f"ES_PATH_CONF={config}",
            f"ES_JAVA_OPTS=-Xms{HEAP} -Xmx{HEAP}",
            str(self.cluster.home / "bin" / "elasticsearch"),
            "-d",
            "-p",
            str(self.pid_file),
            f"-Ecluster.name={self.cluster.name}",
            f"-Enode.name={self.name}",
            "-Expack.security.enabled=false",
            "-Enetwork.host=127.0.0.1",
            f"-Ehttp.port={self.http_port}",
            f"-Etransport.port={self.transport_port}",
            f"-Ediscovery.seed_hosts={seeds}",
            f"-Ecluster.initial_master_nodes={masters}",
            f"-Epath.data={self.base / 'data'}",
            f"-Epath.logs={self.base / 'logs'}",
            "-Ecluster.routing.allocation.disk.threshold_enabled=false",
            "-Eaction.destructive_requires_name=false",
        ]
        if os.getuid() == 0:
            command = ["runuser", "-u", SERVICE_USER, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=300)

    def pid(self):
        try:
            return int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None

    def stop(self, timeout=60):
        pid = self.pid()
        if pid is None:
            return
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.5)
        else:
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)


class Cluster:
    """Three nodes; `with Cluster() as cluster:` starts them and removes everything after."""

    def __init__(self, size=3):
        self.home = elasticsearch_home()
        self.name = f"tw-cluster-{uuid.uuid4().hex[:8]}"
        self.root = Path(tempfile.mkdtemp(prefix="tw-cluster-"))
        self.nodes = [Node(self, f"node-{n}") for n in range(1, size + 1)]
        java = shutil.which("java")
        self.java_home = str(Path(os.path.realpath(java)).parent.parent) if java else ""

    def chown(self, path):
        if os.getuid() == 0:
            shutil.chown(self.root, SERVICE_USER)
            subprocess.run(["chown", "-R", SERVICE_USER, str(path)], check=True)

    def __enter__(self):
        try:
            # Together: a daemonised node returns only once the cluster has formed, which
            # takes a majority of the master-eligible nodes.
            with ThreadPoolExecutor(len(self.nodes)) as pool:
                for future in [pool.submit(node.start) for node in self.nodes]:
                    future.result()
            self.wait_for(nodes=len(self.nodes), status="green")
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        for node in self.nodes:
            node.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def health(self, via=None, **params):
        query = "&".join(f"{key}={value}" for key, value in params.items())
        node = via or self.running()[0]
        return _get(f"{node.url}/_cluster/health?{query}", timeout=70)

    def running(self):
        return [node for node in self.nodes if node.pid() is not None]

    def wait_for(self, nodes, status="green", timeout=240):
        """Until the cluster has `nodes` nodes and `status` (asked through a running node)."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            try:
                last = self.health(wait_for_nodes=nodes, wait_for_status=status, timeout="5s")
                if not last.get("timed_out") and last.get("number_of_nodes") == nodes:
                    return last
            except OSError as exc:  # not listening yet, or the 408 of a timed-out wait
                last = exc
            time.sleep(1)
        raise TimeoutError(f"cluster not {status} with {nodes} nodes after {timeout}s: {last}")
