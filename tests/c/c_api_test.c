/* The C API as a C program sees it: only <rulebook.h>, every function, every error path. Run by
 * ctest (and under AddressSanitizer and UndefinedBehaviorSanitizer in .ci/run). Usage:
 *   c_api_test SOURCE_DIR */
#include <rulebook.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

static char path_buf[4096];
static const char* in_source(const char* source_dir, const char* file) {
  snprintf(path_buf, sizeof path_buf, "%s/%s", source_dir, file);
  return path_buf;
}

static char* read_file(const char* path, size_t* length) {
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* text = malloc((size_t)n + 1);
  if (text && fread(text, 1, (size_t)n, f) != (size_t)n) {
    free(text);
    text = NULL;
  }
  fclose(f);
  if (text) text[n] = '\0';
  *length = (size_t)n;
  return text;
}

static void versions(void) {
  CHECK(strcmp(rulebook_version(), RULEBOOK_VERSION_STRING) == 0);
  CHECK(rulebook_version_number() == RULEBOOK_VERSION);
  CHECK(RULEBOOK_VERSION == RULEBOOK_VERSION_MAJOR * 10000 + RULEBOOK_VERSION_MINOR * 100 + RULEBOOK_VERSION_PATCH);
  CHECK(strcmp(rulebook_status_string(RULEBOOK_OK), "ok") == 0);
  CHECK(strcmp(rulebook_status_string(RULEBOOK_INVALID_INPUT), "invalid input") == 0);
  CHECK(strcmp(rulebook_status_string(RULEBOOK_BAD_ARGUMENT), "bad argument") == 0);
  CHECK(strcmp(rulebook_status_string(RULEBOOK_OUT_OF_MEMORY), "out of memory") == 0);
  CHECK(strcmp(rulebook_status_string(RULEBOOK_INTERNAL), "internal error") == 0);
  CHECK(strcmp(rulebook_status_string((rulebook_status)99), "unknown status") == 0);
}

/* A policy with a typo: located errors, nothing made. */
static void policy_errors(const char* src) {
  rulebook_policy* p = (rulebook_policy*)1;
  rulebook_errors* e = NULL;
  const char* bad =
      "policy: {name: x, version: '1'}\nrules:\n  - id: r\n    clause: c\n    effect: reject\n    kind: notice_perod\n";
  CHECK(rulebook_policy_parse("bad.yaml", bad, strlen(bad), RULEBOOK_LANG_EN, &p, &e) == RULEBOOK_INVALID_INPUT);
  CHECK(p == NULL);
  CHECK(e != NULL);
  CHECK(rulebook_errors_count(e) >= 1);
  CHECK(strcmp(rulebook_errors_file(e, 0), "bad.yaml") == 0);
  CHECK(rulebook_errors_line(e, 0) == 6);
  CHECK(rulebook_errors_column(e, 0) > 0);
  CHECK(strstr(rulebook_errors_message(e, 0), "notice_perod") != NULL);
  CHECK(strstr(rulebook_errors_json(e), "\"line\": 6") != NULL);
  CHECK(strstr(rulebook_last_error(), "bad.yaml:6:") == rulebook_last_error());
  /* out of range: nothing, never a crash */
  CHECK(rulebook_errors_file(e, 1000) == NULL);
  CHECK(rulebook_errors_message(e, 1000) == NULL);
  CHECK(rulebook_errors_line(e, 1000) == 0);
  CHECK(rulebook_errors_column(e, 1000) == 0);
  rulebook_errors_free(e);
  /* NULL lists read as empty */
  CHECK(rulebook_errors_count(NULL) == 0);
  CHECK(rulebook_errors_file(NULL, 0) == NULL);
  CHECK(rulebook_errors_json(NULL) == NULL);

  /* A missing file, and a name no shipped policy has; errors not wanted */
  const char* missing[] = {in_source(src, "policies/no-such.yaml")};
  CHECK(rulebook_policy_load(missing, 1, RULEBOOK_LANG_EN, &p, NULL) == RULEBOOK_INVALID_INPUT);
  CHECK(p == NULL);
  const char* unknown[] = {"customer-servise"};
  CHECK(rulebook_policy_load(unknown, 1, RULEBOOK_LANG_EN, &p, &e) == RULEBOOK_INVALID_INPUT);
  CHECK(e && strstr(rulebook_errors_message(e, 0), "customer-service") != NULL); /* did you mean */
  rulebook_errors_free(e);
  /* a policy with no rules is refused */
  const char* empty = "policy: {name: empty, version: '1'}\n";
  CHECK(rulebook_policy_parse("empty.yaml", empty, strlen(empty), RULEBOOK_LANG_EN, &p, &e) == RULEBOOK_INVALID_INPUT);
  CHECK(e && strstr(rulebook_errors_message(e, 0), "no rules") != NULL);
  rulebook_errors_free(e);
  /* bad arguments */
  CHECK(rulebook_policy_load(NULL, 1, RULEBOOK_LANG_EN, &p, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_policy_load(missing, 0, RULEBOOK_LANG_EN, &p, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_policy_load(missing, 1, RULEBOOK_LANG_EN, NULL, NULL) == RULEBOOK_BAD_ARGUMENT);
  const char* with_null[] = {NULL};
  CHECK(rulebook_policy_load(with_null, 1, RULEBOOK_LANG_EN, &p, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_policy_parse("x", NULL, 0, RULEBOOK_LANG_EN, &p, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_policy_parse("x", "", 0, RULEBOOK_LANG_EN, NULL, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(strlen(rulebook_last_error()) > 0);
  CHECK(rulebook_policy_name(NULL) == NULL);
  CHECK(rulebook_policy_version(NULL) == NULL);
  CHECK(rulebook_policy_digest(NULL) == NULL);
  CHECK(rulebook_policy_rule_count(NULL) == 0);
  rulebook_policy_free(NULL);
  rulebook_case_free(NULL);
  rulebook_session_free(NULL);
  rulebook_errors_free(NULL);
  rulebook_string_free(NULL);
}

static void judging(const char* src) {
  rulebook_policy* p = NULL;
  rulebook_errors* e = NULL;
  const char* files[] = {in_source(src, "policies/customer-service.yaml")};
  CHECK(rulebook_policy_load(files, 1, RULEBOOK_LANG_EN, &p, &e) == RULEBOOK_OK);
  CHECK(e == NULL);
  if (!p) return;
  CHECK(strcmp(rulebook_policy_name(p), "customer-service") == 0);
  CHECK(strlen(rulebook_policy_version(p)) > 0);
  CHECK(strncmp(rulebook_policy_digest(p), "sha256:", 7) == 0);
  CHECK(rulebook_policy_rule_count(p) > 10);

  /* the same policy from its text: the same digest */
  size_t length = 0;
  char* text = read_file(in_source(src, "policies/customer-service.yaml"), &length);
  CHECK(text != NULL);
  /* its calendars are relative to the policy's folder, and parse reads them from the working directory */
  rulebook_policy* parsed = NULL;
  CHECK(rulebook_policy_parse("customer-service.yaml", text, length, RULEBOOK_LANG_EN, &parsed, NULL) == RULEBOOK_OK);
  if (parsed) CHECK(strcmp(rulebook_policy_digest(parsed), rulebook_policy_digest(p)) == 0);
  rulebook_policy_free(parsed);
  free(text);

  rulebook_case* c = NULL;
  CHECK(rulebook_case_load(p, in_source(src, "examples/march-2026.yaml"), RULEBOOK_LANG_EN, &c, &e) == RULEBOOK_OK);
  CHECK(c != NULL);
  char* verdict = NULL;
  int breach = -1;
  CHECK(rulebook_judge(p, c, RULEBOOK_LANG_EN, 0, &verdict, &breach) == RULEBOOK_OK);
  CHECK(breach == 1);
  CHECK(verdict && strncmp(verdict, "{\n  \"policy\": {\"name\": \"customer-service\"", 40) == 0);
  CHECK(verdict && strstr(verdict, "\"summary\"") != NULL);
  CHECK(verdict && strstr(verdict, "\"explain\"") == NULL);
  /* byte-identical to the command's output, kept as a golden */
  size_t golden_length = 0;
  char* golden = read_file(in_source(src, "tests/cli/expected/check-march.json"), &golden_length);
  if (golden && verdict) CHECK(strcmp(golden, verdict) == 0);
  free(golden);
  rulebook_string_free(verdict);

  CHECK(rulebook_judge(p, c, RULEBOOK_LANG_ZH, RULEBOOK_EXPLAIN | RULEBOOK_CLAUSES, &verdict, NULL) == RULEBOOK_OK);
  CHECK(verdict && strstr(verdict, "\"explain\"") != NULL);
  CHECK(verdict && strstr(verdict, "\"clause_text\"") != NULL);
  CHECK(verdict && strstr(verdict, "需") != NULL); /* messages in Chinese */
  rulebook_string_free(verdict);
  /* bad arguments */
  CHECK(rulebook_judge(NULL, c, RULEBOOK_LANG_EN, 0, &verdict, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(verdict == NULL);
  CHECK(rulebook_judge(p, NULL, RULEBOOK_LANG_EN, 0, &verdict, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_judge(p, c, (rulebook_lang)7, 0, &verdict, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_judge(p, c, RULEBOOK_LANG_EN, 0, NULL, NULL) == RULEBOOK_BAD_ARGUMENT);

  /* a case from text, YAML and JSON */
  const char* yaml_case = "people:\n  - {id: A1, role: agent, leader: L1}\n  - {id: L1, role: shift_leader}\n"
                          "shifts:\n  - {id: S1, employee: A1, start: 2026-03-02T08:00, end: 2026-03-02T17:00}\n"
                          "punches:\n  - {shift: S1, in: 2026-03-02T08:25}\n";
  rulebook_case* small = NULL;
  CHECK(rulebook_case_parse(p, "small.yaml", yaml_case, strlen(yaml_case), RULEBOOK_LANG_EN, &small, NULL) ==
        RULEBOOK_OK);
  CHECK(rulebook_judge(p, small, RULEBOOK_LANG_EN, 0, &verdict, &breach) == RULEBOOK_OK);
  CHECK(breach == 1);
  CHECK(verdict && strstr(verdict, "\"effect\": \"violation\"") != NULL);
  rulebook_string_free(verdict);
  rulebook_case_free(small);
  const char* json_case = "{\"people\": [{\"id\": \"A1\", \"role\": \"agent\"}]}";
  CHECK(rulebook_case_parse(p, "small.json", json_case, strlen(json_case), RULEBOOK_LANG_EN, &small, NULL) ==
        RULEBOOK_OK);
  CHECK(rulebook_judge(p, small, RULEBOOK_LANG_EN, 0, &verdict, &breach) == RULEBOOK_OK);
  CHECK(breach == 0);
  rulebook_string_free(verdict);
  rulebook_case_free(small);

  /* case errors, located */
  const char* bad_case = "people:\n  - {id: A1, role: agnet}\n";
  CHECK(rulebook_case_parse(p, "bad.yaml", bad_case, strlen(bad_case), RULEBOOK_LANG_EN, &small, &e) ==
        RULEBOOK_INVALID_INPUT);
  CHECK(small == NULL);
  CHECK(e && rulebook_errors_line(e, 0) == 2 && strstr(rulebook_errors_message(e, 0), "agnet") != NULL);
  rulebook_errors_free(e);
  /* the same, in the language asked for */
  CHECK(rulebook_case_parse(p, "bad.yaml", bad_case, strlen(bad_case), RULEBOOK_LANG_ZH, &small, &e) ==
        RULEBOOK_INVALID_INPUT);
  CHECK(e && rulebook_errors_line(e, 0) == 2 && strstr(rulebook_errors_message(e, 0), "agnet") != NULL &&
        strstr(rulebook_errors_message(e, 0), "unknown") == NULL && strstr(rulebook_errors_message(e, 0), "角色"));
  rulebook_errors_free(e);
  CHECK(rulebook_case_parse(p, "bad.yaml", bad_case, strlen(bad_case), (rulebook_lang)7, &small, &e) ==
        RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_policy_load(files, 1, (rulebook_lang)-1, &parsed, NULL) == RULEBOOK_BAD_ARGUMENT && parsed == NULL);
  const char* broken = "{\"people\": [";
  CHECK(rulebook_case_parse(p, "broken.json", broken, strlen(broken), RULEBOOK_LANG_EN, &small, &e) ==
        RULEBOOK_INVALID_INPUT);
  CHECK(e && rulebook_errors_count(e) == 1);
  rulebook_errors_free(e);
  CHECK(rulebook_case_load(p, in_source(src, "examples/no-such-case.yaml"), RULEBOOK_LANG_EN, &small, &e) ==
        RULEBOOK_INVALID_INPUT);
  rulebook_errors_free(e);
  CHECK(rulebook_case_load(NULL, "x.yaml", RULEBOOK_LANG_EN, &small, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_case_load(p, NULL, RULEBOOK_LANG_EN, &small, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_case_load(p, "x.yaml", RULEBOOK_LANG_EN, NULL, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_case_parse(NULL, "x", "", 0, RULEBOOK_LANG_EN, &small, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_case_parse(p, "x", NULL, 0, RULEBOOK_LANG_EN, &small, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_case_parse(p, "x", "", 0, RULEBOOK_LANG_EN, NULL, NULL) == RULEBOOK_BAD_ARGUMENT);

  /* a case loaded against one policy and judged by another that does not know its names */
  rulebook_policy* vip = NULL;
  const char* vip_files[] = {in_source(src, "policies/vip-account-managers.yaml")};
  CHECK(rulebook_policy_load(vip_files, 1, RULEBOOK_LANG_EN, &vip, NULL) == RULEBOOK_OK);
  CHECK(rulebook_judge(vip, c, RULEBOOK_LANG_EN, 0, &verdict, NULL) == RULEBOOK_INVALID_INPUT);
  CHECK(verdict == NULL);
  CHECK(strstr(rulebook_last_error(), "unknown") != NULL);
  rulebook_session* wrong = NULL;
  CHECK(rulebook_session_new(vip, c, &wrong) == RULEBOOK_INVALID_INPUT);
  CHECK(wrong == NULL);
  rulebook_policy_free(vip);

  /* a session, freed after its case and policy */
  rulebook_session* s = NULL;
  CHECK(rulebook_session_new(p, c, &s) == RULEBOOK_OK);
  rulebook_case_free(c);
  rulebook_policy_free(p);
  if (!s) return;
  CHECK(rulebook_session_verdict(s, RULEBOOK_LANG_EN, 0, &verdict) == RULEBOOK_OK);
  CHECK(verdict && strstr(verdict, "\"R1\"") != NULL);
  rulebook_string_free(verdict);
  /* E001 asks for personal leave of S102 with two days' notice: the leader and the director must approve */
  const char* ask = "{\"id\": \"Q1\", \"type\": \"leave\", \"kind\": \"personal\", \"employee\": \"E001\", "
                    "\"submitted_by\": \"E001\", \"submitted_at\": \"2026-03-01T08:00\", \"shifts\": [\"S102\"]}";
  char* answer = NULL;
  CHECK(rulebook_session_what_if(s, ask, strlen(ask), RULEBOOK_LANG_EN, &answer, &e) == RULEBOOK_OK);
  CHECK(e == NULL);
  CHECK(answer &&
        strncmp(answer, "{\"id\": \"Q1\", \"type\": \"leave\", \"employee\": \"E001\", \"decision\": ", 62) == 0);
  rulebook_string_free(answer);
  /* the same in YAML, in Chinese */
  const char* ask_yaml =
      "{id: Q2, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-03-03T07:00, shifts: [S102]}";
  CHECK(rulebook_session_what_if(s, ask_yaml, strlen(ask_yaml), RULEBOOK_LANG_ZH, &answer, NULL) == RULEBOOK_OK);
  CHECK(answer && strstr(answer, "\"decision\": \"pending\"") != NULL);
  rulebook_string_free(answer);
  /* a request naming someone the case does not have; an id the case has */
  const char* dangling =
      "{id: Q3, type: leave, kind: personal, employee: E999, submitted_by: E001, submitted_at: 2026-03-01T08:00, shifts: [S103]}";
  CHECK(rulebook_session_what_if(s, dangling, strlen(dangling), RULEBOOK_LANG_EN, &answer, &e) ==
        RULEBOOK_INVALID_INPUT);
  CHECK(answer == NULL);
  CHECK(e && strstr(rulebook_errors_message(e, 0), "E999") != NULL && rulebook_errors_line(e, 0) == 1);
  rulebook_errors_free(e);
  const char* again =
      "{id: R1, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-03-01T08:00, shifts: [S103]}";
  CHECK(rulebook_session_what_if(s, again, strlen(again), RULEBOOK_LANG_EN, &answer, &e) == RULEBOOK_INVALID_INPUT);
  CHECK(e && strstr(rulebook_errors_message(e, 0), "already") != NULL);
  rulebook_errors_free(e);
  const char* not_theirs =
      "{id: Q4, type: leave, kind: personal, employee: E001, submitted_by: E001, submitted_at: 2026-03-01T08:00, shifts: [S201]}";
  CHECK(rulebook_session_what_if(s, not_theirs, strlen(not_theirs), RULEBOOK_LANG_EN, &answer, &e) ==
        RULEBOOK_INVALID_INPUT);
  rulebook_errors_free(e);
  const char* garbage = "[[[";
  CHECK(rulebook_session_what_if(s, garbage, strlen(garbage), RULEBOOK_LANG_EN, &answer, &e) == RULEBOOK_INVALID_INPUT);
  rulebook_errors_free(e);
  CHECK(rulebook_session_what_if(NULL, ask, strlen(ask), RULEBOOK_LANG_EN, &answer, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_session_what_if(s, NULL, 0, RULEBOOK_LANG_EN, &answer, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_session_what_if(s, ask, strlen(ask), RULEBOOK_LANG_EN, NULL, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_session_what_if(s, ask, strlen(ask), (rulebook_lang)-1, &answer, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_session_verdict(NULL, RULEBOOK_LANG_EN, 0, &verdict) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_session_verdict(s, RULEBOOK_LANG_EN, 0, NULL) == RULEBOOK_BAD_ARGUMENT);
  CHECK(rulebook_session_verdict(s, (rulebook_lang)3, 0, &verdict) == RULEBOOK_BAD_ARGUMENT);
  rulebook_session* none = NULL;
  CHECK(rulebook_session_new(NULL, NULL, &none) == RULEBOOK_BAD_ARGUMENT);
  CHECK(none == NULL);
  CHECK(rulebook_session_new(NULL, NULL, NULL) == RULEBOOK_BAD_ARGUMENT);
  rulebook_session_free(s);
}

/* A shipped policy by name (RULEBOOK_POLICY_PATH names the source tree's policies/). */
static void by_name(void) {
  rulebook_policy* p = NULL;
  const char* names[] = {"vip-account-managers"};
  CHECK(rulebook_policy_load(names, 1, RULEBOOK_LANG_EN, &p, NULL) == RULEBOOK_OK);
  if (p) CHECK(strcmp(rulebook_policy_name(p), "vip-account-managers") == 0);
  rulebook_policy_free(p);
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: c_api_test SOURCE_DIR\n");
    return 2;
  }
  versions();
  policy_errors(argv[1]);
  judging(argv[1]);
  by_name();
  if (failures) fprintf(stderr, "%d checks failed\n", failures);
  return failures ? 1 : 0;
}
