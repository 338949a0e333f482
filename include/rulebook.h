/* rulebook's C API: load a department's policies and a case, judge, ask what-if questions.
 *
 * For programs in C and for other languages' foreign-function interfaces (Java's FFM or JNA, C#'s
 * P/Invoke, Go's cgo, Python's ctypes). C11; nothing of C++ shows here, and no C++ exception ever
 * crosses it: every failure comes back as a status.
 *
 * Ownership: a function that gives out an object or a string through an out parameter (`**out`)
 * hands it over: the caller frees it with the matching `_free` function, exactly once. Strings the
 * library keeps (`rulebook_policy_name`, `rulebook_errors_message`, …) belong to the object they were
 * read from and live as long as it does. Every `_free` function accepts NULL.
 *
 * Threads: policies, cases and sessions never change once made, and any number of threads may use
 * one at the same time (judge, ask what-if, read its name). A `rulebook_errors` list belongs to one
 * thread at a time. `rulebook_last_error` is per thread.
 *
 * Lifetimes: a case, a session and a verdict keep what they need of the policy and the case, so
 * they may be freed in any order.
 *
 *     rulebook_policy* policy = NULL;
 *     rulebook_errors* errors = NULL;
 *     const char* files[] = {"customer-service"};   // a shipped policy by name, or a path
 *     if (rulebook_policy_load(files, 1, &policy, &errors) != RULEBOOK_OK) { ... print errors ... }
 *     rulebook_case* c = NULL;
 *     rulebook_case_load(policy, "march-2026.yaml", &c, &errors);
 *     char* verdict = NULL;
 *     rulebook_judge(policy, c, RULEBOOK_LANG_ZH, 0, &verdict, NULL);   // CONTRACT §3 as JSON
 *     ...
 *     rulebook_string_free(verdict);
 *     rulebook_case_free(c);
 *     rulebook_policy_free(policy);
 */
#ifndef RULEBOOK_H
#define RULEBOOK_H

#include <rulebook/version.h>

#include <stddef.h>

#if defined(_WIN32)
#define RULEBOOK_C_API
#else
#define RULEBOOK_C_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- versions ---- */

/* The version of the library the program runs against, e.g. "0.2.0" (the macros in
 * <rulebook/version.h> give the one it was compiled against). */
RULEBOOK_C_API const char* rulebook_version(void);
/* The same as one number: RULEBOOK_VERSION of the library. */
RULEBOOK_C_API int rulebook_version_number(void);

/* ---- statuses ---- */

typedef enum rulebook_status {
  RULEBOOK_OK = 0,            /* done */
  RULEBOOK_INVALID_INPUT = 1, /* the policy, case or request has problems: see the errors list */
  RULEBOOK_BAD_ARGUMENT = 2,  /* a NULL where an object is needed, or an option out of range */
  RULEBOOK_OUT_OF_MEMORY = 3, /* the machine ran out of memory; nothing was made */
  RULEBOOK_INTERNAL = 4,      /* a bug in rulebook: rulebook_last_error() says what */
  /* Not statuses: they make the type as wide as an int in C++ too, so that any value a caller
   * passes is one the library may read (and answer as unknown). */
  RULEBOOK_STATUS_MIN_ = -2147483647 - 1,
  RULEBOOK_STATUS_MAX_ = 2147483647
} rulebook_status;

/* A status as words: "ok", "invalid input", … Never NULL; a static string. */
RULEBOOK_C_API const char* rulebook_status_string(rulebook_status status);
/* What the last call on this thread that failed said went wrong, or "" when none has. Valid until
 * the next call on this thread. */
RULEBOOK_C_API const char* rulebook_last_error(void);

/* ---- languages ---- */

/* The language of messages: load errors, findings, remedies. */
typedef enum rulebook_lang {
  RULEBOOK_LANG_EN = 0,
  RULEBOOK_LANG_ZH = 1,
  /* Not languages: as wide as an int, so a wrong value is refused (RULEBOOK_BAD_ARGUMENT), not undefined. */
  RULEBOOK_LANG_MIN_ = -2147483647 - 1,
  RULEBOOK_LANG_MAX_ = 2147483647
} rulebook_lang;

/* ---- located problems ---- */

/* Every problem of a policy, case or request that could not be read: each with the file, line and
 * column it is at (line and column 0 when it is about a whole file) and a message in the language
 * the loading function was given. */
typedef struct rulebook_errors rulebook_errors;

RULEBOOK_C_API size_t rulebook_errors_count(const rulebook_errors* errors);
/* The parts of problem `i` (0 ≤ i < count); NULL or 0 when `i` is out of range. */
RULEBOOK_C_API const char* rulebook_errors_file(const rulebook_errors* errors, size_t i);
RULEBOOK_C_API unsigned rulebook_errors_line(const rulebook_errors* errors, size_t i);
RULEBOOK_C_API unsigned rulebook_errors_column(const rulebook_errors* errors, size_t i);
RULEBOOK_C_API const char* rulebook_errors_message(const rulebook_errors* errors, size_t i);
/* All of them as JSON, [{"file": …, "line": …, "column": …, "message": …}, …]; owned by `errors`. */
RULEBOOK_C_API const char* rulebook_errors_json(const rulebook_errors* errors);
RULEBOOK_C_API void rulebook_errors_free(rulebook_errors* errors);

/* Wherever a function takes `rulebook_errors** errors`: it may be NULL (the problems are not
 * wanted); else on RULEBOOK_INVALID_INPUT `*errors` is set to a new list the caller frees, and on
 * any other status to NULL. */

/* ---- policies ---- */

typedef struct rulebook_policy rulebook_policy;

/* Loads and merges the policy files `paths[0..count)`: paths, or names of shipped policies
 * ("customer-service", "calendars/cn-2026"), found as `rulebook --policy` finds them. Here and
 * below, problems are written in `lang`. */
RULEBOOK_C_API rulebook_status rulebook_policy_load(const char* const* paths, size_t count, rulebook_lang lang,
                                                    rulebook_policy** out, rulebook_errors** errors);
/* Compiles one policy given as YAML text of `length` bytes; `name` names it in messages (its
 * `calendars:` are read relative to the working directory). */
RULEBOOK_C_API rulebook_status rulebook_policy_parse(const char* name, const char* text, size_t length,
                                                     rulebook_lang lang, rulebook_policy** out,
                                                     rulebook_errors** errors);
/* The policy's name, version and digest ("sha256:…"); owned by the policy. */
RULEBOOK_C_API const char* rulebook_policy_name(const rulebook_policy* policy);
RULEBOOK_C_API const char* rulebook_policy_version(const rulebook_policy* policy);
RULEBOOK_C_API const char* rulebook_policy_digest(const rulebook_policy* policy);
/* How many rules it has. */
RULEBOOK_C_API size_t rulebook_policy_rule_count(const rulebook_policy* policy);
RULEBOOK_C_API void rulebook_policy_free(rulebook_policy* policy);

/* ---- cases ---- */

typedef struct rulebook_case rulebook_case;

/* Loads a case file (YAML, or JSON when it ends in `.json`), checked against the policy's names. */
RULEBOOK_C_API rulebook_status rulebook_case_load(const rulebook_policy* policy, const char* path, rulebook_lang lang,
                                                  rulebook_case** out, rulebook_errors** errors);
/* Reads a case given as text of `length` bytes; `name` names it in messages, and JSON is read as
 * JSON when `name` ends in `.json` (YAML reads JSON too, more slowly). */
RULEBOOK_C_API rulebook_status rulebook_case_parse(const rulebook_policy* policy, const char* name, const char* text,
                                                   size_t length, rulebook_lang lang, rulebook_case** out,
                                                   rulebook_errors** errors);
RULEBOOK_C_API void rulebook_case_free(rulebook_case* c);

/* ---- judging ---- */

/* Flags for what a verdict holds beside CONTRACT §3 (`rulebook check --explain`, `--clauses`). */
enum { RULEBOOK_EXPLAIN = 1u, RULEBOOK_CLAUSES = 2u };

/* Strings the library hands over (verdicts): free with rulebook_string_free. */
RULEBOOK_C_API void rulebook_string_free(char* s);

/* Judges `c` against `policy`: `*verdict_json` is the verdict of CONTRACT §3, the bytes
 * `rulebook check --format json` writes. `breach` may be NULL; else it is set to 1 when a finding
 * is a reject, violation or absenteeism (the command's exit status 1), else 0. */
/* A case loaded against another policy whose names this one does not know is RULEBOOK_INVALID_INPUT
 * here and in rulebook_session_new, with rulebook_last_error() naming the first problem. */
RULEBOOK_C_API rulebook_status rulebook_judge(const rulebook_policy* policy, const rulebook_case* c, rulebook_lang lang,
                                              unsigned flags, char** verdict_json, int* breach);

/* A judged case kept in memory, to ask what-if questions of ("would this swap be approved now?")
 * without judging the case again. */
typedef struct rulebook_session rulebook_session;

RULEBOOK_C_API rulebook_status rulebook_session_new(const rulebook_policy* policy, const rulebook_case* c,
                                                    rulebook_session** out);
/* The full judgement's verdict, as rulebook_judge gives it. */
RULEBOOK_C_API rulebook_status rulebook_session_verdict(const rulebook_session* session, rulebook_lang lang,
                                                        unsigned flags, char** verdict_json);
/* How a request would be judged if it were added to the case: `request` is one request in the
 * format of an item of a case's `requests:` (YAML or JSON text of `length` bytes) naming people and
 * shifts of the case; `*request_json` is its verdict, shaped as an item of the verdict's
 * `requests`. Nothing changes; safe to call from many threads at once. */
RULEBOOK_C_API rulebook_status rulebook_session_what_if(const rulebook_session* session, const char* request,
                                                        size_t length, rulebook_lang lang, char** request_json,
                                                        rulebook_errors** errors);
RULEBOOK_C_API void rulebook_session_free(rulebook_session* session);

#ifdef __cplusplus
}
#endif

#endif
