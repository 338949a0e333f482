// The C API (include/rulebook.h) over the C++ one. Every entry point catches everything: no C++
// exception crosses into C.
#include <rulebook/engine.hpp>
#include <rulebook/rulebook.hpp>
#include <rulebook.h>

#include "json_quote.hpp"

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <sstream>
#include <string>
#include <vector>

struct rulebook_errors {
  std::vector<rulebook::load_issue> issues;
  std::string json;
};

struct rulebook_policy {
  rulebook::policy p;
};

struct rulebook_case {
  // Shared with the sessions made from it, so it may be freed before them.
  std::shared_ptr<const rulebook::case_file> c;
};

struct rulebook_session {
  std::shared_ptr<const rulebook::case_file> c;
  rulebook::policy p;
  std::unique_ptr<rulebook::session> s;
};

namespace {

thread_local std::string last_error;
thread_local const char* last_error_text = "";

// Records what went wrong on this thread. Never throws: without memory for the words, it says so.
auto fail(rulebook_status status, std::string_view message) noexcept -> rulebook_status {
  try {
    last_error.assign(message);
    last_error_text = last_error.c_str();
  } catch (...) {
    last_error_text = "out of memory";
  }
  return status;
}

// Hands the problems over through `errors` (when wanted) and says INVALID_INPUT.
auto invalid(std::vector<rulebook::load_issue> issues, rulebook_errors** errors) -> rulebook_status;

// Runs `f`, turning every exception into a status; a case the policy cannot judge (`case_error`)
// comes back as INVALID_INPUT with its problems in `errors`, as a load error does.
template <typename F>
auto guarded(F&& f, rulebook_errors** errors = nullptr) noexcept -> rulebook_status {
  try {
    try {
      return f();
    } catch (const rulebook::case_error& e) {
      std::vector<rulebook::load_issue> issues(e.issues().begin(), e.issues().end());
      if (issues.empty()) issues.push_back({{}, {}, e.what()});
      return invalid(std::move(issues), errors);
    }
  } catch (const std::bad_alloc&) {
    return fail(RULEBOOK_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    try {
      return fail(RULEBOOK_INTERNAL, std::string("internal error: ") + e.what());
    } catch (...) {
      return fail(RULEBOOK_INTERNAL, "internal error");
    }
  } catch (...) {
    return fail(RULEBOOK_INTERNAL, "internal error");
  }
}

auto invalid(std::vector<rulebook::load_issue> issues, rulebook_errors** errors) -> rulebook_status {
  std::string first = issues.empty()
                          ? "invalid input"
                          : issues.front().where.file + ":" + std::to_string(issues.front().where.line) + ":" +
                                std::to_string(issues.front().where.column) + ": " + issues.front().message;
  if (errors != nullptr) *errors = new rulebook_errors{std::move(issues), {}};
  return fail(RULEBOOK_INVALID_INPUT, first);
}

auto lang_of(rulebook_lang l) -> rulebook::lang {
  return l == RULEBOOK_LANG_ZH ? rulebook::lang::zh : rulebook::lang::en;
}

auto valid_lang(rulebook_lang l) -> bool { return l == RULEBOOK_LANG_EN || l == RULEBOOK_LANG_ZH; }

auto no_rules(rulebook_lang l) -> std::string {
  return l == RULEBOOK_LANG_ZH ? "政策没有规则" : "the policy has no rules";
}

// A string the caller frees with rulebook_string_free (std::free).
auto handed_over(const std::string& s) -> char* {
  auto* out = static_cast<char*>(std::malloc(s.size() + 1));  // NOLINT(cppcoreguidelines-no-malloc)
  if (out == nullptr) throw std::bad_alloc();
  std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

auto verdict_text(const rulebook::verdict& v, const rulebook::case_file& c, rulebook_lang lang, unsigned flags)
    -> std::string {
  std::ostringstream out;
  rulebook::write_json(
      out, v, c,
      {.lang = lang_of(lang), .clauses = (flags & RULEBOOK_CLAUSES) != 0, .explain = (flags & RULEBOOK_EXPLAIN) != 0});
  return std::move(out).str();
}

auto bad_argument(const char* what) noexcept -> rulebook_status { return fail(RULEBOOK_BAD_ARGUMENT, what); }

void clear(rulebook_errors** errors) {
  if (errors != nullptr) *errors = nullptr;
}

auto issue_at(const rulebook_errors* e, std::size_t i) -> const rulebook::load_issue* {
  return e != nullptr && i < e->issues.size() ? &e->issues[i] : nullptr;
}

}  // namespace

extern "C" {

const char* rulebook_version(void) { return RULEBOOK_VERSION_STRING; }
int rulebook_version_number(void) { return RULEBOOK_VERSION; }

const char* rulebook_status_string(rulebook_status status) {
  switch (status) {
    case RULEBOOK_OK: return "ok";
    case RULEBOOK_INVALID_INPUT: return "invalid input";
    case RULEBOOK_BAD_ARGUMENT: return "bad argument";
    case RULEBOOK_OUT_OF_MEMORY: return "out of memory";
    case RULEBOOK_INTERNAL: return "internal error";
    default: break;
  }
  return "unknown status";
}

const char* rulebook_last_error(void) { return last_error_text; }

size_t rulebook_errors_count(const rulebook_errors* errors) { return errors != nullptr ? errors->issues.size() : 0; }
const char* rulebook_errors_file(const rulebook_errors* errors, size_t i) {
  const auto* x = issue_at(errors, i);
  return x != nullptr ? x->where.file.c_str() : nullptr;
}
unsigned rulebook_errors_line(const rulebook_errors* errors, size_t i) {
  const auto* x = issue_at(errors, i);
  return x != nullptr ? static_cast<unsigned>(x->where.line) : 0;
}
unsigned rulebook_errors_column(const rulebook_errors* errors, size_t i) {
  const auto* x = issue_at(errors, i);
  return x != nullptr ? static_cast<unsigned>(x->where.column) : 0;
}
const char* rulebook_errors_message(const rulebook_errors* errors, size_t i) {
  const auto* x = issue_at(errors, i);
  return x != nullptr ? x->message.c_str() : nullptr;
}
const char* rulebook_errors_json(const rulebook_errors* errors) {
  if (errors == nullptr) return nullptr;
  auto* e = const_cast<rulebook_errors*>(
      errors);  // NOLINT(cppcoreguidelines-pro-type-const-cast): made once, on demand
  if (e->json.empty()) {
    try {
      std::string out = "[";
      for (const auto& i : e->issues) {
        out += out.size() == 1 ? "{\"file\": " : ", {\"file\": ";
        rulebook::detail::json_quote(out, i.where.file);
        out += ", \"line\": " + std::to_string(i.where.line) + ", \"column\": " + std::to_string(i.where.column) +
               ", \"message\": ";
        rulebook::detail::json_quote(out, i.message);
        out += '}';
      }
      e->json = out + "]";
    } catch (...) {
      fail(RULEBOOK_OUT_OF_MEMORY, "out of memory");
      return nullptr;
    }
  }
  return e->json.c_str();
}
void rulebook_errors_free(rulebook_errors* errors) { delete errors; }

rulebook_status rulebook_policy_load(const char* const* paths, size_t count, rulebook_lang lang, rulebook_policy** out,
                                     rulebook_errors** errors) {
  clear(errors);
  if (out == nullptr) return bad_argument("rulebook_policy_load: `out` is NULL");
  *out = nullptr;
  if (paths == nullptr || count == 0) return bad_argument("rulebook_policy_load: no policy files");
  if (!valid_lang(lang)) return bad_argument("rulebook_policy_load: unknown language");
  for (size_t i = 0; i < count; ++i) {
    if (paths[i] == nullptr) return bad_argument("rulebook_policy_load: a path is NULL");
  }
  return guarded([&] {
    std::vector<std::string> files(paths, paths + count);
    std::vector<rulebook::load_issue> issues;
    auto p = rulebook::load_policy(files, issues, lang_of(lang));
    if (issues.empty() && p.rules().empty()) issues.push_back({{files.front(), 0, 0}, {}, no_rules(lang)});
    if (!issues.empty()) return invalid(std::move(issues), errors);
    *out = new rulebook_policy{std::move(p)};
    return RULEBOOK_OK;
  });
}

rulebook_status rulebook_policy_parse(const char* name, const char* text, size_t length, rulebook_lang lang,
                                      rulebook_policy** out, rulebook_errors** errors) {
  clear(errors);
  if (out == nullptr) return bad_argument("rulebook_policy_parse: `out` is NULL");
  *out = nullptr;
  if (text == nullptr) return bad_argument("rulebook_policy_parse: `text` is NULL");
  if (!valid_lang(lang)) return bad_argument("rulebook_policy_parse: unknown language");
  return guarded([&] {
    std::vector<rulebook::load_issue> issues;
    const std::string file = name != nullptr ? name : "<policy>";
    auto p = rulebook::parse_policy({{file, std::string(text, length)}}, issues, lang_of(lang));
    if (issues.empty() && p.rules().empty()) issues.push_back({{file, 0, 0}, {}, no_rules(lang)});
    if (!issues.empty()) return invalid(std::move(issues), errors);
    *out = new rulebook_policy{std::move(p)};
    return RULEBOOK_OK;
  });
}

const char* rulebook_policy_name(const rulebook_policy* policy) {
  return policy != nullptr ? policy->p.name().c_str() : nullptr;
}
const char* rulebook_policy_version(const rulebook_policy* policy) {
  return policy != nullptr ? policy->p.version().c_str() : nullptr;
}
const char* rulebook_policy_digest(const rulebook_policy* policy) {
  return policy != nullptr ? policy->p.digest().c_str() : nullptr;
}
size_t rulebook_policy_rule_count(const rulebook_policy* policy) {
  return policy != nullptr ? policy->p.rules().size() : 0;
}
void rulebook_policy_free(rulebook_policy* policy) { delete policy; }

rulebook_status rulebook_case_load(const rulebook_policy* policy, const char* path, rulebook_lang lang,
                                   rulebook_case** out, rulebook_errors** errors) {
  clear(errors);
  if (out == nullptr) return bad_argument("rulebook_case_load: `out` is NULL");
  *out = nullptr;
  if (policy == nullptr || path == nullptr) return bad_argument("rulebook_case_load: `policy` or `path` is NULL");
  if (!valid_lang(lang)) return bad_argument("rulebook_case_load: unknown language");
  return guarded([&] {
    std::vector<rulebook::load_issue> issues;
    auto c = rulebook::load_case(path, policy->p, issues, lang_of(lang));
    if (!issues.empty()) return invalid(std::move(issues), errors);
    *out = new rulebook_case{std::make_shared<const rulebook::case_file>(std::move(c))};
    return RULEBOOK_OK;
  });
}

rulebook_status rulebook_case_parse(const rulebook_policy* policy, const char* name, const char* text, size_t length,
                                    rulebook_lang lang, rulebook_case** out, rulebook_errors** errors) {
  clear(errors);
  if (out == nullptr) return bad_argument("rulebook_case_parse: `out` is NULL");
  *out = nullptr;
  if (policy == nullptr || text == nullptr) return bad_argument("rulebook_case_parse: `policy` or `text` is NULL");
  if (!valid_lang(lang)) return bad_argument("rulebook_case_parse: unknown language");
  return guarded([&] {
    std::vector<rulebook::load_issue> issues;
    auto c = rulebook::parse_case(name != nullptr ? name : "<case>", std::string(text, length), policy->p, issues,
                                  lang_of(lang));
    if (!issues.empty()) return invalid(std::move(issues), errors);
    *out = new rulebook_case{std::make_shared<const rulebook::case_file>(std::move(c))};
    return RULEBOOK_OK;
  });
}

void rulebook_case_free(rulebook_case* c) { delete c; }

void rulebook_string_free(char* s) { std::free(s); }  // NOLINT(cppcoreguidelines-no-malloc)

rulebook_status rulebook_judge(const rulebook_policy* policy, const rulebook_case* c, rulebook_lang lang,
                               unsigned flags, char** verdict_json, int* breach) {
  if (verdict_json == nullptr) return bad_argument("rulebook_judge: `verdict_json` is NULL");
  *verdict_json = nullptr;
  if (policy == nullptr || c == nullptr) return bad_argument("rulebook_judge: `policy` or `c` is NULL");
  if (!valid_lang(lang)) return bad_argument("rulebook_judge: unknown language");
  return guarded([&] {
    const auto v = rulebook::judge(policy->p, *c->c);
    *verdict_json = handed_over(verdict_text(v, *c->c, lang, flags));
    if (breach != nullptr) *breach = v.has_breach() ? 1 : 0;
    return RULEBOOK_OK;
  });
}

rulebook_status rulebook_session_new(const rulebook_policy* policy, const rulebook_case* c, rulebook_session** out) {
  if (out == nullptr) return bad_argument("rulebook_session_new: `out` is NULL");
  *out = nullptr;
  if (policy == nullptr || c == nullptr) return bad_argument("rulebook_session_new: `policy` or `c` is NULL");
  return guarded([&] {
    auto s = std::make_unique<rulebook_session>();
    s->c = c->c;
    s->p = policy->p;
    s->s = std::make_unique<rulebook::session>(s->p, *s->c);
    *out = s.release();
    return RULEBOOK_OK;
  });
}

rulebook_status rulebook_session_verdict(const rulebook_session* session, rulebook_lang lang, unsigned flags,
                                         char** verdict_json) {
  if (verdict_json == nullptr) return bad_argument("rulebook_session_verdict: `verdict_json` is NULL");
  *verdict_json = nullptr;
  if (session == nullptr) return bad_argument("rulebook_session_verdict: `session` is NULL");
  if (!valid_lang(lang)) return bad_argument("rulebook_session_verdict: unknown language");
  return guarded([&] {
    *verdict_json = handed_over(verdict_text(session->s->verdict(), *session->c, lang, flags));
    return RULEBOOK_OK;
  });
}

rulebook_status rulebook_session_what_if(const rulebook_session* session, const char* request, size_t length,
                                         rulebook_lang lang, char** request_json, rulebook_errors** errors) {
  clear(errors);
  if (request_json == nullptr) return bad_argument("rulebook_session_what_if: `request_json` is NULL");
  *request_json = nullptr;
  if (session == nullptr || request == nullptr) {
    return bad_argument("rulebook_session_what_if: `session` or `request` is NULL");
  }
  if (!valid_lang(lang)) return bad_argument("rulebook_session_what_if: unknown language");
  return guarded(
      [&] {
        std::vector<rulebook::load_issue> issues;
        const auto r = rulebook::parse_request("<request>", std::string(request, length), *session->c, session->p,
                                               issues, lang_of(lang));
        if (!r) return invalid(std::move(issues), errors);
        const auto rv = session->s->what_if(*r);
        std::ostringstream out;
        rulebook::write_json(out, rv, *r, session->p, *session->c, {.lang = lang_of(lang)});
        *request_json = handed_over(std::move(out).str());
        return RULEBOOK_OK;
      },
      errors);
}

void rulebook_session_free(rulebook_session* session) { delete session; }

}  // extern "C"
