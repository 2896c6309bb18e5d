"""The production settings load from the environment and refuse to start without secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(extra_env, *args):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production"}, **extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_load_with_required_environment():
    result = run_check(
        {"SECRET_KEY": "x" * 60 + "production-like-secret-0123456789", "ALLOWED_HOSTS": "wiki.example.org"},
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = run_check({"ALLOWED_HOSTS": "wiki.example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_check({"SECRET_KEY": "y" * 64})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr
