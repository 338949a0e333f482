// `rulebook serve --policy P.yaml [--listen HOST:PORT]`: the decision service. Every request is
// judged on its own (nothing is kept between requests), on a pool of threads, with the policy as
// it was when the request came in: SIGHUP loads the policy files again and swaps the new policy in
// whole, or keeps the old one when the new one has errors.
#include "serve.hpp"

#include "options.hpp"

#include "../json_quote.hpp"
#include "../read_calendar.hpp"
#include "../utf8.hpp"
#include "../what_if_body.hpp"

#include <rulebook/engine.hpp>
#include <rulebook/kind.hpp>

#include <sys/socket.h>
#include <httplib.h>
#include <pthread.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string_view>
#include <thread>

namespace rulebook::cli {
namespace {

struct listening {
  std::vector<std::string> policies;
  std::string host = "127.0.0.1";
  int port = 8181;
  unsigned threads = 0;
  std::size_t max_body = std::size_t{16} << 20;
};

// A number of at most `max`, all digits, with an optional K, M or G (binary) when `suffixes`.
auto parse_number(std::string_view s, std::size_t max, bool suffixes = false) -> std::optional<std::size_t> {
  std::size_t scale = 1;
  if (suffixes && !s.empty()) {
    switch (s.back()) {
      case 'K':
      case 'k': scale = std::size_t{1} << 10; break;
      case 'M':
      case 'm': scale = std::size_t{1} << 20; break;
      case 'G':
      case 'g': scale = std::size_t{1} << 30; break;
      default: break;
    }
    if (scale != 1) s.remove_suffix(1);
  }
  if (s.empty() || s.size() > 12) return std::nullopt;
  std::size_t n = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  n *= scale;
  if (n > max) return std::nullopt;
  return n;
}

// The options after `serve`; nothing (the problem printed) on a usage error.
// What the options say, checked: where to listen, how many threads, the largest body. Nothing (the
// problem printed) on a usage error.
auto resolve(const serve_options& given) -> std::optional<listening> {
  listening o;
  o.policies = given.policies;
  // HOST:PORT, [IPv6]:PORT, or :PORT for every interface.
  const std::string_view v = given.listen;
  const auto colon = v.rfind(':');
  const auto p = colon == std::string_view::npos ? std::nullopt : parse_number(v.substr(colon + 1), 65535);
  if (!p) {
    std::cerr << "rulebook serve: --listen is HOST:PORT, not `" << v << "`\n";
    return std::nullopt;
  }
  auto host = v.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  o.host = host.empty() ? "0.0.0.0" : std::string(host);
  o.port = given.port ? *given.port : static_cast<int>(*p);  // --port wins over --listen's port
  const auto n = parse_number(given.max_body, std::size_t{1} << 40, true);
  if (!n || *n == 0) {
    std::cerr << "rulebook serve: --max-body is a size in bytes (with K, M or G), not `" << given.max_body << "`\n";
    return std::nullopt;
  }
  o.max_body = *n;
  o.threads = given.threads != 0 ? given.threads : std::max(1U, std::thread::hardware_concurrency());
  return o;
}

// ---- JSON --------------------------------------------------------------------------------------

// `s` as a JSON string. A body may hold anything, and a message may quote it: bytes that are not
// UTF-8 become U+FFFD, so every answer is valid JSON.
void quote(std::string& out, std::string_view s) {
  if (detail::invalid_utf8_at(s, false) == std::string_view::npos) {
    detail::json_quote(out, s);
    return;
  }
  std::string clean;
  while (!s.empty()) {
    const auto bad = detail::invalid_utf8_at(s, false);
    if (bad == std::string_view::npos) {
      clean += s;
      break;
    }
    clean += s.substr(0, bad);
    clean += "\xEF\xBF\xBD";
    s.remove_prefix(bad + 1);
  }
  detail::json_quote(out, clean);
}

// A problem: at `line` and `column` of `file`, or with no place (0). (Built field by field: GCC 12
// takes a braced load_issue for one that may be used uninitialized.)
auto make_issue(std::string message, std::string file = {}, int line = 0, int column = 0) -> load_issue {
  load_issue issue;
  issue.where.file = std::move(file);
  issue.where.line = line;
  issue.where.column = column;
  issue.message = std::move(message);
  return issue;
}

void issue_json(std::string& out, const load_issue& issue) {
  out += "{\"file\": ";
  quote(out, issue.where.file);
  out += ", \"line\": " + std::to_string(issue.where.line) + ", \"column\": " + std::to_string(issue.where.column) +
         ", \"message\": ";
  quote(out, issue.message);
  out += '}';
}

// A list of issues: the first `max_printed_issues`, then one that says how many more there are
// (a body of thousands of bad records gets a short answer).
void issues_json(std::string& out, const std::vector<load_issue>& issues, lang l = lang::en) {
  out += '[';
  const auto shown = std::min(issues.size(), max_printed_issues);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += ", ";
    issue_json(out, issues[i]);
  }
  if (issues.size() > shown) {
    out += ", ";
    const auto more = std::to_string(issues.size() - shown);
    issue_json(out, make_issue(l == lang::zh ? "另有" + more + "个问题未列出" : more + " more problem(s) not shown"));
  }
  out += ']';
}

// What a handler answers.
struct reply {
  int status = 200;
  std::string body;
};

auto errors_reply(int status, const std::vector<load_issue>& issues, lang l = lang::en) -> reply {
  reply r{status, "{\"errors\": "};
  issues_json(r.body, issues, l);
  r.body += "}\n";
  return r;
}

// A problem without a place in a file: with the request line, a header or the service itself.
auto error_reply(int status, std::string message) -> reply {
  return errors_reply(status, {make_issue(std::move(message))});
}

// ---- the policy, swapped whole on SIGHUP ---------------------------------------------------------

class policy_holder {
 public:
  explicit policy_holder(policy p) : p_(std::make_shared<const policy>(std::move(p))) {}
  // The policy a request is judged by, from its start to its end, even if a reload swaps another in.
  [[nodiscard]] auto get() const -> std::shared_ptr<const policy> {
    const std::lock_guard lock(m_);
    return p_;
  }
  void set(policy p) {
    auto next = std::make_shared<const policy>(std::move(p));
    const std::lock_guard lock(m_);
    p_.swap(next);
    // The old policy goes when its last request ends, outside the lock.
  }

 private:
  mutable std::mutex m_;
  std::shared_ptr<const policy> p_;
};

// Loads the policy files again for SIGHUP; a policy with errors or without rules is refused, and
// the one being served stays.
void reload(policy_holder& holder, const std::vector<std::string>& paths) {
  std::vector<load_issue> issues;
  policy p;
  try {
    p = load_policy(paths, issues);
  } catch (const std::exception& e) {  // the machine, not the policy: keep serving the old one
    issues.push_back(make_issue(std::string("cannot reload: ") + e.what(), paths.front()));
  }
  if (issues.empty() && p.rules().empty()) {
    issues.push_back(make_issue("the policy `" + p.name() + "` has no rules", paths.front()));
  }
  if (!issues.empty()) {
    std::string text = "rulebook serve: SIGHUP: the policy was not reloaded; still serving " + holder.get()->digest() +
                       ":\n";
    for (std::size_t i = 0; i < issues.size() && i < max_printed_issues; ++i) text += to_string(issues[i]) + '\n';
    std::fputs(text.c_str(), stderr);
    return;
  }
  const auto line = "rulebook serve: SIGHUP: reloaded " + p.name() + " " + p.version() + " " + p.digest() + '\n';
  holder.set(std::move(p));
  std::fputs(line.c_str(), stderr);
}

// ---- the endpoints -------------------------------------------------------------------------------

// Bodies are named by their format in messages, so that `parse_case` reads a JSON one as JSON.
constexpr const char* json_body = "request.json";
constexpr const char* yaml_body = "request.yaml";

// Whether a body is JSON: by its Content-Type, else by its first character.
auto is_json(const httplib::Request& req, std::string_view body) -> bool {
  const auto type = req.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) == 0 || type.find("+json") != std::string::npos) return true;
  if (type.find("yaml") != std::string::npos) return false;
  if (body.rfind("\xEF\xBB\xBF", 0) == 0) body.remove_prefix(3);
  const auto first = body.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && body[first] == '{';
}

// `lang`, `explain` and `clauses` of the query.
auto write_options_of(const httplib::Request& req, write_options& how) -> std::optional<reply> {
  if (req.has_param("lang")) {
    const auto l = req.get_param_value("lang");
    if (l != "en" && l != "zh") return error_reply(400, "`lang` is `en` or `zh`, not `" + l + "`");
    how.lang = l == "zh" ? lang::zh : lang::en;
  }
  for (const auto& [name, flag] : {std::pair{"explain", &how.explain}, std::pair{"clauses", &how.clauses}}) {
    if (!req.has_param(name)) continue;
    const auto v = req.get_param_value(name);
    if (v == "1" || v == "true" || v.empty()) {
      *flag = true;
    } else if (v == "0" || v == "false") {
      *flag = false;
    } else {
      return error_reply(400, "`" + std::string(name) + "` is `1` or `0`, not `" + v + "`");
    }
  }
  return std::nullopt;
}

// The checks before a case is read keep it from naming another file of the host. Should one have
// been read all the same (a body the checks read otherwise than the loader does), nothing of it
// goes out: not its problems, not a verdict with its records.
auto read_another_file(const case_file& c, const std::vector<load_issue>& issues, const std::string& file, lang l)
    -> std::optional<reply> {
  bool other = !c.list_files.empty();
  for (const auto& issue : issues) other = other || (!issue.where.file.empty() && issue.where.file != file);
  if (!other) return std::nullopt;
  return errors_reply(400,
                      {make_issue(l == lang::zh ? "案例指向了另一个文件：决策服务不读取文件"
                                                : "the case names another file: the decision service reads no files",
                                  file, 1, 1)});
}

auto empty_body(std::string_view body, const char* file, lang l) -> std::optional<reply> {
  if (body.find_first_not_of(" \t\r\n") != std::string_view::npos) return std::nullopt;
  return errors_reply(400, {make_issue(l == lang::zh ? "请求体是空的" : "the body is empty", file, 1, 1)});
}

// POST /v1/check: a case in, the verdict of `rulebook check --format json` out, byte for byte.
auto check(const policy& p, const std::string& body, bool json, const write_options& how, httplib::Response& res)
    -> reply {
  const std::string file = json ? json_body : yaml_body;
  if (auto r = empty_body(body, file.c_str(), how.lang)) return *r;
  std::vector<load_issue> issues;
  if (!detail::case_reads_no_files(file, body, json, issues, how.lang)) return errors_reply(400, issues, how.lang);
  const auto c = parse_case(file, body, p, issues, how.lang);
  if (auto r = read_another_file(c, issues, file, how.lang)) return *r;
  if (!issues.empty()) return errors_reply(400, issues, how.lang);
  // Days past the policy's calendars are judged as if they had no holidays: the verdict has no
  // place to say so (CONTRACT §3), the answer's header does, as `check` says it on stderr.
  // In English whatever `lang` says: a header carries ASCII only.
  if (const auto gap = detail::uncovered_calendar_years(p, c, lang::en)) {
    std::string warning = gap->message;
    for (auto& ch : warning) {
      if (static_cast<unsigned char>(ch) < 0x20 || static_cast<unsigned char>(ch) > 0x7e) ch = '?';
    }
    res.set_header("Rulebook-Warning", warning);
  }
  // One thread per request: the pool already keeps every core busy.
  const auto v = judge(p, c, {.threads = 1});
  std::ostringstream out;
  write_json(out, v, c, how);
  return {200, std::move(out).str()};
}

// POST /v1/what-if: `{case, request}` in; how the request would be judged if it were added to
// the case, as an item of a verdict's `requests`.
auto what_if(const policy& p, const std::string& body, bool json, const write_options& how) -> reply {
  const std::string file = json ? json_body : yaml_body;
  if (auto r = empty_body(body, file.c_str(), how.lang)) return *r;
  std::vector<load_issue> issues;
  auto parts = detail::split_what_if(file, body, issues, how.lang);
  if (!parts) return errors_reply(400, issues, how.lang);
  const auto c = parse_case(file, std::move(parts->first), p, issues, how.lang);
  if (auto r = read_another_file(c, issues, file, how.lang)) return *r;
  if (!issues.empty()) return errors_reply(400, issues, how.lang);
  // The question is read before the case is judged: a bad one costs no judgement.
  const auto r = parse_request(file, std::move(parts->second), c, p, issues, how.lang);
  if (!r || !issues.empty()) return errors_reply(400, issues, how.lang);
  const session s(p, c, {.threads = 1});
  const auto rv = s.what_if(*r);
  std::ostringstream out;
  write_json(out, rv, *r, p, c, how);
  return {200, std::move(out).str()};
}

// POST /v1/lint: a policy in; whether it loads, its errors, and the warnings of `rulebook lint`.
// An invalid policy is an answer (200), not a bad request.
auto lint(const std::string& body, lang l) -> reply {
  if (auto r = empty_body(body, yaml_body, l)) return *r;
  std::vector<load_issue> issues;
  policy p;
  if (detail::policy_reads_no_foreign_files(yaml_body, body, issues, l)) {
    p = parse_policy({{yaml_body, body}}, issues, l);
  }
  const bool valid = issues.empty();
  const auto warnings = valid ? lint_policy(p, l) : std::vector<load_issue>{};
  std::string out = std::string("{\"valid\": ") + (valid ? "true" : "false") + ", \"errors\": ";
  issues_json(out, issues, l);
  out += ", \"warnings\": ";
  issues_json(out, warnings, l);
  out += ", \"rules\": " + std::to_string(valid ? p.rules().size() : 0) + "}\n";
  return {200, std::move(out)};
}

void policy_head(std::string& out, const policy& p) {
  out += "\"name\": ";
  quote(out, p.name());
  out += ", \"version\": ";
  quote(out, p.version());
  out += ", \"digest\": ";
  quote(out, p.digest());
}

// GET /v1/policy: the rules and the clauses they cite, with the clauses' text.
auto describe_policy(const policy& p, lang l) -> reply {
  std::string out = "{";
  policy_head(out, p);
  out += ",\n \"rules\": [";
  std::vector<std::string> clauses;  // as the rules first cite them
  std::set<std::string> seen;
  for (std::uint32_t i = 0; i < p.rules().size(); ++i) {
    const auto& h = p.header_at(i);
    out += i == 0 ? "\n  " : ",\n  ";
    out += "{\"id\": ";
    quote(out, h.id);
    out += ", \"clause\": ";
    quote(out, h.clause);
    out += ", \"kind\": ";
    quote(out, h.kind);
    out += ", \"effect\": ";
    quote(out, to_string(h.effect));
    out += '}';
    if (!h.clause.empty() && seen.insert(h.clause).second) clauses.push_back(h.clause);
  }
  out += "],\n \"clauses\": [";
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    out += i == 0 ? "\n  " : ",\n  ";
    out += "{\"id\": ";
    quote(out, clauses[i]);
    out += ", \"text\": ";
    quote(out, p.clause_text(clauses[i], l));
    out += '}';
  }
  out += "]}\n";
  return {200, std::move(out)};
}

// GET /healthz: up, and with which policy (after a SIGHUP, whether the new one was taken).
auto health(const policy& p) -> reply {
  std::string out = "{\"status\": \"ok\", \"policy\": ";
  quote(out, p.name());
  out += ", \"version\": ";
  quote(out, p.version());
  out += ", \"digest\": ";
  quote(out, p.digest());
  out += "}\n";
  return {200, std::move(out)};
}

void send(httplib::Response& res, const reply& r) {
  res.status = r.status;
  res.set_content(r.body, "application/json; charset=utf-8");
}

// The endpoints and the methods each takes: another method is 405, another path 404.
struct endpoint {
  std::string_view path;
  std::string_view allow;
};
constexpr endpoint endpoints[] = {{"/v1/check", "POST"},
                                  {"/v1/what-if", "POST"},
                                  {"/v1/lint", "POST"},
                                  {"/v1/policy", "GET, HEAD"},
                                  {"/healthz", "GET, HEAD"}};

// Reads the body into `body`, at most `max` bytes of it once decompressed (httplib's own limit
// sees only a Content-Length: a chunked or compressed body is counted here). Returns the status
// to answer with instead, when it cannot be read.
auto read_body(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader,
               std::size_t max, std::string& body) -> std::optional<int> {
  // Without a length or chunks there is no body (httplib would read until the client closes).
  if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding")) return std::nullopt;
  if (req.is_multipart_form_data()) return 415;
  bool too_big = false;
  const bool read = reader([&](const char* data, std::size_t n) {
    if (n > max - body.size()) {
      too_big = true;
      return false;
    }
    body.append(data, n);
    return true;
  });
  if (too_big || res.status == 413) return 413;
  if (!read) return 400;
  return std::nullopt;
}

// The log line's clock: set when a request's headers are in, on the thread that answers it.
thread_local std::chrono::steady_clock::time_point request_started{};

// A path as the log shows it: printable ASCII, the rest as %XX, and not endless.
auto loggable(std::string_view s) -> std::string {
  std::string out;
  for (const char ch : s.substr(0, 256)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c > 0x20 && c < 0x7f && c != '%') {
      out += ch;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  if (s.size() > 256) out += "...";
  return out.empty() ? "-" : out;
}

auto status_message(int status) -> std::string {
  switch (status) {
    case 400: return "the request could not be read as HTTP";
    case 404: return "no such endpoint";
    case 405: return "the endpoint does not take this method";
    case 413: return "the body is too large";
    case 414: return "the request line is too long";
    case 415: return "the body's encoding or media type is not one the service reads";
    case 416: return "the range cannot be satisfied";
    default: return "the request failed with HTTP status " + std::to_string(status);
  }
}

// Everything the endpoints do not take: 405 for a known path (with the methods it takes), 404 for
// any other.
void refuse(const httplib::Request& req, httplib::Response& res) {
  for (const auto& e : endpoints) {
    if (req.path == e.path) {
      res.set_header("Allow", std::string(e.allow));
      return send(res, error_reply(405, "`" + std::string(e.path) + "` takes " + std::string(e.allow) + ", not " +
                                            loggable(req.method)));
    }
  }
  send(res, error_reply(404, "no endpoint `" + loggable(req.path) +
                                 "`: there are POST /v1/check, POST /v1/what-if, POST /v1/lint, GET /v1/policy and "
                                 "GET /healthz"));
}

}  // namespace

auto run_serve(const serve_options& given) -> int {
  const auto o = resolve(given);
  if (!o) return exit_bad_input;

  // SIGHUP, SIGTERM and SIGINT are blocked in this thread and so in every thread started from it
  // (the server's pool): one thread takes them with sigwait, where reloading and stopping the
  // server are safe, which they are not in a signal handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGHUP);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  // They stay blocked after the server stops: a second SIGTERM while it stops must not kill the
  // process with its default action, and the command returns only to exit.
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto loaded = load_policies(o->policies);
  if (!loaded) return exit_bad_input;
  policy_holder holder(std::move(*loaded));

  httplib::Server server;
  const auto threads = o->threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(o->max_body);
  // httplib writes a response's headers and body separately: with Nagle's algorithm the body would
  // wait for the client's delayed ACK of the headers, some 40 ms on every kept-alive request.
  server.set_tcp_nodelay(true);
  // httplib sets SO_REUSEPORT: a second service on the same port would then share it silently
  // (and a stale one go on answering with an old policy). SO_REUSEADDR alone lets a restart bind
  // while the last one's connections linger, and a second service fail.
  socket_t listening_socket = -1;
  server.set_socket_options([&listening_socket](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listening_socket = sock;
  });

  server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // One line per request, written whole (lines of concurrent requests do not mix).
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    std::string ms = "-";
    if (request_started != std::chrono::steady_clock::time_point{}) {
      const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - request_started;
      char text[32];
      std::snprintf(text, sizeof text, "%.3f", took.count());
      ms = text;
    }
    request_started = {};
    const auto line = loggable(req.method) + " " + loggable(req.path) + " " + std::to_string(res.status) + " " + ms +
                      " ms\n";
    std::fputs(line.c_str(), stderr);
  });
  // httplib's own refusals (a request it cannot parse, a body over --max-body) and ours without
  // a body are answered in JSON, as every other error.
  server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                   httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (res.status == 400 && (req.method == "TRACE" || req.method == "CONNECT")) {
      // Methods httplib reads but routes nowhere: as any other method an endpoint does not take.
      refuse(req, res);
      return httplib::Server::HandlerResponse::Handled;
    }
    send(res, error_reply(res.status, status_message(res.status)));
    return httplib::Server::HandlerResponse::Handled;
  }));
  // Bad content comes back as issues; this is a bug or an exhausted machine. The service goes on.
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      std::rethrow_exception(std::move(ep));
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    std::fputs(("rulebook serve: internal error on " + loggable(req.path) + ": " + what + '\n').c_str(), stderr);
    send(res, error_reply(500, "internal error: " + what));
  });

  const auto max_body = o->max_body;
  // The POST endpoints read their body themselves, to count it (see read_body).
  using body_handler = reply (*)(const policy&, const std::string&, bool, const write_options&, httplib::Response&);
  const auto post = [&](const char* path, body_handler handle) {
    server.Post(path, [&holder, max_body, handle](const httplib::Request& req, httplib::Response& res,
                                                  const httplib::ContentReader& reader) {
      std::string body;
      if (const auto status = read_body(req, res, reader, max_body, body)) {
        if (*status == 413) res.set_header("Connection", "close");
        send(res, error_reply(*status, status_message(*status)));
        return;
      }
      write_options how;
      if (const auto bad = write_options_of(req, how)) return send(res, *bad);
      const auto p = holder.get();
      try {
        send(res, handle(*p, body, is_json(req, body), how, res));
      } catch (const case_error& e) {
        // A loaded case passes every check `judge` makes; should one not, it is still the body's.
        send(res, errors_reply(400, {e.issues().begin(), e.issues().end()}, how.lang));
      } catch (const load_error& e) {
        send(res, errors_reply(400, {e.issues().begin(), e.issues().end()}, how.lang));
      }
    });
  };
  post("/v1/check", [](const policy& p, const std::string& body, bool json, const write_options& how,
                       httplib::Response& res) { return check(p, body, json, how, res); });
  post("/v1/what-if", [](const policy& p, const std::string& body, bool json, const write_options& how,
                         httplib::Response&) { return what_if(p, body, json, how); });
  post("/v1/lint", [](const policy&, const std::string& body, bool, const write_options& how, httplib::Response&) {
    return lint(body, how.lang);
  });
  server.Get("/v1/policy", [&holder](const httplib::Request& req, httplib::Response& res) {
    write_options how;
    if (const auto bad = write_options_of(req, how)) return send(res, *bad);
    send(res, describe_policy(*holder.get(), how.lang));
  });
  server.Get("/healthz",
             [&holder](const httplib::Request&, httplib::Response& res) { send(res, health(*holder.get())); });

  // Everything else: 405 for a known path, 404 for any other, after reading (and dropping) the body.
  const auto refuse_with_body = [max_body](const httplib::Request& req, httplib::Response& res,
                                           const httplib::ContentReader& reader) {
    std::string body;
    if (read_body(req, res, reader, max_body, body)) res.set_header("Connection", "close");
    res.status = -1;
    refuse(req, res);
  };
  server.Get(".*", refuse);
  server.Options(".*", refuse);
  server.Post(".*", refuse_with_body);
  server.Put(".*", refuse_with_body);
  server.Patch(".*", refuse_with_body);
  server.Delete(".*", refuse_with_body);

  int port = o->port;
  if (port == 0) {
    port = server.bind_to_any_port(o->host);
  } else if (!server.bind_to_port(o->host, port)) {
    port = -1;
  }
  const bool ipv6 = o->host.find(':') != std::string::npos;
  const auto address = (ipv6 ? "[" + o->host + "]" : o->host) + ":" + std::to_string(port < 0 ? o->port : port);
  if (port < 0) {
    std::cerr << "rulebook serve: cannot listen on " << address << ": " << std::strerror(errno) << '\n';
    return exit_bad_input;
  }
  // httplib listens with a backlog of 5: a burst of new connections (a load balancer opening its
  // pool) would see SYNs dropped and retried a second later. Listening again sets the backlog.
  if (listening_socket >= 0) ::listen(listening_socket, SOMAXCONN);
  {
    const auto p = holder.get();
    std::fprintf(stderr, "rulebook serve: %s %s %s, %u threads\nlistening on http://%s\n", p->name().c_str(),
                 p->version().c_str(), p->digest().c_str(), threads, address.c_str());
    std::fflush(stderr);
  }

  std::atomic<bool> listening_done{false};
  std::atomic<bool> stopped_by_signal{false};
  std::thread signal_thread([&] {
    for (;;) {
      int sig = 0;
      if (sigwait(&signals, &sig) != 0) continue;
      if (listening_done) return;  // the server stopped on its own and woke this thread
      if (sig == SIGHUP) {
        reload(holder, o->policies);
        continue;
      }
      std::fprintf(stderr, "rulebook serve: %s: answering the requests in flight, then stopping\n",
                   sig == SIGTERM ? "SIGTERM" : "SIGINT");
      stopped_by_signal = true;
      // A signal may come before the server has started listening: stop() would do nothing then.
      while (!server.is_running() && !listening_done) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      if (!listening_done) server.stop();
      return;
    }
  });
  const bool listened = server.listen_after_bind();
  listening_done = true;
  // Stopped without a signal (the listening socket failed): wake the signal thread to end it.
  if (!stopped_by_signal) pthread_kill(signal_thread.native_handle(), SIGHUP);
  signal_thread.join();
  if (!stopped_by_signal) {
    std::cerr << "rulebook serve: stopped listening on " << address << (listened ? "" : " after an error") << '\n';
    return exit_bad_input;
  }
  std::cerr << "rulebook serve: stopped\n";
  return exit_ok;
}

}  // namespace rulebook::cli
