"""Load for bench/run.py: each simulated GP opens the SCEGS step of its own consult and
autosaves one field, as a GP typing mid-consult does. Sessions come from BENCH_SESSIONS
(one logged-in, second-factor-verified session per user, made by bench/run.py)."""

import itertools
import json
import os
import re

from locust import HttpUser, between, task

from autosave.merge import token  # plain Python: no Django needed

SESSIONS = json.loads(os.environ.get("BENCH_SESSIONS", "[]"))
_next = itertools.count()


class GP(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self):
        entry = SESSIONS[next(_next) % len(SESSIONS)]
        self.client.cookies.set("sessionid", entry["session"])
        self.step = f"/consulten/{entry['consult']}/scegs/"
        page = self.client.get(self.step, name="SCEGS step")
        self.csrf = self.client.cookies.get("csrftoken", "")
        found = re.search(r'name="base-complaints"[^>]*value="([^"]*)"', page.text)
        self.base = found.group(1) if found else ""
        self.typed = 0

    @task(1)
    def open_step(self):
        self.client.get(self.step, name="SCEGS step")

    @task(3)
    def autosave(self):
        self.typed += 1
        text = f"Pijn in rug en nek, moe ({self.typed})"
        response = self.client.post(self.step, {"complaints": text, "base-complaints": self.base},
                                    headers={"HX-Request": "true", "X-CSRFToken": self.csrf,
                                             "Referer": self.host + self.step}, name="autosave")
        if response.ok:
            self.base = token(text)
