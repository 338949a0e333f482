#!/usr/bin/env python3
"""`rulebook serve`, end to end: every endpoint and every error status, verdicts byte-identical to
`rulebook check --format json`, hostile bodies, SIGHUP reloads, concurrent load, SIGTERM.

usage: serve_test.py RULEBOOK SOURCE_DIR
Python 3 standard library only. The service runs with --port 0 on 127.0.0.1; its stderr is read for
the port it picked, its log lines and (in a ThreadSanitizer build) any race it reports. The whole
test is bounded by a watchdog.
"""
import gzip
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request

RULEBOOK, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
POLICY = os.path.join(SOURCE, "policies", "customer-service.yaml")
VIP_POLICY = os.path.join(SOURCE, "policies", "vip-account-managers.yaml")
MARCH = os.path.join(SOURCE, "examples", "march-2026.yaml")
VIP = os.path.join(SOURCE, "examples", "vip-team-2026.yaml")
CASES = os.path.join(SOURCE, "tests", "cli", "cases")
PENDING_JSON = os.path.join(CASES, "pending.json")
# A ThreadSanitizer build is many times slower: every wait is generous, the watchdog bounds them all.
TIMEOUT = 120
WATCHDOG = 900
LOG_LINE = re.compile(r"^(\S+) (\S+) (\d{3}) ([0-9.]+|-) ms$")

failures = []
servers = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what, flush=True)
    return condition


def watchdog():
    print(f"FAIL: the test took more than {WATCHDOG} s", flush=True)
    for s in servers:
        s.proc.kill()
    os._exit(1)


class Server:
    """A `rulebook serve` process, its stderr collected line by line."""

    def __init__(self, policy, *extra, cwd=None):
        self.lines = []
        self.lock = threading.Lock()
        self.proc = subprocess.Popen(
            [RULEBOOK, "serve", "--policy", policy, "--port", "0", *extra],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, cwd=cwd)
        servers.append(self)
        self.port = None
        started = threading.Event()

        def read():
            for raw in self.proc.stderr:
                line = raw.decode("utf-8", "replace").rstrip("\n")
                with self.lock:
                    self.lines.append(line)
                m = re.match(r"listening on http://127\.0\.0\.1:(\d+)$", line)
                if m:
                    self.port = int(m.group(1))
                    started.set()
            started.set()

        self.reader = threading.Thread(target=read, daemon=True)
        self.reader.start()
        if not started.wait(TIMEOUT) or self.port is None:
            raise SystemExit("the service did not say where it listens:\n" + "\n".join(self.lines))

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def log(self):
        with self.lock:
            return list(self.lines)

    def wait_for_log(self, pattern, after=0):
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            for line in self.log()[after:]:
                if re.search(pattern, line):
                    return True
            time.sleep(0.05)
        return False

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        status = self.proc.wait(TIMEOUT)
        self.reader.join(TIMEOUT)
        return status


def request(server, method, path, body=None, headers=None):
    """(status, headers, body bytes) of one request; HTTP errors are answers too."""
    req = urllib.request.Request(server.url(path), data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def cli_check(policy, case, *extra):
    out = subprocess.run([RULEBOOK, "check", "--policy", policy, case, "--format", "json", *extra],
                         capture_output=True, timeout=TIMEOUT)
    assert out.returncode in (0, 1), out.stderr.decode()
    return out.stdout


def errors_of(what, status, body, expected_status=400):
    """The `errors` of an error answer, checked for their shape."""
    check(status == expected_status, f"{what}: status {status}, expected {expected_status}: {body[:300]!r}")
    try:
        doc = json.loads(body)
    except ValueError:
        check(False, f"{what}: the answer is not JSON: {body[:300]!r}")
        return []
    errors = doc.get("errors") if isinstance(doc, dict) else None
    if not check(isinstance(errors, list) and errors, f"{what}: no `errors` list: {doc}"):
        return []
    for e in errors:
        check(set(e) == {"file", "line", "column", "message"}, f"{what}: an error's keys: {e}")
        check(isinstance(e.get("line"), int) and isinstance(e.get("column"), int), f"{what}: {e}")
        check("internal error" not in e.get("message", ""), f"{what}: an internal error: {e}")
    return errors


def what_if_body_yaml(case_text, request_yaml):
    indented = "".join("  " + line if line.strip() else line for line in case_text.splitlines(True))
    return ("case:\n" + indented + "request:\n" + request_yaml).encode()


QUESTION = {"id": "Q1", "type": "leave", "kind": "personal", "employee": "E001", "submitted_by": "E001",
            "submitted_at": "2026-03-01T09:00", "shifts": ["S1"]}


def pending_what_if_json():
    return ('{"case": ' + read(PENDING_JSON).decode() + ',\n "request": ' + json.dumps(QUESTION) + "}\n").encode()


# ---- the checks ------------------------------------------------------------------------------------


def test_verdicts(server, policy):
    # The verdict of `rulebook check --format json`, byte for byte, for YAML and JSON bodies and
    # every query option.
    for query, extra in [("", []), ("?lang=zh", ["--lang", "zh"]), ("?explain=1&clauses=1", ["--explain", "--clauses"])]:
        status, _, body = request(server, "POST", "/v1/check" + query, read(MARCH))
        check(status == 200, f"check{query}: status {status}: {body[:300]!r}")
        check(body == cli_check(policy, MARCH, *extra), f"check{query}: not the bytes of `rulebook check`")
    status, _, body = request(server, "POST", "/v1/check", read(PENDING_JSON), {"Content-Type": "application/json"})
    check(status == 200 and body == cli_check(policy, PENDING_JSON), "check of a JSON case")
    # A case past the policy's calendars: the verdict, and the warning `check` writes on stderr.
    into_2027 = os.path.join(CASES, "into-2027.yaml")
    status, headers, body = request(server, "POST", "/v1/check", read(into_2027))
    check(status == 200 and body == cli_check(policy, into_2027), "check of a case past the calendars")
    check("2027" in (headers.get("Rulebook-Warning") or ""), f"the calendar warning: {headers.get('Rulebook-Warning')}")
    # Without a Content-Type, a body starting with `{` is JSON.
    status, _, body = request(server, "POST", "/v1/check", read(PENDING_JSON), {"Content-Type": ""})
    check(status == 200 and body == cli_check(policy, PENDING_JSON), "check of a JSON case without Content-Type")


def test_vip():
    # The other shipped example, with its own policy.
    vip = Server(VIP_POLICY)
    status, _, body = request(vip, "POST", "/v1/check", read(VIP))
    check(status == 200 and body == cli_check(VIP_POLICY, VIP), "check of the VIP example")
    check(vip.stop() == 0, "the VIP service exits 0 on SIGTERM")


def test_what_if(server, policy, tmp):
    # JSON: the answer is what a full judgement of the case with the request added says of it.
    status, _, body = request(server, "POST", "/v1/what-if", pending_what_if_json(), {"Content-Type": "application/json"})
    if check(status == 200, f"what-if (JSON): status {status}: {body[:300]!r}"):
        answer = json.loads(body)
        case = json.loads(read(PENDING_JSON))
        case["requests"].append(QUESTION)
        with_question = os.path.join(tmp, "with-question.json")
        with open(with_question, "w") as f:
            json.dump(case, f)
        full = json.loads(cli_check(policy, with_question))
        check(answer == next(r for r in full["requests"] if r["id"] == "Q1"),
              f"what-if: not the full judgement's answer: {answer}")
    json_answer = body
    # YAML, with the same case written as a flow mapping: the same answer, byte for byte.
    yaml_body = ("case: " + read(PENDING_JSON).decode() + "request:\n" +
                 "".join(f"  {k}: {json.dumps(v)}\n" for k, v in QUESTION.items())).encode()
    status, _, body = request(server, "POST", "/v1/what-if", yaml_body, {"Content-Type": "application/yaml"})
    check(status == 200 and body == json_answer, f"what-if (YAML): {status} {body[:300]!r}")
    # Other ways to write the same body: the same answer.
    case, q = read(PENDING_JSON).decode(), json.dumps(QUESTION)
    q_yaml = "".join(f"  {k}: {json.dumps(v)}\n" for k, v in QUESTION.items())
    for what, b in [("request first", '{"request": ' + q + ', "case": ' + case + "}"),
                    ("a byte-order mark", "\ufeff" + '{"case": ' + case + ', "request": ' + q + "}"),
                    ("CRLF", ("case: " + case + "\nrequest:\n" + q_yaml).replace("\n", "\r\n")),
                    ("comments", "# a question\ncase: " + case + "  # the case\n# then\nrequest:\n" + q_yaml + "# end\n"),
                    ("an indented root", "  case: " + case.replace("\n", "\n    ") + "\n  request:\n  " +
                     q_yaml.replace("\n  ", "\n    ")),
                    ("unquoted YAML flow", "{case: " + case + ", request: {id: Q1, type: leave, kind: personal, "
                     "employee: E001, submitted_by: E001, submitted_at: 2026-03-01T09:00, shifts: [S1]}}")]:
        status, _, body = request(server, "POST", "/v1/what-if", b.encode(), {"Content-Type": "application/yaml"})
        check(status == 200 and body == json_answer, f"what-if ({what}): {status} {body[:300]!r}")
    # The shipped example as a block mapping.
    month = read(MARCH).decode()
    ask = "  id: Q1\n  type: leave\n  kind: personal\n  employee: E001\n  submitted_by: E001\n" \
          "  submitted_at: 2026-03-01T09:00\n  shifts: [S104]\n"
    status, _, body = request(server, "POST", "/v1/what-if?lang=zh", what_if_body_yaml(month, ask))
    if check(status == 200, f"what-if of the example: status {status}: {body[:300]!r}"):
        answer = json.loads(body)
        check(answer["id"] == "Q1" and answer["decision"] in ("approved", "pending", "rejected"), f"{answer}")
    return json_answer


def test_bad_input(server):
    month = read(MARCH).decode()
    # A bad case: every problem, located in the body as sent.
    lines = month.splitlines(True)
    row = next(i for i, l in enumerate(lines) if "id: E003" in l)
    lines[row] = lines[row].replace("name:", "nmae:")
    status, _, body = request(server, "POST", "/v1/check", "".join(lines).encode())
    errors = errors_of("a case with an unknown key", status, body)
    check(any(e["file"] == "request.yaml" and e["line"] == row + 1 and e["column"] > 1 and "nmae" in e["message"]
              for e in errors), f"the unknown key is located: {errors}")
    # The same in a what-if body, a line further down.
    ask = "  id: Q1\n  type: leave\n  kind: personal\n  employee: E001\n  submitted_by: E001\n" \
          "  submitted_at: 2026-03-01T09:00\n  shifts: [S104]\n"
    status, _, body = request(server, "POST", "/v1/what-if", what_if_body_yaml("".join(lines), ask))
    errors = errors_of("a what-if with a bad case", status, body)
    check(any(e["line"] == row + 2 and "nmae" in e["message"] for e in errors), f"located in the body: {errors}")
    # A bad request of a what-if, located in the JSON body.
    bad = pending_what_if_json().replace(b'"employee": "E001", "submitted_by"', b'"employee": "E0X", "submitted_by"')
    status, _, body = request(server, "POST", "/v1/what-if", bad, {"Content-Type": "application/json"})
    errors = errors_of("a what-if naming nobody", status, body)
    at = bad.decode().splitlines()
    check(any(e["file"] == "request.json" and "E0X" in at[e["line"] - 1][e["column"] - 1:] for e in errors),
          f"the request's problem is located: {errors}")
    # A request id the case has already.
    status, _, body = request(server, "POST", "/v1/what-if", pending_what_if_json().replace(b'"Q1"', b'"R1"'))
    errors_of("a what-if asking with an id of the case", status, body)
    # What-if bodies of the wrong shape.
    for what, b in [("{\"case\": 5}", b'{"case": 5}'),
                    ("no request", b'{"case": {}}'),
                    ("an extra key", pending_what_if_json().replace(b'{"case"', b'{"extra": 1, "case"', 1)),
                    ("a list", b"[1, 2]"),
                    ("a scalar", b"hello"),
                    ("request a list", b'{"case": {}, "request": [1]}'),
                    ("an alias", b"base: &b {}\ncase: *b\nrequest: {id: Q}\n"),
                    ("a case in a file", b'{"case": {"people": {"file": "/etc/passwd"}}, "request": {"id": "Q"}}')]:
        status, _, body = request(server, "POST", "/v1/what-if", b)
        errors_of(f"what-if: {what}", status, body)
    # Hostile bodies, to every endpoint that reads one: a 400 with located errors, never a crash.
    deep_json = b"[" * 100000 + b"]" * 100000
    hostile = [("empty", b""), ("blank", b"  \n\t\n"), ("binary", bytes(range(256)) * 64),
               ("NUL", b"people: []\x00"), ("invalid UTF-8", b"people:\n  - {id: \xff\xfe}\n"),
               ("deep JSON", deep_json), ("deep JSON object", b'{"a":' * 50000 + b"1" + b"}" * 50000),
               ("deep YAML", b"a:\n" + b"".join(b" " * (i + 1) + b"- \n" for i in range(1000))),
               ("deep flow YAML", b"people: " + b"[" * 100000),
               ("alias bomb", read(os.path.join(CASES, "alias-bomb.yaml"))),
               ("unterminated JSON", b'{"people": [{"id": "E1"'),
               ("trailing comma", read(os.path.join(CASES, "trailing-comma.json"))),
               ("a list of files", b"people: {file: /etc/passwd}\n"),
               ("a list of files (JSON, escaped key)", b'{"p\\u0065ople": {"file": "/etc/passwd"}}')]
    for what, b in hostile:
        for path in ("/v1/check", "/v1/what-if"):
            status, _, body = request(server, "POST", path, b)
            errors_of(f"{path}: {what}", status, body)
        status, _, body = request(server, "POST", "/v1/lint", b)
        if status == 200:
            doc = json.loads(body)
            check(doc["valid"] is False, f"lint of {what}: {doc}")
        else:
            errors_of(f"/v1/lint: {what}", status, body)
    # Bad query values.
    status, _, body = request(server, "POST", "/v1/check?lang=fr", read(MARCH))
    errors_of("lang=fr", status, body)
    status, _, body = request(server, "POST", "/v1/check?explain=maybe", read(MARCH))
    errors_of("explain=maybe", status, body)
    # Still serving.
    status, _, _ = request(server, "GET", "/healthz")
    check(status == 200 and server.proc.poll() is None, "the service is alive after the hostile bodies")


def test_statuses(server, max_body):
    status, _, body = request(server, "GET", "/nope")
    errors_of("an unknown path", status, body, 404)
    status, _, body = request(server, "POST", "/v1/nope", b"x")
    errors_of("an unknown path, with a body", status, body, 404)
    status, headers, body = request(server, "GET", "/v1/check")
    errors_of("GET /v1/check", status, body, 405)
    check(headers.get("Allow") == "POST", f"405 says what is allowed: {headers.get('Allow')}")
    for method in ("PUT", "DELETE", "PATCH"):
        status, _, body = request(server, method, "/v1/what-if", b"{}")
        errors_of(f"{method} /v1/what-if", status, body, 405)
    status, headers, body = request(server, "POST", "/healthz", b"")
    errors_of("POST /healthz", status, body, 405)
    check(headers.get("Allow") == "GET, HEAD", f"405 on /healthz: {headers.get('Allow')}")
    # Over --max-body: by Content-Length, chunked, and once decompressed.
    big = b"# padding\n" * (max_body // 10 + 1)
    status, _, body = request(server, "POST", "/v1/check", big)
    errors_of("a body over --max-body", status, body, 413)
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
    conn.request("POST", "/v1/check", body=(big[i:i + 65536] for i in range(0, len(big), 65536)),
                 encode_chunked=True, headers={"Transfer-Encoding": "chunked"})
    r = conn.getresponse()
    errors_of("a chunked body over --max-body", r.status, r.read(), 413)
    conn.close()
    bomb = gzip.compress(b" " * (max_body * 4))
    status, _, body = request(server, "POST", "/v1/check", bomb, {"Content-Encoding": "gzip"})
    errors_of("a gzip body over --max-body once decompressed", status, body, 413)
    # Just under the limit is read.
    month = read(MARCH)
    padded = month + b"#" * (max_body - len(month) - 1) + b"\n"
    status, _, body = request(server, "POST", "/v1/check", padded)
    check(status == 200, f"a body just under --max-body: {status} {body[:200]!r}")
    # Compressed and under the limit: read as sent.
    status, _, body = request(server, "POST", "/v1/check", gzip.compress(month), {"Content-Encoding": "gzip"})
    check(status == 200, f"a gzip body: {status} {body[:200]!r}")


def test_lint_policy_health(server, policy_dir):
    status, _, body = request(server, "GET", "/healthz")
    health = json.loads(body)
    check(status == 200 and health["status"] == "ok" and health["policy"] == "customer-service"
          and health["digest"].startswith("sha256:"), f"healthz: {health}")
    status, _, body = request(server, "GET", "/v1/policy")
    doc = json.loads(body)
    check(status == 200 and doc["name"] == health["policy"] and doc["digest"] == health["digest"], "policy: head")
    check(doc["rules"] and all(set(r) == {"id", "clause", "kind", "effect"} for r in doc["rules"]), "policy: rules")
    cited = {r["clause"] for r in doc["rules"]}
    check({c["id"] for c in doc["clauses"]} == cited, "policy: every clause cited, once")
    check(any(c["text"] for c in doc["clauses"]), "policy: clause texts")
    status, _, body = request(server, "GET", "/v1/policy?lang=zh")
    check(status == 200 and json.loads(body)["rules"] == doc["rules"], "policy in Chinese")
    status, _, _ = request(server, "HEAD", "/healthz")
    check(status == 200, "HEAD /healthz")

    # Lint: the served policy itself (its calendars are found from the working directory).
    status, _, body = request(server, "POST", "/v1/lint", read(os.path.join(policy_dir, "customer-service.yaml")))
    lint = json.loads(body)
    check(status == 200 and lint["valid"] is True and lint["errors"] == [] and lint["rules"] == len(doc["rules"]),
          f"lint of the served policy: {lint}")
    status, _, body = request(server, "POST", "/v1/lint", read(os.path.join(CASES, "bad-policy.yaml")))
    lint = json.loads(body)
    check(status == 200 and lint["valid"] is False and lint["rules"] == 0 and lint["errors"] and
          all(e["line"] > 0 for e in lint["errors"]), f"lint of a bad policy: {lint}")
    status, _, body = request(server, "POST", "/v1/lint", read(os.path.join(CASES, "suspicious-policy.yaml")))
    lint = json.loads(body)
    check(status == 200 and lint["valid"] is True and lint["warnings"] and
          all(set(w) == {"file", "line", "column", "message"} for w in lint["warnings"]), f"lint warnings: {lint}")
    for path in ("/etc/passwd", "../customer-service.yaml", "calendars/../../x.yaml", "notes.txt"):
        body = f"policy: {{name: p}}\ncalendars: [{path}]\nrules: []\n".encode()
        status, _, answer = request(server, "POST", "/v1/lint", body)
        lint = json.loads(answer)
        check(status == 200 and lint["valid"] is False and "calendar" in lint["errors"][0]["message"]
              and lint["errors"][0]["line"] == 2, f"lint refuses calendar {path}: {lint}")


def test_port_taken(server):
    # A second service on the port of the first does not share it (httplib's SO_REUSEPORT is off):
    # it says so and exits 2.
    out = subprocess.run([RULEBOOK, "serve", "--policy", POLICY, "--port", str(server.port)],
                         capture_output=True, timeout=TIMEOUT)
    check(out.returncode == 2 and b"cannot listen" in out.stderr,
          f"a second service on a taken port: {out.returncode} {out.stderr[-300:]!r}")


def test_log(server):
    lines = [l for l in server.log() if LOG_LINE.match(l)]
    seen = {(m.group(1), m.group(2), m.group(3)) for m in map(LOG_LINE.match, lines)}
    for expected in [("POST", "/v1/check", "200"), ("POST", "/v1/what-if", "200"), ("GET", "/healthz", "200"),
                     ("POST", "/v1/check", "400"), ("GET", "/nope", "404"), ("GET", "/v1/check", "405"),
                     ("POST", "/v1/check", "413")]:
        check(expected in seen, f"a log line for {' '.join(expected)}")
    check(all(m.group(4) != "-" for m in map(LOG_LINE.match, lines) if m.group(2).startswith("/v1/")),
          "log lines have their milliseconds")


def test_reload(server, policy_path):
    original = read(policy_path)
    before = json.loads(request(server, "GET", "/healthz")[2])["digest"]
    # A good policy: the digest changes.
    with open(policy_path, "ab") as f:
        f.write(b"\n# edited\n")
    mark = len(server.log())
    server.proc.send_signal(signal.SIGHUP)
    check(server.wait_for_log(r"SIGHUP: reloaded", mark), "SIGHUP: the reload is logged")
    after = json.loads(request(server, "GET", "/healthz")[2])["digest"]
    check(after != before, "SIGHUP with a good policy: the digest changes")
    # A bad policy: refused, the last good one keeps serving.
    with open(policy_path, "wb") as f:
        f.write(b"policy: {name: broken}\nrules:\n  - {id: x, clause: c, kind: no_such_kind, effect: warning}\n")
    mark = len(server.log())
    server.proc.send_signal(signal.SIGHUP)
    check(server.wait_for_log(r"SIGHUP: the policy was not reloaded", mark), "SIGHUP: the refusal is logged")
    check(server.wait_for_log(r"no_such_kind", mark), "SIGHUP: the refusal says why")
    health = json.loads(request(server, "GET", "/healthz")[2])
    check(health["digest"] == after and health["policy"] == "customer-service", "a bad policy is refused")
    status, _, body = request(server, "POST", "/v1/check", read(MARCH))
    check(status == 200, "still judging after a refused reload")
    with open(policy_path, "wb") as f:
        f.write(original)
    server.proc.send_signal(signal.SIGHUP)
    deadline = time.time() + TIMEOUT
    while time.time() < deadline and json.loads(request(server, "GET", "/healthz")[2])["digest"] != before:
        time.sleep(0.05)
    check(json.loads(request(server, "GET", "/healthz")[2])["digest"] == before, "reloaded back")


def test_load(server, what_if_answer, clients=8, each=500):
    # 8 clients, each with its own keep-alive connection, half asking what-if and half checking,
    # while the policy is reloaded (unchanged) now and then: no error, every answer the same.
    what_if_body = pending_what_if_json()
    check_body = read(PENDING_JSON)
    expected_check = request(server, "POST", "/v1/check", check_body)[2]
    errors, answers = [], [set(), set()]
    lock = threading.Lock()
    done = threading.Event()

    def client(n):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
        path, body = ("/v1/what-if", what_if_body) if n % 2 == 0 else ("/v1/check", check_body)
        got = set()
        try:
            for _ in range(each):
                for attempt in range(3):
                    try:
                        conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
                        r = conn.getresponse()
                        data = r.read()
                        break
                    except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                        # The service closes a kept-alive connection after a few requests; ask again.
                        conn.close()
                        if attempt == 2:
                            raise
                if r.status != 200:
                    raise RuntimeError(f"{path}: {r.status} {data[:200]!r}")
                got.add(data)
        except Exception as e:  # noqa: BLE001 — every failure is reported
            with lock:
                errors.append(f"client {n}: {e!r}")
        finally:
            conn.close()
        with lock:
            answers[n % 2] |= got

    def reloader():
        while not done.wait(0.2):
            server.proc.send_signal(signal.SIGHUP)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    hup = threading.Thread(target=reloader)
    start = time.time()
    hup.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(WATCHDOG)
    done.set()
    hup.join()
    took = time.time() - start
    print(f"load: {clients} clients x {each} requests in {took:.1f} s ({clients * each / took:.0f} requests/s)")
    check(not errors, f"load: errors: {errors[:5]}")
    check(answers[0] == {what_if_answer}, f"load: what-if answers all the same ({len(answers[0])} different)")
    check(answers[1] == {expected_check}, f"load: check answers all the same ({len(answers[1])} different)")


def test_sigterm(server):
    # A request in flight when SIGTERM comes is answered; then the service exits 0.
    body = read(MARCH)
    s = socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT)
    s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " +
              str(len(body)).encode() + b"\r\n\r\n" + body[:100])
    time.sleep(0.5)
    server.proc.send_signal(signal.SIGTERM)
    time.sleep(0.5)
    s.sendall(body[100:])
    answer = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        answer += chunk
    s.close()
    check(answer.startswith(b"HTTP/1.1 200"), f"the request in flight at SIGTERM is answered: {answer[:100]!r}")
    status = server.proc.wait(TIMEOUT)
    server.reader.join(TIMEOUT)
    check(status == 0, f"SIGTERM: exit status {status}")
    check(any("stopped" in l for l in server.log()), "SIGTERM: logged")


def main():
    timer = threading.Timer(WATCHDOG, watchdog)
    timer.daemon = True
    timer.start()
    tmp = tempfile.mkdtemp(prefix="rulebook-serve-")
    try:
        # The policy is a copy, edited for the reload tests; the service runs in its folder, where
        # the calendars a linted policy names are found.
        policy_dir = os.path.join(tmp, "policies")
        os.makedirs(policy_dir)
        shutil.copy(POLICY, policy_dir)
        shutil.copytree(os.path.join(SOURCE, "policies", "calendars"), os.path.join(policy_dir, "calendars"))
        policy = os.path.join(policy_dir, "customer-service.yaml")
        max_body = 1 << 20
        server = Server(policy, "--threads", "4", "--max-body", "1M", cwd=policy_dir)
        test_verdicts(server, policy)
        test_vip()
        what_if_answer = test_what_if(server, policy, tmp)
        test_bad_input(server)
        test_statuses(server, max_body)
        test_lint_policy_health(server, policy_dir)
        test_port_taken(server)
        test_reload(server, policy)
        test_load(server, what_if_answer)
        test_log(server)
        test_sigterm(server)
    except Exception:  # noqa: BLE001 — a service that died mid-test: say so, with its stderr below
        traceback.print_exc()
        failures.append("the test stopped on an exception (above)")
    finally:
        for s in servers:
            if s.proc.poll() is None:
                s.proc.kill()
                s.proc.wait(TIMEOUT)
            s.reader.join(TIMEOUT)
        shutil.rmtree(tmp, ignore_errors=True)
    # A race found by ThreadSanitizer fails the test (the build under .ci/run).
    for s in servers:
        reports = [l for l in s.log() if "Sanitizer" in l]
        check(not reports, f"sanitizer reports from the service: {reports[:3]}")
    if failures:
        print(f"{len(failures)} failure(s)")
        for s in servers:
            print(f"---- service stderr (exit status {s.proc.returncode}), without its log lines")
            print("\n".join(l for l in s.log() if not LOG_LINE.match(l)))
        sys.exit(1)
    print("serve: all passed")


if __name__ == "__main__":
    main()
