"""Ingest jobs started from the web page: ingest, extract and group in a background thread,
with progress a page can poll."""

from __future__ import annotations

import shutil
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from warlog import runner
from warlog.store import open_store


@dataclass
class Job:
    id: str
    user: str
    inputs: int
    stage: str = "waiting"
    done: int = 0
    total: int = 0
    finished: bool = False
    message: str = ""
    failures: list[str] = field(default_factory=list)

    def public(self) -> dict:
        return asdict(self)


class _Progress(runner.Feedback):
    """runner.Feedback that writes the stage and count into the job instead of a terminal."""

    def __init__(self, job: Job):
        super().__init__(quiet=True)
        self.job = job

    @contextmanager
    def bar(self, label: str, total: int) -> Iterator:
        self.job.stage, self.job.done, self.job.total = label, 0, total

        def advance() -> None:
            self.job.done += 1

        yield advance


class Jobs:
    def __init__(self, db: str):
        self.db = db
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def start(self, user: str, inputs: list[str], cleanup: Path | None = None) -> Job:
        job = Job(id=uuid.uuid4().hex, user=user, inputs=len(inputs))
        self.jobs[job.id] = job
        threading.Thread(target=self._run, args=(job, inputs, cleanup), daemon=True).start()
        return job

    def _run(self, job: Job, inputs: list[str], cleanup: Path | None) -> None:
        # one job at a time: extraction loads models and grouping rewrites the incidents
        with self.lock:
            store = open_store(self.db)
            try:
                feedback = _Progress(job)
                report = runner.ingest(store, inputs, feedback)
                job.failures = [f"{f.locator}: {f.reason}" for f in report.failures]
                mentions = runner.extract(store, feedback)
                job.stage = "group"
                incidents = runner.group(store)
                job.message = (f"{report.documents_new} new documents, {report.documents_seen} already "
                               f"stored, {len(report.failures)} failed; {mentions} event mentions; "
                               f"{incidents} incidents in the ledger")
            except Exception as err:  # the page must say the job ended, whatever happened
                job.message = f"the ingest stopped: {type(err).__name__}: {err}"
            finally:
                job.stage, job.finished = "done", True
                store.close()
                if cleanup is not None:
                    shutil.rmtree(cleanup, ignore_errors=True)
