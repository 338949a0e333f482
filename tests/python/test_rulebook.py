"""The Python module `rulebook`: loading, judging, what-if sessions, errors and the GIL.

Run by ctest (test `python`) with the built module on PYTHONPATH, RULEBOOK_POLICY_PATH naming the
shipped policies, RULEBOOK_CLI the built command and RULEBOOK_SOURCE_DIR the source tree.
"""

import copy
import datetime
import gc
import json
import os
import pathlib
import pickle
import re
import subprocess
import sys
import threading

import pytest

import rulebook

SOURCE = pathlib.Path(os.environ.get("RULEBOOK_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
POLICY = SOURCE / "policies" / "customer-service.yaml"
EXAMPLE = SOURCE / "examples" / "march-2026.yaml"

# R3 of the example, asked again under a new id: special personal leave from a night shift, asked
# after 12:00 that day.
R3_AGAIN = {
    "id": "Q3",
    "type": "leave",
    "kind": "personal_special",
    "employee": "E003",
    "submitted_by": "E003",
    "submitted_at": "2026-03-04T13:00",
    "shifts": ["S302"],
}


@pytest.fixture(scope="module")
def policy():
    return rulebook.Policy.load(str(POLICY))


@pytest.fixture(scope="module")
def verdict(policy):
    return policy.check(str(EXAMPLE))


def example_dict():
    """The example case as a dict, as `yaml.safe_load` reads it (dates as datetime.date)."""
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def request_of(verdict, rid):
    return next(r for r in verdict["requests"] if r["id"] == rid)


def has_chinese(text):
    return re.search(r"[\u4e00-\u9fff]", text) is not None


def test_version_is_the_library_one():
    header = (SOURCE / "include" / "rulebook" / "version.h").read_text()
    assert f'#define RULEBOOK_VERSION_STRING "{rulebook.__version__}"' in header


def test_load_by_path_and_by_name(policy):
    assert policy.name == "customer-service"
    assert policy.version == "2026.1"
    assert policy.digest.startswith("sha256:")
    by_name = rulebook.Policy.load("customer-service")  # found through RULEBOOK_POLICY_PATH
    by_pathlike = rulebook.Policy.load(POLICY)
    assert by_name.digest == policy.digest == by_pathlike.digest
    assert str(SOURCE / "policies") in [os.path.normpath(d) for d in rulebook.policy_dirs()]
    assert "customer-service" in repr(policy)


def test_rules(policy):
    rules = policy.rules
    assert len(rules) > 10
    assert all(set(r) == {"id", "clause", "kind", "effect"} for r in rules)
    first = rules[0]
    assert first == {"id": "leave-notice-personal", "clause": "leave.2", "kind": "notice_period",
                     "effect": "needs_approval"}
    assert len({r["id"] for r in rules}) == len(rules)
    assert "advance" in policy.clause_text("leave.2")
    assert has_chinese(policy.clause_text("leave.2", lang="zh"))


def test_merged_policies_and_parse(policy):
    amended = rulebook.Policy.load(POLICY, SOURCE / "policies" / "amendments" / "seniors-swap-4.yaml")
    assert len(amended.rules) > len(policy.rules)
    parsed = rulebook.Policy.parse(
        POLICY.read_text(encoding="utf-8").replace("calendars/", str(SOURCE / "policies" / "calendars") + "/"),
        name="customer-service.yaml")
    assert [r["id"] for r in parsed.rules] == [r["id"] for r in policy.rules]


def test_check_by_path_text_json_and_dict_agree(policy, verdict):
    text = EXAMPLE.read_text(encoding="utf-8")
    as_dict = example_dict()
    as_json = json.dumps(as_dict, default=str, ensure_ascii=False)
    assert as_json.startswith("{")
    assert policy.check(EXAMPLE) == verdict  # os.PathLike
    assert policy.check(text) == verdict  # YAML text
    assert policy.check(as_json) == verdict  # JSON text
    assert policy.check(as_dict) == verdict  # dates given as datetime.date
    assert policy.check(policy.load_case(as_dict)) == verdict


def test_verdict_is_the_commands(policy, verdict):
    cli = os.environ.get("RULEBOOK_CLI")
    if not cli:
        pytest.skip("RULEBOOK_CLI is not set (ctest sets it)")
    run = subprocess.run([cli, "check", "--policy", str(POLICY), str(EXAMPLE), "--format", "json"],
                         capture_output=True, check=False)
    assert run.returncode == 1, run.stderr  # the example has violations
    assert json.loads(run.stdout) == verdict
    assert policy.check_json(EXAMPLE).encode("utf-8") == run.stdout  # same bytes
    assert verdict["policy"] == {"name": policy.name, "version": policy.version, "digest": policy.digest}


def test_chinese_messages(policy, verdict):
    zh = policy.check(EXAMPLE, lang="zh")
    messages = [f["message"] for f in zh["findings"]]
    messages += [f["message"] for r in zh["requests"] for f in r["findings"]]
    assert messages and all(has_chinese(m) for m in messages)
    # Only the messages change with the language.
    strip = copy.deepcopy(zh)
    for f in strip["findings"] + [f for r in strip["requests"] for f in r["findings"]]:
        del f["message"]
    english = copy.deepcopy(verdict)
    for f in english["findings"] + [f for r in english["requests"] for f in r["findings"]]:
        del f["message"]
    assert strip == english
    with pytest.raises(ValueError):
        policy.check(EXAMPLE, lang="fr")


def test_explain_and_clauses(policy, verdict):
    explained = policy.check(EXAMPLE, explain=True, clauses=True)
    assert explained != verdict
    assert [r["decision"] for r in explained["requests"]] == [r["decision"] for r in verdict["requests"]]


def test_what_if_matches_the_verdict(policy, verdict):
    session = policy.session(EXAMPLE)
    assert session.verdict == verdict
    answer = session.what_if(R3_AGAIN)
    expected = dict(request_of(verdict, "R3"), id="Q3")
    assert answer == expected
    assert answer["decision"] == "rejected"
    # The same question as YAML and as JSON text.
    yaml_text = "\n".join(f"{k}: {json.dumps(v)}" for k, v in R3_AGAIN.items()) + "\n"
    assert session.what_if(yaml_text) == expected
    assert session.what_if(json.dumps(R3_AGAIN)) == expected
    # In Chinese, by the question or by the session.
    zh = session.what_if(R3_AGAIN, lang="zh")
    assert zh["decision"] == "rejected" and all(has_chinese(f["message"]) for f in zh["findings"])
    assert policy.session(EXAMPLE, lang="zh").what_if(R3_AGAIN) == zh
    # Asking changes nothing.
    assert session.verdict == verdict


def test_what_if_with_a_datetime(policy):
    session = policy.session(EXAMPLE)
    question = dict(R3_AGAIN, submitted_at=datetime.datetime(2026, 3, 4, 13, 0))
    assert session.what_if(question)["decision"] == "rejected"


def test_session_keeps_its_case_alive(policy, verdict):
    case = policy.load_case(EXAMPLE.read_text(encoding="utf-8"))
    assert "E003" in case.people and "S302" in case.shifts and "R3" in case.requests
    session = policy.session(case)
    del case
    gc.collect()
    assert session.what_if(R3_AGAIN)["decision"] == "rejected"
    assert session.verdict == verdict


def test_what_if_bad_request_is_located(policy):
    session = policy.session(EXAMPLE)
    bad = ("id: Q1\n"
           "type: leave\n"
           "kind: personal\n"
           "employee: E999\n"
           "submitted_by: E001\n"
           "submitted_at: 2026-03-04T13:00\n"
           "shifts: [S101]\n")
    with pytest.raises(rulebook.LoadError) as caught:
        session.what_if(bad)
    issues = caught.value.issues
    assert issues and all(set(i) == {"file", "line", "column", "message"} for i in issues)
    e999 = next(i for i in issues if "E999" in i["message"])
    assert (e999["line"], e999["column"]) == (4, 11)
    assert f"{e999['file']}:4:11: " in str(caught.value)
    # An id the case already has.
    with pytest.raises(rulebook.LoadError, match="R3"):
        session.what_if(dict(R3_AGAIN, id="R3"))
    with pytest.raises(TypeError):
        session.what_if(42)


def test_policy_typo_is_located(tmp_path):
    lines = POLICY.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == "notice: 24h")
    lines[at] = lines[at].replace("notice:", "notise:")
    text = "".join(lines).replace("calendars/", str(SOURCE / "policies" / "calendars") + "/")
    typo = tmp_path / "typo.yaml"
    typo.write_text(text, encoding="utf-8")
    for load in (lambda: rulebook.Policy.load(typo), lambda: rulebook.Policy.parse(text, name=str(typo))):
        with pytest.raises(rulebook.LoadError) as caught:
            load()
        assert isinstance(caught.value, ValueError)
        located = [i for i in caught.value.issues if "notise" in i["message"]]
        assert located, caught.value.issues
        assert located[0]["file"] == str(typo)
        assert located[0]["line"] == at + 1
        assert located[0]["column"] == lines[at].index("notise") + 1
        assert f"{typo}:{at + 1}:{located[0]['column']}: " in str(caught.value)


def test_policy_without_rules_is_an_error():
    with pytest.raises(rulebook.LoadError, match="no rules"):
        rulebook.Policy.parse("policy: {name: empty, version: '1'}\n", name="empty.yaml")
    with pytest.raises(rulebook.LoadError):
        rulebook.Policy.load("no-such-policy-anywhere")
    with pytest.raises(TypeError):
        rulebook.Policy.load()


def test_case_errors(policy):
    case = example_dict()
    case["shifts"][0]["start"] = 12  # a number where a time belongs
    with pytest.raises(rulebook.LoadError) as caught:
        policy.check(case)
    assert any("S101" in i["message"] or "start" in i["message"] for i in caught.value.issues)
    assert all(i["line"] > 0 for i in caught.value.issues)
    with pytest.raises(rulebook.LoadError, match="people"):
        policy.check({"people": "E001"})
    with pytest.raises(rulebook.LoadError) as caught:
        policy.check("people:\n  - {id: E001, role: astronaut}\n")
    assert caught.value.issues[0]["line"] == 2
    with pytest.raises(rulebook.LoadError, match="missing.yaml"):
        policy.check("no/such/dir/missing.yaml")
    with pytest.raises(TypeError):
        policy.check(42)


def test_load_errors_in_chinese(policy, tmp_path):
    # The same problems, written in the language asked for, at the same places.
    bad = "people:\n  - {id: E001, role: astronaut}\n"
    for lang, word in (("en", "unknown"), ("zh", "角色")):
        with pytest.raises(rulebook.LoadError) as caught:
            policy.check(bad, lang=lang)
        issue = caught.value.issues[0]
        assert issue["line"] == 2 and "astronaut" in issue["message"] and word in issue["message"]
    with pytest.raises(rulebook.LoadError) as caught:
        policy.load_case(bad, lang="zh")
    assert "unknown" not in caught.value.issues[0]["message"]
    with pytest.raises(rulebook.LoadError, match="没有规则"):
        rulebook.Policy.parse("policy: {name: empty, version: '1'}\n", name="empty.yaml", lang="zh")
    with pytest.raises(rulebook.LoadError) as caught:
        rulebook.Policy.load("no-such-policy-anywhere", lang="zh")
    assert not any(c.isascii() and c.isalpha() for c in caught.value.issues[0]["message"].split("`")[0])
    with pytest.raises(ValueError):
        rulebook.Policy.load("customer-service", lang="fr")


def test_load_error_is_a_plain_exception():
    error = rulebook.LoadError("a.yaml:1:2: wrong", [{"file": "a.yaml", "line": 1, "column": 2, "message": "wrong"}])
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.issues == error.issues
    assert issubclass(rulebook.LoadError, ValueError)


def test_gil_is_released_while_judging(policy):
    """A thread judging lets the main thread run. With a switch interval far longer than the test,
    the worker only gives up the GIL where it releases it itself: the main thread counting while
    the worker is inside check() shows that check() released it. Without the release the main
    thread runs only after the worker has finished, and the count stays 0; nothing waits on time."""
    text = EXAMPLE.read_text(encoding="utf-8")
    state = {"inside": False, "done": False}
    seen_inside = 0

    def work():
        for _ in range(200):
            if state["done"]:
                break
            state["inside"] = True
            policy.check(text)
            state["inside"] = False

    old = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        # The main thread runs again only when the worker releases the GIL (or has finished).
        while seen_inside < 1000 and worker.is_alive():
            if state["inside"]:
                seen_inside += 1  # the worker is inside check(), and the main thread makes progress
        state["done"] = True
        worker.join()
    finally:
        sys.setswitchinterval(old)
    assert seen_inside == 1000
