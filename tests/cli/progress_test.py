#!/usr/bin/env python3
"""Progress on stderr: shown when stderr is a terminal, never with --quiet or off a terminal.

usage: progress_test.py RULEBOOK SOURCE_DIR   (exit 77, skipped, where no pseudo-terminal can be opened)
A JSON case of some megabytes is made, and `rulebook check` run with a pseudo-terminal as stderr.
"""
import json
import os
import pty
import subprocess
import sys
import tempfile


def big_case(path):
    people = [{"id": "L01", "role": "shift_leader"}]
    people += [{"id": f"E{a}", "role": "agent", "leader": "L01"} for a in range(200)]
    shifts = []
    for a in range(200):
        for d in range(1, 29):
            shifts.append({"id": f"E{a}-{d}", "employee": f"E{a}", "start": f"2026-02-{d:02}T08:00",
                           "end": f"2026-02-{d:02}T17:00", "kind": "day", "seat": f"seat number {a:04} " + "x" * 200})
    with open(path, "w") as f:
        json.dump({"people": people, "shifts": shifts}, f, indent=1)


def run(rulebook, policy, case, extra, tty, both=False):
    """stderr of the command, through a pseudo-terminal when `tty` (stdout too when `both`)."""
    args = [rulebook, "check", "--policy", policy, case, "--format", "json"] + extra
    if not tty:
        return subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120).stderr.decode()
    leader, follower = pty.openpty()
    proc = subprocess.Popen(args, stdout=follower if both else subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the command ended and closed the terminal
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=120)
    os.close(leader)
    return out.decode(errors="replace")


def main(argv):
    rulebook, source = argv[1], argv[2]
    policy = os.path.join(source, "policies", "customer-service.yaml")
    failures = []
    try:  # a chroot without /dev/pts has no terminal to offer: nothing to test there
        os.close(os.openpty()[0])
    except OSError as e:
        print(f"progress: skipped, no pseudo-terminal here ({e})")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        case = os.path.join(tmp, "big.json")
        big_case(case)
        shown = run(rulebook, policy, case, [], tty=True)
        for word in ["reading ", "% ", " MB of ", "judging 5600 shifts of 201 people", "writing the verdict"]:
            if word not in shown.replace(")", " "):
                failures.append(f"on a terminal, progress lacks `{word}`: {shown!r}")
        if not shown.endswith("\r\x1b[K"):
            failures.append(f"on a terminal, the progress line is not cleared at the end: {shown[-40:]!r}")
        # The verdict on the same terminal: the line is cleared before it, and nothing is written into it.
        together = run(rulebook, policy, case, ["--format", "text"], tty=True, both=True)
        if "writing the verdict" in together or "\r\x1b[KPolicy customer-service" not in together:
            failures.append(f"with the verdict on the same terminal, progress is mixed into it: {together[:300]!r}")
        quiet = run(rulebook, policy, case, ["--quiet"], tty=True)
        if quiet:
            failures.append(f"with --quiet, stderr is not empty: {quiet!r}")
        piped = run(rulebook, policy, case, [], tty=False)
        if piped:
            failures.append(f"off a terminal, stderr is not empty: {piped!r}")
    for f in failures:
        print("FAIL", f)
    print("progress:", "ok" if not failures else f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
