#!/usr/bin/env python3
"""End-to-end tests of the `rulebook` command: exit status, golden stdout/stderr, and the verdict
checked by ../shared/tools/check-verdict.py where that tool is at hand.

usage: run_cli_tests.py RULEBOOK SOURCE_DIR [--collect]
  --collect  rewrite the golden files in tests/cli/expected from the current output (on purpose only)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

P = "policies/customer-service.yaml"
V = "policies/vip-account-managers.yaml"
C = "tests/cli/cases/"

# name, arguments, expected exit status, whether stdout is a JSON verdict of which case
TESTS = [
    ("example-json", ["check", "--policy", P, "examples/march-2026.yaml", "--format", "json"], 1, "examples/march-2026.yaml"),
    # The verdict is the same whatever number of threads judges conduct (golden: a copy of example-json).
    ("example-json-one-thread", ["check", "--policy", P, "examples/march-2026.yaml", "--format", "json", "--threads", "1"], 1, "examples/march-2026.yaml"),
    ("example-json-three-threads", ["check", "--policy", P, "examples/march-2026.yaml", "--format", "json", "--threads=3"], 1, "examples/march-2026.yaml"),
    ("usage-bad-threads", ["check", "--policy", P, C + "clean.yaml", "--threads", "0"], 2, None),
    ("example-text", ["check", "--policy", P, "examples/march-2026.yaml", "--format", "text"], 1, None),
    ("example-text-zh", ["check", "--policy", P, "examples/march-2026.yaml", "--format", "text", "--lang", "zh"], 1, None),
    ("example-zh", ["check", "--policy", P, "examples/march-2026.yaml", "--format", "json", "--lang", "zh"], 1, "examples/march-2026.yaml"),
    ("default-format-is-json-off-a-terminal", ["check", "--policy", P, "examples/march-2026.yaml"], 1, "examples/march-2026.yaml"),
    ("explain-text", ["check", "--policy", P, "examples/march-2026.yaml", "--format", "text", "--explain"], 1, None),
    ("explain-json", ["check", "--policy", P, C + "pending.yaml", "--explain"], 0, C + "pending.yaml"),
    ("explain-zh", ["check", "--policy", P, C + "pending.yaml", "--format", "text", "--explain", "--lang", "zh"], 0, None),
    ("clauses-text-zh", ["check", "--policy", P, C + "pending.yaml", "--format", "text", "--clauses", "--lang", "zh"], 0, None),
    ("clauses-json", ["check", "--policy", P, C + "pending.yaml", "--clauses"], 0, C + "pending.yaml"),
    ("clean-exits-0", ["check", "--policy", P, C + "clean.yaml"], 0, C + "clean.yaml"),
    ("pending-and-late-exit-0", ["check", "--policy", P, C + "pending.yaml"], 0, C + "pending.yaml"),
    ("json-case-judged-like-yaml", ["check", "--policy", P, C + "pending.json"], 0, C + "pending.json"),
    ("extra-calendar-policy", ["check", "--policy", P, "--policy", C + "company-day.yaml", C + "pending.yaml"], 1, C + "pending.yaml"),
    ("bad-case-typo", ["check", "--policy", P, C + "bad-typo.yaml"], 2, None),
    ("bad-case-many", ["check", "--policy", P, C + "bad-many.yaml"], 2, None),
    ("bad-case-duties", ["check", "--policy", P, C + "bad-duties.yaml"], 2, None),
    ("bad-case-missing-file", ["check", "--policy", P, C + "no-such-file.yaml"], 2, None),
    ("bad-policy", ["check", "--policy", C + "bad-policy.yaml", C + "clean.yaml"], 2, None),
    # A calendar given as the whole policy has no rules: an input error, not a clean verdict.
    ("policy-without-rules", ["check", "--policy", "policies/calendars/cn-2026.yaml", C + "clean.yaml"], 2, None),
    ("policy-tests-without-rules", ["test", "--policy", "policies/calendars/cn-2026.yaml",
                                    "policies/tests/leave.yaml"], 2, None),
    ("usage-no-policy", ["check", C + "clean.yaml"], 2, None),
    ("usage-bad-format", ["check", "--policy", P, C + "clean.yaml", "--format", "xml"], 2, None),
    ("usage-unknown-command", ["judge"], 2, None),
    ("policy-tests-pass", ["test", "--policy", P, "policies/tests/attendance.yaml", "policies/tests/leave.yaml",
                           "policies/tests/swaps.yaml"], 0, None),
    ("policy-edit-breaks-a-test", ["test", "--policy", C + "lenient-attendance.yaml", "policies/tests/attendance.yaml"], 1, None),
    ("policy-edit-breaks-a-criterion", ["test", "--policy", "{tmp}/typing-51.yaml", "policies/tests/promotion.yaml"], 1,
     None),
    ("policy-tests-junit", ["test", "--policy", C + "lenient-attendance.yaml", "policies/tests/attendance.yaml",
                            "--junit", "/dev/stderr"], 1, None),
    ("diff-raising-the-swap-cap", ["diff", "--policy", P, "--against", "{tmp}/cap-3.yaml", C + "swaps.yaml"], 1, None),
    ("diff-no-change", ["diff", "--policy", P, "--against", P, C + "swaps.yaml"], 0, None),
    # diff by meaning: a message that alone changes is reworded, no change (exit 0); an effect or a
    # decision that changes, or a finding that comes or goes, is one (exit 1).
    ("diff-lateness-15-only-rewords", ["diff", "--policy", P, "--against", "{tmp}/lateness-15.yaml",
                                       "examples/march-2026.yaml", "--format", "text"], 0, None),
    ("diff-lateness-30-changes-an-effect", ["diff", "--policy", P, "--against", "{tmp}/lateness-30.yaml",
                                            "examples/march-2026.yaml", "--format", "json"], 1, None),
    ("diff-notice-12h-rewords-a-request", ["diff", "--policy", P, "--against", "{tmp}/notice-12h.yaml",
                                           "examples/march-2026.yaml", "--format", "text"], 0, None),
    ("diff-notice-12h-json-zh", ["diff", "--policy", P, "--against", "{tmp}/notice-12h.yaml",
                                 "examples/march-2026.yaml", "--lang", "zh"], 0, None),
    ("diff-swap-cap-flips-a-decision-text", ["diff", "--policy", "{tmp}/cap-3.yaml", "--against", P, C + "swaps.yaml",
                                             "--format", "text"], 1, None),
    ("diff-two-cases", ["diff", "--policy", P, "--against", "{tmp}/cap-3.yaml", C + "swaps.yaml",
                        "examples/march-2026.yaml", "--format", "text"], 1, None),
    ("diff-folder", ["diff", "--policy", P, "--against", "{tmp}/lateness-15.yaml", C + "diff-folder",
                     "--format", "text"], 1, None),
    ("diff-folder-json", ["diff", "--policy", P, "--against", "{tmp}/lateness-15.yaml", C + "diff-folder/"], 1, None),
    ("diff-folder-text-zh", ["diff", "--policy", P, "--against", "{tmp}/lateness-15.yaml", C + "diff-folder",
                             "--format", "text", "--lang", "zh"], 1, None),
    ("diff-bad-cases", ["diff", "--policy", P, "--against", "{tmp}/lateness-15.yaml", C + "diff-folder",
                        C + "bad-typo.yaml", C + "no-such-file.yaml", C + "csv"], 2, None),
    ("diff-bad-new-policy", ["diff", "--policy", P, "--against", C + "bad-policy.yaml", C + "swaps.yaml"], 2, None),
    ("diff-usage-no-case", ["diff", "--policy", P, "--against", "{tmp}/cap-3.yaml"], 2, None),
    ("lint-ok", ["lint", "--policy", P], 0, None),
    ("lint-warnings", ["lint", "--policy", C + "suspicious-policy.yaml"], 0, None),
    ("lint-bad", ["lint", "--policy", C + "bad-policy.yaml"], 2, None),
    # The second rulebook, through the same command and engine.
    ("vip-example-json", ["check", "--policy", V, "examples/vip-team-2026.yaml"], 1, "examples/vip-team-2026.yaml"),
    ("vip-example-text-zh", ["check", "--policy", V, "examples/vip-team-2026.yaml", "--format", "text", "--lang", "zh"],
     1, None),
    ("vip-lint-ok", ["lint", "--policy", V], 0, None),
    ("vip-policy-tests-pass", ["test", "--policy", V, "policies/tests/vip/team.yaml"], 0, None),
    # A third, made-up department (a hospital ward): its report speaks in its own `labels:`.
    ("ward-text-zh", ["check", "--policy", C + "ward/ward-policy.yaml", C + "ward/ward-case.yaml", "--format", "text",
                      "--lang", "zh", "--explain"], 1, None),
    ("ward-text", ["check", "--policy", C + "ward/ward-policy.yaml", C + "ward/ward-case.yaml", "--format", "text"],
     1, None),
    ("lint-warnings-zh", ["lint", "--policy", C + "suspicious-policy.yaml", "--lang", "zh"], 0, None),
    # Hostile and careless input: one error at its place, exit status 2, in bounded time.
    ("bad-case-trailing-comma", ["check", "--policy", P, C + "trailing-comma.json"], 2, None),
    ("bad-case-alias-bomb", ["check", "--policy", P, C + "alias-bomb.yaml"], 2, None),
    ("bad-case-invalid-utf8", ["check", "--policy", P, C + "invalid-utf8.yaml"], 2, None),
    ("bad-case-null-and-year-9999", ["check", "--policy", P, C + "careless.yaml"], 2, None),
    ("bad-policy-is-a-directory", ["check", "--policy", "policies", C + "clean.yaml"], 2, None),
    # The same problems in Chinese under --lang zh, at the same places (read once for natural Chinese).
    ("bad-case-many-zh", ["check", "--policy", P, C + "bad-many.yaml", "--lang", "zh"], 2, None),
    ("bad-case-duties-zh", ["check", "--policy", P, C + "bad-duties.yaml", "--lang", "zh"], 2, None),
    ("bad-case-null-and-year-9999-zh", ["check", "--policy", P, C + "careless.yaml", "--lang", "zh"], 2, None),
    ("bad-case-trailing-comma-zh", ["check", "--policy", P, C + "trailing-comma.json", "--lang", "zh"], 2, None),
    ("bad-case-csv-zh", ["check", "--policy", P, C + "csv-bad.yaml", "--lang", "zh"], 2, None),
    ("bad-policy-zh", ["lint", "--policy", C + "bad-policy.yaml", "--lang", "zh"], 2, None),
    ("bad-policy-name-zh", ["lint", "--policy", "customer-servise", "--lang", "zh"], 2, None),
    ("policy-tests-bad-case-file-zh", ["test", "--policy", P, C + "tests-bad-case.yaml", "--lang", "zh"], 1, None),
    ("calendar-gap-strict-zh", ["check", "--policy", P, C + "into-2027.yaml", "--strict", "--lang", "zh"], 2, None),
    # A case past the years of the policy's calendars: a warning, or with --strict an error.
    ("calendar-gap-warns", ["check", "--policy", P, C + "into-2027.yaml"], 0, C + "into-2027.yaml"),
    ("calendar-gap-strict", ["check", "--policy", P, C + "into-2027.yaml", "--strict"], 2, None),
    # Lists in CSV files: named by the case (golden: the same verdict as pending.yaml), or given on
    # the command line as SECTION=FILE, replacing the case's own list or making the case alone.
    ("csv-case-judged-like-yaml", ["check", "--policy", P, C + "csv-pending.yaml"], 0, C + "csv-pending.yaml"),
    ("csv-lists-on-the-command-line", ["check", "--policy", P, "people=" + C + "csv/staff.csv",
                                       "shifts=" + C + "csv/roster.csv", "punches=" + C + "csv/clock.csv",
                                       "--format", "text"], 0, None),
    ("csv-command-line-replaces-a-list", ["check", "--policy", P, C + "pending.yaml",
                                          "punches=" + C + "csv/clock-late.csv", "--format", "text"], 1, None),
    ("csv-gb18030-on-the-command-line", ["check", "--policy", P, "people=" + C + "csv/staff-gb18030.csv",
                                         "--encoding", "gb18030", "shifts=" + C + "csv/roster.csv",
                                         "punches=" + C + "csv/clock.csv"], 0, None),
    ("bad-csv-not-utf8", ["check", "--policy", P, "people=" + C + "csv/staff-gb18030.csv"], 2, None),
    ("bad-csv-invalid-gb18030", ["check", "--policy", P, "--encoding=gb18030", "people=" + C + "csv/bad-gb18030.csv"],
     2, None),
    ("bad-csv-many", ["check", "--policy", P, C + "csv-bad.yaml"], 2, None),
    ("bad-csv-unknown-section", ["check", "--policy", P, C + "pending.yaml", "shift=" + C + "csv/roster.csv"], 2, None),
    ("usage-encoding-without-lists", ["check", "--policy", P, C + "pending.yaml", "--encoding", "gb18030"], 2, None),
    ("usage-lists-are-for-check", ["lint", "--policy", P, "people=" + C + "csv/staff.csv"], 2, None),
    # The month view and the spreadsheet (tests/browser renders the month view in a browser). Read as
    # text here, the CSV's CRLF line ends are newlines; tests/unit/write_csv.cpp checks its bytes.
    ("html-pending", ["check", "--policy", P, C + "pending.yaml", "--format", "html"], 0, None),
    ("html-pending-zh", ["check", "--policy", P, C + "pending.yaml", "--format", "html", "--lang", "zh"], 0, None),
    ("csv-example", ["check", "--policy", P, "examples/march-2026.yaml", "--format", "csv"], 1, None),
    ("csv-example-zh", ["check", "--policy", P, "examples/march-2026.yaml", "--format", "csv", "--lang", "zh"], 1,
     None),
    # The command line on CLI11: help and version, an option a command does not take, one test by name.
    ("version", ["--version"], 0, None),
    ("help", ["help"], 0, None),
    ("help-check", ["check", "--help"], 0, None),
    ("help-on-a-command", ["help", "test"], 0, None),
    ("usage-help-on-no-command", ["help", "judge"], 2, None),
    ("usage-unknown-command-near-one", ["chekc", "--policy", P], 2, None),
    ("usage-option-the-command-does-not-take", ["lint", "--policy", P, "--junit", "lint.xml"], 2, None),
    ("usage-format-diff-does-not-write", ["diff", "--policy", P, "--against", P, C + "swaps.yaml", "--format", "csv"], 2,
     None),
    ("usage-option-without-value", ["check", C + "clean.yaml", "--policy"], 2, None),
    ("policy-by-name", ["check", "--policy", "customer-service", C + "clean.yaml"], 0, C + "clean.yaml"),
    ("bad-policy-name", ["lint", "--policy", "customer-servise"], 2, None),
    ("policy-tests-run-by-name", ["test", "--policy", P, "policies/tests/leave.yaml", "--run", "night-shift leave"], 0,
     None),
    ("policy-tests-run-matches-none", ["test", "--policy", P, "policies/tests/leave.yaml", "--run", "^no such test$"], 2,
     None),
    ("usage-policy-tests-run-bad-regex", ["test", "--policy", P, "policies/tests/leave.yaml", "--run", "(unclosed"], 2,
     None),
    ("policy-tests-under-threshold", ["test", "--policy", P, "policies/tests/leave.yaml", "--threshold", "50"], 1, None),
    ("policy-tests-over-threshold", ["test", "--policy", P, "policies/tests/leave.yaml", "--threshold", "10"], 0, None),
]

# No run may take longer: a hang is a failure, not a stuck suite.
TIMEOUT_SECONDS = 60


def main(argv):
    binary, root = argv[1], argv[2]
    collect = "--collect" in argv
    os.chdir(root)
    # Shipped policies by name (`--policy customer-service`) are found in the source tree's policies/.
    env = dict(os.environ, RULEBOOK_POLICY_PATH="policies")
    checker = os.path.join(root, "..", "shared", "tools", "check-verdict.py")
    # A policy edit to diff against: the shipped policy with the swap cap raised from 2 to 3.
    tmp = tempfile.mkdtemp(prefix="rulebook-cli-")
    shutil.copytree("policies/calendars", os.path.join(tmp, "calendars"))
    shipped = open(P, encoding="utf-8").read()
    assert "    max: 2\n" in shipped
    open(os.path.join(tmp, "cap-3.yaml"), "w", encoding="utf-8").write(shipped.replace("    max: 2\n", "    max: 3\n"))
    # ... and with intermediate asking for 51 characters a minute instead of 50.
    assert "{measure: typing_cpm, at_least: 50}" in shipped
    open(os.path.join(tmp, "typing-51.yaml"), "w", encoding="utf-8").write(
        shipped.replace("{measure: typing_cpm, at_least: 50}", "{measure: typing_cpm, at_least: 51}"))
    # ... and, for diff by meaning, with lateness a violation from 15 or 30 minutes instead of 20, and
    # personal leave asking for 12 hours' notice instead of 24.
    lateness = "    measure: late_arrival\n    threshold: 20min\n"
    assert lateness in shipped and shipped.count("    notice: 24h\n") == 1
    for name, text in (("lateness-15", shipped.replace(lateness, lateness.replace("20min", "15min"))),
                       ("lateness-30", shipped.replace(lateness, lateness.replace("20min", "30min"))),
                       ("notice-12h", shipped.replace("    notice: 24h\n", "    notice: 12h\n"))):
        open(os.path.join(tmp, name + ".yaml"), "w", encoding="utf-8").write(text)
    failures = 0
    for name, args, status, verdict_of in TESTS:
        args = [a.replace("{tmp}", tmp) for a in args]
        try:
            run = subprocess.run([binary] + args, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, env=env)
        except subprocess.TimeoutExpired:
            failures += 1
            print(f"FAIL {name}\n  did not finish within {TIMEOUT_SECONDS} s")
            continue
        problems = []
        if run.returncode != status:
            problems.append(f"exit status {run.returncode}, expected {status}")
        for stream, text in (("out", run.stdout), ("err", run.stderr)):
            golden = f"tests/cli/expected/{name}.{stream}"
            if collect:
                if text:
                    open(golden, "w", encoding="utf-8").write(text)
                elif os.path.exists(golden):
                    os.remove(golden)
                continue
            expected = open(golden, encoding="utf-8").read() if os.path.exists(golden) else ""
            if text != expected:
                problems.append(f"std{stream} differs from {golden}:\n--- expected\n{expected}--- actual\n{text}")
        if verdict_of:
            try:
                json.loads(run.stdout)
            except json.JSONDecodeError as e:
                problems.append(f"stdout is not JSON: {e}")
            if os.path.exists(checker):
                check = subprocess.run([sys.executable, checker, "-", verdict_of], input=run.stdout,
                                       capture_output=True, text=True)
                if check.returncode != 0:
                    problems.append("check-verdict.py: " + check.stdout + check.stderr)
        if problems:
            failures += 1
            print(f"FAIL {name}")
            for p in problems:
                print("  " + p.replace("\n", "\n  "))
        else:
            print(f"ok   {name}")
    # The README shows the example's report: it must be the report the command prints today.
    readme = open("README.md", encoding="utf-8").read()
    head, sep, rest = readme.partition("## What the example prints")
    start = rest.index("```text\n") + len("```text\n")
    end = rest.index("```", start)
    report = subprocess.run([binary] + TESTS[1][1], capture_output=True, text=True).stdout
    if collect:
        open("README.md", "w", encoding="utf-8").write(head + sep + rest[:start] + report + rest[end:])
    elif rest[start:end] != report:
        failures += 1
        print("FAIL readme-report-is-current: README.md's example report differs from what the command prints")
    else:
        print("ok   readme-report-is-current")
    shutil.rmtree(tmp)
    passed = len(TESTS) + 1 - failures
    print(f"{passed} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
