"""A real S3 server for tests: the project's own bin/s3-server (SeaweedFS), never a mock."""

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 60


@contextlib.contextmanager
def running_s3_server(bucket: str = "mfs-test"):
    """Start bin/s3-server (data in a temporary folder it removes); yields the S3_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("S3_")}
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "bin" / "s3-server"), "--bucket", bucket],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        settings, output = {}, []
        lines = queue.Queue()
        # A thread reads the output: a pipe's readline would block past the deadline.
        threading.Thread(target=lambda: [lines.put(x) for x in process.stdout], daemon=True).start()
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline and process.poll() is None:
            try:
                line = lines.get(timeout=0.2)
            except queue.Empty:
                continue
            output.append(line)
            if line.startswith("ready"):
                break
            key, _, value = line.strip().partition("=")
            if key.startswith("S3_"):
                settings[key] = value
        while not lines.empty():  # what it said before it stopped
            output.append(lines.get())
        if not output or not output[-1].startswith("ready"):
            raise RuntimeError("bin/s3-server did not start:\n" + "".join(output))
        yield settings
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        process.stdout.close()


def s3_client(settings: dict):
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=settings["S3_ENDPOINT_URL"],
        aws_access_key_id=settings["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=settings["S3_SECRET_ACCESS_KEY"],
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"),
    )


def bucket_keys(settings: dict) -> set[str]:
    listing = s3_client(settings).list_objects_v2(Bucket=settings["S3_BUCKET"])
    return {item["Key"] for item in listing.get("Contents", [])}


def storages_for(settings: dict, prefix: str = "") -> dict:
    """The STORAGES the app builds from these S3_* settings (config/settings.py)."""
    from django.conf import settings as django_settings

    from config.files import s3_storages

    return {
        **django_settings.STORAGES,
        **s3_storages(
            bucket=settings["S3_BUCKET"],
            endpoint_url=settings["S3_ENDPOINT_URL"],
            access_key=settings["S3_ACCESS_KEY_ID"],
            secret_key=settings["S3_SECRET_ACCESS_KEY"],
            region="us-east-1",
            prefix=prefix,
        ),
    }
